/**
 * The Desk API v1 subset DeskLink uses, checked in Zoho's order: the OAuth token (401
 * INVALID_OAUTH), the route (404 URL_NOT_FOUND), the orgId header (422 / 403
 * OAUTH_ORG_MISMATCH), the query (422), then the answer: `{data,count}` for searches, `{data}`
 * for lists, a bare object for single GETs, 204 with no body when nothing matches.
 */
import { PORTALS } from '../fixtures';
import type { Dataset, DeskTicket, PortalKey, PortalStore } from '../generate/model';
import { jsonReply, noContent, type Reply } from '../reply';
import { accessFor, portalById, tokenOf, type KeyAccess } from './access';
import { deskError, unprocessable } from './errors';
import { anyOf, matches, page, searchTickets, sortTickets } from './filters';
import { isReply, SPECS, validateQuery, type ParamSpec, type ValidQuery } from './params';
import { accountJson, contactJson, fullTicket, listTicket, organizationJson, searchTicket, statistics } from './render';

export interface DeskRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

interface Ctx {
  store: PortalStore;
  portal: PortalKey;
  access: KeyAccess;
  q: ValidQuery;
  id: string;
}

interface Route {
  pattern: RegExp;
  spec: ParamSpec;
  /** Needs Desk.basic.READ. */
  basic?: boolean;
  handle(ctx: Ctx): Reply;
}

const ID = '(\\d{1,19})';
const searchReply = <T>(items: T[], total: number): Reply => (items.length ? jsonReply(200, { data: items, count: total }) : noContent());
const listReply = <T>(items: T[]): Reply => (items.length ? jsonReply(200, { data: items }) : noContent());
const notFound = () => deskError('URL_NOT_FOUND');

function listTickets(ctx: Ctx, tickets: readonly DeskTicket[]): Reply {
  const { q, store } = ctx;
  let list = tickets.filter((t) => {
    if (q.get('isSpam') === 'true') return false; // no spam tickets in the sandbox
    if (q.get('departmentId') && t.departmentId !== q.get('departmentId')) return false;
    if (q.get('dueDate') === 'overdue') return t.statusType !== 'Closed' && t.dueDate !== null && t.dueDate < Date.now();
    return true;
  });
  list = sortTickets(list, q.sort ?? { field: 'createdTime', descending: true });
  return listReply(page(list, q.paging).map((t) => listTicket(store, t, q.include)));
}

function myinfo(ctx: Ctx): Reply {
  const { access, portal, store } = ctx;
  const agent = store.agents.find((a) => a.emailId.toLowerCase() === access.email.toLowerCase());
  return jsonReply(200, {
    id: agent?.id ?? store.idPrefix + '499999999',
    firstName: access.firstName,
    lastName: access.lastName,
    name: `${access.firstName} ${access.lastName}`,
    emailId: access.email,
    zuid: agent?.zuid ?? '700000001',
    roleId: store.idPrefix + '700000001',
    profileId: store.idPrefix + '800000001',
    rolePermissionType: access.isAdmin ? 'Admin' : 'Standard',
    status: 'ACTIVE',
    isConfirmed: true,
    langCode: portal === 'B' ? 'ja_JP' : 'en_US',
    countryCode: portal === 'B' ? 'jp' : 'us',
    timeZone: PORTALS[portal].timeZone,
    associatedDepartmentIds: store.departments.map((d) => d.id),
    associatedChatDepartmentIds: [],
    photoURL: null,
    phone: null,
    mobile: null,
    extn: null,
    aboutInfo: null,
    channelExpert: [],
  });
}

