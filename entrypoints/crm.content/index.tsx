/**
 * DeskLink on Zoho CRM pages: wiring only. Runs in every CRM frame (CRM Plus / Zoho One embed
 * CRM in frames); does nothing visible outside Lead/Contact/Account record pages.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_HOSTS } from '../../lib/shared/data-centres';
import { askBroker } from '../../lib/shared/broker-client';
import { removeOtherHosts } from '../../lib/page/panel-host';
import { startRecordSessions } from '../../lib/page/record-session';
import { watchSettings } from '../../lib/shared/settings-watch';
import { createPanelSurface } from './panel-surface';

export default defineContentScript({
  matches: CRM_HOSTS.map((host) => `https://${host}/crm/*`),
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    // A panel left by an older instance (extension updated or reloaded with the tab open).
    removeOtherHosts(document, null);
    const sessions = startRecordSessions({
      doc: document,
      signal: ctx.signal,
      ask: (request) => askBroker(request),
      surface: createPanelSurface(ctx),
    });
    // `ctx.isValid` notices an extension reload/update (runtime.id is gone): WXT then aborts the
    // context, which removes this instance's panel and every listener; the new instance takes over.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => ctx.isValid && sessions.navigate(newUrl));
    // bfcache: a page restored from history may show another record than we last saw.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (ctx.isValid && (event as PageTransitionEvent).persisted) sessions.navigate(location.href);
    });

    // Enable/disable, language, time zone and policy changes reach this tab without a reload.
    const unwatch = watchSettings(() => ctx.isValid && sessions.settingsChanged());
    ctx.onInvalidated(unwatch);

    sessions.navigate(location.href);
  },
});
