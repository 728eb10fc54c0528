/**
 * The orders the panel's table can show. The default puts what a rep must act on first: tickets
 * not closed (overdue first, then by due date, then by last change), then closed ones by last
 * change. A column header sorts by that column instead, either way.
 */
import type { TicketSummary } from '../shared/protocol';
import { parseInstant } from '../shared/time';
import { isOverdue, lastChanged } from './ticket-list';

const SORT_COLUMNS = ['number', 'subject', 'status', 'priority', 'due', 'modified', 'assignee'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
type SortDirection = 'ascending' | 'descending';

/** A column and a direction; `status` ascending is the default, open-first order. */
export interface TicketSort {
  column: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: TicketSort = { column: 'status', direction: 'ascending' };

/** What a first press on a header sorts by: newest change first, due soonest, the rest A to Z. */
const FIRST_DIRECTION: Record<SortColumn, SortDirection> = {
  number: 'descending',
  subject: 'ascending',
  status: 'ascending',
  priority: 'descending',
  due: 'ascending',
  modified: 'descending',
  assignee: 'ascending',
};

/** The sort after a press on `column`'s header: the other direction when it already sorts, else its first. */
export function nextSort(current: TicketSort, column: SortColumn): TicketSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: FIRST_DIRECTION[column] };
}

/** Priorities Desk ships, lowest first (English and Japanese portals); others rank by name after them. */
const PRIORITY_RANK = new Map<string, number>(
  [
    ['low', '低'],
    ['medium', '中'],
    ['high', '高'],
    ['urgent', '緊急'],
  ].flatMap((names, rank) => names.map((name) => [name, rank + 1] as [string, number])),
);

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type Compare = (a: TicketSummary, b: TicketSummary) => number;

/** Missing values go last whichever way the column sorts. */
const MISSING = Symbol('missing');
type Key = number | string | typeof MISSING;

function compareKeys(a: Key, b: Key, direction: SortDirection): number {
  if (a === MISSING || b === MISSING) return a === b ? 0 : a === MISSING ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

const present = <T>(value: T | null | undefined | ''): T | typeof MISSING =>
  value === null || value === undefined || value === '' ? MISSING : value;

function columnKey(ticket: TicketSummary, column: Exclude<SortColumn, 'status'>): Key {
  switch (column) {
    case 'number':
      return present(ticket.ticketNumber === null ? null : Number(ticket.ticketNumber));
    case 'subject':
      return present(ticket.subject?.trim());
    case 'priority': {
      const name = ticket.priority?.trim();
      if (!name) return MISSING;
      return PRIORITY_RANK.get(name.toLowerCase()) ?? 0;
    }
    case 'due':
      return present(parseInstant(ticket.dueDate));
    case 'modified':
      return present(lastChanged(ticket));
    case 'assignee':
      return present(ticket.assigneeName?.trim());
  }
}

/** Open first: 0 overdue, 1 open with a due date, 2 open without, 3 closed; unknown status counts as open. */
function openFirst(now: number): Compare {
  const group = (ticket: TicketSummary) =>
    ticket.statusType === 'Closed' ? 3 : isOverdue(ticket, now) ? 0 : parseInstant(ticket.dueDate) === null ? 2 : 1;
  return (a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup) return byGroup;
    if (group(a) < 2) {
      const byDue = compareKeys(columnKey(a, 'due'), columnKey(b, 'due'), 'ascending');
      if (byDue) return byDue;
    }
    return compareKeys(columnKey(a, 'modified'), columnKey(b, 'modified'), 'descending');
  };
}

/** `tickets` in `sort`'s order (a new array); equal tickets keep the broker's order. */
export function sortTickets(tickets: readonly TicketSummary[], sort: TicketSort, now: number): TicketSummary[] {
  let compare: Compare;
  if (sort.column === 'status') {
    const open = openFirst(now);
    compare = sort.direction === 'ascending' ? open : (a, b) => open(b, a);
  } else {
    const column = sort.column;
    const byChange: Compare = (a, b) => compareKeys(columnKey(a, 'modified'), columnKey(b, 'modified'), 'descending');
    // Priorities without a rank sort by name among themselves.
    compare = (a, b) =>
      compareKeys(columnKey(a, column), columnKey(b, column), sort.direction) ||
      (column === 'priority' ? compareKeys(present(a.priority), present(b.priority), sort.direction) : 0) ||
      byChange(a, b);
  }
  return tickets
    .map((ticket, index) => ({ ticket, index }))
    .sort((a, b) => compare(a.ticket, b.ticket) || a.index - b.index)
    .map(({ ticket }) => ticket);
}

/**
 * `sorted` with the ticket the rep has just created first, whatever the sort says: it is the row
 * they look for next, and it may otherwise sit below overdue tickets or on a later page.
 */
export function withJustCreatedFirst(sorted: readonly TicketSummary[], createdId: string | undefined): readonly TicketSummary[] {
  const index = createdId === undefined ? -1 : sorted.findIndex((ticket) => ticket.id === createdId);
  if (index <= 0) return sorted;
  return [sorted[index]!, ...sorted.slice(0, index), ...sorted.slice(index + 1)];
}

/** A stored sort, checked: anything else (an older format, a hand edit) is the default. */
export function parseSort(value: unknown): TicketSort {
  if (typeof value !== 'object' || value === null) return DEFAULT_SORT;
  const { column, direction } = value as Partial<Record<keyof TicketSort, unknown>>;
  const known = (SORT_COLUMNS as readonly unknown[]).includes(column) && (direction === 'ascending' || direction === 'descending');
  return known ? { column: column as SortColumn, direction: direction } : DEFAULT_SORT;
}
