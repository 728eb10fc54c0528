/**
 * The documented query parameters of each Desk endpoint DeskLink calls.
 * Zoho answers any other parameter with 422, so each endpoint has a typed parameter set and a
 * runtime allow-list kept equal to it by `satisfies`: an undocumented key is a type error and,
 * if smuggled in anyway, is dropped before the request leaves.
 */

type Desc<F extends string> = F | `-${F}`;
type Value = string | number | boolean | readonly (string | number)[] | undefined;

/** Search endpoints: `from` 0–999, `limit` 1–100, comma lists mean OR. */
interface SearchPaging {
  from?: number;
  limit?: number;
  _all?: string;
  createdTimeRange?: string;
  modifiedTimeRange?: string;
}

export interface TicketSearchParams extends SearchPaging {
  sortBy?: Desc<'relevance' | 'modifiedTime' | 'createdTime' | 'customerResponseTime'>;
  departmentId?: string;
  id?: readonly string[];
  ticketNumber?: readonly string[];
  contactId?: readonly string[];
  accountId?: readonly string[];
  productId?: readonly string[];
  assigneeId?: readonly string[];
  priority?: readonly string[];
  status?: readonly string[];
  /** Up to 30 values (OR). */
  email?: readonly string[];
  phone?: readonly string[];
  subject?: string;
  description?: string;
  contactName?: string;
  accountName?: string;
  productName?: string;
  tag?: string;
  category?: string;
  channel?: string;
  dueDateRange?: string;
  customerResponseTimeRange?: string;
}
const ticketSearch = {
  from: 1,
  limit: 1,
  _all: 1,
  createdTimeRange: 1,
  modifiedTimeRange: 1,
  sortBy: 1,
  departmentId: 1,
  id: 1,
  ticketNumber: 1,
  contactId: 1,
  accountId: 1,
  productId: 1,
  assigneeId: 1,
  priority: 1,
  status: 1,
  email: 1,
  phone: 1,
  subject: 1,
  description: 1,
  contactName: 1,
  accountName: 1,
  productName: 1,
  tag: 1,
  category: 1,
  channel: 1,
  dueDateRange: 1,
  customerResponseTimeRange: 1,
} satisfies Record<keyof TicketSearchParams, 1>;

export interface ContactSearchParams extends SearchPaging {
  sortBy?: Desc<'relevance' | 'modifiedTime' | 'createdTime' | 'lastName' | 'firstName'>;
  id?: readonly string[];
  fullName?: string;
  firstName?: string;
  lastName?: string;
  /** Primary email, up to 30 values (OR). */
  email?: readonly string[];
  phone?: readonly string[];
  mobile?: readonly string[];
  accountName?: string;
}
const contactSearch = {
  from: 1,
  limit: 1,
  _all: 1,
  createdTimeRange: 1,
  modifiedTimeRange: 1,
  sortBy: 1,
  id: 1,
  fullName: 1,
  firstName: 1,
  lastName: 1,
  email: 1,
  phone: 1,
  mobile: 1,
  accountName: 1,
} satisfies Record<keyof ContactSearchParams, 1>;

export interface AccountSearchParams extends SearchPaging {
  sortBy?: Desc<'relevance' | 'modifiedTime' | 'createdTime' | 'accountName'>;
  id?: readonly string[];
  /** Wildcard `*` at the end, at least 3 characters; a comma means OR. */
  accountName?: string;
}
const accountSearch = {
  from: 1,
  limit: 1,
  _all: 1,
  createdTimeRange: 1,
  modifiedTimeRange: 1,
  sortBy: 1,
  id: 1,
  accountName: 1,
} satisfies Record<keyof AccountSearchParams, 1>;

type DueDate = 'overdue' | 'tomorrow' | 'currentWeek' | 'currentMonth' | 'today';
type TicketListSort = Desc<'createdTime' | 'modifiedTime'>;

export interface ContactTicketsParams {
  include?: readonly ('products' | 'departments' | 'team' | 'assignee' | 'isRead')[];
  departmentId?: string;
  dueDate?: DueDate;
  from?: number;
  limit?: number;
  sortBy?: TicketListSort;
  isSpam?: boolean;
}
const contactTickets = {
  include: 1,
  departmentId: 1,
  dueDate: 1,
  from: 1,
  limit: 1,
  sortBy: 1,
  isSpam: 1,
} satisfies Record<keyof ContactTicketsParams, 1>;

