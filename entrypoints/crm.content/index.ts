/**
 * DeskLink on Zoho CRM pages: wiring only. Runs in every CRM frame (CRM Plus / Zoho One embed
 * CRM in frames); does nothing visible outside Lead/Contact/Account/Deal record pages.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CRM_HOSTS, DATA_CENTRE_IDS } from '../../lib/shared/data-centres';
import { CRM_HOST_MAP_KEY, crmHostMapFrom } from '../../lib/shared/crm-address';
import { createBrokerClient, extensionAlive } from '../../lib/shared/broker-client';
import { createHeldAsk, HELD_ASK_PORT } from '../../lib/shared/held-ask';
import { openOptionsPage } from '../../lib/page/options-link';
import { createPanelFrame } from '../../lib/page/panel-frame';
import { createPanelSurface } from '../../lib/page/panel-surface';
import { createRailItem } from '../../lib/page/rail-item';
import { startRecordSessions, type Ask } from '../../lib/page/record-session';
import { watchSettings } from '../../lib/shared/settings-watch';

/**
 * Chrome hands content scripts a per-session address for the panel page (use_dynamic_url), yet
 * the framed document has the extension's own origin, `chrome-extension://<id>`. In Firefox the
 * address's origin (`moz-extension://<uuid>`) is the document's.
 */
function panelOrigin(pageUrl: string): string {
  const { protocol, host } = new URL(pageUrl);
  return `${protocol}//${protocol === 'chrome-extension:' ? browser.runtime.id : host}`;
}

export default defineContentScript({
  matches: CRM_HOSTS.map((host) => `https://${host}/crm/*`),
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    // On a company's own CRM host (registered at run time) the host's data centre is the one
    // configured, which the background keeps in storage.local; Zoho's hosts need no look-up.
    const customHosts = CRM_HOSTS.includes(location.hostname)
      ? undefined
      : crmHostMapFrom((await browser.storage.local.get(CRM_HOST_MAP_KEY))[CRM_HOST_MAP_KEY], DATA_CENTRE_IDS);
    const ask: Ask = createBrokerClient<'page'>({ sendMessage: (message) => browser.runtime.sendMessage(message), alive: extensionAlive });
    // The panel is DeskLink's own page in a frame, inside a closed shadow root: page scripts
    // can neither read it nor press its buttons.
    const pageUrl = browser.runtime.getURL('/panel.html');
    const surface = createPanelSurface({
      doc: document,
      context: ctx,
      createFrame: (refresh, preview, ticket) =>
        createPanelFrame({
          doc: document,
          pageUrl,
          frameOrigin: panelOrigin(pageUrl),
          onRefresh: refresh,
          onPreview: preview,
          onTicket: ticket,
          onOpenOptions: () => ctx.isValid && openOptionsPage(ask),
        }),
      createRail: (onActivate) => createRailItem({ doc: document, signal: ctx.signal, onActivate }),
    });
    // Asks that the broker drops once the rep leaves the record (the port closes).
    const askHeld = createHeldAsk({ connect: () => browser.runtime.connect({ name: HELD_ASK_PORT }), alive: extensionAlive });
    const sessions = startRecordSessions({ doc: document, signal: ctx.signal, ask, askHeld, surface, customHosts });
    // `ctx.isValid` notices an extension reload/update (runtime.id is gone): WXT then aborts the
    // context, which removes this instance's panel and every listener; the new instance takes over.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => ctx.isValid && sessions.navigate(newUrl));
    // bfcache: a page restored from history may show another record than we last saw.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (ctx.isValid && event.persisted) sessions.navigate(location.href);
    });

    // Enable/disable, language, time zone and policy changes reach this tab without a reload.
    const unwatch = watchSettings(() => ctx.isValid && sessions.settingsChanged());
    ctx.onInvalidated(unwatch);

    // A company host the admin removes (or whose access the browser takes back) leaves the map:
    // this tab's panel goes at once, without waiting for a reload.
    if (customHosts) {
      const host = location.hostname.toLowerCase();
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[CRM_HOST_MAP_KEY];
        if (area === 'local' && change && !crmHostMapFrom(change.newValue, DATA_CENTRE_IDS).has(host)) ctx.abort();
      };
      browser.storage.onChanged.addListener(onChanged);
      ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
    }

    sessions.navigate(location.href);
  },
});
