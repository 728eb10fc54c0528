/**
 * The command table: one row per message the broker answers, giving who may send it, the
 * request's schema (checked by the broker before any handler runs) and the type of its answer.
 * The broker's dispatcher, its handlers' types and both callers' client derive from this table,
 * so adding a command is one row here plus its handler.
 *
 * Who may send (checked by the broker against `runtime.MessageSender`):
 * - `page`: DeskLink's content script, from a frame whose URL is on a CRM host;
 * - `extension`: the extension's own pages (the options page), top frame.
 *
 * A request is `{ command, ...payload }`; every answer is a `Response` envelope. The content
 * script imports only types from this file (`import type`), so zod never lands in the CRM page.
 */
import { z } from 'zod';
import type { CrmAddressesView } from './crm-address-view';
import { ACCOUNTS_HOSTS, DATA_CENTRE_IDS } from './data-centres';
import { isEmailAddress } from './email-address';
import {
  CLOCKS,
  CRM_MODULES,
  LANGUAGES,
  type Diagnostics,
  NEW_TICKET_LIMITS,
  type NewTicketOptions,
  type PanelConfig,
  type PortalChoice,
  type Response,
  type SettingsView,
  type TicketPreview,
  type TicketsView,
  type TicketSummary,
} from './protocol';
import { hasOnlyKeyCharacters, KEY_CHARACTERS_ISSUE, trimKey } from './zsc-key';

const shortText = z.string().max(500);
const digitId = z.string().regex(/^\d{1,19}$/, 'digit string id');
const dataCentre = z.enum(DATA_CENTRE_IDS);
const timeZone = z.string().min(1).max(64);

/** A CRM record page, as lib/page parses it from the page URL. */
const RecordRefSchema = z.object({
  crmHost: z.string().min(1).max(253),
  dataCentre,
  orgSegment: z.string().min(1).max(100),
  module: z.enum(CRM_MODULES),
  recordId: digitId,
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

/** A lookup field's target as the page links it: the CRM record id and the name shown. */
const LookupSchema = z.object({ id: digitId, name: shortText });

/** What the content script read from the record page to find its tickets. */
const IdentitySchema = z.object({
  /** Primary and secondary emails of a Lead or Contact (Zoho's OR list allows 30). */
  emails: z.array(z.string().max(254)).max(30),
  /** The record's display name (Lead/Contact full name, Account name, Deal name). */
  name: shortText.optional(),
  /** The account name (Accounts: the record name; Contacts: their account, if shown). */
  accountName: shortText.optional(),
  /** An email field showed a masked value (`****`): there is an email the page would not give. */
  emailMasked: z.boolean().optional(),
  /** A Deal's `Contact Name` and `Account Name` lookups, each with the linked record's id. */
  lookups: z.object({ contact: LookupSchema.optional(), account: LookupSchema.optional() }).optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

/** A Zoho key as typed: trimmed of copy-and-paste leftovers, then refused if it has characters no key has. */
export const ZscKeySchema = z
  .string()
  .transform(trimKey)
  .pipe(z.string().min(1, 'empty key').max(4096).refine(hasOnlyKeyCharacters, KEY_CHARACTERS_ISSUE));

/** An email as Zoho accepts it (lib/shared/email-address.ts). */
export const EmailSchema = z.string().trim().refine(isEmailAddress, 'not an email address');

/** A client id as Zoho's API console issues them (`1000.` and letters/digits). */
export const ClientIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,200}$/, 'not a Zoho client id');

/** A client secret, grant code or refresh token as pasted: trimmed of copy leftovers, printable characters only. */
export const OAuthSecretSchema = z
  .string()
  .transform(trimKey)
  .pipe(z.string().min(1, 'empty').max(1000).refine(hasOnlyKeyCharacters, KEY_CHARACTERS_ISSUE));

/** Zoho's `accounts-server` (`https://accounts.zoho.eu`) or a bare host, as the host; only Zoho's own Accounts hosts. */
const AccountsServerSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value) =>
    value
      .replace(/^https:\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase(),
  )
  .refine((host) => ACCOUNTS_HOSTS.includes(host), 'not a Zoho Accounts server');

/**
 * The organisation credential: an admin's Self Client (client id and secret) with either a grant
 * code, which the broker exchanges once for a refresh token, or a refresh token. Access tokens
 * come from the Accounts server: the one given (the `accounts-server` Zoho named), else the data
 * centre's.
 */
const OrgCredentialInputSchema = z
  .object({
    kind: z.literal('org'),
    clientId: ClientIdSchema,
    clientSecret: OAuthSecretSchema,
    grantCode: OAuthSecretSchema.optional(),
    refreshToken: OAuthSecretSchema.optional(),
    accountsServer: AccountsServerSchema.optional(),
  })
  .refine((input) => (input.grantCode === undefined) !== (input.refreshToken === undefined), {
    message: 'a grant code or a refresh token, not both',
    path: ['grantCode'],
  });

export const CredentialInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('zsc'),
    key: ZscKeySchema,
    email: EmailSchema,
  }),
  /** The token of the last `Sign in with Zoho` (`oauth.signIn`), held by the broker; never sent. */
  z.object({ kind: z.literal('oauth') }),
  OrgCredentialInputSchema,
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
const TicketsModeSchema = z.enum(['cached', 'fresh', 'refresh', 'peek']);

