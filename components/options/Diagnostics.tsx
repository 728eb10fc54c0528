/** For admins: the last Desk error, the cache's size, `Clear cache`, `Test connection`. */
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { Diagnostics as DiagnosticsData } from '../../lib/shared/messages';
import { Alert, Status } from './fields';

interface DiagnosticsProps {
  t: OptionsTranslate;
  data: DiagnosticsData | null;
  /** Formats an epoch-ms time in the configured language and time zone. */
  formatTime: (at: number) => string;
  busy: boolean;
  status: string | null;
  error: string | null;
  onClearCache: () => void;
  onTestConnection: () => void;
}

export function Diagnostics({ t, data, formatTime, busy, status, error, onClearCache, onTestConnection }: DiagnosticsProps) {
  const last = data?.lastError ?? null;
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
              ? t('cacheCounts', { tickets: data.cache.tickets, records: data.cache.records })
              : t('cacheUnavailable', { reason: data.cache.reason ?? '?' })}
        </dd>
      </dl>
      <div class="actions">
        <button type="button" class="secondary" onClick={onClearCache} disabled={busy}>
          {t('clearCache')}
        </button>
        <button type="button" class="secondary" onClick={onTestConnection} disabled={busy}>
          {t('testConnection')}
        </button>
      </div>
      <Status>{status}</Status>
      <Alert messages={error ? [error] : []} />
    </section>
  );
}
