/**
 * The sandbox's well-known data: credentials, portals and the CRM records tests rely on.
 * Everything else the sandbox serves is generated deterministically around these
 * (tests/sandbox/data.ts). Ids are long digit strings, beyond 2^53, as in Zoho.
 */

import { DATA_CENTRES, type DataCentreId } from '../../lib/shared/data-centres';

/** The CRM org segment of every sandbox CRM URL: https://crm.zoho.<dc>/crm/<CRM_ORG>/tab/... */
export const CRM_ORG = 'org20110845';

/**
 * Desk portals (organizations), each in one data centre. Portal A is the default; B answers list
 * dates as epoch ms; E lives in the EU data centre (desk.zoho.eu), U in the UK one (desk.zoho.uk).
 */
export const PORTALS = {
  A: {
    id: '649182735',
    companyName: 'Zylker Inc.',
    portalName: 'zylker',
    timeZone: 'America/Los_Angeles',
    edition: 'FREE',
    dataCentre: 'com',
  },
  B: {
    id: '7310045521',
    companyName: 'Zylker Japan 株式会社',
    portalName: 'zylkerjp',
    timeZone: 'Asia/Tokyo',
    edition: 'ENTERPRISE',
    dataCentre: 'com',
  },
  /** Listed by /organizations for KEYS.limited, but that key cannot read it (OAUTH_ORG_MISMATCH). */
  C: {
    id: '8800120034',
    companyName: 'Zylker Partners',
    portalName: 'zylkerpartners',
    timeZone: null,
    edition: 'PROFESSIONAL',
    dataCentre: 'com',
  },
  E: {
    id: '20099887766',
    companyName: 'Zylker GmbH',
    portalName: 'zylkerde',
    timeZone: 'Europe/Berlin',
    edition: 'PROFESSIONAL',
    dataCentre: 'eu',
  },
  U: {
    id: '44120098765',
    companyName: 'Zylker UK Ltd',
    portalName: 'zylkeruk',
    timeZone: 'Europe/London',
    edition: 'PROFESSIONAL',
    dataCentre: 'uk',
  },
} as const satisfies Record<
  string,
  { id: string; companyName: string; portalName: string; dataCentre: DataCentreId; edition: string; timeZone: string | null }
>;

/** The Desk host of a portal's data centre. */
export const deskHostOf = (portal: keyof typeof PORTALS): string => DATA_CENTRES[PORTALS[portal].dataCentre].deskHost;

/**
 * ZSC keys the sandbox knows. A key is sent as `Authorization: Zoho-oauthtoken <key>`.
 * A key is valid in its user's data centre only (desk.zoho.com unless said otherwise); other
 * data centres answer 401 INVALID_OAUTH, as Zoho does for a token of another data centre.
 * Each carries the scopes its user granted (desk/access.ts).
 */
export const KEYS = {
  /** Reaches portals A and B; myinfo emailId = ADMIN_EMAIL. */
  admin: '1000.zsc.3f9a1c.admin',
  /** Reaches A and C; reading C answers 403 OAUTH_ORG_MISMATCH. */
  limited: '1000.zsc.77be02.limited',
  /** /organizations answers 401 SCOPE_MISMATCH (the key lacks Desk.basic.READ). */
  noScope: '1000.zsc.0d41e8.noscope',
  /** /organizations answers 204: the key reaches no portal. */
  noPortals: '1000.zsc.5c2a90.noportals',
  /** A key that belongs to ADMIN_EMAIL on portal A and to nobody else; always rejected as INVALID_OAUTH. */
  revoked: '1000.zsc.dead00.revoked',
  /** Lacks Desk.search.READ: every search answers 401 SCOPE_MISMATCH; records by id still work. */
  noSearch: '1000.zsc.5ea4c1.nosearch',
  /** A Zoho user without a Desk agent licence on portal A: every portal call answers 403 LICENSE_ACCESS_LIMITED. */
  unlicensed: '1000.zsc.11ce00.unlicensed',
  /** The admin of portal E, valid on desk.zoho.eu only. */
  euAdmin: '1000.zsc.e0e0e0.euadmin',
  /** The admin of portal U, valid on desk.zoho.uk only. */
  ukAdmin: '1000.zsc.0b0b0b.ukadmin',
  /** An agent (not an admin) of portals A and B: myinfo rolePermissionType "AgentPublic". */
  agent: '1000.zsc.a6e47a.agent',
  /**
   * A light agent of portal B (Zoho sells no light agents on the Free edition, portal A's):
   * myinfo rolePermissionType "Light"; reads work, creating a ticket answers 403 FORBIDDEN.
   */
  lightAgent: '1000.zsc.119417.lightagent',
  /** A Zoho user (a CRM sales rep) who is no agent of any portal: /organizations 204, every portal call OAUTH_ORG_MISMATCH. */
  nonAgent: '1000.zsc.40a9e7.nonagent',
} as const;

