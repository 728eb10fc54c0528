/**
 * One row per ticket (role `row`): number, subject linked to Desk, status, priority, due date,
 * last modified (date and clock time in the settings' zone, relative age beside it; labelled
 * "Created" when Zoho's list answer had only the creation time), assignee. What Zoho sent as
 * null is said in words: "(no subject)", "Unknown status", "—".
 * The visible column header row is hidden from assistive technology so that the table's rows
 * are exactly its tickets; each cell carries its column name as hidden text instead.
 * Everything from Desk is rendered as text (never as HTML).
 */
import type { Language, TicketSummary } from '../../lib/shared/protocol';
import type { Translate } from '../../lib/shared/i18n';
import type { PanelKey } from '../../lib/shared/i18n/panel';
import { isOverdue, lastChanged, safeHttpsUrl } from '../../lib/page/ticket-list';
import { formatDate, formatDateTime, isoInstant, parseInstant, relativeAge } from '../../lib/shared/time';

interface Props {
  t: Translate<PanelKey>;
  tickets: readonly TicketSummary[];
  caption: string;
  language: Language;
  timeZone: string;
  now: number;
}

const COLUMNS: PanelKey[] = ['colNumber', 'colSubject', 'colStatus', 'colPriority', 'colDue', 'colModified', 'colAssignee'];

function Label({ text }: { text: string }) {
  return <span class="dl-vh">{text}: </span>;
}

export function TicketTable({ t, tickets, caption, language, timeZone, now }: Props) {
  return (
    <table class="dl-table">
      <caption class="dl-vh">{caption}</caption>
      <thead aria-hidden="true">
        <tr>
          {COLUMNS.map((key) => (
            <th key={key} class={`dl-th dl-${key}`}>
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <TicketRow key={ticket.id} {...{ t, ticket, language, timeZone, now }} />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  t: Translate<PanelKey>;
  ticket: TicketSummary;
  language: Language;
  timeZone: string;
  now: number;
}

function TicketRow({ t, ticket, language, timeZone, now }: RowProps) {
  const href = safeHttpsUrl(ticket.webUrl);
  const due = parseInstant(ticket.dueDate);
  const changed = lastChanged(ticket);
  const overdue = isOverdue(ticket, now);
  return (
    <tr class={overdue ? 'dl-row dl-overdue-row' : 'dl-row'}>
      <td class="dl-number">
        <Label text={t('colNumber')} />
        <span>{ticket.ticketNumber === null ? t('noValue') : t('ticketNumber', { number: ticket.ticketNumber })}</span>
      </td>
      <td class="dl-subject">
        <Label text={t('colSubject')} />
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {ticket.subject ?? t('noSubject')}
          </a>
        ) : (
          (ticket.subject ?? t('noSubject'))
        )}
      </td>
      <td>
        <Label text={t('colStatus')} />
        <span class={`dl-status dl-status-${ticket.statusType?.replace(/\s/g, '').toLowerCase() ?? 'unknown'}`}>
          {ticket.status ?? t('unknownStatus')}
        </span>
      </td>
      <td>
        <Label text={t('colPriority')} />
        {ticket.priority || t('noValue')}
      </td>
      <td class={overdue ? 'dl-due dl-overdue' : 'dl-due'}>
        <Label text={t('colDue')} />
        {due === null ? (
          t('noValue')
        ) : (
          <time dateTime={isoInstant(due)} title={formatDateTime(due, timeZone, language)}>
            {formatDate(due, timeZone, language)}
          </time>
        )}
        {overdue && <strong class="dl-badge">{t('overdue')}</strong>}
      </td>
      <td class="dl-modified">
        <Label text={t('colModified')} />
        {changed === null ? (
          t('noValue')
        ) : (
          <>
            {ticket.timeKind === 'created' && <span class="dl-time-kind">{t('timeCreated')} </span>}
            <time dateTime={isoInstant(changed)}>{formatDateTime(changed, timeZone, language)}</time>
            <span class="dl-age"> ({relativeAge(changed, now, language)})</span>
          </>
        )}
      </td>
      <td>
        <Label text={t('colAssignee')} />
        {ticket.assigneeName || t('noValue')}
      </td>
    </tr>
  );
}
