/**
 * Builds sandbox data: allocates 19-digit ids, fills ticket defaults from the seeded PRNG and
 * keeps the portals' indexes. Fixture and filler generators both go through it.
 */
import { PORTALS } from '../fixtures';
import { Prng } from './prng';
import {
  DAY,
  EPOCH,
  FAR_FUTURE,
  PortalStore,
  type CrmRecord,
  type DeskAccount,
  type DeskContact,
  type DeskTicket,
  type PortalKey,
  type StatusType,
} from './model';
import { CATEGORIES, CHANNELS, EN_PRIORITIES, EN_STATUS, JA_PRIORITIES, JA_STATUS } from './pools';

type IdKind = 'ticket' | 'contact' | 'account' | 'agent' | 'department';
const KIND_DIGIT: Record<IdKind, string> = { ticket: '1', contact: '2', account: '3', agent: '4', department: '5' };

export interface TicketSpec {
  subject: string;
  statusType: StatusType;
  /** Label; defaults to the status type's label in the ticket's language. */
  status?: string;
  /** Open / On Hold only: due date in the past (else far in the future or none). */
  overdue?: boolean;
  email: string | null;
  contactId?: string | null;
  accountId?: string | null;
  priority?: string | null;
  japanese?: boolean;
  /** undefined = pick an agent (or none); null = unassigned. */
  assigneeId?: string | null;
  category?: string | null;
  description?: string;
  /** Values the answers give as null wherever Zoho's shapes allow (see DeskTicket.nulls). */
  nulls?: readonly string[];
}

export class DataBuilder {
  readonly rng: Prng;
  readonly portals: Record<PortalKey, PortalStore>;
  readonly crmRecords: CrmRecord[] = [];
  private readonly counters = new Map<string, number>();
  private readonly ticketNumbers: Record<PortalKey, number> = { A: 100, B: 1000, C: 10, E: 500, U: 700 };
  /** Tickets made while true belong to the fixture records. */
  fixtureMode = false;

  constructor(seed: number) {
    this.rng = new Prng(seed);
    this.portals = {
      A: new PortalStore('A', '1892000000'),
      B: new PortalStore('B', '4411000000'),
      C: new PortalStore('C', '6012000000'),
      E: new PortalStore('E', '2230000000'),
      U: new PortalStore('U', '3370000000'),
    };
  }

  /** A 19-digit id: 10-digit portal prefix, a kind digit, an 8-digit counter. */
  id(portal: PortalKey, kind: IdKind): string {
    const key = portal + kind;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return this.portals[portal].idPrefix + KIND_DIGIT[kind] + String(n).padStart(8, '0');
  }

  /** A past instant: between `minDays` and `maxDays` days before EPOCH. */
  pastTime(minDays = 3, maxDays = 700): number {
    return EPOCH - this.rng.int(minDays, maxDays) * DAY - this.rng.int(0, DAY - 1);
  }

  account(portal: PortalKey, a: Partial<DeskAccount> & Pick<DeskAccount, 'accountName'>): DeskAccount {
    const createdTime = this.pastTime(400, 900);
    return this.portals[portal].addAccount({
      id: this.id(portal, 'account'),
      website: null,
      email: null,
      phone: null,
      industry: null,
      zohoCRMAccount: null,
      createdTime,
      modifiedTime: createdTime + this.rng.int(1, 300) * DAY,
      ...a,
    });
  }

  contact(portal: PortalKey, c: Partial<DeskContact> & Pick<DeskContact, 'lastName' | 'email'>): DeskContact {
    const createdTime = this.pastTime(400, 900);
    return this.portals[portal].addContact({
      id: this.id(portal, 'contact'),
      firstName: null,
      secondaryEmail: null,
      phone: null,
      mobile: null,
      accountId: null,
      zohoCRMContact: null,
      createdTime,
      modifiedTime: createdTime + this.rng.int(1, 300) * DAY,
      ...c,
    });
  }

  ticket(portal: PortalKey, spec: TicketSpec): DeskTicket {
    const store = this.portals[portal];
    const rng = this.rng;
    const japanese = spec.japanese ?? portal === 'B';
    const labels = japanese ? JA_STATUS : EN_STATUS;
    const createdTime = this.pastTime();
    const modifiedTime = createdTime + rng.int(0, Math.min(20 * DAY, EPOCH - createdTime - 1));
    const open = spec.statusType !== 'Closed';
    let dueDate: number | null;
    if (!open) dueDate = createdTime + 3 * DAY;
    else if (spec.overdue) dueDate = createdTime + 2 * DAY;
    else dueDate = rng.chance(0.15) ? null : FAR_FUTURE + rng.int(0, 365) * DAY;
    const normalAgents = store.agents.filter((a) => !a.firstName.includes('<'));
    const assigneeId =
      spec.assigneeId !== undefined ? spec.assigneeId : rng.chance(0.2) || normalAgents.length === 0 ? null : rng.pick(normalAgents).id;
    const department = rng.chance(0.8) ? store.departments[0] : store.departments[store.departments.length - 1];
    if (!department) throw new Error(`portal ${portal} has no department`);
    const priorities = japanese ? JA_PRIORITIES : EN_PRIORITIES;
    const status = spec.status ?? labels[spec.statusType];
    const channel = rng.pick(CHANNELS);
    return store.addTicket({
      id: this.id(portal, 'ticket'),
      ticketNumber: String(++this.ticketNumbers[portal]),
      subject: spec.subject,
      description: spec.description ?? `<div>${escapeText(spec.subject)}</div>`,
      status,
      statusType: spec.statusType,
      priority: spec.priority !== undefined ? spec.priority : rng.chance(0.1) ? null : rng.pick(priorities),
      channel,
      language: japanese ? 'Japanese' : 'English',
      category: spec.category !== undefined ? spec.category : rng.pick(CATEGORIES),
      email: spec.email,
      phone: rng.chance(0.3) ? `+1 555 01${rng.int(10, 99)}` : null,
      contactId: spec.contactId ?? null,
      accountId: spec.accountId ?? null,
      departmentId: department.id,
      assigneeId,
      createdTime,
      modifiedTime,
      dueDate,
      closedTime: open ? null : modifiedTime,
      onholdTime: spec.statusType === 'On Hold' ? modifiedTime : null,
      customerResponseTime: createdTime + rng.int(60_000, 2 * DAY),
      threadCount: rng.int(1, 12),
      commentCount: rng.int(0, 3),
      isEscalated: status === labels.Escalated,
      fixture: this.fixtureMode,
      ...(spec.nulls ? { nulls: spec.nulls } : {}),
    });
  }

  crm(record: CrmRecord): CrmRecord {
    this.crmRecords.push(record);
    return record;
  }
}

/** Escapes text for the HTML `description` field (Desk stores descriptions as HTML). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Portal metadata from the fixtures, by key. */
export const portalMeta = (key: PortalKey) => PORTALS[key];
