/**
 * What DeskLink's pages and its background broker exchange, as plain types and constants: the
 * answers, the response envelope, and the value lists the requests draw from. Zod-free, so the
 * content script may import values from here; the requests' schemas and the command table live
 * in lib/shared/commands.ts.
 */
import type { DataCentreId } from './data-centres';
import type { ErrorInfo } from './errors';

/** By their API names: Deals show as `Potentials` in CRM's addresses (lib/shared/record-page.ts). */
export const CRM_MODULES = ['Leads', 'Contacts', 'Accounts', 'Deals'] as const;
export type CrmModule = (typeof CRM_MODULES)[number];
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
/** 12- or 24-hour clock times; unset, each language's habit (English 12, Japanese 24). */
export const CLOCKS = ['12', '24'] as const;
export type Clock = (typeof CLOCKS)[number];

/** Every answer: `{ ok: true, data }` or `{ ok: false, error }` with a typed code. */
export type Response<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export type StatusType = 'Open' | 'On Hold' | 'Closed';

/** One ticket as the panel shows it. Times are ISO strings (UTC); ids are digit strings. */
/**
 * A ticket as the panel shows it. Zoho's files let a search answer send null for any ticket
 * field, so the number, subject, status and status type may be null: the panel says "(no
 * subject)" and "Unknown status" rather than hide the ticket.
 */
export interface TicketSummary {
  id: string;
  ticketNumber: string | null;
  subject: string | null;
  /** Desk's own (localised, customisable) status label. */
  status: string | null;
  /** null: Zoho did not say; the ticket counts under All only. */
  statusType: StatusType | null;
  priority: string | null;
  dueDate: string | null;
  isOverDue: boolean;
  createdTime: string | null;
  /** The time the "Last modified" column shows; which time it is, `timeKind` says. */
  modifiedTime: string | null;
  /**
   * `modified`: Zoho's modifiedTime. `created`: the ticket came from a list answer, which has no
   * modifiedTime, so its createdTime stands in and the panel labels it as such. Absent in
   * entries cached by earlier versions (read as `modified`) and when there is no time at all.
   */
  timeKind?: 'modified' | 'created';
  assigneeName: string | null;
  webUrl: string | null;
  /** The ticket's contact, as Desk names them (absent in entries cached by earlier versions). */
  contactName?: string | null;
  /**
   * On a Deal, whose ticket it is: the deal's contact (by the name the deal shows) or its
   * account. Absent on other records.
   */
  whose?: { kind: 'contact'; name: string } | { kind: 'account' };
}

/** A ticket's latest thread as the preview shows it: every value plain text. */
export interface ThreadPreview {
  /** The customer's or agent's name as Desk gives it. */
  authorName: string | null;
  /** `customer` (END_USER), `agent` (AGENT, TEAM), else null. */
  authorKind: 'customer' | 'agent' | null;
  /** `in`: received from the customer; `out`: sent by an agent. */
  direction: 'in' | 'out' | null;
  /** Desk's channel name in capitals (EMAIL, WEB, PHONE …). */
  channel: string | null;
  createdTime: string | null;
  /** Plain text: Desk's plain text, or the content with its markup removed. */
  text: string;
  /** Desk or DeskLink cut the text short: the rest is in Desk. */
  truncated: boolean;
}

/** `tickets.preview`: the latest thread (null: the ticket has none) and when it was fetched. */
export interface TicketPreview {
  ticketId: string;
  thread: ThreadPreview | null;
  fetchedAt: number;
}

/** Desk's limits on a new ticket's text (Zoho's Postman collection: subject ≤ 255; the OpenAPI file: description ≤ 65,535). */
export const NEW_TICKET_LIMITS = { subject: 255, description: 65_535 } as const;

/** Whom a new ticket is for: a Desk contact, or a person Desk finds or creates by email. */
export type NewTicketCustomer = { contactId: string; name: string; email?: string } | { email: string; name: string };

