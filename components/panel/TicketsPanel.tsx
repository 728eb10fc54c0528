/**
 * The "Zoho Desk tickets" related list: a landmark region (root carries `lang`) with a header
 * (title, Updated … line, Refresh), notes, and one body per state. Pure: props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { errorMessage } from '../../lib/shared/i18n/errors';
import { panelText, type PanelKey } from '../../lib/shared/i18n/panel';
import type { Translate } from '../../lib/shared/i18n';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { countByTab, inTab, newestFirst, type StatusTab } from '../../lib/page/ticket-list';
import { formatDateTime, isoInstant, relativeAge } from '../../lib/shared/time';
import type { TicketsView } from '../../lib/shared/protocol';
import { Interpolate } from './Interpolate';
import { StatusTabs, TABPANEL_ID, tabId, tabLabelKey } from './StatusTabs';
import { TicketTable } from './TicketTable';
import type { PanelProps } from './types';
import './panel.css';

/** Rows shown at first and added by each `Show more`. */
const PAGE_SIZE = 10;

export function TicketsPanel(props: PanelProps) {
  const { body, language, refreshing = false, dataCentreMismatch } = props;
  const t = panelText(language);
  const busy = body.kind === 'loading' || refreshing;
  const canRefresh = body.kind === 'tickets' || body.kind === 'error';
  return (
    <section class="dl-panel" lang={language} aria-labelledby="desklink-title" aria-busy={busy ? 'true' : 'false'}>
      <header class="dl-header">
        <h2 id="desklink-title" class="dl-title">
          {t('region')}
        </h2>
        {body.kind === 'tickets' && <UpdatedLine {...props} view={body.view} t={t} />}
        {canRefresh && (
          <button type="button" class="dl-button" onClick={props.onRefresh} disabled={refreshing}>
            {t('refresh')}
          </button>
        )}
      </header>
      {refreshing && (
        <p class="dl-vh" role="status">
          {t('refreshing')}
        </p>
      )}
      {dataCentreMismatch && (
        <p class="dl-note dl-warn">
          {t('dataCentreMismatch', {
            page: DATA_CENTRES[dataCentreMismatch.page].crmHost,
            configured: DATA_CENTRES[dataCentreMismatch.configured].deskHost,
          })}
        </p>
      )}
      <Body {...props} t={t} />
    </section>
  );
}

type WithT = PanelProps & { t: Translate<PanelKey> };

function UpdatedLine({ view, t, timeZone, language, now }: WithT & { view: TicketsView }) {
  if (view.fetchedAt === null) return <p class="dl-updated">{t('neverUpdated')}</p>;
  return (
    <p class="dl-updated">
      <Interpolate text={t('updated')} values={{ age: <Age at={view.fetchedAt} {...{ timeZone, language, now }} /> }} />
    </p>
  );
}

/** A relative age whose `<time>` holds the exact instant (and shows it on hover). */
function Age({ at, timeZone, language, now }: { at: number; timeZone: string; language: PanelProps['language']; now: number }) {
  return (
    <time dateTime={isoInstant(at)} title={formatDateTime(at, timeZone, language)}>
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
          <p>{t(body.module === 'Accounts' ? 'noAccountName' : 'noEmail')}</p>
        </div>
      );
    case 'error':
      return (
        <Alert>
          <p>{errorMessage(body.error, language)}</p>
        </Alert>
      );
    case 'tickets':
      return <Tickets {...props} view={body.view} />;
  }
}

function Tickets(props: WithT & { view: TicketsView }) {
  const { view, t, language, timeZone, now } = props;
  const [tab, setTab] = useState<StatusTab>('all');
  const [shown, setShown] = useState(PAGE_SIZE);
  if (view.error && view.fetchedAt === null && view.tickets.length === 0) {
    return (
      <Alert>
        <p>{errorMessage(view.error, language)}</p>
      </Alert>
    );
  }
  const sorted = newestFirst(view.tickets);
  const inView = sorted.filter((ticket) => inTab(ticket, tab));
  const tabLabel = t(tabLabelKey(tab));
  return (
    <>
      {view.error && view.fetchedAt !== null && (
        <p class="dl-note dl-warn" role="status">
          <Interpolate
            text={t('staleOffline')}
            values={{ age: <Age at={view.fetchedAt} {...{ timeZone, language, now }} />, reason: errorMessage(view.error, language) }}
          />
        </p>
      )}
      {view.truncated && <p class="dl-note">{t('truncated')}</p>}
      {sorted.length === 0 ? (
        <p class="dl-message dl-empty">{t('noTickets')}</p>
      ) : (
        <>
          <StatusTabs
            t={t}
            counts={countByTab(sorted)}
            selected={tab}
            onSelect={(next) => {
              setTab(next);
              setShown(PAGE_SIZE);
            }}
          />
          <div class="dl-tabpanel" role="tabpanel" id={TABPANEL_ID} aria-labelledby={tabId(tab)}>
            {inView.length === 0 ? (
              <p class="dl-message dl-empty">{t('noTicketsInTab')}</p>
            ) : (
              <TicketTable
                t={t}
                tickets={inView.slice(0, shown)}
                caption={t('tableCaption', { tab: tabLabel })}
                {...{ language, timeZone, now }}
              />
            )}
            {inView.length > shown && (
              <div class="dl-more">
                <span class="dl-shown">{t('shownOf', { shown, total: inView.length })}</span>
                <button type="button" class="dl-button" onClick={() => setShown(shown + PAGE_SIZE)}>
                  {t('showMore')}
                </button>
              </div>
            )}
          </div>
        </>
      )}
    </>
  );
}