export interface AccountTicketsParams extends Omit<ContactTicketsParams, 'include'> {
  include?: readonly ('contacts' | 'products' | 'departments' | 'team' | 'isRead' | 'assignee')[];
}
const accountTickets = contactTickets satisfies Record<keyof AccountTicketsParams, 1>;

export interface MyInfoParams {
  include?: readonly ('profile' | 'role' | 'associatedDepartments' | 'associatedChatDepartments')[];
}
const myInfo = { include: 1 } satisfies Record<keyof MyInfoParams, 1>;

/** `myDepartments`: the departments the current user belongs to (a new ticket's choices). */
export interface MyDepartmentsParams {
  isEnabled?: boolean;
}
const myDepartments = { isEnabled: 1 } satisfies Record<keyof MyDepartmentsParams, 1>;

/** `organizationFields`: a module's fields; `apiNames` picks some (the priority). */
export interface OrganizationFieldsParams {
  module: 'tickets';
  apiNames?: readonly string[];
  departmentId?: string;
}
const organizationFields = { module: 1, apiNames: 1, departmentId: 1 } satisfies Record<keyof OrganizationFieldsParams, 1>;

/** `latestThread`: a ticket's newest thread. */
export interface LatestThreadParams {
  /** The latest public thread (not an agent's private one). */
  needPublic?: boolean;
  needIncomingThread?: boolean;
  include?: readonly ('source' | 'plainText')[];
  threadStatus?: 'success' | 'failed';
}
const latestThread = { needPublic: 1, needIncomingThread: 1, include: 1, threadStatus: 1 } satisfies Record<keyof LatestThreadParams, 1>;

/** Allowed keys per endpoint; `organizations`, `getAccount` and `createTicket` take none. */
const ALLOWED_PARAMS = {
  organizations: {},
  myInfo,
  ticketSearch,
  contactSearch,
  accountSearch,
  contactTickets,
  accountTickets,
  getAccount: {},
  myDepartments,
  organizationFields,
  createTicket: {},
  latestThread,
} as const satisfies Record<string, Record<string, 1>>;
export type Endpoint = keyof typeof ALLOWED_PARAMS;

/**
 * The OAuth scopes each endpoint declares in Zoho's files (zohodesk-oas v1.0, newest version;
 * a security entry names them together, so all are asked for). Sign-in asks for their union
 * (lib/shared/scopes.ts); a SCOPE_MISMATCH names the refused endpoint's.
 */
export const ENDPOINT_SCOPES = {
  organizations: ['Desk.basic.READ', 'Desk.organization.READ', 'Desk.settings.READ'],
  myInfo: ['Desk.settings.READ', 'Desk.basic.READ'],
  ticketSearch: ['Desk.tickets.READ', 'Desk.search.READ'],
  contactSearch: ['Desk.contacts.READ', 'Desk.search.READ'],
  accountSearch: ['Desk.contacts.READ', 'Desk.search.READ'],
  contactTickets: ['Desk.contacts.READ', 'Desk.tickets.READ', 'Desk.search.READ'],
  accountTickets: ['Desk.tickets.READ', 'Desk.search.READ'],
  getAccount: ['Desk.contacts.READ'],
  // The new ticket's choices, chosen among endpoints whose scopes the read set already holds.
  myDepartments: ['Desk.settings.READ', 'Desk.basic.READ'],
  organizationFields: ['Desk.settings.READ'],
  createTicket: ['Desk.tickets.CREATE'],
  latestThread: ['Desk.tickets.READ'],
} as const satisfies Record<Endpoint, readonly string[]>;

/**
 * `?a=1&b=x,y` from the allowed keys only, in the order given; lists are comma-joined (OR);
 * empty values are left out. Values are percent-encoded (spaces as %20, commas kept literal).
 */
export function queryString(endpoint: Endpoint, params: object | undefined): string {
  const allowed: Record<string, 1> = ALLOWED_PARAMS[endpoint];
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(params ?? {}) as [string, Value][]) {
    if (!Object.hasOwn(allowed, key) || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
    if (value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
