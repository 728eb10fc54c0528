/**
 * The one message protocol between DeskLink's pages and its background broker.
 *
 * Every request is `{ command, ...payload }`, validated here with zod by the broker before any
 * handler runs; every answer is a `Response<T>`: `{ ok: true, data }` or `{ ok: false, error }`.
 * The content script imports only *types* from this file (`import type`), so zod never lands in
 * the CRM page's bundle.
 *
 * Who may send what (checked by the broker against `runtime.MessageSender`):
 * - PANEL commands: only from a tab whose URL is on a CRM host (lib/shared/data-centres.ts).
 * - ADMIN commands: only from the extension's own pages (options page), top frame.
 */
import { z } from 'zod';
import { DATA_CENTRE_IDS } from './data-centres';
import type { ErrorInfo } from './errors';

export const CRM_MODULES = ['Leads', 'Contacts', 'Accounts'] as const;
export type CrmModule = (typeof CRM_MODULES)[number];
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const shortText = z.string().max(500);
const digitId = z.string().regex(/^\d{1,19}$/, 'digit string id');

/** A CRM record page, as lib/page parses it from the page URL. */
export const RecordRefSchema = z.object({
  crmHost: z.string().min(1).max(253),
  dataCentre: z.enum(DATA_CENTRE_IDS),
  orgSegment: z.string().min(1).max(100),
  module: z.enum(CRM_MODULES),
  recordId: digitId,
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

/** What the content script read from the record page to find its tickets. */
export const IdentitySchema = z.object({
  /** Primary and secondary emails of a Lead or Contact (Zoho's OR list allows 30). */
  emails: z.array(z.string().max(254)).max(30),
  /** The record's display name (Lead/Contact full name, Account name). */
  name: shortText.optional(),
  /** The account name (Accounts: the record name; Contacts: their account, if shown). */
  accountName: shortText.optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const CredentialInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zsc'),
    key: z.string().trim().min(1, 'empty key').max(4096),
    email: z.email().max(254),
  }),
  /** The token of the last `Sign in with Zoho` (`oauth.signIn`), held by the broker; never sent. */
  z.object({ kind: z.literal('oauth') }),
]);
export type CredentialInput = z.infer<typeof CredentialInputSchema>;

/**
 * `cached`: answer from the cache at once when the record is there (any age; stale entries are
 *   revalidated in the background and the answer says `revalidating`), else fetch.
 * `fresh`: answer only with data younger than the freshness window; joins a revalidation already
 *   running (this is how the panel picks up the result of `revalidating`).
 * `refresh`: the Refresh button: always fetch from Desk.
 * `peek`: only what the cache holds for exactly this identity (any age), never a Desk call; a
 *   record not cached for it answers `fetchedAt: null` with no tickets. The panel peeks before
 *   the page's identity has settled, so a warm switch shows its tickets at once.
 */
export const TicketsModeSchema = z.enum(['cached', 'fresh', 'refresh', 'peek']);

export const PanelRequestSchemas = {
  'panel.config': z.object({ command: z.literal('panel.config') }),
  'tickets.get': z.object({
    command: z.literal('tickets.get'),
    record: RecordRefSchema,
    identity: IdentitySchema,
    mode: TicketsModeSchema,
  }),
  /** The panel's set-up / sign-in link: content scripts cannot open the options page themselves. */
  'options.open': z.object({ command: z.literal('options.open') }),
} as const;

export const AdminRequestSchemas = {
  'settings.get': z.object({ command: z.literal('settings.get') }),
  /** Step 1 of the wizard (`Next`): the portals this credential reaches. Nothing is stored. */
  'setup.listPortals': z.object({
    command: z.literal('setup.listPortals'),
    dataCentre: z.enum(DATA_CENTRE_IDS),
    /** Absent: use the stored credential (after `Change portal`). */
    credential: CredentialInputSchema.optional(),
  }),
  /** Step 2 (`Save`): checks the credential against the email via myinfo, stores, enables. */
  'setup.save': z.object({
    command: z.literal('setup.save'),
    dataCentre: z.enum(DATA_CENTRE_IDS),
    credential: CredentialInputSchema.optional(),
    portalId: digitId,
    language: z.enum(LANGUAGES),
    timeZone: z.string().min(1).max(64),
  }),
  'settings.update': z.object({
    command: z.literal('settings.update'),
    enabled: z.boolean().optional(),
    language: z.enum(LANGUAGES).optional(),
    timeZone: z.string().min(1).max(64).optional(),
  }),
  /** Clears the current portal's cached links and unsets the portal; the key stays. */
  'portal.change': z.object({ command: z.literal('portal.change') }),
  /** Removes credential, settings and every cache. */
  deactivate: z.object({ command: z.literal('deactivate') }),
  'diagnostics.get': z.object({ command: z.literal('diagnostics.get') }),
  'cache.clear': z.object({ command: z.literal('cache.clear') }),
  'connection.test': z.object({ command: z.literal('connection.test') }),
  /** The redirect URI this browser gives Zoho (identity.getRedirectURL()), to register in Zoho's API console. */
  'oauth.redirectUri': z.object({ command: z.literal('oauth.redirectUri') }),
  /**
   * `Sign in with Zoho`: the consent window (identity.launchWebAuthFlow), then the portals the
   * signed-in agent reaches. The token waits in the broker for `setup.save` with `{kind:'oauth'}`.
   * multiDc: start at accounts.zoho.com and take the data centre from Zoho's `location`.
   */
  'oauth.signIn': z.object({
    command: z.literal('oauth.signIn'),
    dataCentre: z.enum(DATA_CENTRE_IDS),
    clientId: z.string().trim().min(1).max(200),
    multiDc: z.boolean().optional(),
  }),
  /** `Sign in again` once connected: a new consent for the saved client, same agent and portal. */
  'oauth.reauthorize': z.object({ command: z.literal('oauth.reauthorize') }),
} as const;