/** What the `New ticket` form offers, from Desk and the record. */
export interface NewTicketOptions {
  /** The departments the connection's user belongs to, the portal's default first. */
  departments: { id: string; name: string }[];
  /** The portal's priority values (may be empty: the field is then left out). */
  priorities: string[];
  /** The people the record names, the first the default. */
  customers: NewTicketCustomer[];
  /** The Desk account a ticket from this record is filed under (an Account page), else null. */
  accountId: string | null;
}

export interface TicketsView {
  tickets: TicketSummary[]; // newest first
  /** When these tickets were fetched from Desk (epoch ms); null when never. */
  fetchedAt: number | null;
  /** Older than the freshness window (5 minutes). */
  stale: boolean;
  /** A background fetch is running; ask again with mode `fresh` to get its result. */
  revalidating: boolean;
  /** Zoho's search window (from ≤ 999) cut the list: "showing the first 1,000". */
  truncated: boolean;
  /** Set when cached tickets are served because the fetch failed (e.g. offline). */
  error?: ErrorInfo;
  /**
   * Only the tickets found so far (a person's by email): the linked contacts' are still being
   * fetched (with `revalidating`), or could not be (with `error`).
   */
  incomplete?: true;
  /** The Desk page of the record's contact or account (`View all in Zoho Desk`); absent when not known. */
  deskUrl?: string | null;
}

export type PanelState = 'ready' | 'unconfigured' | 'disabled' | 'rejected' | 'signedOut';

export interface PanelConfig {
  state: PanelState;
  language: Language;
  timeZone: string;
  /** The admin's clock choice (absent: the language's habit). */
  clock?: Clock;
  /** The configured data centre; the panel notes when the CRM page's differs. */
  dataCentre: DataCentreId | null;
  portalName: string | null;
  /**
   * The panel offers `New ticket`: creating is allowed (not turned off by policy or at sign-in,
   * not refused by Desk before), and the Desk user is not a light agent, whom Desk lets read only.
   */
  canCreate: boolean;
  /**
   * The rep's own name when they signed in with Zoho (the panel says "as <name>", so a rep on a
   * shared computer sees whose Desk access it is); null for a key or an organisation credential.
   */
  actingAs: string | null;
  /**
   * The modules whose records' customer the broker reads from CRM's API (Sign in with Zoho with
   * CRM's read scope): the panel asks for their tickets (`tickets.crm`) as soon as the address
   * names the record.
   */
  crmModules: CrmModule[];
}

export interface PortalChoice {
  id: string;
  companyName: string;
  portalName: string;
  isDefault: boolean;
  timeZone: string | null;
  edition: string | null;
}

export type ManagedField = 'dataCentre' | 'credential' | 'portal' | 'language' | 'timeZone' | 'enabled';

/** Desk calls a minute this browser may make unless the policy's `deskCallsPerMinute` says otherwise, and the range it may set. */
export const DESK_CALLS_PER_MINUTE = { default: 60, min: 1, max: 1000 } as const;

/** What a policy value must be: said to the admin when a value was ignored. */
export type PolicyExpectation =
  | 'boolean'
  | 'dataCentre'
  | 'key'
  | 'email'
  | 'portalId'
  | 'language'
  | 'timeZone'
  | 'callsPerMinute'
  /** A list of `https://<host>` addresses, not Zoho's own CRM hosts. */
  | 'crmAddresses'
  /** `zscKey` and `email` are taken together or not at all. */
  | 'keyWithEmail'
  /** `clientId`, `clientSecret` and `refreshToken` are taken together or not at all. */
  | 'orgCredentialTogether'
  /** A ZSC key beside the organisation credential: the organisation credential is used. */
  | 'oneCredential';

/** A policy value DeskLink ignored because it is not what the key takes. */
export interface IgnoredPolicyValue {
  key: string;
  expected: PolicyExpectation;
}

/**
 * Where the credential is kept: `persistent` in the extension's IndexedDB; otherwise (IndexedDB
 * cannot open: a private window, a broken profile) in storage.session until the browser closes,
 * `reason` saying why.
 */
export interface CredentialStorage {
  persistent: boolean;
  reason?: string;
}

