/**
 * The sandbox's data model (Desk portals with tickets, contacts, accounts; CRM records) and the
 * store that indexes it, so a search over 100,000 tickets is a map lookup.
 * Times are epoch milliseconds here; the Desk layer renders them as ISO strings or numbers.
 */
import type { FixtureModule } from '../fixtures';

export type PortalKey = 'A' | 'B' | 'C' | 'E' | 'U';
export type StatusType = 'Open' | 'On Hold' | 'Closed';
export type CrmModule = FixtureModule | 'Potentials' | 'CustomModule1';

/** All generated times lie before this instant (2026-11-01T00:00:00Z): no Date.now() in data. */
export const EPOCH = Date.UTC(2026, 10, 1);
export const DAY = 24 * 60 * 60 * 1000;
/** Due dates of tickets that are not overdue lie beyond this (far future, so "overdue" stays stable). */
export const FAR_FUTURE = Date.UTC(2036, 0, 1);

export interface DeskAgent {
  id: string;
  firstName: string;
  lastName: string;
  emailId: string;
  zuid: string;
}

export interface DeskDepartment {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface DeskAccount {
  id: string;
  accountName: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  industry: string | null;
  /** CRM Accounts record id, or null when not synced. */
  zohoCRMAccount: string | null;
  createdTime: number;
  modifiedTime: number;
}

export interface DeskContact {
  id: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  secondaryEmail: string | null;
  phone: string | null;
  mobile: string | null;
  accountId: string | null;
  /** CRM Contact or Lead record id, or null when not synced. */
  zohoCRMContact: string | null;
  createdTime: number;
  modifiedTime: number;
}

export interface DeskTicket {
  id: string;
  ticketNumber: string;
  subject: string;
  description: string;
  status: string;
  statusType: StatusType;
  priority: string | null;
  channel: string;
  language: string;
  category: string | null;
  email: string | null;
  phone: string | null;
  contactId: string | null;
  accountId: string | null;
  departmentId: string;
  assigneeId: string | null;
  createdTime: number;
  modifiedTime: number;
  dueDate: number | null;
  closedTime: number | null;
  onholdTime: number | null;
  customerResponseTime: number;
  threadCount: number;
  commentCount: number;
  isEscalated: boolean;
  /** One of the fixture records' tickets (their described facts are never varied in answers). */
  fixture: boolean;
  /** Created through `POST /api/v1/tickets`: what was sent is never varied in answers. */
  created?: boolean;
  /**
   * Values this ticket's answers leave null wherever the shape allows it (left out where the key
   * is optional); a shape that requires a value gets the one above.
   */
  nulls?: readonly string[];
}

export interface CrmRecord {
  module: CrmModule;
  id: string;
  /** Full name (persons), account name (Accounts), deal or record name (others). */
  name: string;
  firstName?: string;
  lastName?: string;
  /** Primary first, then secondary, as the record page shows them. */
  emails: string[];
  /** The emails CRM's REST API answers, when the page shows others (absent: `emails`). */
  apiEmails?: string[];
  accountName?: string;
  /** A Deal's contact (a Contacts record of this name). */
  contactName?: string;
  company?: string;
  phone?: string;
  ownerName: string;
}

const lower = (s: string) => s.toLowerCase();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One Desk portal's data with its indexes. */
export class PortalStore {
  readonly tickets: DeskTicket[] = [];
  readonly ticketById = new Map<string, DeskTicket>();
  readonly ticketsByEmail = new Map<string, DeskTicket[]>();
  readonly ticketsByContact = new Map<string, DeskTicket[]>();
  readonly ticketsByAccount = new Map<string, DeskTicket[]>();
  readonly contacts: DeskContact[] = [];
  readonly contactById = new Map<string, DeskContact>();
  readonly contactsByEmail = new Map<string, DeskContact[]>();
  readonly accounts: DeskAccount[] = [];
  readonly accountById = new Map<string, DeskAccount>();
  readonly agents: DeskAgent[] = [];
  readonly agentById = new Map<string, DeskAgent>();
  readonly departments: DeskDepartment[] = [];
  private sealed = false;
  private forked = false;

  constructor(
    readonly key: PortalKey,
    readonly idPrefix: string,
  ) {}

