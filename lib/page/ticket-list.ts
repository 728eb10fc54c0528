/** Pure helpers behind the panel's table: status tabs, last change, overdue, safe links (its order: ./ticket-order.ts). */
import type { StatusType, TicketSummary } from '../shared/protocol';
import { parseInstant } from '../shared/time';

export type StatusTab = 'all' | 'open' | 'onHold' | 'closed';
export const STATUS_TABS: readonly StatusTab[] = ['all', 'open', 'onHold', 'closed'];

const TAB_STATUS: Record<Exclude<StatusTab, 'all'>, StatusType> = { open: 'Open', onHold: 'On Hold', closed: 'Closed' };

export function inTab(ticket: TicketSummary, tab: StatusTab): boolean {
  return tab === 'all' || ticket.statusType === TAB_STATUS[tab];
}

export function countByTab(tickets: readonly TicketSummary[]): Record<StatusTab, number> {
  const counts: Record<StatusTab, number> = { all: 0, open: 0, onHold: 0, closed: 0 };
  for (const ticket of tickets) {
    counts.all += 1;
    for (const tab of ['open', 'onHold', 'closed'] as const) if (inTab(ticket, tab)) counts[tab] += 1;
  }
  return counts;
}

/** When the ticket last changed: modifiedTime, else createdTime (list endpoints omit the first). */
export function lastChanged(ticket: TicketSummary): number | null {
  return parseInstant(ticket.modifiedTime) ?? parseInstant(ticket.createdTime);
}

/** Desk's flag, or a due date already past on a ticket not closed. */
export function isOverdue(ticket: TicketSummary, now: number): boolean {
  if (ticket.statusType === 'Closed') return false;
  if (ticket.isOverDue) return true;
  const due = parseInstant(ticket.dueDate);
  return due !== null && due < now;
}

/** The URL if it is an absolute https URL, else null: no javascript:, data: or relative links. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