/** Who signs in at the sandbox's Zoho Accounts, and the data centre each lives in (Zoho's `location`). */
export const OAUTH_USERS = {
  admin: { email: 'Admin@Zylker.com', location: 'us', key: 'admin' },
  limited: { email: 'support.lead@zylker.com', location: 'us', key: 'limited' },
  noScope: { email: 'noscope@zylker.com', location: 'us', key: 'noScope' },
  noPortals: { email: 'nobody@zylker.com', location: 'us', key: 'noPortals' },
  euAdmin: { email: 'admin@zylker.de', location: 'eu', key: 'euAdmin' },
  inUser: { email: 'agent@zylker.in', location: 'in', key: null },
  auUser: { email: 'agent@zylker.com.au', location: 'au', key: null },
  jpUser: { email: 'agent@zylker.jp', location: 'jp', key: null },
  caUser: { email: 'agent@zylker.ca', location: 'ca', key: null },
  saUser: { email: 'agent@zylker.sa', location: 'sa', key: null },
  cnUser: { email: 'agent@zylker.cn', location: 'cn', key: null },
  ukAdmin: { email: 'admin@zylker.co.uk', location: 'uk', key: 'ukAdmin' },
  aeUser: { email: 'agent@zylker.ae', location: 'ae', key: null },
  agent: { email: 'ravi.agent@zylker.com', location: 'us', key: 'agent' },
  lightAgent: { email: 'lena.light@zylker.com', location: 'us', key: 'lightAgent' },
  nonAgent: { email: 'sam.sales@zylker.com', location: 'us', key: 'nonAgent' },
} as const satisfies Record<string, { email: string; location: string; key: keyof typeof KEYS | null }>;
export type OAuthUser = keyof typeof OAUTH_USERS;

/**
 * OAuth: the client id of the sandbox's client-based app (as if registered in Zoho's API
 * console with multi-DC on). Its redirect URIs are any extension's identity redirect
 * (https://<id>.chromiumapp.org/, https://<uuid>.extensions.allizom.org/). Tokens it issues
 * carry the Desk access of KEYS.admin (the signed-in user is ADMIN_EMAIL) unless a test says otherwise.
 */
export const OAUTH_CLIENT_ID = '1000.DSKLNKSANDBOX7Q2W4E6R8T0Y1U3I5';

export const ADMIN_EMAIL = OAUTH_USERS.admin.email;
export const LIMITED_EMAIL = OAUTH_USERS.limited.email;
export const EU_ADMIN_EMAIL = OAUTH_USERS.euAdmin.email;

export type FixtureModule = 'Leads' | 'Contacts' | 'Accounts';

export interface RecordFixture {
  module: FixtureModule;
  /** CRM record id (19 digits). */
  recordId: string;
  /** Record name as the CRM page shows it. */
  name: string;
  /** Primary first, then secondary, as CRM holds them. Empty for accounts and for `noEmail`. */
  emails: string[];
  /** What the record page shows instead, when it is not `emails` (CRM's API answers `emails`). */
  pageEmails?: readonly string[];
  accountName?: string;
  /** How many tickets DeskLink must show for this record in portal A (and B, E, U where noted). */
  expectedTickets: { A: number; B: number; E?: number; U?: number };
}

const rec = (
  module: FixtureModule,
  recordId: string,
  name: string,
  emails: string[],
  expected: [number, number] | [number, number, number],
  accountName?: string,
): RecordFixture => ({
  module,
  recordId,
  name,
  emails,
  ...(accountName ? { accountName } : {}),
  expectedTickets: { A: expected[0], B: expected[1], ...(expected[2] !== undefined ? { E: expected[2] } : {}) },
});

/**
 * Records with known tickets. Counts are what the panel's `All` tab shows (duplicates merged).
 * The sandbox generates exactly these; tests assert them.
 */