/**
 * A new ticket as the rep filled it in: plain text (nothing is built from it as HTML), within
 * Desk's limits; for a Desk contact (by id) or a person Desk finds or creates by email.
 */
const NewTicketSchema = z.object({
  subject: z.string().trim().min(1).max(NEW_TICKET_LIMITS.subject),
  description: z.string().max(NEW_TICKET_LIMITS.description),
  departmentId: digitId,
  priority: z.string().trim().min(1).max(120).optional(),
  customer: z.union([
    z.object({ contactId: digitId }),
    z.object({ email: EmailSchema.pipe(z.string().max(255)), name: z.string().trim().min(1).max(200) }),
  ]),
  accountId: digitId.optional(),
});
export type NewTicket = z.infer<typeof NewTicketSchema>;

export type Caller = 'page' | 'extension';
declare const ANSWER: unique symbol;

/** One row: who may send the command, its payload's schema, and (as a type only) its answer. */
interface CommandDefinition<From extends Caller, Payload extends z.ZodObject, Data> {
  readonly from: From;
  readonly payload: Payload;
  /** Only reads: the worker's kept settings and credential stay in force after it. */
  readonly readOnly: boolean;
  readonly [ANSWER]?: Data;
}

function command<From extends Caller, Payload extends z.ZodObject>(from: From, payload: Payload, readOnly = false) {
  return { answers: <Data>(): CommandDefinition<From, Payload, Data> => ({ from, payload, readOnly }) };
}

const none = z.object({});

/** An options-page command that only reads: nothing the panel's requests are answered from changes. */
const readCommand = () => command('extension', none, true);