  addAgent(agent: DeskAgent): DeskAgent {
    this.agents.push(agent);
    this.agentById.set(agent.id, agent);
    return agent;
  }

  addAccount(account: DeskAccount): DeskAccount {
    this.accounts.push(account);
    this.accountById.set(account.id, account);
    return account;
  }

  addContact(contact: DeskContact): DeskContact {
    this.contacts.push(contact);
    this.contactById.set(contact.id, contact);
    if (contact.email) push(this.contactsByEmail, lower(contact.email), contact);
    return contact;
  }

  addTicket(ticket: DeskTicket): DeskTicket {
    if (this.sealed) throw new Error('store sealed');
    this.tickets.push(ticket);
    this.ticketById.set(ticket.id, ticket);
    if (ticket.email) push(this.ticketsByEmail, lower(ticket.email), ticket);
    if (ticket.contactId) push(this.ticketsByContact, ticket.contactId, ticket);
    if (ticket.accountId) push(this.ticketsByAccount, ticket.accountId, ticket);
    return ticket;
  }

  /**
   * A copy for one sandbox's writes: the same records and its own indexes, so the generated data
   * other sandboxes of the process share stays as it was built.
   */
  fork(): PortalStore {
    const copy = new PortalStore(this.key, this.idPrefix);
    for (const t of this.tickets) copy.tickets.push(t);
    for (const c of this.contacts) copy.contacts.push(c);
    copy.accounts.push(...this.accounts);
    copy.agents.push(...this.agents);
    copy.departments.push(...this.departments);
    const pairs: [Map<unknown, unknown>, Map<unknown, unknown>][] = [
      [this.ticketById, copy.ticketById],
      [this.ticketsByEmail, copy.ticketsByEmail],
      [this.ticketsByContact, copy.ticketsByContact],
      [this.ticketsByAccount, copy.ticketsByAccount],
      [this.contactById, copy.contactById],
      [this.contactsByEmail, copy.contactsByEmail],
      [this.accountById, copy.accountById],
      [this.agentById, copy.agentById],
    ];
    for (const [from, to] of pairs) for (const [k, v] of from) to.set(k, v);
    copy.sealed = true;
    copy.forked = true;
    return copy;
  }

  /**
   * A ticket newer than every other, first in every index. The lists are replaced, never changed
   * in place: a fork shares them with the store it came from.
   */
  addNewestTicket(ticket: DeskTicket): DeskTicket {
    if (!this.forked) throw new Error('only a fork takes new tickets');
    this.tickets.unshift(ticket);
    this.ticketById.set(ticket.id, ticket);
    const first = <K>(map: Map<K, DeskTicket[]>, key: K) => map.set(key, [ticket, ...(map.get(key) ?? [])]);
    if (ticket.email) first(this.ticketsByEmail, lower(ticket.email));
    if (ticket.contactId) first(this.ticketsByContact, ticket.contactId);
    if (ticket.accountId) first(this.ticketsByAccount, ticket.accountId);
    return ticket;
  }

  /** A contact created with a ticket, last among those of its email (lists replaced, as above). */
  addNewContact(contact: DeskContact): DeskContact {
    if (!this.forked) throw new Error('only a fork takes new contacts');
    this.contacts.push(contact);
    this.contactById.set(contact.id, contact);
    if (contact.email) this.contactsByEmail.set(lower(contact.email), [...(this.contactsByEmail.get(lower(contact.email)) ?? []), contact]);
    return contact;
  }

  /** Sort every index newest first (the default order of searches and lists). */
  seal(): void {
    const newestFirst = (a: DeskTicket, b: DeskTicket) => b.createdTime - a.createdTime || (a.id < b.id ? 1 : -1);
    this.tickets.sort(newestFirst);
    for (const index of [this.ticketsByEmail, this.ticketsByContact, this.ticketsByAccount]) {
      for (const list of index.values()) list.sort(newestFirst);
    }
    this.sealed = true;
  }
}

/** Everything the sandbox serves for one size. */
export interface Dataset {
  portals: Record<PortalKey, PortalStore>;
  crmRecords: CrmRecord[];
  crmById: Map<string, CrmRecord>;
  /** Records of each CRM module in list order (drives list views and previous/next arrows). */
  crmByModule: Map<CrmModule, CrmRecord[]>;
}