export const RECORDS = {
  /** Lead: 2 tickets by email in A (1 Open and overdue, 1 Closed); none in B. */
  lead: rec('Leads', '5293322000003516055', 'Ayesha Khan', ['ayesha.khan@northwind.example'], [2, 0]),
  /**
   * Contact: 14 tickets in A: 9 by the primary email, 3 by the secondary email, 2 more through the
   * Desk contact whose zohoCRMContact.id is this record (requester email on those tickets differs),
   * one ticket matched by both paths (counted once). Statuses: 8 Open (one "Escalated"),
   * 2 On Hold, 4 Closed. Portal B: 3 other tickets.
   */
  contact: rec(
    'Contacts',
    '5293322000004120017',
    'Daniel Okafor',
    ['daniel.okafor@contoso.example', 'd.okafor@gmail.example'],
    [14, 3],
    'Contoso Ltd',
  ),
  /**
   * Account: accounts/search for "Globex Corporation" returns 2 Desk accounts ("Globex Corporation"
   * and "Globex Corporation Asia"); only one has zohoCRMAccount.id = this record. 5 tickets in A.
   */
  account: rec('Accounts', '5293322000002877003', 'Globex Corporation', [], [5, 0], 'Globex Corporation'),
  /** Contact whose emails match no ticket: every search answers 204. */
  noTickets: rec('Contacts', '5293322000004120555', 'Mia Schultz', ['mia.schultz@initech.example'], [0, 0]),
  /** Contact with neither email nor account on the page. */
  noEmail: rec('Contacts', '5293322000004120777', 'Unnamed Walk-in', [], [0, 0]),
  /** Japanese contact: Japanese name, subjects and (localised) status labels; 4 tickets in A, 2 in B. */
  japanese: rec('Contacts', '5293322000004121001', '山田 花子', ['hanako.yamada@example.jp'], [4, 2], '株式会社サンプル'),
  /** Hostile contact: subjects, names, status labels and priorities carry HTML/script payloads; 3 tickets. */
  hostile: rec('Contacts', '5293322000004121337', '<img src=x onerror=alert(1)>', ['hostile@evil.example'], [3, 0]),
  /** Lead with 1,100 tickets by email: beyond Zoho's from ≤ 999 window, so "showing the first 1,000". */
  big: rec('Leads', '5293322000003519999', 'Bulk Buyer', ['orders@bulkbuyer.example'], [1000, 0]),
  /** Account with 250 tickets in A: more than two pages of the account's ticket list. */
  bigAccount: rec('Accounts', '5293322000002878250', 'Initech Holdings', [], [250, 0], 'Initech Holdings'),
  /**
   * Contact with 3 tickets in A, one of which Zoho answers with null subject, status, statusType,
   * assignee and due date wherever its shapes allow (the list shape, whose subject may not be
   * null, leaves the key out). Its Desk contact is synced, so the ticket arrives both ways.
   */
  sparse: rec('Contacts', '5293322000004121999', 'Robin Sparse', ['robin@sparse.example'], [3, 0]),
  /** Contact of the EU portal E (desk.zoho.eu): 3 tickets there, none in the US portals. */
  euContact: rec('Contacts', '5293322000004122001', 'Lena Fischer', ['lena.fischer@beispiel.example'], [0, 0, 3]),
  /** Contact of the UK portal U (desk.zoho.uk), opened on crm.zoho.uk: 3 tickets there, none elsewhere. */
  ukContact: {
    ...rec('Contacts', '5293322000004122101', 'Oliver Bennett', ['oliver.bennett@example.co.uk'], [0, 0]),
    expectedTickets: { A: 0, B: 0, U: 3 },
  },
  /**
   * Contact whose CRM page shows no email: its Desk contact of the same name is linked to it
   * (zohoCRMContact) and has 2 tickets in A (one filed under Fabrikam Inc). Another Desk contact
   * of the same name, not linked, has 1 ticket that must not show.
   */
  linked: rec('Contacts', '5293322000004122201', 'Tomasz Wierzbicki', [], [2, 0], 'Fabrikam Inc'),
  /** Account linked to its Desk account "Fabrikam Inc": 3 tickets in A (one of them the linked contact's). */
  fabrikam: rec('Accounts', '5293322000002879001', 'Fabrikam Inc', [], [3, 0], 'Fabrikam Inc'),
  /**
   * Contact whose page shows an address it no longer has (changed in CRM after the page was
   * drawn): CRM's API answers the current one, which has 2 tickets in A; the page's has none.
   */
  movedContact: {
    ...rec('Contacts', '5293322000004122301', 'Priya Raman', ['priya.raman@fabrikam.example'], [2, 0]),
    pageEmails: ['priya.raman@old-employer.example'],
  },
} as const satisfies Record<string, RecordFixture>;

/** A Deal with its `Contact Name` and `Account Name` lookups. */
export interface DealFixture {
  recordId: string;
  name: string;
  contact: RecordFixture;
  account: RecordFixture;
  /** Tickets shown as the contact's, as the account's, and in all (duplicates merged, the contact's first). */
  expectedTickets: { contact: number; account: number; all: number };
}

/**
 * The deal of the linked contact and of Fabrikam Inc: the contact's 2 tickets and the account's 3,
 * one of them shared, so 4 rows: 2 the contact's, 2 the account's.
 */
export const DEAL: DealFixture = {
  recordId: '5293322000005200001',
  name: 'Fabrikam expansion 2027',
  contact: RECORDS.linked,
  account: RECORDS.fabrikam,
  expectedTickets: { contact: 2, account: 2, all: 4 },
};

/** Path of the deal's page: CRM's addresses name Deals `Potentials`. */
export const dealPath = (deal: DealFixture) => `/crm/${CRM_ORG}/tab/Potentials/${deal.recordId}`;

export type RecordName = keyof typeof RECORDS;

/** Path of a record's detail page on any sandbox CRM host. */
export const recordPath = (r: RecordFixture) => `/crm/${CRM_ORG}/tab/${r.module}/${r.recordId}`;
