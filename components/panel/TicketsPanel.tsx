/**
 * The "Zoho Desk tickets" related list: a landmark region (root carries `lang`) with a header
 * (title, Updated … line, Refresh), notes, and one body per state. Pure: props in, callbacks out.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { errorMessage } from '../../lib/shared/i18n/errors';
import type { ErrorInfo } from '../../lib/shared/errors';
import { errorKind } from '../../lib/page/error-kind';
import { panelText, type PanelKey } from '../../lib/shared/i18n/panel';
import type { Translate } from '../../lib/shared/i18n';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { countByTab, inTab, safeHttpsUrl, type StatusTab } from '../../lib/page/ticket-list';
import { DEFAULT_SORT, nextSort, sortTickets, withJustCreatedFirst, type TicketSort } from '../../lib/page/ticket-order';
import { searchTickets } from '../../lib/page/ticket-search';
import { formatCount } from '../../lib/shared/numbers';
import { formatDateTime, isoInstant, relativeAge } from '../../lib/shared/time';
import type { TicketSummary, TicketsView } from '../../lib/shared/protocol';
import { Interpolate } from './Interpolate';
import { StatusTabs, TABPANEL_ID, tabId, tabLabelKey } from './StatusTabs';
import { NewTicketDialog } from './NewTicketDialog';
import { NewTicketStatusLine } from './NewTicketStatusLine';
import { TicketTable } from './TicketTable';
import { newTicketTranslator } from '../../lib/shared/i18n/new-ticket';
import type { PanelProps } from './types';
import type { PanelUi } from '../../lib/page/panel-ui';
import './panel.css';

/** Rows shown at first and added by each `Show more`. */
const PAGE_SIZE = 10;

/** The list's part of what the rep set in the panel. */
type ListUi = Omit<PanelUi, 'composing'>;
/** The list as it starts when the rep has set nothing. */
const START_UI: ListUi = { query: '', tab: 'all', shown: PAGE_SIZE, open: [] };
/** How long "Copied" stays beside the Copy button. */
const COPIED_SHOWN_MS = 4000;

export function TicketsPanel(props: PanelProps) {
  const { body, language, refreshing = false, dataCentreMismatch } = props;
  const t = panelText(language);
  const firstRowsOnly = body.kind === 'tickets' && body.view.incomplete === true;
  // The first rows on screen while the rest are fetched: busy too.
  const fetchingRest = body.kind === 'tickets' && body.view.incomplete === true && !body.view.error;
  const busy = body.kind === 'loading' || refreshing || fetchingRest;
  const canRefresh = body.kind === 'tickets' || body.kind === 'error';
  const newTicketButton = useRef<HTMLButtonElement>(null);
  // The dialog belongs to the ticket created last when it opened: a newer one closes it in the
  // same draw that shows it, so no keypress meets the dialog of a ticket already made.
  // Open from the start when it was open in the frame this panel took over from.
  const [composingAfter, setComposingAfter] = useState<{ created: string | undefined } | null>(() =>
    props.ui?.composing ? { created: props.created?.id } : null,
  );
  const offerCreate = props.canCreate === true && !!props.onCreateTicket;
  const createdId = props.created?.id;
  const composing = composingAfter !== null && composingAfter.created === createdId;
  // The dialog open from the start needs the form's choices, as when New ticket is pressed.
  useEffect(() => {
    if (composing && offerCreate) props.onTicketForm?.();
  }, []);
  // The list's part of what the rep set (it says so when it changes), said with the dialog's.
  const listUi = useRef<ListUi>(props.ui ?? START_UI);
  const onListUi = (ui: ListUi) => {
    listUi.current = ui;
    props.onUiChange?.({ ...ui, composing });
  };
  const uiStarted = useRef(false);
  useEffect(() => {
    if (uiStarted.current) props.onUiChange?.({ ...listUi.current, composing });
    uiStarted.current = true;
  }, [composing]);
  // A ticket was created: its draft goes, the focus returns to New ticket.
  useEffect(() => {
    if (!createdId) return;
    setComposingAfter(null);
    props.onClearDraft?.();
    newTicketButton.current?.focus();
  }, [createdId]);
  const closeDialog = () => {
    setComposingAfter(null);
    queueMicrotask(() => newTicketButton.current?.focus());
  };
  return (
    <section
      class="dl-panel"
      lang={language}
      aria-labelledby="desklink-title"
      aria-busy={busy ? 'true' : 'false'}
      tabIndex={-1}
      data-panel-focus=""
    >
      <header class="dl-header">
        <h2 id="desklink-title" class="dl-title">
          {t('region')}
        </h2>
        {body.kind === 'tickets' && <UpdatedLine {...props} view={body.view} t={t} />}
        {offerCreate && (
          <button
            ref={newTicketButton}
            type="button"
            class="dl-button"
            aria-expanded={composing ? 'true' : 'false'}
            onClick={() => {
              setComposingAfter({ created: createdId });
              props.onTicketForm?.();
            }}
          >
            {newTicketTranslator(language)('newTicket')}
          </button>
        )}
        {canRefresh && (
          <button type="button" class="dl-button" onClick={props.onRefresh} disabled={refreshing}>
            {t('refresh')}
          </button>
        )}
      </header>
      {offerCreate && composing && (
        <NewTicketDialog
          language={language}
          status={props.newTicket ?? { kind: 'loading' }}
          initialDraft={props.draft ?? null}
          onDraft={(draft) => props.onSaveDraft?.(draft)}
          onCreate={(ticket) => props.onCreateTicket?.(ticket)}
          onCancel={closeDialog}
          restoreFocus={props.onRestoreFocus}
        />
      )}
      {props.created && <NewTicketStatusLine ticket={props.created} language={language} />}
      {refreshing && !firstRowsOnly && (
        <p class="dl-vh" role="status">
          {t('refreshing')}
        </p>
      )}
      {props.retryAt ? <BusyCountdown retryAt={props.retryAt} t={t} /> : null}
      {dataCentreMismatch && (
        <p class="dl-note dl-warn">
          {t('dataCentreMismatch', {
            page: DATA_CENTRES[dataCentreMismatch.page].crmHost,
            configured: DATA_CENTRES[dataCentreMismatch.configured].deskHost,
          })}
        </p>
      )}
      <Body {...props} t={t} onListUi={onListUi} />
      {props.actingAs && <p class="dl-footer">{t('actingAs', { name: props.actingAs })}</p>}
    </section>
  );
}

