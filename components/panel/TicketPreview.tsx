/**
 * A ticket's preview, under its row: a region named "Ticket #<n> preview" with the ticket's
 * contact, created time and assignee, then its latest thread (who wrote it, received or sent,
 * the channel, when, and its plain text). The text is rendered as text: Desk's markup never
 * becomes elements. Escape inside closes it (the row's Preview button gets the focus back).
 */
import type { Clock, Language, TicketSummary } from '../../lib/shared/protocol';
import type { Translate } from '../../lib/shared/i18n';
import type { PanelKey } from '../../lib/shared/i18n/panel';
import { errorMessage } from '../../lib/shared/i18n/errors';
import type { PreviewState } from '../../lib/page/panel-state';
import { channelKey } from '../../lib/page/thread-words';
import { formatDateTime, isoInstant, parseInstant } from '../../lib/shared/time';

interface Props {
  t: Translate<PanelKey>;
  ticket: TicketSummary;
  state: PreviewState | undefined;
  language: Language;
  timeZone: string;
  clock?: Clock;
  onClose: () => void;
}

export const previewId = (ticketId: string) => `desklink-preview-${ticketId}`;

function When({ iso, timeZone, language, clock }: { iso: string | null; timeZone: string; language: Language; clock?: Clock | undefined }) {
  const at = parseInstant(iso);
  return at === null ? null : <time dateTime={isoInstant(at)}>{formatDateTime(at, timeZone, language, clock)}</time>;
}

export function TicketPreview({ t, ticket, state, language, timeZone, clock, onClose }: Props) {
  const number = t('ticketNumber', { number: ticket.ticketNumber ?? '' });
  return (
    <section
      class="dl-preview"
      id={previewId(ticket.id)}
      aria-label={t('previewRegion', { number })}
      aria-busy={!state || state.kind === 'loading' ? 'true' : 'false'}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <dl class="dl-facts">
        <div>
          <dt>{t('previewContact')}</dt>
          <dd>{ticket.contactName || t('noValue')}</dd>
        </div>
        <div>
          <dt>{t('previewCreated')}</dt>
          <dd>
            {parseInstant(ticket.createdTime) === null ? (
              t('noValue')
            ) : (
              <When iso={ticket.createdTime} {...{ timeZone, language, clock }} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('colAssignee')}</dt>
          <dd>{ticket.assigneeName || t('noValue')}</dd>
        </div>
      </dl>
      <Thread {...{ t, state, language, timeZone, clock }} />
    </section>
  );
}

function Thread({ t, state, language, timeZone, clock }: Pick<Props, 't' | 'state' | 'language' | 'timeZone' | 'clock'>) {
  if (!state || state.kind === 'loading') return <p class="dl-preview-note">{t('previewLoading')}</p>;
  if (state.kind === 'error') {
    return (
      <p class="dl-preview-note dl-preview-error" role="alert">
        {errorMessage(state.error, language)}
      </p>
    );
  }
  const thread = state.preview.thread;
  if (!thread) return <p class="dl-preview-note">{t('previewNoThread')}</p>;
  const direction = thread.direction === 'in' ? t('threadReceived') : thread.direction === 'out' ? t('threadSent') : null;
  const channel = thread.channel ? (channelKey(thread.channel) ? t(channelKey(thread.channel)!) : thread.channel) : null;
  const author = thread.authorName || (thread.authorKind === 'agent' ? t('threadAgent') : t('threadCustomer'));
  return (
    <div class="dl-thread">
      <h3 class="dl-thread-title">{t('previewLatest')}</h3>
      <p class="dl-thread-meta">
        <strong class="dl-thread-author">{author}</strong>
        {[direction, channel].filter(Boolean).map((part) => (
          <span key={part} class="dl-thread-part">
            {part}
          </span>
        ))}
        <span class="dl-thread-part">
          <When iso={thread.createdTime} {...{ timeZone, language, clock }} />
        </span>
      </p>
      <p class="dl-thread-text">{thread.text || t('previewEmptyText')}</p>
      {thread.truncated && <p class="dl-preview-note">{t('previewTruncated')}</p>}
    </div>
  );
}