export const COMMANDS = {
  'panel.config': command('page', none).answers<PanelConfig>(),
  'tickets.get': command(
    'page',
    z.object({ record: RecordRefSchema, identity: IdentitySchema, mode: TicketsModeSchema }),
  ).answers<TicketsView>(),
  /**
   * The record's tickets found with who CRM's API says the record is, asked as soon as the tab's
   * address names the record (before the page shows who it is): `view` null when CRM cannot say
   * it alone (no CRM read scope, a refusal, no such record, a field only the page has), or when
   * the tab left the record while CRM answered; the panel then looks up what the page shows.
   * `refresh`: the rep's Refresh while those rows show and the page has not yet shown who it is.
   */
  'tickets.crm': command('page', z.object({ record: RecordRefSchema, mode: z.literal('refresh').optional() })).answers<{
    view: TicketsView | null;
  }>(),
  /** The `New ticket` form's choices for this record: departments, priorities, whom it is for. */
  'ticket.options': command('page', z.object({ record: RecordRefSchema, identity: IdentitySchema })).answers<NewTicketOptions>(),
  /**
   * Creates the ticket in Desk (once: an identical request in flight is joined) and adds it to
   * the record's cached tickets.
   */
  'ticket.create': command('page', z.object({ record: RecordRefSchema, identity: IdentitySchema, ticket: NewTicketSchema })).answers<{
    ticket: TicketSummary;
  }>(),
  /**
   * A ticket's latest thread for the panel's preview: only a ticket the record's cached list
   * holds; answered from memory while fresh (the tickets' freshness window), else one Desk call.
   */
  'tickets.preview': command('page', z.object({ record: RecordRefSchema, ticketId: digitId })).answers<TicketPreview>(),
  /** The panel's set-up / sign-in link: content scripts cannot open the options page themselves. */
  'options.open': command('page', none).answers<{ opened: true }>(),

  'settings.get': readCommand().answers<SettingsView>(),
  /**
   * Step 1 of the wizard (`Next`): the portals this credential reaches. Nothing is stored. No
   * credential: the stored one (after `Change portal`).
   */
  'setup.listPortals': command('extension', z.object({ dataCentre, credential: CredentialInputSchema.optional() })).answers<{
    portals: PortalChoice[];
  }>(),
  /** Step 2 (`Save`): checks the credential against the email via myinfo, stores, enables. */
  'setup.save': command(
    'extension',
    z.object({
      dataCentre,
      credential: CredentialInputSchema.optional(),
      portalId: digitId,
      language: z.enum(LANGUAGES),
      timeZone,
      clock: z.enum(CLOCKS).optional(),
    }),
  ).answers<SettingsView>(),
  'settings.update': command(
    'extension',
    z.object({
      enabled: z.boolean().optional(),
      language: z.enum(LANGUAGES).optional(),
      timeZone: timeZone.optional(),
      clock: z.enum(CLOCKS).optional(),
    }),
  ).answers<SettingsView>(),
  /** Clears the current portal's cached links and unsets the portal; the key stays. */
  /** Removes credential, settings and every cache. */
  deactivate: command('extension', none).answers<SettingsView>(),
  'diagnostics.get': readCommand().answers<Diagnostics>(),
  'cache.clear': command('extension', none).answers<Diagnostics>(),
  'connection.test': command('extension', none).answers<{ portalName: string; email: string }>(),
  /** The redirect URI this browser gives Zoho (identity.getRedirectURL()), to register in Zoho's API console. */
  'oauth.redirectUri': readCommand().answers<{ redirectUri: string }>(),
  /**
   * `Sign in with Zoho`: the consent window, then the portals the signed-in agent reaches. The
   * token waits in the broker for `setup.save` with `{kind:'oauth'}`. multiDc: start at
   * accounts.zoho.com and take the data centre from Zoho's `location`. The answer's dataCentre
   * is the signed-in agent's (from `location`), its email theirs (myinfo).
   */
  'oauth.signIn': command(
    'extension',
    z.object({
      dataCentre,
      clientId: z.string().trim().min(1).max(200),
      multiDc: z.boolean().optional(),
      /** What the admin allows (absent: everything); the consent asks for those scopes only. */
      features: z.object({ readCrm: z.boolean(), createTickets: z.boolean() }).optional(),
    }),
  ).answers<{ dataCentre: (typeof DATA_CENTRE_IDS)[number]; email: string; portals: PortalChoice[] }>(),
  /** `Sign in again` once connected: a new consent for the saved client, same agent and portal. */
  'oauth.reauthorize': command('extension', none).answers<SettingsView>(),
  /** The company CRM addresses, their access and whether the panel runs there (scripts brought in line first). */
  'crmHosts.get': readCommand().answers<CrmAddressesView>(),
  /** Adds a company CRM address (after the page asked the browser for its origin); refused unless it is https and a host name only. */
  'crmHosts.add': command('extension', z.object({ address: z.string().max(300) })).answers<CrmAddressesView>(),
  /** Removes an address added here: its script and its permission go too. */
  'crmHosts.remove': command('extension', z.object({ host: z.string().min(1).max(253) })).answers<CrmAddressesView>(),
};

/**
 * Panel commands DeskLink's panel page, framed into a CRM tab, may also send itself, bound to the
 * record the tab's URL shows: a preview's question and answer skip the content script's two hops.
 */
export const PANEL_FRAME_COMMANDS = ['tickets.preview'] as const satisfies readonly Command[];
/** What the panel frame may ask the broker directly. */
export type PanelFrameAsk = <C extends (typeof PANEL_FRAME_COMMANDS)[number]>(request: RequestOf<C>) => Promise<ResponseOf<C>>;

type Table = typeof COMMANDS;
export type Command = keyof Table;
/** The commands `from` may send. */
export type CommandFrom<From extends Caller> = { [C in Command]: Table[C]['from'] extends From ? C : never }[Command];

type Flat<T> = { [K in keyof T]: T[K] } & {};
// An empty zod object infers as Record<string, never>, which would forbid `command`.
type PayloadOf<P> = P extends z.ZodObject<infer Shape> ? (keyof Shape extends never ? unknown : z.output<P>) : never;

export type Request = { [C in Command]: Flat<{ command: C } & PayloadOf<Table[C]['payload']>> }[Command];
export type RequestOf<C extends Command> = Extract<Request, { command: C }>;
export type DataOf<C extends Command> = NonNullable<Table[C][typeof ANSWER]>;
export type ResponseOf<C extends Command> = Response<DataOf<C>>;

/** A typed way to ask the broker, for the commands `from` may send (lib/shared/broker-client.ts). */
export type BrokerClient<From extends Caller> = <C extends CommandFrom<From>>(request: RequestOf<C>) => Promise<ResponseOf<C>>;