type WithT = PanelProps & { t: Translate<PanelKey>; onListUi?: (ui: ListUi) => void };

/**
 * "Updated 5 minutes ago"; "Saved 12 minutes ago" when the last try failed and older rows show;
 * "Looking for linked contacts' tickets…" while the first rows show and the rest are fetched (in
 * the same line, so the rows do not move when it goes).
 */
function UpdatedLine({ view, t, timeZone, clock, language, now }: WithT & { view: TicketsView }) {
  if (view.fetchedAt === null) return <p class="dl-updated">{t('neverUpdated')}</p>;
  if (view.incomplete && !view.error) {
    return (
      <p class="dl-updated" role="status">
        {t('incompleteLoading')}
      </p>
    );
  }
  // Within the first minute, the language's own phrase ("Updated just now", "たった今更新").
  if (now - view.fetchedAt < 60_000) {
    return (
      <p class="dl-updated">
        <time dateTime={isoInstant(view.fetchedAt)} title={formatDateTime(view.fetchedAt, timeZone, language, clock)}>
          {t(view.error && !view.incomplete ? 'savedJustNow' : 'updatedJustNow')}
        </time>
      </p>
    );
  }
  return (
    <p class="dl-updated">
      <Interpolate
        text={t(view.error && !view.incomplete ? 'saved' : 'updated')}
        values={{ age: <Age at={view.fetchedAt} {...{ timeZone, clock, language, now }} /> }}
      />
    </p>
  );
}

/** Why the rows shown are not fresh, in one short clause (the full sentence for uncommon errors). */
function staleReason(error: ErrorInfo, t: Translate<PanelKey>, language: PanelProps['language']): string {
  const kind = errorKind(error);
  if (kind === 'busy') return t('reasonBusy');
  if (kind === 'unreachable') return t('reasonUnreachable');
  if (kind === 'rejected') return `${t('reasonRejected')}: ${errorMessage(error, language).replace(/[.。]\s*$/, '')}`;
  return errorMessage(error, language).replace(/[.。]\s*$/, '');
}

/** "Zoho Desk is busy; trying again in 12 s", counting down each second. */
function BusyCountdown({ retryAt, t }: { retryAt: number; t: Translate<PanelKey> }) {
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  const seconds = Math.max(0, Math.ceil((retryAt - clock) / 1000));
  return (
    <p class="dl-note dl-warn" role="status">
      {t('busyCountdown', { seconds })}
    </p>
  );
}

/** A relative age whose `<time>` holds the exact instant (and shows it on hover). */
function Age({ at, timeZone, clock, language, now }: Pick<PanelProps, 'timeZone' | 'clock' | 'language'> & { at: number; now: number }) {
  return (
    <time dateTime={isoInstant(at)} title={formatDateTime(at, timeZone, language, clock)}>
      {relativeAge(at, now, language)}
    </time>
  );
}

function OptionsLink({ t, label, optionsUrl, onOpenOptions }: WithT & { label: PanelKey }) {
  return (
    <a
      class="dl-link"
      href={optionsUrl}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        onOpenOptions();
      }}
    >
      {t(label)}
    </a>
  );
}

