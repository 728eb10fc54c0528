/** A validated Desk ticket as the panel shows it (lib/shared/protocol.ts `TicketSummary`). */
import type { TicketSummary } from '../../shared/protocol';
import type { Ticket } from './schemas';

/** Only https links reach the panel: a `javascript:` or `data:` webUrl becomes null. */
function safeWebUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function fullName(first: string | null, last: string | null): string | null {
  const name = [first, last]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || null;
}

/** Zoho's flag when given; else derived: due date passed and the ticket not closed. */
function isTicketOverdue(ticket: Pick<Ticket, 'isOverDue' | 'dueDate' | 'statusType'>, now: number): boolean {
  if (ticket.isOverDue !== undefined) return ticket.isOverDue;
  if (!ticket.dueDate || ticket.statusType === 'Closed') return false;
  return Date.parse(ticket.dueDate) < now;
}

export function toTicketSummary(ticket: Ticket, now: number = Date.now()): TicketSummary {
  // Search answers name the contact; list answers of a contact's own tickets do not.
  const contactName = ticket.contact ? fullName(ticket.contact.firstName, ticket.contact.lastName) : null;
  return {
    id: ticket.id,
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    status: ticket.status,
    statusType: ticket.statusType,
    priority: ticket.priority,
    dueDate: ticket.dueDate,
    isOverDue: isTicketOverdue(ticket, now),
    createdTime: ticket.createdTime,
    // List endpoints omit modifiedTime: createdTime stands in, and says so.
    modifiedTime: ticket.modifiedTime ?? ticket.createdTime,
    ...(ticket.modifiedTime ? { timeKind: 'modified' as const } : ticket.createdTime ? { timeKind: 'created' as const } : {}),
    assigneeName: ticket.assignee ? fullName(ticket.assignee.firstName, ticket.assignee.lastName) : null,
    webUrl: safeWebUrl(ticket.webUrl),
    ...(contactName ? { contactName } : {}),
  };
}
