/**
 * What each Desk endpoint answers, once the request passed every check: the matching records,
 * paged, sorted and built to the endpoint's shape. `{data,count}` for searches (count = all
 * matches), `{data}` for lists, the bare object for single records, 204 with no body when
 * nothing matches.
 */
import type { EndpointContract } from '../contract/index';
import type { DeskTicket, PortalKey, PortalStore } from '../generate/model';
import { jsonReply, noContent, type Reply } from '../reply';
import type { Variation } from '../variation';
import type { KeyAccess } from './access';
import { createTicket } from './create-ticket';
import type { CreatedRecords } from './created';
import { deskError } from './errors';
import { anyOf, matches, page, searchTickets, sortTickets } from './filters';
import { AGENT_KEPT, DEPARTMENT_KEPT, ROLE_AGENT_KEPT } from './kept';
import { renderer, statisticsBag } from './render';
import { departmentBag, latestThreadBag, myInfoBag, ticketFieldBags } from './setup-answers';
import type { ValidQuery } from './validate';

export interface RouteContext {
  row: EndpointContract;
  store: PortalStore;
  portal: PortalKey;
  access: KeyAccess;
  q: ValidQuery;
  /** The id in the path, if any. */
  id: string;
  variation: Variation;
  /** The request body as text ('' when none). */
  body: string;
  /** What this sandbox created; `store` is its `readable` view of the portal. */
  records: CreatedRecords;
  now: number;
}

const searchReply = (items: unknown[], total: number): Reply =>
  items.length ? jsonReply(200, { data: items, count: total }) : noContent();
const listReply = (items: unknown[]): Reply => (items.length ? jsonReply(200, { data: items }) : noContent());
const notFound = () => deskError('URL_NOT_FOUND');
const NONE: ReadonlySet<string> = new Set();

function listTickets(ctx: RouteContext, tickets: readonly DeskTicket[]): Reply {
  const { q, store, row } = ctx;
  let list = tickets.filter((t) => {
    if (q.get('isSpam') === 'true') return false; // no spam tickets in the sandbox
    if (q.get('departmentId') && t.departmentId !== q.get('departmentId')) return false;
    if (q.get('dueDate') === 'overdue') return t.statusType !== 'Closed' && t.dueDate !== null && t.dueDate < Date.now();
    return true;
  });
  list = sortTickets([...list], q.sort ?? { field: 'createdTime', descending: true });
  const draw = renderer(store, ctx.variation);
  // Portal B's lists give dates as epoch milliseconds, as the files' list examples do.
  const dates = store.key === 'B' ? 'epoch' : 'iso';
  return listReply(page(list, q.paging).map((t) => draw.ticket(row.response.item, t, q.include, dates)));
}

function searchContacts(ctx: RouteContext): Reply {
  const { store, q } = ctx;
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
      (!q.get('fullName') || anyOf(`${c.firstName ?? ''} ${c.lastName}`.trim(), q.list('fullName'))) &&
      (!q.get('phone') || anyOf(c.phone, q.list('phone'))) &&
      (!q.get('mobile') || anyOf(c.mobile, q.list('mobile'))) &&
      (!q.get('accountName') || anyOf(c.accountId ? store.accountById.get(c.accountId)?.accountName : null, q.list('accountName'))) &&
      (!q.get('_all') || [c.email, c.firstName, c.lastName].some((v) => matches(v, q.get('_all')!, true))),
  );
  const sorted = [...new Set(found)].sort((a, b) => {
    const f = q.sort?.field;
    const d = q.sort?.descending ? -1 : 1;
    if (f === 'lastName' || f === 'firstName') return d * String(a[f] ?? '').localeCompare(String(b[f] ?? ''));
    if (f === 'modifiedTime' || f === 'createdTime') return d * (a[f] - b[f]);
    return b.createdTime - a.createdTime;
  });
  const draw = renderer(store, ctx.variation);
  return searchReply(
    page(sorted, q.paging).map((c) => draw.contact(ctx.row.response.item, c)),
    sorted.length,
  );
}