function Alert({ children }: { children: ComponentChildren }) {
  return (
    <div class="dl-message dl-alert" role="alert">
      {children}
    </div>
  );
}

function Body(props: WithT) {
  const { body, t, language } = props;
  switch (body.kind) {
    case 'loading':
      return (
        <div class="dl-skeleton">
          <p class="dl-vh">{t('loading')}</p>
          {[0, 1, 2].map((row) => (
            <div key={row} class="dl-skeleton-row" aria-hidden="true" />
          ))}
        </div>
      );
    case 'unconfigured':
      return (
        <div class="dl-message">
          <p>{t('unconfigured')}</p>
          <OptionsLink {...props} label="setUp" />
        </div>
      );
    case 'rejected':
      return (
        <Alert>
          <p>{t('rejected')}</p>
          <OptionsLink {...props} label="setUp" />
        </Alert>
      );
    case 'signedOut':
      return (
        <Alert>
          <p>{t('signedOut')}</p>
          <OptionsLink {...props} label="signInAgain" />
        </Alert>
      );
    case 'noIdentity':
      return (
        <div class="dl-message">
          <p>{t(body.module === 'Accounts' ? 'noAccountName' : body.module === 'Deals' ? 'noDealLookups' : 'noEmail')}</p>
        </div>
      );
    case 'error':
      return (
        <Alert>
          <p>{props.gaveUp ? t('busyGaveUp') : errorMessage(body.error, language)}</p>
        </Alert>
      );
    case 'tickets':
      return <Tickets {...props} view={body.view} />;
  }
}

/** What the lookup searched for, so an empty list can be checked: the emails, the account, the deal's people. */
function Searched({ searched, t, language }: WithT) {
  if (!searched) return null;
  if (searched.accountName) return <p class="dl-searched">{t('searchedAccount', { account: searched.accountName })}</p>;
  if (searched.deal) {
    const { contact, account } = searched.deal;
    if (contact && account) return <p class="dl-searched">{t('searchedDeal', { contact, account })}</p>;
    if (contact) return <p class="dl-searched">{t('searchedDealContact', { contact })}</p>;
    if (account) return <p class="dl-searched">{t('searchedAccount', { account })}</p>;
    return null;
  }
  if (searched.emails.length === 0) return null;
  const list = new Intl.ListFormat(language === 'ja' ? 'ja-JP' : 'en-US', { type: 'conjunction' }).format(searched.emails);
  return <p class="dl-searched">{t('searchedEmails', { emails: list })}</p>;
}

