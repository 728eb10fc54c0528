/**
 * Is this URL a Zoho CRM Lead, Contact, Account or Deal detail page?
 *
 * Accepted:
 * - `https://<CRM host>/crm/<orgSeg>/tab/<Leads|Contacts|Accounts|Potentials>/<13–19 digits>[/][?…][#…]` on
 *   every CRM host and `crmsandbox` twin of lib/shared/data-centres.ts. Inside CRM Plus and Zoho One
 *   the CRM runs in a frame whose own URL has this shape, so the same rule covers them.
 * - Classic `https://<CRM host>/crm/<orgSeg>/EntityInfo.do?module=<Module>&id=<digits>` (also
 *   `ShowEntityInfo.do`): the org segment is in the path, so the record is fully known.
 *
 * Rejected on purpose:
 * - `/crm/EntityInfo.do?…` and `/crm/tab/<Module>/<id>` WITHOUT an org segment: today Zoho
 *   redirects the first to the NextGen URL (which we then detect) and sends the second to Home;
 *   without the org we could not key the record anyway.
 * - edit/create/list/custom-view/canvas pages, module home, settings, WebTabN, `list` as an id,
 *   other modules (CustomModuleN), wrapper hosts (crmplus/one.zoho.*), and a company's own CRM
 *   host unless the admin added it (`customHosts`, mapped to the configured data centre).
 *
 * CRM's addresses name Deals by their old internal name, `Potentials`, while its API calls the
 * module `Deals`: the record carries the API name.
 *
 * Imports only types from lib/shared/messages.ts: this runs in the content script (which carries no
 * zod) and in the broker (which binds each panel command to the record of the frame that sent it).
 */
import type { CrmModule } from './protocol';
import type { RecordRef } from './commands';
import { dataCentreOfCrmHost } from './data-centres';
import type { CustomCrmHosts } from './crm-address';

/** The modules DeskLink serves, by the names CRM's addresses use (labels can be renamed; these not). */
const MODULE_OF_PATH: Readonly<Record<string, CrmModule>> = {
  Leads: 'Leads',
  Contacts: 'Contacts',
  Accounts: 'Accounts',
  Potentials: 'Deals',
};

/** CRM record ids: 13–19 digits, kept as strings since they exceed 2^53. */
const RECORD_ID = /^\d{13,19}$/;

/** `org<N>` or a custom access-URL name; never a route word that would shift the path. */
const ORG_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const NOT_ORG_SEGMENTS = new Set(['tab', 'settings', 'EntityInfo.do', 'ShowEntityInfo.do']);

/** `/crm/<org>/tab/<Module>/<id>` with at most one trailing slash. */
const NEXTGEN_PATH = /^\/crm\/([^/]+)\/tab\/([^/]+)\/([^/]+)\/?$/;
/** `/crm/<org>/EntityInfo.do` or `/crm/<org>/ShowEntityInfo.do` (classic UI). */
const CLASSIC_PATH = /^\/crm\/([^/]+)\/(?:Show)?EntityInfo\.do$/;

function moduleOfPath(value: string | null): CrmModule | null {
  return value !== null && Object.hasOwn(MODULE_OF_PATH, value) ? MODULE_OF_PATH[value]! : null;
}

function isOrgSegment(value: string): boolean {
  return ORG_SEGMENT.test(value) && !NOT_ORG_SEGMENTS.has(value);
}

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The record this page shows, or null when it is not a Lead/Contact/Account detail page. */
export function parseRecordPage(input: string | URL, customHosts?: CustomCrmHosts): RecordRef | null {
  const url = toUrl(input);
  if (!url || url.protocol !== 'https:') return null;
  const dataCentre = dataCentreOfCrmHost(url.hostname)?.id ?? (url.port ? undefined : customHosts?.get(url.hostname.toLowerCase()));
  if (!dataCentre) return null;
  const base = { crmHost: url.hostname.toLowerCase(), dataCentre };

  const nextGen = NEXTGEN_PATH.exec(url.pathname);
  if (nextGen) {
    const [, org = '', path = '', id = ''] = nextGen;
    const module = moduleOfPath(path);
    if (!isOrgSegment(org) || !module || !RECORD_ID.test(id)) return null;
    return { ...base, orgSegment: org, module, recordId: id };
  }

  const classic = CLASSIC_PATH.exec(url.pathname);
  if (classic) {
    const [, org = ''] = classic;
    const module = moduleOfPath(url.searchParams.get('module'));
    const id = url.searchParams.get('id') ?? '';
    if (!isOrgSegment(org) || !module || !RECORD_ID.test(id)) return null;
    return { ...base, orgSegment: org, module, recordId: id };
  }
  return null;
}

/** One string per record page: equal keys mean "the same record", whatever the query or hash. */
export function recordKey(ref: RecordRef): string {
  return `${ref.crmHost}/${ref.orgSegment}/${ref.module}/${ref.recordId}`;
}