export interface SettingsView {
  connected: boolean;
  dataCentre: DataCentreId | null;
  email: string | null;
  portal: { id: string; name: string } | null;
  enabled: boolean;
  language: Language;
  timeZone: string;
  /** 12- or 24-hour times (absent: the language's habit). */
  clock?: Clock;
  /** The Desk user the connection acts as (myinfo at `Save`); absent when not known. */
  agent?: { name: string | null; role: string | null };
  /**
   * The scopes the connection holds, where DeskLink knows them: a sign-in's consent (Zoho grants
   * all it asked or none). Absent for a ZSC key and an organisation credential, whose scopes
   * Zoho does not report.
   */
  grantedScopes?: string[];
  /** signedOut: an OAuth sign-in that could not be renewed without the user. */
  credentialState: 'none' | 'ok' | 'rejected' | 'signedOut';
  /** How DeskLink signs in to Zoho Desk: a ZSC key, `Sign in with Zoho` or the organisation credential (Self Client); absent/null when not set up. */
  authKind?: 'zsc' | 'oauth' | 'org' | null;
  /** Fields fixed by enterprise policy ("Managed by your organization"). */
  managed: ManagedField[];
  /** Enterprise policy locks the setup: nothing may be set up or changed here (absent: not locked). */
  locked?: true;
  /** Policy values ignored as invalid (absent: none). */
  policyIgnored?: IgnoredPolicyValue[];
  /** Absent: persistent. */
  credentialStorage?: CredentialStorage;
}

/** A portal's Zoho Desk API credits as this worker last saw them. */
export interface ApiUsage {
  portalId: string;
  /** `X-Rate-Limit-Remaining-v3` of the last answer: credits left today; null when never sent. */
  remaining: number | null;
  /** `X-Rate-Limit-Request-Weight-v3` of the last answer: what that call cost. */
  lastWeight: number | null;
  /** When Desk reported them (epoch ms). */
  reportedAt: number | null;
  /** THRESHOLD_EXCEEDED: no Desk call until then (epoch ms); null when credits are left. */
  spentUntil: number | null;
}

/** Items of Desk answers dropped for a shape Zoho's files do not allow (the rest was shown). */
export interface DroppedItems {
  portalId: string;
  /** Since the worker started. */
  count: number;
  /** The last one's endpoint and first problem (a path and what was expected, never the value). */
  lastEndpoint: string;
  lastIssue: string;
  lastAt: number;
}

export interface Diagnostics {
  lastError: (ErrorInfo & { at: number }) | null;
  cache: { available: boolean; reason?: string; tickets: number; records: number };
  /** Desk calls this browser made today (local day) and in the last minute, and the limit a minute. */
  deskCalls?: { today: number; lastMinute: number; limitPerMinute: number };
  /** Policy values ignored as invalid. */
  policyIgnored?: IgnoredPolicyValue[];
  /** Each portal's API credits as Desk reported them, per portal called since the worker started. */
  apiUsage?: ApiUsage[];
  /** Per portal whose answers had items DeskLink dropped. */
  droppedItems?: DroppedItems[];
  /** Where the last record's identity came from: CRM's API, or the page and why. */
  crmIdentity?: CrmIdentitySource | null;
}

/** Why the page's reading was used rather than CRM's API. */
export type PageIdentityReason =
  | 'notSignIn' // the connection is no `Sign in with Zoho` token (a key, an organisation credential)
  | 'noCrmScope' // the sign-in holds no Zoho CRM read scope for the module
  | 'scope' // CRM answered OAUTH_SCOPE_MISMATCH
  | 'permission' // CRM answered NO_PERMISSION (the user's CRM profile)
  | 'token' // CRM did not accept the token
  | 'busy' // CRM answered 429, or DeskLink's own limit of CRM calls a minute
  | 'failed' // network, 5xx, an answer that is not CRM's
  | 'noRecord'; // CRM has no record with the page's id

export type CrmIdentitySource =
  { source: 'crm'; module: string; at: number } | { source: 'page'; module: string; reason: PageIdentityReason; at: number };
