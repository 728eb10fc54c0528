/**
 * What one sandbox wrote to its Desk portals: the tickets (and contacts) created through
 * `POST /api/v1/tickets`. A portal is forked from the shared generated data on its first write,
 * so other sandboxes of the process never see another's tickets. A created ticket is in its
 * contact's and account's lists and reachable by id at once, but `tickets/search` finds it only
 * after the search index delay, as Desk's search index lags its records.
 */
import { PORTALS } from '../fixtures';
import type { Dataset, DeskContact, DeskTicket, PortalKey, PortalStore } from '../generate/model';

/** A ticket created through the API, as tests read it back. */
export interface CreatedTicket {
  orgId: string;
  portal: PortalKey;
  id: string;
  ticketNumber: string;
  subject: string;
  departmentId: string;
  contactId: string;
  accountId: string | null;
  priority: string | null;
  channel: string;
  status: string;
  email: string | null;
  phone: string | null;
  /** As sent; null when the body had none. */
  description: string | null;
  /** Epoch ms. */
  createdTime: number;
  /** The contact was created with the ticket (no contact of the portal had its email). */
  newContact: boolean;
  /** The request body as parsed. */
  body: Record<string, unknown>;
}

export const DEFAULT_SEARCH_INDEX_DELAY_MS = 5000;

export class CreatedRecords {
  private readonly forks = new Map<PortalKey, PortalStore>();
  private readonly log: CreatedTicket[] = [];
  /** When each created ticket was created (epoch ms): it enters the search index the delay later. */
  private readonly createdAt = new Map<string, number>();
  private readonly numbers = new Map<PortalKey, number>();
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly dataset: Dataset,
    public searchIndexDelayMs = DEFAULT_SEARCH_INDEX_DELAY_MS,
  ) {}

  /** The portal's data as this sandbox answers it. */
  readable(portal: PortalKey): PortalStore {
    return this.forks.get(portal) ?? this.dataset.portals[portal];
  }

  /** The portal's own copy, made on the first write. */
  writable(portal: PortalKey): PortalStore {
    let fork = this.forks.get(portal);
    if (!fork) {
      fork = this.dataset.portals[portal].fork();
      this.forks.set(portal, fork);
    }
    return fork;
  }

  /** A new 19-digit id: the portal prefix, the kind digit, then a counter above every generated one. */
  newId(portal: PortalKey, kind: 'ticket' | 'contact'): string {
    const key = portal + kind;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return this.dataset.portals[portal].idPrefix + (kind === 'ticket' ? '1' : '2') + String(90_000_000 + n);
  }

  /** The portal's next ticket number: one above the highest it has. */
  nextTicketNumber(portal: PortalKey): string {
    let last = this.numbers.get(portal);
    if (last === undefined) {
      last = 0;
      for (const t of this.dataset.portals[portal].tickets) last = Math.max(last, Number(t.ticketNumber) || 0);
    }
    this.numbers.set(portal, last + 1);
    return String(last + 1);
  }

  addContact(portal: PortalKey, contact: DeskContact): DeskContact {
    return this.writable(portal).addNewContact(contact);
  }

  addTicket(
    portal: PortalKey,
    ticket: DeskTicket,
    record: Omit<CreatedTicket, keyof DeskTicket | 'orgId' | 'portal' | 'description'>,
  ): void {
    this.writable(portal).addNewestTicket(ticket);
    this.createdAt.set(ticket.id, ticket.createdTime);
    this.log.push({
      orgId: PORTALS[portal].id,
      portal,
      id: ticket.id,
      ticketNumber: ticket.ticketNumber,
      subject: ticket.subject,
      departmentId: ticket.departmentId,
      contactId: ticket.contactId!,
      accountId: ticket.accountId,
      priority: ticket.priority,
      channel: ticket.channel,
      status: ticket.status,
      email: ticket.email,
      phone: ticket.phone,
      description: typeof record.body.description === 'string' ? record.body.description : null,
      createdTime: ticket.createdTime,
      newContact: record.newContact,
      body: record.body,
    });
  }

  /** Whether `tickets/search` finds the ticket at `now` (a changed delay applies to earlier tickets too). */
  searchable(ticket: DeskTicket, now: number): boolean {
    const at = this.createdAt.get(ticket.id);
    return at === undefined || at + this.searchIndexDelayMs <= now;
  }

  /** Whether any created ticket is still outside the search index (most searches skip the check). */
  anyUnindexed(now: number): boolean {
    for (const at of this.createdAt.values()) if (at + this.searchIndexDelayMs > now) return true;
    return false;
  }

  created(filter: { orgId?: string } = {}): CreatedTicket[] {
    return this.log.filter((t) => !filter.orgId || t.orgId === filter.orgId).map((t) => ({ ...t }));
  }

  /** Every portal back to its generated data; numbering goes on from where it was. */
  clear(): void {
    this.forks.clear();
    this.log.length = 0;
    this.createdAt.clear();
  }
}
