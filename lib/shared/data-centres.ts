/**
 * The one table of Zoho data centres DeskLink supports: for each, the CRM web host (and its
 * `crmsandbox` twin), the Desk API host and the Zoho Accounts (OAuth) host.
 * Source: ../shared/reference/zoho-desk-api.md §2 and zoho-crm-pages.md §1.
 * Canada is the odd one: every host lives on zohocloud.ca, not zoho.ca.
 */
export const DATA_CENTRE_IDS = ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'sa', 'ca'] as const;
export type DataCentreId = (typeof DATA_CENTRE_IDS)[number];

export interface DataCentre {
  id: DataCentreId;
  /** Region label shown to admins. */
  region: string;
  crmHost: string;
  crmSandboxHost: string;
  deskHost: string;
  accountsHost: string;
}

function zohoDataCentre(id: DataCentreId, region: string, domain: string): DataCentre {
  return {
    id,
    region,
    crmHost: `crm.${domain}`,
    crmSandboxHost: `crmsandbox.${domain}`,
    deskHost: `desk.${domain}`,
    accountsHost: `accounts.${domain}`,
  };
}

export const DATA_CENTRES: Record<DataCentreId, DataCentre> = {
  com: zohoDataCentre('com', 'United States', 'zoho.com'),
  eu: zohoDataCentre('eu', 'Europe', 'zoho.eu'),
  in: zohoDataCentre('in', 'India', 'zoho.in'),
  'com.au': zohoDataCentre('com.au', 'Australia', 'zoho.com.au'),
  jp: zohoDataCentre('jp', 'Japan', 'zoho.jp'),
  'com.cn': zohoDataCentre('com.cn', 'China', 'zoho.com.cn'),
  sa: zohoDataCentre('sa', 'Saudi Arabia', 'zoho.sa'),
  ca: zohoDataCentre('ca', 'Canada', 'zohocloud.ca'),
};

const ALL = Object.values(DATA_CENTRES);

export const CRM_HOSTS: readonly string[] = ALL.flatMap((dc) => [dc.crmHost, dc.crmSandboxHost]);
export const DESK_HOSTS: readonly string[] = ALL.map((dc) => dc.deskHost);
export const ACCOUNTS_HOSTS: readonly string[] = ALL.map((dc) => dc.accountsHost);

/** The data centre whose CRM (or CRM sandbox) web host is `hostname`, if any. */
export function dataCentreOfCrmHost(hostname: string): DataCentre | undefined {
  const host = hostname.toLowerCase();
  return ALL.find((dc) => dc.crmHost === host || dc.crmSandboxHost === host);
}
