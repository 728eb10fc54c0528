/**
 * One row per ticket (role `row`): number (with Preview and Copy), subject linked to Desk,
 * status, priority, due date, last modified (date and clock time in the settings' zone, relative
 * age beside it; labelled "Created" when Zoho's list answer had only the creation time),
 * assignee. What Zoho sent as null is said in words: "(no subject)", "Unknown status", "—".
 * The header row's cells are column headers whose buttons sort (`aria-sort` on the sorted one).
 * Explicit roles keep the table a table to assistive technology when narrow panels draw rows as
 * cards; each cell's column name, hidden from assistive technology (the header names it), shows
 * on the cards. A preview opens in a row of its own under its ticket. Everything from Desk is
 * rendered as text (never as HTML).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Clock, Language, StatusType, TicketSummary } from '../../lib/shared/protocol';
import type { Translate } from '../../lib/shared/i18n';
import type { PanelKey } from '../../lib/shared/i18n/panel';
import type { PreviewState } from '../../lib/page/panel-state';
import { isOverdue, lastChanged, safeHttpsUrl } from '../../lib/page/ticket-list';
import type { SortColumn, TicketSort } from '../../lib/page/ticket-order';
import { formatDate, formatDateTime, isoInstant, parseInstant, relativeAge } from '../../lib/shared/time';
import { TicketPreview, previewId } from './TicketPreview';
import { CopyIcon, PreviewIcon, SortIcon } from './icons';

interface Props {
  t: Translate<PanelKey>;
  tickets: readonly TicketSummary[];
  caption: string;
  language: Language;
  timeZone: string;
  clock?: Clock;
  now: number;
  sort: TicketSort;
  onSort: (column: SortColumn) => void;
  /** Ticket ids whose preview is open. */
  open: ReadonlySet<string>;
  previews: Readonly<Record<string, PreviewState>>;
  onTogglePreview: (ticketId: string) => void;
  /** A press began on a closed preview's button: its click follows. */
  onPressPreview: (ticketId: string) => void;
  onClosePreview: (ticketId: string) => void;
  /** The ticket whose number was just copied, or could not be. */
  copied: string | null;
  copyFailed: string | null;
  onCopy: (ticket: TicketSummary) => void;
  /** Index of the row to focus once drawn (the first new one after `Show more`). */
  focusRow: number | null;
  onFocused: () => void;
}

const COLUMNS: [SortColumn, PanelKey][] = [
  ['number', 'colNumber'],
  ['subject', 'colSubject'],
  ['status', 'colStatus'],
  ['priority', 'colPriority'],
  ['due', 'colDue'],
  ['modified', 'colModified'],
  ['assignee', 'colAssignee'],
];

