/**
 * Zoho CRM's REST API on www.zohoapis.<dc>: `GET /crm/v{2..8}/{Leads|Contacts|Accounts|Deals}/{id}`
 * as zoho/crm-oas v8.0/record.json describes it: `{"data":[record]}` with only the fields asked
 * for (`fields=` is required here, as the list call and Deluge's v8 task require it), lookups as
 * `{name, id}`, 204 for no such record. A token of another data centre, or no token at all, is
 * 401 INVALID_TOKEN; a token without the module's read scope (`ZohoCRM.modules.<module>.READ`,
 * `ZohoCRM.modules.READ` or `.ALL`, any case) is 403 OAUTH_SCOPE_MISMATCH, as Zoho answers.
 * Records are the ones the CRM pages show, with the emails CRM holds (`apiEmails`).
 */
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { accountsState } from './accounts-state';
import { accessOfToken, tokenOf } from './desk/access';
import type { CrmRecord, Dataset } from './generate/model';
import { jsonReply, type Reply } from './reply';

export interface CrmRestRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

const MODULES = ['Leads', 'Contacts', 'Accounts', 'Deals'] as const;
type ApiModule = (typeof MODULES)[number];
/** The web page's tab of each API module. */
const TAB: Record<ApiModule, string> = { Leads: 'Leads', Contacts: 'Contacts', Accounts: 'Accounts', Deals: 'Potentials' };

const error = (status: number, code: string, message: string) => jsonReply(status, { code, details: {}, message, status: 'error' });

function grants(scopes: readonly string[], module: ApiModule): boolean {
  const granted = new Set(scopes.map((s) => s.toLowerCase()));
  const m = module.toLowerCase();
  return ['zohocrm.modules.read', 'zohocrm.modules.all', `zohocrm.modules.${m}.read`, `zohocrm.modules.${m}.all`].some((s) =>
    granted.has(s),
  );
}

/**
 * A Contact's account as a lookup: the Accounts record of that name, else (an account the
 * sandbox draws no page for) a stable id made from the name, as every CRM lookup has one.
 */
function accountLookup(dataset: Dataset, name: string): { name: string; id: string } {
  const record = dataset.crmByModule.get('Accounts')?.find((a) => a.name === name);
  if (record) return { name, id: record.id };
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) % 1_000_000;
  return { name, id: `5293322000009${String(hash).padStart(6, '0')}` };
}

/** Every field the record has, by API name; lookups `{name, id}`. */
function apiFields(dataset: Dataset, r: CrmRecord): Record<string, unknown> {
  const owner = { name: r.ownerName, id: '5293322000000243001', email: 'owner@zylker.com' };
  const base = { id: r.id, Owner: owner, Phone: r.phone ?? null };
  if (r.module === 'Accounts') return { ...base, Account_Name: r.name };
  if (r.module === 'Leads' || r.module === 'Contacts') {
    const emails = r.apiEmails ?? r.emails;
    const account = r.accountName ? accountLookup(dataset, r.accountName) : undefined;
    return {
      ...base,
      Full_Name: r.name,
      First_Name: r.firstName ?? null,
      Last_Name: r.lastName ?? r.name,
      Email: emails[0] ?? null,
      Secondary_Email: emails[1] ?? null,
      ...(r.module === 'Leads' ? { Company: r.company ?? null } : { Account_Name: account ?? null }),
    };
  }
  return { ...base, Deal_Name: r.name };
}

export function handleCrmRest(dataset: Dataset, req: CrmRestRequest): Reply {
  if (req.method !== 'GET') return error(405, 'METHOD_NOT_ALLOWED', 'the http request method type is not a valid one');
  const route = /^\/crm\/v([2-8])(?:\.\d)?\/([A-Za-z_]+)\/([^/]+)$/.exec(req.path);
  if (!route) return error(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
  const module = MODULES.find((m) => m === route[2]);
  if (!module) return error(400, 'INVALID_MODULE', 'the module name given seems to be invalid');

  const token = tokenOf(req.authorization);
  const access = token ? accessOfToken(token) : undefined;
  const dataCentre = Object.values(DATA_CENTRES).find((dc) => new URL(dc.apiDomain).hostname === req.host);
  if (!token || !access || access.dataCentre !== dataCentre?.id) return error(401, 'INVALID_TOKEN', 'invalid oauth token');
  // A Desk key carries no CRM scope; a sign-in's token carries what its consent granted.
  if (!grants(accountsState.scopesOfToken(token) ?? [], module))
    return error(403, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL');

  const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
  if (fields.length === 0) return error(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing');
  const record = dataset.crmById.get(route[3] ?? '');
  if (!record || record.module !== TAB[module]) return { status: 204 };
  const all = apiFields(dataset, record);
  return jsonReply(200, { data: [Object.fromEntries([['id', record.id], ...fields.filter((f) => f in all).map((f) => [f, all[f]])])] });
}
