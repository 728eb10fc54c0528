import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, parseSort, sortTickets, withJustCreatedFirst } from '../../../lib/page/ticket-order';
import type { TicketSummary } from '../../../lib/shared/protocol';
import { ticket } from '../support/cache';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();
const numbers = (list: TicketSummary[]) => list.map((t) => t.ticketNumber);

describe('the default order: open first', () => {
  const closedNew = ticket(1, { statusType: 'Closed', status: 'Closed', modifiedTime: day(-1) });
  const closedOld = ticket(2, { statusType: 'Closed', status: 'Closed', modifiedTime: day(-30) });
  const openNoDueNew = ticket(3, { modifiedTime: day(-2) });
  const openNoDueOld = ticket(4, { modifiedTime: day(-20) });
  const dueLater = ticket(5, { dueDate: day(10), modifiedTime: day(-40) });
  const dueSoon = ticket(6, { statusType: 'On Hold', status: 'On Hold', dueDate: day(2), modifiedTime: day(-50) });
  const overdueFlag = ticket(7, { isOverDue: true, dueDate: day(-1), modifiedTime: day(-3) });
  const overdueLongAgo = ticket(8, { dueDate: day(-9), modifiedTime: day(-60) });
  const unknownStatus = ticket(9, { statusType: null, status: null, modifiedTime: day(-5) });
  const closedOverdue = ticket(10, { statusType: 'Closed', status: 'Closed', isOverDue: true, dueDate: day(-5), modifiedTime: day(-10) });
  const all = [
    closedNew,
    closedOld,
    openNoDueNew,
    openNoDueOld,
    dueLater,
    dueSoon,
    overdueFlag,
    overdueLongAgo,
    unknownStatus,
    closedOverdue,
  ];

  it('overdue first (earliest due first), then by due date, then by last change; closed last by last change', () => {
    expect(numbers(sortTickets(all, DEFAULT_SORT, NOW))).toEqual(
      numbers([
        overdueLongAgo,
        overdueFlag,
        dueSoon,
        dueLater,
        openNoDueNew,
        unknownStatus,
        openNoDueOld,
        closedNew,
        closedOverdue,
        closedOld,
      ]),
    );
  });

  it('does not depend on the order the broker sent', () => {
    const forward = numbers(sortTickets(all, DEFAULT_SORT, NOW));
    expect(numbers(sortTickets([...all].reverse(), DEFAULT_SORT, NOW))).toEqual(forward);
  });

  it('status descending puts the closed first', () => {
    expect(sortTickets(all, { column: 'status', direction: 'descending' }, NOW)[0]!.statusType).toBe('Closed');
  });

  it('keeps the broker’s order for tickets equal in every key, and returns a new array', () => {
    const twins = [ticket(1), ticket(2), ticket(3)];
    const sorted = sortTickets(twins, DEFAULT_SORT, NOW);
    expect(sorted).not.toBe(twins);
    expect(numbers(sorted)).toEqual(numbers(twins));
  });
});

describe('sorting by a column', () => {
  const a = ticket(1, { ticketNumber: '9', subject: 'beta', priority: 'Low', assigneeName: 'Zoe', dueDate: day(3), modifiedTime: day(-1) });
  const b = ticket(2, {
    ticketNumber: '10',
    subject: 'Alpha',
    priority: 'Urgent',
    assigneeName: null,
    dueDate: null,
    modifiedTime: day(-3),
  });
  const c = ticket(3, {
    ticketNumber: '100',
    subject: null,
    priority: 'High',
    assigneeName: 'adam',
    dueDate: day(1),
    modifiedTime: day(-2),
  });
  const list = [a, b, c];

  it('numbers as numbers, not text', () => {
    expect(numbers(sortTickets(list, { column: 'number', direction: 'ascending' }, NOW))).toEqual(['9', '10', '100']);
    expect(numbers(sortTickets(list, { column: 'number', direction: 'descending' }, NOW))).toEqual(['100', '10', '9']);
  });

  it('subjects and assignees A to Z ignoring case; missing values last either way', () => {
    expect(numbers(sortTickets(list, { column: 'subject', direction: 'ascending' }, NOW))).toEqual(['10', '9', '100']);
    expect(numbers(sortTickets(list, { column: 'subject', direction: 'descending' }, NOW))).toEqual(['9', '10', '100']);
    expect(numbers(sortTickets(list, { column: 'assignee', direction: 'ascending' }, NOW))).toEqual(['100', '9', '10']);
    expect(numbers(sortTickets(list, { column: 'assignee', direction: 'descending' }, NOW))).toEqual(['9', '100', '10']);
  });

  it('priorities by rank (Urgent, High, Medium, Low), in Japanese too', () => {
    expect(numbers(sortTickets(list, { column: 'priority', direction: 'descending' }, NOW))).toEqual(['10', '100', '9']);
    const ja = [ticket(1, { priority: '低' }), ticket(2, { priority: '緊急' }), ticket(3, { priority: '中' })];
    expect(sortTickets(ja, { column: 'priority', direction: 'descending' }, NOW).map((t) => t.priority)).toEqual(['緊急', '中', '低']);
  });

  it('due dates soonest first, no due date last; last change newest first', () => {
    expect(numbers(sortTickets(list, { column: 'due', direction: 'ascending' }, NOW))).toEqual(['100', '9', '10']);
    expect(numbers(sortTickets(list, { column: 'modified', direction: 'descending' }, NOW))).toEqual(['9', '100', '10']);
  });
});

describe('the ticket just created', () => {
  const overdue = ticket(1, { isOverDue: true, dueDate: day(-2) });
  const older = ticket(2, { modifiedTime: day(-1) });
  const created = ticket(3, { modifiedTime: day(0) });
  const sorted = sortTickets([created, older, overdue], DEFAULT_SORT, NOW);

  it('comes first, whatever the order put above it; the rest keep their order', () => {
    expect(numbers(sorted)).toEqual(['101', '103', '102']);
    expect(numbers([...withJustCreatedFirst(sorted, created.id)])).toEqual(['103', '101', '102']);
  });

  it('changes nothing when there is none, or it is not among the rows (another record, filtered out by a search)', () => {
    expect(withJustCreatedFirst(sorted, undefined)).toBe(sorted);
    expect(withJustCreatedFirst(sorted, 'not-here')).toBe(sorted);
  });
});

describe('nextSort and parseSort', () => {
  it('a press on the sorted column turns it round; on another, that column’s first direction', () => {
    expect(nextSort(DEFAULT_SORT, 'status')).toEqual({ column: 'status', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'modified')).toEqual({ column: 'modified', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'subject')).toEqual({ column: 'subject', direction: 'ascending' });
    expect(nextSort({ column: 'subject', direction: 'ascending' }, 'subject')).toEqual({ column: 'subject', direction: 'descending' });
  });

  it('reads a stored sort back, and anything else as the default', () => {
    expect(parseSort({ column: 'due', direction: 'descending' })).toEqual({ column: 'due', direction: 'descending' });
    for (const junk of [null, 'due', { column: 'email', direction: 'ascending' }, { column: 'due', direction: 'up' }, []]) {
      expect(parseSort(junk)).toEqual(DEFAULT_SORT);
    }
  });
});
