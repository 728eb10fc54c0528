// Shared builders for cache and broker tests (not a test file itself).
import type { TicketSummary } from '../../../lib/shared/protocol';

/** A ticket summary with a long digit-string id, as Desk sends them. */
export function ticket(n: number, overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: `9007199254740${String(1000 + n)}`,
    ticketNumber: String(100 + n),
    subject: `Ticket ${n}`,
    status: 'Open',
    statusType: 'Open',
    priority: 'High',
    dueDate: null,
    isOverDue: false,
    createdTime: '2026-01-01T00:00:00.000Z',
    modifiedTime: '2026-01-02T00:00:00.000Z',
    assigneeName: null,
    webUrl: `https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/${n}`,
    ...overrides,
  };
}

export function tickets(from: number, count: number): TicketSummary[] {
  return Array.from({ length: count }, (_, i) => ticket(from + i));
}