export function TicketTable(props: Props) {
  const { t, tickets, caption, sort, onSort, focusRow, onFocused } = props;
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (focusRow === null) return;
    (body.current?.querySelectorAll<HTMLElement>('tr.dl-row')[focusRow] ?? null)?.focus();
    onFocused();
  }, [focusRow, onFocused]);
  return (
    <table class="dl-table" role="table">
      <caption class="dl-vh">{caption}</caption>
      <colgroup>
        {COLUMNS.map(([column]) => (
          <col key={column} class={`dl-col-${column}`} />
        ))}
      </colgroup>
      <thead role="rowgroup">
        <tr role="row" class="dl-head-row">
          {COLUMNS.map(([column, key]) => {
            const sorted = sort.column === column ? sort.direction : undefined;
            return (
              <th key={column} role="columnheader" scope="col" class={`dl-th dl-th-${column}`} aria-sort={sorted}>
                <button type="button" class="dl-sort" onClick={() => onSort(column)}>
                  {t(key)}
                  <SortIcon direction={sorted} />
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody role="rowgroup" ref={body}>
        {tickets.flatMap((ticket) => {
          const rows = [<TicketRow key={ticket.id} {...props} ticket={ticket} />];
          if (props.open.has(ticket.id)) {
            rows.push(
              <tr key={`${ticket.id}-preview`} role="row" class="dl-preview-row">
                <td role="cell" colSpan={COLUMNS.length}>
                  <TicketPreview
                    {...props}
                    ticket={ticket}
                    state={props.previews[ticket.id]}
                    onClose={() => {
                      props.onClosePreview(ticket.id);
                      // Back to the button that opened it.
                      body.current?.querySelector<HTMLElement>(`[data-preview-toggle="${ticket.id}"]`)?.focus();
                    }}
                  />
                </td>
              </tr>,
            );
          }
          return rows;
        })}
      </tbody>
    </table>
  );
}

const TYPE_WORD: Record<StatusType, PanelKey> = { Open: 'tabOpen', 'On Hold': 'tabOnHold', Closed: 'tabClosed' };

/**
 * The row's status in the tabs' words when Desk's label is just its status type ("On Hold" reads
 * "On hold", as the tab says); a portal's own labels (Escalated, 対応中) as Desk gives them.
 */
function statusWord(ticket: TicketSummary, t: Translate<PanelKey>): string {
  const label = ticket.status?.trim();
  if (!label) return t('unknownStatus');
  return ticket.statusType && label.toLowerCase() === ticket.statusType.toLowerCase() ? t(TYPE_WORD[ticket.statusType]) : label;
}

function TicketRow(props: Props & { ticket: TicketSummary }) {
  const { t, ticket, language, timeZone, clock, now } = props;
  const href = safeHttpsUrl(ticket.webUrl);
  const due = parseInstant(ticket.dueDate);
  const changed = lastChanged(ticket);
  const overdue = isOverdue(ticket, now);
  const number = ticket.ticketNumber === null ? null : t('ticketNumber', { number: ticket.ticketNumber });
  const expanded = props.open.has(ticket.id);
  return (
    <tr role="row" tabIndex={-1} class={overdue ? 'dl-row dl-overdue-row' : 'dl-row'}>
      <td role="cell" class="dl-number">
        <span class="dl-number-text">{number ?? t('noValue')}</span>
        {number !== null && (
          <span class="dl-row-actions">
            <button
              type="button"
              class="dl-icon-button"
              aria-label={t('previewButton', { number })}
              title={t('previewButton', { number })}
              aria-expanded={expanded ? 'true' : 'false'}
              aria-controls={expanded ? previewId(ticket.id) : undefined}
              data-preview-toggle={ticket.id}
              onPointerDown={(event) => {
                if (event.button === 0 && !expanded) props.onPressPreview(ticket.id);
              }}
              onClick={() => props.onTogglePreview(ticket.id)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && expanded) {
                  event.preventDefault();
                  props.onClosePreview(ticket.id);
                }
                // Space clicks when it is released.
                if (event.key === ' ' && !event.repeat && !expanded) props.onPressPreview(ticket.id);
              }}
            >
              <PreviewIcon open={expanded} />
            </button>
            <button
              type="button"
              class="dl-icon-button"
              aria-label={t('copyButton', { number })}
              title={t('copyButton', { number })}
              onClick={() => props.onCopy(ticket)}
            >
              <CopyIcon />
            </button>
            <span class="dl-copied">
              {props.copied === ticket.id ? t('copied') : props.copyFailed === ticket.id ? t('copyFailed') : ''}
            </span>
          </span>
        )}
      </td>
      <td role="cell" class="dl-subject">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {ticket.subject ?? t('noSubject')}
          </a>
        ) : (
          (ticket.subject ?? t('noSubject'))
        )}
        {ticket.whose && (
          <span class="dl-whose">
            <span class="dl-vh">{t('whoseLabel')} </span>
            {ticket.whose.kind === 'contact' ? ticket.whose.name : t('whoseAccount')}
          </span>
        )}
      </td>
      <td role="cell" class="dl-status-cell" data-label={t('colStatus')}>
        <span class={`dl-status dl-status-${ticket.statusType?.replace(/\s/g, '').toLowerCase() ?? 'unknown'}`}>
          {statusWord(ticket, t)}
        </span>
      </td>
      <td role="cell" class="dl-priority" data-label={t('colPriority')}>
        {ticket.priority || t('noValue')}
      </td>
      <td role="cell" class={overdue ? 'dl-due dl-overdue' : 'dl-due'} data-label={t('colDue')}>
        {due === null ? (
          t('noValue')
        ) : (
          <time dateTime={isoInstant(due)} title={formatDateTime(due, timeZone, language, clock)}>
            {formatDate(due, timeZone, language)}
          </time>
        )}
        {overdue && <strong class="dl-badge">{t('overdue')}</strong>}
      </td>
      <td role="cell" class="dl-modified" data-label={t('colModified')}>
        {changed === null ? (
          t('noValue')
        ) : (
          <>
            {ticket.timeKind === 'created' && <span class="dl-time-kind">{`${t('timeCreated')} `}</span>}
            <time dateTime={isoInstant(changed)}>{formatDateTime(changed, timeZone, language, clock)}</time>
            <span class="dl-age">{` (${relativeAge(changed, now, language)})`}</span>
          </>
        )}
      </td>
      <td role="cell" class="dl-assignee" data-label={t('colAssignee')}>
        {ticket.assigneeName || t('noValue')}
      </td>
    </tr>
  );
}