function Tickets(props: WithT & { view: TicketsView }) {
  const { view, t, language, timeZone, clock, now } = props;
  const [tab, setTab] = useState<StatusTab>(props.ui?.tab ?? 'all');
  const [shown, setShown] = useState(props.ui?.shown ?? PAGE_SIZE);
  const [query, setQuery] = useState(props.ui?.query ?? '');
  const [ownSort, setOwnSort] = useState<TicketSort>(props.sort ?? DEFAULT_SORT);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(props.ui?.open));
  // Previews open where the list started from: their threads are asked again (kept by the extension).
  useEffect(() => {
    for (const ticketId of props.ui?.open ?? []) if (props.previews?.[ticketId]?.kind !== 'ready') props.onPreview?.(ticketId);
  }, []);
  // Said when it changes, not for what the list started from.
  const uiStarted = useRef(false);
  useEffect(() => {
    if (uiStarted.current) props.onListUi?.({ query, tab, shown, open: [...open] });
    uiStarted.current = true;
  }, [query, tab, shown, open]);
  /** Previews asked for whose rows are drawn at the next frame. */
  const opening = useRef(new Set<string>());
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);
  const onFocused = useCallback(() => setFocusRow(null), []);
  if (view.error && view.fetchedAt === null && view.tickets.length === 0) {
    return (
      <Alert>
        <p>{errorMessage(view.error, language)}</p>
      </Alert>
    );
  }
  const sort = props.sort ?? ownSort;
  const found = searchTickets(view.tickets, query);
  const sorted = withJustCreatedFirst(sortTickets(found, sort, now), props.created?.id);
  const inView = sorted.filter((ticket) => inTab(ticket, tab));
  const tabLabel = t(tabLabelKey(tab));
  const count = (n: number) => formatCount(n, language);
  const deskUrl = safeHttpsUrl(view.deskUrl);

  const openOrOpening = (ticketId: string) => open.has(ticketId) || opening.current.has(ticketId);
  const closePreview = (ticketId: string) => {
    opening.current.delete(ticketId);
    setOpen((was) => {
      const next = new Set(was);
      next.delete(ticketId);
      return next;
    });
  };
  const openPreview = (ticketId: string) => {
    if (props.previews?.[ticketId]?.kind === 'ready') return setOpen(new Set(open).add(ticketId));
    props.onPreview?.(ticketId);
    // Drawn in the next frame's callbacks, so it is painted when it would have been anyway, while
    // the question leaves first instead of waiting for the processor behind this drawing.
    opening.current.add(ticketId);
    requestAnimationFrame(() => {
      if (opening.current.delete(ticketId)) setOpen((was) => new Set(was).add(ticketId));
    });
  };
  /**
   * A press lasts a tenth of a second or so before its click: the question leaves at the press
   * (the page asks once, however often it is told), and the click opens what has come back.
   */
  const askEarly = (ticketId: string) => {
    if (!openOrOpening(ticketId) && props.previews?.[ticketId]?.kind !== 'ready') props.onPreview?.(ticketId);
  };
  const copy = async (ticket: TicketSummary) => {
    const number = t('ticketNumber', { number: ticket.ticketNumber ?? '' });
    const ok = props.onCopy ? await props.onCopy(number) : false;
    clearTimeout(copiedTimer.current);
    setCopied({ id: ticket.id, ok });
    copiedTimer.current = setTimeout(() => setCopied(null), COPIED_SHOWN_MS);
  };

  return (
    <div class="dl-tickets">
      {view.incomplete && view.error && (
        <p class="dl-note dl-warn" role="status">
          {t('incompleteFailed', { reason: staleReason(view.error, t, language) })}
        </p>
      )}
      {view.error && view.fetchedAt !== null && !view.incomplete && (
        <p class="dl-note dl-warn" role="status">
          <Interpolate
            text={t('staleSaved')}
            values={{
              age: <Age at={view.fetchedAt} {...{ timeZone, clock, language, now }} />,
              reason: staleReason(view.error, t, language),
            }}
          />
          {props.gaveUp && <> {t('busyGaveUp')}</>}
        </p>
      )}
      {view.truncated && <p class="dl-note">{t('truncated')}</p>}
      {props.searched?.crmLink && (
        <p class="dl-note">{t(props.searched.crmLink === 'masked' ? 'maskedEmailLinkMatch' : 'noEmailLinkMatch')}</p>
      )}
      {/* One live region says what Copy did; the word also shows beside the button. */}
      <p class="dl-vh" role="status">
        {copied ? t(copied.ok ? 'copied' : 'copyFailed') : ''}
      </p>
      {view.tickets.length === 0 ? (
        <div class="dl-message dl-empty">
          <p>{t('noTickets')}</p>
          <Searched {...props} />
        </div>
      ) : (
        <>
          <div class="dl-toolbar">
            <label class="dl-search">
              <span class="dl-vh">{t('searchLabel')}</span>
              <input
                type="search"
                class="dl-search-input"
                value={query}
                placeholder={t('searchPlaceholder')}
                onInput={(event) => {
                  setQuery(event.currentTarget.value);
                  setShown(PAGE_SIZE);
                }}
              />
            </label>
            {deskUrl && (
              <a class="dl-view-all" href={deskUrl} target="_blank" rel="noopener noreferrer">
                {t('viewAll')}
              </a>
            )}
          </div>
          <StatusTabs
            t={t}
            counts={countByTab(sorted)}
            format={count}
            selected={tab}
            onSelect={(next) => {
              setTab(next);
              setShown(PAGE_SIZE);
            }}
          />
          <div class="dl-tabpanel" role="tabpanel" id={TABPANEL_ID} aria-labelledby={tabId(tab)}>
            {inView.length === 0 ? (
              <p class="dl-message dl-empty">{query.trim() ? t('noMatches', { query: query.trim() }) : t('noTicketsInTab')}</p>
            ) : (
              <TicketTable
                t={t}
                tickets={inView.slice(0, shown)}
                caption={t('tableCaption', { tab: tabLabel })}
                sort={sort}
                onSort={(column) => {
                  const next = nextSort(sort, column);
                  setOwnSort(next);
                  props.onSort?.(next);
                }}
                open={open}
                previews={props.previews ?? {}}
                onTogglePreview={(ticketId) => (openOrOpening(ticketId) ? closePreview(ticketId) : openPreview(ticketId))}
                onClosePreview={closePreview}
                onPressPreview={askEarly}
                copied={copied?.ok ? copied.id : null}
                copyFailed={copied && !copied.ok ? copied.id : null}
                onCopy={(ticket) => void copy(ticket)}
                focusRow={focusRow}
                onFocused={onFocused}
                {...{ language, timeZone, clock, now }}
              />
            )}
            {inView.length > shown && (
              <div class="dl-more">
                <span class="dl-shown">{t('shownOf', { shown: count(shown), total: count(inView.length) })}</span>
                <button
                  type="button"
                  class="dl-button"
                  onClick={() => {
                    setShown(shown + PAGE_SIZE);
                    setFocusRow(shown);
                  }}
                >
                  {t('showMore')}
                </button>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
