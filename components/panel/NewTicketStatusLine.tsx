/**
 * "Ticket #<number> created", with the new ticket's subject linking to it in Desk: shown at the
 * top of the list as soon as Desk answers, before its search shows the ticket.
 */
import { newTicketTranslator } from '../../lib/shared/i18n/new-ticket';
import { safeHttpsUrl } from '../../lib/page/ticket-list';
import type { Language, TicketSummary } from '../../lib/shared/protocol';

export function NewTicketStatusLine({ ticket, language }: { ticket: TicketSummary; language: Language }) {
  const t = newTicketTranslator(language);
  const href = safeHttpsUrl(ticket.webUrl);
  const subject = ticket.subject ?? '';
  return (
    <p class="dl-note dl-created" role="status">
      {t('created', { number: ticket.ticketNumber ?? ticket.id })}
      {subject && ': '}
      {subject &&
        (href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {subject}
          </a>
        ) : (
          subject
        ))}
    </p>
  );
}
