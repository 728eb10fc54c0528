/**
 * Search semantics of the Desk stand-in: exact, case-insensitive matches; a trailing `*` is a
 * prefix wildcard; `${empty}` / `${notempty}`; comma-separated values mean OR.
 */
import type { DeskTicket, PortalStore } from '../generate/model';
import type { Paging, Sort, ValidQuery } from './validate';

const EMPTY = '${empty}';
const NOT_EMPTY = '${notempty}';

/** Whether a field value matches one filter value. `contains` = text fields that match inside. */
export function matches(value: string | null | undefined, wanted: string, contains = false): boolean {
  if (wanted === EMPTY) return !value;
  if (wanted === NOT_EMPTY) return !!value;
  if (!value) return false;
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  if (w.endsWith('*')) return contains ? v.includes(w.slice(0, -1)) : v.startsWith(w.slice(0, -1));
  return contains ? v.includes(w) : v === w;
}

export const anyOf = (value: string | null | undefined, wanted: string[], contains = false) =>
  wanted.some((w) => matches(value, w, contains));

/** tickets/search: candidates from an index when possible, then every filter as a predicate. */
export function searchTickets(store: PortalStore, q: ValidQuery): DeskTicket[] {
  const emails = q.list('email');
  const exactEmails = emails.length > 0 && emails.every((e) => !e.includes('*') && !e.startsWith('${'));
  let candidates: readonly DeskTicket[];
  if (exactEmails) {
    const seen = new Map<string, DeskTicket>();
    for (const e of emails) for (const t of store.ticketsByEmail.get(e.toLowerCase()) ?? []) seen.set(t.id, t);
    candidates = [...seen.values()];
  } else if (q.list('contactId').length === 1) {
    candidates = store.ticketsByContact.get(q.list('contactId')[0]!) ?? [];
  } else if (q.list('accountId').length === 1) {
    candidates = store.ticketsByAccount.get(q.list('accountId')[0]!) ?? [];
  } else {
    candidates = store.tickets;
  }

  const exact: [string, (t: DeskTicket) => string | null][] = [
    ['id', (t) => t.id],
    ['ticketNumber', (t) => t.ticketNumber],
    ['contactId', (t) => t.contactId],
    ['accountId', (t) => t.accountId],
    ['assigneeId', (t) => t.assigneeId],
    ['departmentId', (t) => t.departmentId],
    ['priority', (t) => t.priority],
    ['channel', (t) => t.channel],
    ['category', (t) => t.category],
    ['phone', (t) => t.phone],
  ];
  const predicates: ((t: DeskTicket) => boolean)[] = [];
  if (emails.length && !exactEmails) predicates.push((t) => anyOf(t.email, emails));
  for (const [name, field] of exact) {
    const wanted = q.list(name);
    if (wanted.length) predicates.push((t) => anyOf(field(t), wanted));
  }
  const status = q.list('status');
  if (status.length) predicates.push((t) => anyOf(t.status, status) || anyOf(t.statusType, status));
  const subject = q.list('subject');
  if (subject.length) predicates.push((t) => anyOf(t.subject, subject, true));
  for (const [name, field] of [
    ['createdTimeRange', (t: DeskTicket) => t.createdTime],
    ['modifiedTimeRange', (t: DeskTicket) => t.modifiedTime],
  ] as const) {
    const range = q
      .get(name)
      ?.split(',')
      .map((end) => Date.parse(end));
    if (range?.length === 2) predicates.push((t) => field(t) >= range[0]! && field(t) <= range[1]!);
  }
  const all = q.get('_all');
  if (all) predicates.push((t) => [t.subject, t.email, t.ticketNumber].some((v) => matches(v, all, true)));
  const found = predicates.length ? candidates.filter((t) => predicates.every((p) => p(t))) : [...candidates];
  return sortTickets(found, q.sort);
}

export function sortTickets(list: DeskTicket[], sort: Sort | undefined): DeskTicket[] {
  const field = sort && sort.field !== 'relevance' ? sort.field : 'createdTime';
  const descending = sort && sort.field !== 'relevance' ? sort.descending : true;
  const key = (t: DeskTicket) =>
    field === 'modifiedTime' ? t.modifiedTime : field === 'customerResponseTime' ? t.customerResponseTime : t.createdTime;
  return list.sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)) || (a.id < b.id ? -1 : 1));
}

export const page = <T>(list: readonly T[], paging: Paging): T[] => list.slice(paging.start, paging.start + paging.limit);
