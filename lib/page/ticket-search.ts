/**
 * The panel's `Search tickets` box: a ticket matches when every word typed is in its subject or
 * its number ("#1234" or "1234"), ignoring case and full-width/half-width differences.
 */
import type { TicketSummary } from '../shared/protocol';

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/** The words of a query, folded; an empty list matches everything. */
function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((word) => word.replace(/^#/, ''))
    .filter(Boolean);
}

function matchesSearch(ticket: TicketSummary, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const subject = fold(ticket.subject ?? '');
  const number = ticket.ticketNumber ?? '';
  return terms.every((term) => subject.includes(term) || number.includes(term));
}

export function searchTickets(tickets: readonly TicketSummary[], query: string): TicketSummary[] {
  const terms = searchTerms(query);
  return terms.length ? tickets.filter((ticket) => matchesSearch(ticket, terms)) : [...tickets];
}
