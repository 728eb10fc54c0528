/**
 * crm.zoho.<dc>, crmsandbox.zoho.<dc> and crm.zohocloud.ca: the SPA shell for every /crm/...
 * page, the record data endpoint the app calls (GET /crm/v2.2/<Module>/<id>), and the content
 * markup its script fetches (GET /crm/__markup?path=&search=&variant=).
 */
import { CRM_ORG } from '../fixtures';
import type { CrmRecord, Dataset } from '../generate/model';
import { jsonReply, textReply, type Reply } from '../reply';
import { formMarkup, homeMarkup, listMarkup } from './page-markup';
import { PAGE_VARIANTS, recordMarkup, type MarkupRecord, type PageVariant } from './record-markup';
import { isCrmModule, parseCrmPath } from './routes';
import { shellHtml } from './shell';

export interface CrmRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface CrmOptions {
  renderDelayMs: number;
}

const HTML = 'text/html; charset=utf-8';

/** The record at a module + id, with its list neighbours and its account's record id. */
export function markupRecord(dataset: Dataset, module: string, id: string): MarkupRecord | undefined {
  if (!isCrmModule(module)) return undefined;
  const record = dataset.crmById.get(id);
  if (!record || record.module !== module) return undefined;
  const list = dataset.crmByModule.get(record.module) ?? [];
  const at = list.indexOf(record);
  const account =
    record.accountName && (record.module === 'Contacts' || record.module === 'Potentials')
      ? dataset.crmByModule.get('Accounts')?.find((a) => a.name === record.accountName)
      : undefined;
  const contact = record.contactName ? dataset.crmByModule.get('Contacts')?.find((c) => c.name === record.contactName) : undefined;
  return {
    ...record,
    ...(at > 0 ? { prevId: list[at - 1]!.id } : {}),
    ...(at >= 0 && at < list.length - 1 ? { nextId: list[at + 1]!.id } : {}),
    ...(account ? { accountId: account.id } : {}),
    ...(contact ? { contactId: contact.id } : {}),
  };
}

/** The record as CRM's API v2.2 returns it. */
function apiRecord(r: CrmRecord) {
  const owner = { name: r.ownerName, id: '5293322000000243001', email: 'owner@zylker.com' };
  const base = {
    id: r.id,
    Owner: owner,
    Created_Time: '2025-03-14T10:22:31+00:00',
    Modified_Time: '2026-10-02T08:05:11+00:00',
    Phone: r.phone ?? null,
  };
  if (r.module === 'Accounts') return { ...base, Account_Name: r.name };
  if (r.module === 'Leads' || r.module === 'Contacts') {
    return {
      ...base,
      Full_Name: r.name,
      First_Name: r.firstName ?? null,
      Last_Name: r.lastName ?? r.name,
      Email: r.emails[0] ?? null,
      Secondary_Email: r.emails[1] ?? null,
      ...(r.module === 'Leads'
        ? { Company: r.company ?? null }
        : { Account_Name: r.accountName ? { name: r.accountName, id: null } : null }),
    };
  }
  return { ...base, [r.module === 'Potentials' ? 'Deal_Name' : 'Name']: r.name };
}

const crmApiError = () =>
  jsonReply(404, { code: 'INVALID_DATA', details: {}, message: 'the related id given seems to be invalid', status: 'error' });

function contentMarkup(dataset: Dataset, query: URLSearchParams): Reply {
  const route = parseCrmPath(query.get('path') ?? '');
  const search = new URLSearchParams(query.get('search') ?? '');
  const variantParam = query.get('variant') ?? 'nextgen';
  const variant: PageVariant = (PAGE_VARIANTS as readonly string[]).includes(variantParam) ? (variantParam as PageVariant) : 'nextgen';
  const html = (body: string) => textReply(200, body, HTML);
  const blank = () => textReply(404, '', HTML);

  switch (route.kind) {
    case 'record': {
      const record = markupRecord(dataset, route.module, route.id);
      return record ? html(recordMarkup(record, variant)) : blank();
    }
    case 'edit': {
      const record = markupRecord(dataset, route.module, route.id);
      return record && isCrmModule(route.module) ? html(formMarkup(route.module, record)) : blank();
    }
    case 'create':
      return isCrmModule(route.module) ? html(formMarkup(route.module, undefined)) : blank();
    case 'list':
    case 'home': {
      if (!isCrmModule(route.module)) return html(homeMarkup());
      const pageNo = Math.max(1, Number(search.get('page')) || 1);
      const perPage = Math.min(200, Math.max(1, Number(search.get('per_page')) || 10));
      return html(listMarkup(route.module, dataset.crmByModule.get(route.module) ?? [], pageNo, perPage));
    }
    default:
      return html(homeMarkup());
  }
}

export function handleCrm(dataset: Dataset, req: CrmRequest, options: CrmOptions): Reply {
  if (req.method !== 'GET' && req.method !== 'HEAD') return textReply(405, 'Method not allowed');
  const path = req.path;

  if (path === '/crm/__markup') return contentMarkup(dataset, req.query);

  const api = /^\/crm\/v2(?:\.2)?\/([A-Za-z0-9_]+)(?:\/([^/]+))?$/.exec(path);
  if (api) {
    const [, module, id] = api;
    if (!module || !isCrmModule(module)) return crmApiError();
    if (id === undefined) {
      const page = Math.max(1, Number(req.query.get('page')) || 1);
      const perPage = Math.min(200, Math.max(1, Number(req.query.get('per_page')) || 10));
      const all = dataset.crmByModule.get(module) ?? [];
      const data = all.slice((page - 1) * perPage, page * perPage).map(apiRecord);
      return data.length
        ? jsonReply(200, { data, info: { page, per_page: perPage, count: data.length, more_records: page * perPage < all.length } })
        : { status: 204 };
    }
    const record = dataset.crmById.get(id);
    return record && record.module === module ? jsonReply(200, { data: [apiRecord(record)] }) : crmApiError();
  }

  // Classic links: EntityInfo.do?module=&id= opens the record in the org.
  if (/^\/crm(?:\/[^/]+)?\/(?:Show)?EntityInfo\.do$/.test(path)) {
    const module = req.query.get('module') ?? '';
    const id = req.query.get('id') ?? '';
    return { status: 302, headers: { location: `/crm/${CRM_ORG}/tab/${encodeURIComponent(module)}/${encodeURIComponent(id)}` } };
  }

  if (path === '/' || path === '/crm' || path === '/crm/') return { status: 302, headers: { location: `/crm/${CRM_ORG}/tab/Home` } };
  if (path.startsWith('/crm/')) {
    return textReply(200, shellHtml({ renderDelayMs: options.renderDelayMs, hostileCss: req.query.get('css') === 'hostile' }), HTML);
  }
  return textReply(404, 'Not found');
}