/** A name matches exactly (case aside) or, with a trailing `*`, as a prefix; a comma means OR. */
function searchAccounts(ctx: RouteContext): Reply {
  const { store, q } = ctx;
  const names = q.list('accountName');
  const found = store.accounts.filter(
    (a) =>
      (!names.length || anyOf(a.accountName, names)) &&
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
  const draw = renderer(store, ctx.variation);
  return searchReply(
    page(found, q.paging).map((a) => draw.account(ctx.row.response.item, a)),
    found.length,
  );
}

type Handler = (ctx: RouteContext) => Reply;

export const HANDLERS: Record<string, Handler> = {
  myInfo: (ctx) =>
    jsonReply(
      200,
      renderer(ctx.store, ctx.variation).plain(
        ctx.row.response.item,
        myInfoBag(ctx.store, ctx.portal, ctx.access),
        ctx.access.role ? ROLE_AGENT_KEPT : AGENT_KEPT,
      ),
    ),
  departments: (ctx) => {
    const { store, q } = ctx;
    let list = store.departments;
    const search = q.get('searchStr');
    if (search) list = list.filter((d) => matches(d.name, search.replace(/^\*/, ''), search.startsWith('*')));
    if (q.get('isEnabled') === 'false') list = [];
    const draw = renderer(store, ctx.variation);
    return listReply(page(list, q.paging).map((d) => draw.plain(ctx.row.response.item, departmentBag(store, d), DEPARTMENT_KEPT)));
  },
  myDepartments: (ctx) => {
    const draw = renderer(ctx.store, ctx.variation);
    const list = ctx.q.get('isEnabled') === 'false' ? [] : ctx.store.departments;
    return listReply(list.map((d) => draw.plain(ctx.row.response.item, departmentBag(ctx.store, d), DEPARTMENT_KEPT)));
  },
  ticketSearch: (ctx) => {
    const all = searchTickets(ctx.store, ctx.q);
    // A created ticket enters the search index a while after it is stored.
    const found = ctx.records.anyUnindexed(ctx.now) ? all.filter((t) => ctx.records.searchable(t, ctx.now)) : all;
    const draw = renderer(ctx.store, ctx.variation);
    return searchReply(
      page(found, ctx.q.paging).map((t) => draw.ticket(ctx.row.response.item, t, NONE)),
      found.length,
    );
  },
  contactSearch: searchContacts,
  accountSearch: searchAccounts,
  contactTickets: (ctx) =>
    ctx.store.contactById.has(ctx.id) ? listTickets(ctx, ctx.store.ticketsByContact.get(ctx.id) ?? []) : notFound(),
  accountTickets: (ctx) =>
    ctx.store.accountById.has(ctx.id) ? listTickets(ctx, ctx.store.ticketsByAccount.get(ctx.id) ?? []) : notFound(),
  getAccount: (ctx) => {
    const account = ctx.store.accountById.get(ctx.id);
    return account ? jsonReply(200, renderer(ctx.store, ctx.variation).account(ctx.row.response.item, account, ctx.q.include)) : notFound();
  },
  getContact: (ctx) => {
    const contact = ctx.store.contactById.get(ctx.id);
    return contact ? jsonReply(200, renderer(ctx.store, ctx.variation).contact(ctx.row.response.item, contact, ctx.q.include)) : notFound();
  },
  getTicket: (ctx) => {
    const ticket = ctx.store.ticketById.get(ctx.id);
    return ticket ? jsonReply(200, renderer(ctx.store, ctx.variation).ticket(ctx.row.response.item, ticket, ctx.q.include)) : notFound();
  },
  contactStatistics: (ctx) =>
    ctx.store.contactById.has(ctx.id)
      ? jsonReply(
          200,
          renderer(ctx.store, ctx.variation).plain(
            ctx.row.response.item,
            statisticsBag(ctx.store.ticketsByContact.get(ctx.id) ?? []),
            NONE,
          ),
        )
      : notFound(),
  accountStatistics: (ctx) =>
    ctx.store.accountById.has(ctx.id)
      ? jsonReply(
          200,
          renderer(ctx.store, ctx.variation).plain(
            ctx.row.response.item,
            statisticsBag(ctx.store.ticketsByAccount.get(ctx.id) ?? []),
            NONE,
          ),
        )
      : notFound(),
  latestThread: (ctx) => {
    const ticket = ctx.store.ticketById.get(ctx.id);
    if (!ticket) return notFound();
    const bag = latestThreadBag(ctx.store, ticket, ctx.q.include.has('plainText'));
    return jsonReply(200, renderer(ctx.store, ctx.variation).plain(ctx.row.response.item, bag, new Set(['id', 'content', 'summary'])));
  },
  fields: (ctx) => {
    const wanted = (ctx.q.get('apiNames') ?? '').split(',').filter(Boolean);
    const all = ticketFieldBags(ctx.store, false).filter((f) => !wanted.length || wanted.includes(String(f.apiName)));
    const draw = renderer(ctx.store, ctx.variation);
    return ctx.q.get('module') === 'tickets'
      ? listReply(all.map((f) => draw.plain(ctx.row.response.item, f, new Set(['id', 'apiName', 'allowedValues']))))
      : noContent();
  },
  createTicket,
  organizationFields: (ctx) => {
    const wanted = (ctx.q.get('apiNames') ?? '').split(',').filter(Boolean);
    const all = ticketFieldBags(ctx.store, true).filter((f) => !wanted.length || wanted.includes(String(f.apiName)));
    const draw = renderer(ctx.store, ctx.variation);
    return ctx.q.get('module') === 'tickets'
      ? listReply(all.map((f) => draw.plain(ctx.row.response.item, f, new Set(['id', 'apiName', 'allowedValues']))))
      : noContent();
  },
};
