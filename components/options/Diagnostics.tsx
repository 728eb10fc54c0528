/**
 * For admins: the last Desk error, the cache's size, the Desk calls this browser made (today, last
 * minute, and its limit a minute), where the last record's customer was read (Zoho CRM's API, or
 * the page and why), `Clear cache`, `Test connection`. Reads the
 * broker's diagnostics when shown; its commands share the connected screen's busy flag, so no
 * other button starts a command meanwhile.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { formatAdminTime } from '../../lib/options/format-time';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { Diagnostics as DiagnosticsData, Language } from '../../lib/shared/protocol';
import { Alert, Status } from './fields';
import type { During } from './use-busy';

interface DiagnosticsProps {
  t: OptionsTranslate;
  language: Language;
  /** The configured time zone, in which the last error's time is shown. */
  timeZone: string;
  send: AdminSend;
  busy: boolean;
  during: During;
}

export function Diagnostics({ t, language, timeZone, send, busy, during }: DiagnosticsProps) {
  const [data, setData] = useState<DiagnosticsData | null>(null);
  // Messages kept as words to draw, so a language chosen afterwards re-words them.
  const [status, setStatus] = useState<((now: OptionsTranslate) => string) | null>(null);
  const [error, setError] = useState<((now: Language) => string) | null>(null);
  const last = data?.lastError ?? null;
  const formatTime = (at: number) => formatAdminTime(at, language, timeZone);

  const load = async () => {
    const answer = await send({ command: 'diagnostics.get' });
    if (answer.ok) setData(answer.data);
  };
  useEffect(() => void load(), []);

  /** Runs one diagnostics command with its old messages cleared. */
  function run<T>(command: () => Promise<T>): Promise<T> {
    setStatus(null);
    setError(null);
    return during(command);
  }

  const clearCache = async () => {
    const answer = await run(() => send({ command: 'cache.clear' }));
    if (!answer.ok) return setError(() => (now: Language) => adminErrorMessage(answer.error, now));
    setData(answer.data);
    setStatus(() => (now: OptionsTranslate) => now('cacheCleared'));
  };

  const testConnection = async () => {
    const answer = await run(async () => {
      const tested = await send({ command: 'connection.test' });
      // The test reached Desk or failed to: either may change the last error shown.
      await load();
      return tested;
    });
    if (answer.ok) {
      const { portalName, email } = answer.data;
      setStatus(() => (now: OptionsTranslate) => now('testOk', { portal: portalName, email }));
    } else setError(() => (now: Language) => adminErrorMessage(answer.error, now));
  };

  return (
    <section class="card" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">{t('diagnosticsHeading')}</h2>
      <dl>
        <dt>{t('lastError')}</dt>
        <dd data-testid="last-error">
          {last === null
            ? t('noError')
            : last.host
              ? t('errorAt', { code: last.code, host: last.host, time: formatTime(last.at) })
              : t('errorAtNoHost', { code: last.code, time: formatTime(last.at) })}
        </dd>
        <dt>{t('cacheSize')}</dt>
        <dd data-testid="cache-size">
          {data === null
            ? '…'
            : data.cache.available
              ? data.cache.tickets === 0 && data.cache.records === 0
                ? t('cacheEmpty')
                : t('cacheCounts', { tickets: data.cache.tickets, records: data.cache.records })
              : t('cacheUnavailable', { reason: data.cache.reason ?? '?' })}
        </dd>
        <dt>{t('deskCalls')}</dt>
        <dd data-testid="desk-calls">
          {data?.deskCalls
            ? t('deskCallCounts', {
                today: data.deskCalls.today,
                lastMinute: data.deskCalls.lastMinute,
                limit: data.deskCalls.limitPerMinute,
              })
            : '…'}
        </dd>
        {data?.crmIdentity ? (
          <>
            <dt>{t('identitySource')}</dt>
            <dd>
              {data.crmIdentity.source === 'crm'
                ? t('identityFromCrm', { time: formatTime(data.crmIdentity.at) })
                : t('identityFromPage', { time: formatTime(data.crmIdentity.at), reason: t(`identityReason_${data.crmIdentity.reason}`) })}
            </dd>
          </>
        ) : null}
      </dl>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void clearCache()} disabled={busy}>
          {t('clearCache')}
        </button>
        <button type="button" class="secondary" onClick={() => void testConnection()} disabled={busy}>
          {t('testConnection')}
        </button>
      </div>
      <Status>{status ? status(t) : null}</Status>
      <Alert messages={error ? [error(language)] : []} />
    </section>
  );
}
