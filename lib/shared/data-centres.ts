/**
 * The one table of Zoho data centres DeskLink supports: for each, Zoho's `location` code (what
 * Zoho Accounts names the user's data centre after sign-in), the CRM web host (and its
 * `crmsandbox` twin), the Desk API host, the Zoho Accounts (OAuth) host and the API domain
 * (`www.zohoapis.<tld>`, the CRM REST host a token's `api_domain` names).
 * Sources: Zoho's multi-DC pages (https://www.zoho.com/accounts/protocol/oauth/multi-dc.html for
 * the Accounts hosts and locations; https://www.bigin.com/developer/docs/apis/multi-dc.html for the
 * API domains) and the Desk API documentation for the Desk hosts. A host known only from
 * third-party code, or from no source at all, is listed in `unverified`, and so is a `location`
 * code no Zoho page names.
 * Canada is the odd one: every host lives on zohocloud.ca, not zoho.ca.
 */
export const DATA_CENTRE_IDS = ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'sa', 'ca', 'uk', 'ae'] as const;
export type DataCentreId = (typeof DATA_CENTRE_IDS)[number];

/** What may rest on no Zoho page: a host (the CRM host stands for its crmsandbox twin) or the location code. */
type UnverifiedFact = 'crmHost' | 'deskHost' | 'accountsHost' | 'apiDomain' | 'location';

interface DataCentre {
  id: DataCentreId;
  /** Zoho's `location` code for this data centre. */
  location: string;
  /** Region label shown to admins. */
  region: string;
  crmHost: string;
  crmSandboxHost: string;
  deskHost: string;
  accountsHost: string;
  /** `https://www.zohoapis.<tld>`. */
  apiDomain: string;
  /** Hosts (and the location code) no Zoho page confirms: taken from public third-party code or the other hosts' pattern. */
  unverified: readonly UnverifiedFact[];
}

function zohoDataCentre(
  id: DataCentreId,
  location: string,
  region: string,
  domain: string,
  api: string,
  unverified: readonly UnverifiedFact[] = [],
): DataCentre {
  return {
    id,
    location,
    region,
    crmHost: `crm.${domain}`,
    crmSandboxHost: `crmsandbox.${domain}`,
    deskHost: `desk.${domain}`,
    accountsHost: `accounts.${domain}`,
    apiDomain: `https://www.zohoapis.${api}`,
    unverified,
  };
}

export const DATA_CENTRES: Record<DataCentreId, DataCentre> = {
  com: zohoDataCentre('com', 'us', 'United States', 'zoho.com', 'com'),
  eu: zohoDataCentre('eu', 'eu', 'Europe', 'zoho.eu', 'eu'),
  in: zohoDataCentre('in', 'in', 'India', 'zoho.in', 'in'),
  'com.au': zohoDataCentre('com.au', 'au', 'Australia', 'zoho.com.au', 'com.au'),
  jp: zohoDataCentre('jp', 'jp', 'Japan', 'zoho.jp', 'jp'),
  'com.cn': zohoDataCentre('com.cn', 'cn', 'China', 'zoho.com.cn', 'com.cn'),
  // The Saudi CRM web host appears on no Zoho page; it follows the other hosts' pattern.
  sa: zohoDataCentre('sa', 'sa', 'Saudi Arabia', 'zoho.sa', 'sa', ['crmHost']),
  ca: zohoDataCentre('ca', 'ca', 'Canada', 'zohocloud.ca', 'ca'),
  // Zoho's multi-DC page names accounts.zoho.uk; the location code, the Desk host and the API
  // domain come from third-party code only, and no source names a UK CRM web host.
  uk: zohoDataCentre('uk', 'uk', 'United Kingdom', 'zoho.uk', 'uk', ['location', 'crmHost', 'deskHost', 'apiDomain']),
  // Zoho's WorkDrive pages name www.zohoapis.ae; the location code and the Accounts and Desk hosts
  // come from third-party code only, and no source names a UAE CRM web host.
  ae: zohoDataCentre('ae', 'ae', 'United Arab Emirates', 'zoho.ae', 'ae', ['location', 'crmHost', 'deskHost', 'accountsHost']),
};

const ALL = Object.values(DATA_CENTRES);

export const CRM_HOSTS: readonly string[] = ALL.flatMap((dc) => [dc.crmHost, dc.crmSandboxHost]);
export const DESK_HOSTS: readonly string[] = ALL.map((dc) => dc.deskHost);
export const ACCOUNTS_HOSTS: readonly string[] = ALL.map((dc) => dc.accountsHost);
/** The CRM REST API hosts (`www.zohoapis.<tld>`), where a record's identity is read. */
export const API_HOSTS: readonly string[] = ALL.map((dc) => new URL(dc.apiDomain).hostname);

/** The data centre whose CRM (or CRM sandbox) web host is `hostname`, if any. */
export function dataCentreOfCrmHost(hostname: string): DataCentre | undefined {
  const host = hostname.toLowerCase();
  return ALL.find((dc) => dc.crmHost === host || dc.crmSandboxHost === host);
}