const ROUTES: Route[] = [
  { pattern: /^\/api\/v1\/myinfo$/, spec: SPECS.myinfo, basic: true, handle: myinfo },
  {
    pattern: /^\/api\/v1\/departments$/,
    spec: SPECS.departments,
    basic: true,
    handle: ({ store, q }) => {
      let list = store.departments;
      const search = q.get('searchStr');
      if (search) list = list.filter((d) => matches(d.name, search.replace(/^\*/, ''), search.startsWith('*')));
      if (q.get('isEnabled') === 'false') list = [];
      return listReply(
        page(list, q.paging).map((d) => ({
          id: d.id,
          name: d.name,
          nameInCustomerPortal: d.name,
          description: null,
          isEnabled: true,
          isDefault: d.isDefault,
          isVisibleInCustomerPortal: true,
          isAssignToTeamEnabled: false,
          chatStatus: 'NOT_CREATED',
          hasLogo: false,
          creatorId: store.agents[0]?.id ?? null,
          createdTime: '2024-01-15T09:00:00.000Z',
        })),
      );
    },
  },
  {
    pattern: /^\/api\/v1\/tickets\/search$/,
    spec: SPECS.ticketSearch,
    handle: ({ store, q }) => {
      const found = searchTickets(store, q);
      return searchReply(
        page(found, q.paging).map((t) => searchTicket(store, t)),
        found.length,
      );
    },
  },
  {
    pattern: /^\/api\/v1\/contacts\/search$/,
    spec: SPECS.contactSearch,
    handle: ({ store, q }) => {
      const emails = q.list('email');
      const base =
        emails.length && emails.every((e) => !e.includes('*') && !e.startsWith('${'))
          ? emails.flatMap((e) => store.contactsByEmail.get(e.toLowerCase()) ?? [])
          : store.contacts;
      const found = base.filter(
        (c) =>
          (!emails.length || anyOf(c.email, emails)) &&
          (!q.list('id').length || q.list('id').includes(c.id)) &&
          (!q.get('firstName') || anyOf(c.firstName, q.list('firstName'))) &&
          (!q.get('lastName') || anyOf(c.lastName, q.list('lastName'))) &&
          (!q.get('fullName') || anyOf(`${c.firstName ?? ''} ${c.lastName}`.trim(), q.list('fullName'), true)) &&
          (!q.get('phone') || anyOf(c.phone, q.list('phone'))) &&
          (!q.get('mobile') || anyOf(c.mobile, q.list('mobile'))) &&
          (!q.get('accountName') ||
            anyOf(c.accountId ? store.accountById.get(c.accountId)?.accountName : null, q.list('accountName'), true)) &&
          (!q.get('_all') || [c.email, c.firstName, c.lastName].some((v) => matches(v, q.get('_all')!, true))),
      );
      const sorted = [...new Set(found)].sort((a, b) => {
        const f = q.sort?.field;
        const d = q.sort?.descending ? -1 : 1;
        if (f === 'lastName' || f === 'firstName') return d * String(a[f] ?? '').localeCompare(String(b[f] ?? ''));
        if (f === 'modifiedTime' || f === 'createdTime') return d * (a[f] - b[f]);
        return b.createdTime - a.createdTime;
      });
      return searchReply(
        page(sorted, q.paging).map((c) => contactJson(store, c)),
        sorted.length,
      );
    },
  },
  {
    pattern: new RegExp(`^/api/v1/contacts/${ID}/tickets$`),
    spec: SPECS.contactTickets,
    handle: (ctx) => (ctx.store.contactById.has(ctx.id) ? listTickets(ctx, ctx.store.ticketsByContact.get(ctx.id) ?? []) : notFound()),
  },
  {
    pattern: new RegExp(`^/api/v1/contacts/${ID}/statistics$`),
    spec: SPECS.contactStatistics,
    handle: ({ store, id }) => (store.contactById.has(id) ? jsonReply(200, statistics(store.ticketsByContact.get(id) ?? [])) : notFound()),
  },
  {
    pattern: /^\/api\/v1\/accounts\/search$/,
    spec: SPECS.accountSearch,
    handle: ({ store, q }) => {
      const names = q.list('accountName');
      const found = store.accounts.filter(
        (a) =>
          (!names.length || anyOf(a.accountName, names, true)) &&
          (!q.list('id').length || q.list('id').includes(a.id)) &&
          (!q.get('_all') || matches(a.accountName, q.get('_all')!, true)),
      );
      const f = q.sort?.field;
      const d = q.sort?.descending ? -1 : 1;
      found.sort((a, b) =>
        f === 'accountName'
          ? d * a.accountName.localeCompare(b.accountName)
          : f === 'modifiedTime' || f === 'createdTime'
            ? d * (a[f] - b[f])
            : a.accountName.length - b.accountName.length || a.accountName.localeCompare(b.accountName),
      );
      return searchReply(
        page(found, q.paging).map((a) => accountJson(store, a, false)),
        found.length,
      );
    },
  },
  {
    pattern: new RegExp(`^/api/v1/accounts/${ID}$`),
    spec: SPECS.account,
    handle: ({ store, id }) => {
      const account = store.accountById.get(id);
      return account ? jsonReply(200, accountJson(store, account, true)) : notFound();
    },
  },
  {
    pattern: new RegExp(`^/api/v1/accounts/${ID}/tickets$`),
    spec: SPECS.accountTickets,
    handle: (ctx) => (ctx.store.accountById.has(ctx.id) ? listTickets(ctx, ctx.store.ticketsByAccount.get(ctx.id) ?? []) : notFound()),
  },
  {
    pattern: new RegExp(`^/api/v1/accounts/${ID}/statistics$`),
    spec: SPECS.accountStatistics,
    handle: ({ store, id }) => (store.accountById.has(id) ? jsonReply(200, statistics(store.ticketsByAccount.get(id) ?? [])) : notFound()),
  },
  {
    pattern: new RegExp(`^/api/v1/tickets/${ID}$`),
    spec: SPECS.ticket,
    handle: ({ store, id, q }) => {
      const ticket = store.ticketById.get(id);
      return ticket ? jsonReply(200, fullTicket(store, ticket, q.include)) : notFound();
    },
  },
];

const header = (req: DeskRequest, name: string) => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

export function handleDesk(dataset: Dataset, req: DeskRequest): Reply {
  const access = accessFor(tokenOf(header(req, 'authorization')), req.host);
  if (!access) return deskError('INVALID_OAUTH');
  if (req.method !== 'GET' && req.method !== 'HEAD') return deskError('METHOD_NOT_ALLOWED');

  if (req.path === '/api/v1/organizations') {
    const q = validateQuery(req.query, SPECS.organizations);
    if (isReply(q)) return q;
    if (access.lacksBasicScope) return deskError('SCOPE_MISMATCH');
    return listReply(access.listed.map((key) => organizationJson(key, access)));
  }

  let route: Route | undefined;
  let id = '';
  for (const r of ROUTES) {
    const m = r.pattern.exec(req.path);
    if (m) {
      route = r;
      id = m[1] ?? '';
      break;
    }
  }
  if (!route) return deskError('URL_NOT_FOUND');

  const orgId = header(req, 'orgId');
  if (orgId === undefined || orgId.trim() === '') return unprocessable("The 'orgId' header is missing in the request.");
  if (!/^\d+$/.test(orgId.trim())) return unprocessable("The value passed for the 'orgId' header is invalid.");
  const portal = portalById(orgId.trim());
  if (!portal || !access.readable.includes(portal)) return deskError('OAUTH_ORG_MISMATCH');
  if (route.basic && access.lacksBasicScope) return deskError('SCOPE_MISMATCH');

  const q = validateQuery(req.query, route.spec);
  if (isReply(q)) return q;
  return route.handle({ store: dataset.portals[portal], portal, access, q, id });
}
