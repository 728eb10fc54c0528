/**
 * DeskLink on Zoho CRM pages: wiring only. Runs in every CRM frame (CRM Plus / Zoho One embed
 * CRM in frames); does nothing visible outside Lead/Contact/Account record pages.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_HOSTS } from '../../lib/crm/data-centres';
import { askBroker } from '../../lib/crm/broker-client';
import { removeOtherHosts } from '../../lib/crm/panel-host';
import { startRecordSessions } from '../../lib/crm/record-session';
import { createPanelSurface } from './panel-surface';

const SETTINGS_KEY = 'settings'; // lib/settings.ts SETTINGS_KEY (not imported: it pulls in zod)

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

    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (!ctx.isValid) return;
      if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) sessions.settingsChanged();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    sessions.navigate(location.href);
  },
});
