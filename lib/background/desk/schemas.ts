/**
 * zod schemas of the Zoho Desk answers DeskLink reads, accepting every value Zoho's OpenAPI files
 * allow: in a search answer every ticket field may be null (subject, status, statusType and the
 * ticket number too), list answers leave keys out, contacts and accounts may come without names
 * or CRM link ids. Only an item's id is required: an item without one is dropped by the client
 * (and counted), never the whole answer. Unknown fields are stripped; each entity has one
 * normalised output type.
 */
import { z } from 'zod';
import { count, deskId, looseText, optionalCount, optionalDate, optionalFlag, optionalId, text } from './schema-primitives';

// ---- Organizations ----

export const OrganizationSchema = z.object({
  id: deskId,
  companyName: text,
  portalName: text,
  portalURL: text,
  isDefault: optionalFlag.transform((v) => v ?? false),
  isSandboxPortal: optionalFlag,
  isPayloadEncryptionEnabled: optionalFlag,
  isAdminInOrg: optionalFlag,
  /** Case varies in the wild (`Enterprise`, `ZohoOne`); see request-policy.ts. */
  edition: text,
  employeeCount: looseText,
  alias: text,
  description: text,
  timeZone: text,
});
export type Organization = z.infer<typeof OrganizationSchema>;

// ---- What a new ticket may name: departments, priority values ----

export const DepartmentSchema = z.object({
  id: deskId,
  name: text,
  isEnabled: optionalFlag,
  isDefault: optionalFlag,
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A ticket field of `organizationFields`; only its allowed values are read (the priority's). */
export const TicketFieldSchema = z.object({
  id: deskId,
  apiName: text,
  allowedValues: z
    .array(z.object({ value: z.string() }).loose())
    .nullish()
    .transform((values) => values ?? []),
});
export type TicketField = z.infer<typeof TicketFieldSchema>;

// ---- Current agent (myinfo) ----

export const MyInfoSchema = z.object({
  id: deskId,
  firstName: text,
  lastName: text,
  name: text,
  emailId: z.string(),
  zuid: optionalId,
  roleId: optionalId,
  profileId: optionalId,
  rolePermissionType: text,
  status: text,
  isConfirmed: optionalFlag,
  langCode: text,
  countryCode: text,
  timeZone: text,
  associatedDepartmentIds: z
    .array(deskId)
    .nullish()
    .transform((v) => v ?? []),
});
export type MyInfo = z.infer<typeof MyInfoSchema>;

// ---- Tickets ----

const STATUS_TYPES = { open: 'Open', 'on hold': 'On Hold', onhold: 'On Hold', on_hold: 'On Hold', closed: 'Closed' } as const;

/**
 * `Open` | `On Hold` | `Closed`, tolerating case and `ON_HOLD`/`OnHold` spellings; null when Zoho
 * sent none (search answers may) or a value outside the three: the panel shows it as unknown.
 */
const statusType = z
  .string()
  .nullish()
  .transform((value) => (value ? (STATUS_TYPES[value.trim().toLowerCase() as keyof typeof STATUS_TYPES] ?? null) : null));

/** A ticket number as Zoho sends it (a digit string or a number); null when absent. */
const ticketNumber = z
  .union([z.string().trim(), z.number().int().nonnegative().transform(String)])
  .nullish()
  .transform((v) => v || null);

/** Agent as embedded in tickets: `email` on get/list, `emailId` on search. */
const PersonSchema = z.object({
  id: optionalId,
  firstName: text,
  lastName: text,
  email: text,
  emailId: text,
});

const NamedRefSchema = z.object({ id: optionalId, name: text });

export const TicketSchema = z
  .object({
    id: deskId,
    ticketNumber,
    subject: text,
    status: text,
    statusType,
    priority: text,
    channel: text,
    category: text,
    email: text,
    contactId: optionalId,
    accountId: optionalId,
    departmentId: optionalId,
    assigneeId: optionalId,
    createdTime: optionalDate,
    modifiedTime: optionalDate,
    dueDate: optionalDate,
    closedTime: optionalDate,
    customerResponseTime: optionalDate,
    /** Zoho spells it `isOverDue`; some answers say `isOverdue`; lists omit it. */
    isOverDue: optionalFlag,
    isOverdue: optionalFlag,
    isSpam: optionalFlag,
    threadCount: optionalCount,
    commentCount: optionalCount,
    webUrl: text,
    /** Unassigned: null or absent. */
    assignee: PersonSchema.nullish().transform((v) => v ?? null),
    department: NamedRefSchema.nullish().transform((v) => v ?? null),
    contact: z
      .object({ id: optionalId, firstName: text, lastName: text, email: text })
      .nullish()
      .transform((v) => v ?? null),
  })
  .transform(({ isOverdue, isOverDue, ...ticket }) => ({ ...ticket, isOverDue: isOverDue ?? isOverdue }));
export type Ticket = z.infer<typeof TicketSchema>;

// ---- Contacts and accounts ----

/** `{id, type}` where `type` is a string or (one OAS example) a one-element array; both may be null. */
const CrmContactLinkSchema = z.object({
  id: optionalId,
  type: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null))),
});

export const ContactSchema = z.object({
  id: deskId,
  firstName: text,
  lastName: text,
  email: text,
  secondaryEmail: text,
  accountId: optionalId,
  webUrl: text,
  isEndUser: optionalFlag,
  isSpam: optionalFlag,
  createdTime: optionalDate,
  modifiedTime: optionalDate,
  /** null: not synced with CRM; the id is a CRM Contact **or** Lead id. */
  zohoCRMContact: CrmContactLinkSchema.nullish().transform((v) => v ?? null),
});
export type Contact = z.infer<typeof ContactSchema>;

export const AccountSchema = z.object({
  id: deskId,
  accountName: text,
  email: text,
  website: text,
  webUrl: text,
  isFollowing: optionalFlag,
  createdTime: optionalDate,
  modifiedTime: optionalDate,
  /**
   * `undefined`: the answer did not say (search results usually omit it: fetch the account);
   * `null`: not linked to CRM; else the CRM Accounts record id.
   */
  zohoCRMAccount: z.object({ id: deskId }).nullable().optional(),
});
export type Account = z.infer<typeof AccountSchema>;

// ---- Threads ----

/** A thread's author; Zoho's files sometimes give `type` as a one-element array. */
const ThreadAuthorSchema = z.object({
  name: text,
  firstName: text,
  lastName: text,
  type: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null))),
});

/** `tickets/{id}/latestThread`: one thread with its content (HTML or text) and, asked for, its plain text. */
export const ThreadSchema = z.object({
  id: deskId,
  summary: text,
  content: text,
  contentType: text,
  plainText: text,
  isContentTruncated: optionalFlag,
  direction: text,
  channel: text,
  visibility: text,
  author: ThreadAuthorSchema.nullish().transform((v) => v ?? null),
  createdTime: optionalDate,
});
export type Thread = z.infer<typeof ThreadSchema>;

// ---- Envelopes ----

/** `{"data":[…]}` of list endpoints (no count); items are checked one by one. */
export const listEnvelope = z.object({ data: z.array(z.unknown()) });

/** `{"data":[…],"count":N}` of search endpoints; `count` a number or digit string. */
export const searchEnvelope = z.object({ data: z.array(z.unknown()), count: count.nullish() });

export interface ListPage<T> {
  /** The items that fit their schema. */
  data: T[];
  /** Items Zoho sent, dropped ones included: what paging counts. */
  received: number;
}

export interface SearchPage<T> extends ListPage<T> {
  /** Total hits Zoho reports (may exceed what the from ≤ 999 window can fetch). */
  count: number;
}
