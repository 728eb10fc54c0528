/**
 * DeskLink on Zoho CRM pages: wiring only. Runs in every CRM frame (CRM Plus / Zoho One embed
 * CRM in frames); does nothing visible outside Lead/Contact/Account record pages.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TicketsPanel } from '../../components/panel/TicketsPanel';
import { CRM_HOSTS } from '../../lib/shared/data-centres';
import { createBrokerClient, extensionAlive } from '../../lib/shared/broker-client';
import { openOptionsPage, optionsPageUrl } from '../../lib/page/options-link';
import { HOST_TAG } from '../../lib/page/panel-host';
import { createPanelSurface } from '../../lib/page/panel-surface';
import { startRecordSessions, type Ask } from '../../lib/page/record-session';
import { watchSettings } from '../../lib/shared/settings-watch';

export default defineContentScript({
  matches: CRM_HOSTS.map((host) => `https://${host}/crm/*`),
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    const ask: Ask = createBrokerClient<'page'>({ sendMessage: (message) => browser.runtime.sendMessage(message), alive: extensionAlive });
    // The panel lives in an open shadow root (events isolated, CSS loaded into the root only).
    const surface = createPanelSurface({
      doc: document,
      context: ctx,
      version: browser.runtime.getManifest().version,
      createUi: (mounting) => createShadowRootUi(ctx, { name: HOST_TAG, position: 'inline', isolateEvents: true, ...mounting }),
      draw: (container, drawing) =>
        render(
          drawing && (
            <TicketsPanel
              key={drawing.state.recordKey}
              {...drawing.state}
              now={Date.now()}
              optionsUrl={optionsPageUrl()}
              onRefresh={drawing.refresh}
              onOpenOptions={() => ctx.isValid && openOptionsPage(ask)}
            />
          ),
          container,
        ),
    });
    const sessions = startRecordSessions({ doc: document, signal: ctx.signal, ask, surface });
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

    sessions.navigate(location.href);
  },
});