export const RequestSchema = z.discriminatedUnion('command', [
  PanelRequestSchemas['panel.config'],
  PanelRequestSchemas['tickets.get'],
  PanelRequestSchemas['options.open'],
  AdminRequestSchemas['settings.get'],
  AdminRequestSchemas['setup.listPortals'],
  AdminRequestSchemas['setup.save'],
  AdminRequestSchemas['settings.update'],
  AdminRequestSchemas['portal.change'],
  AdminRequestSchemas.deactivate,
  AdminRequestSchemas['diagnostics.get'],
  AdminRequestSchemas['cache.clear'],
  AdminRequestSchemas['connection.test'],
  AdminRequestSchemas['oauth.redirectUri'],
  AdminRequestSchemas['oauth.signIn'],
  AdminRequestSchemas['oauth.reauthorize'],
]);
export type Request = z.infer<typeof RequestSchema>;
export type Command = Request['command'];
export type RequestOf<C extends Command> = Extract<Request, { command: C }>;
export const PANEL_COMMANDS = Object.keys(PanelRequestSchemas) as (keyof typeof PanelRequestSchemas)[];
export const ADMIN_COMMANDS = Object.keys(AdminRequestSchemas) as (keyof typeof AdminRequestSchemas)[];

// ---- Answers (produced by our own broker; typed, not re-validated by receivers) ----

export type StatusType = 'Open' | 'On Hold' | 'Closed';

/** One ticket as the panel shows it. Times are ISO strings (UTC); ids are digit strings. */
export interface TicketSummary {
  id: string;
  ticketNumber: string;
  subject: string;
  /** Desk's own (localised, customisable) status label. */
  status: string;
  statusType: StatusType;
  priority: string | null;
  dueDate: string | null;
  isOverDue: boolean;
  createdTime: string | null;
  /** Last modification; list endpoints omit it, then createdTime stands in. */
  modifiedTime: string | null;
  assigneeName: string | null;
  webUrl: string | null;
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
}

export type PanelState = 'ready' | 'unconfigured' | 'disabled' | 'rejected' | 'signedOut';

export interface PanelConfig {
  state: PanelState;
  language: Language;
  timeZone: string;
  /** The configured data centre; the panel notes when the CRM page's differs. */
  dataCentre: (typeof DATA_CENTRE_IDS)[number] | null;
  portalName: string | null;
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

export interface SettingsView {
  connected: boolean;
  dataCentre: (typeof DATA_CENTRE_IDS)[number] | null;
  email: string | null;
  portal: { id: string; name: string } | null;
  enabled: boolean;
  language: Language;
  timeZone: string;
  /** signedOut: an OAuth sign-in that could not be renewed without the user. */
  credentialState: 'none' | 'ok' | 'rejected' | 'signedOut';
  /** How DeskLink signs in to Zoho Desk: a ZSC key or `Sign in with Zoho`; absent/null when not set up. */
  authKind?: 'zsc' | 'oauth' | null;
  /** Fields fixed by enterprise policy ("Managed by your organization"). */
  managed: ManagedField[];
}

export interface Diagnostics {
  lastError: (ErrorInfo & { at: number }) | null;
  cache: { available: boolean; reason?: string; tickets: number; records: number };
}

export interface ResponseMap {
  'panel.config': PanelConfig;
  'tickets.get': TicketsView;
  'options.open': { opened: true };
  'settings.get': SettingsView;
  'setup.listPortals': { portals: PortalChoice[] };
  'setup.save': SettingsView;
  'settings.update': SettingsView;
  'portal.change': { portals: PortalChoice[] };
  deactivate: SettingsView;
  'diagnostics.get': Diagnostics;
  'cache.clear': Diagnostics;
  'connection.test': { portalName: string; email: string };
  'oauth.redirectUri': { redirectUri: string };
  /** dataCentre: the signed-in agent's (from Zoho's `location`); email: theirs (myinfo). */
  'oauth.signIn': { dataCentre: (typeof DATA_CENTRE_IDS)[number]; email: string; portals: PortalChoice[] };
  'oauth.reauthorize': SettingsView;
}

export type Response<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
export type ResponseOf<C extends Command> = Response<ResponseMap[C]>;
