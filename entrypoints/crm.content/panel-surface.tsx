/**
 * The panel on the page: a WXT shadow-root UI (open shadow root, events isolated, CSS loaded into
 * the root only) placed by lib/page/placement.ts and kept there while shown: when CRM replaces its
 * content, the same host is put back (never a second one).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TicketsPanel } from '../../components/panel/TicketsPanel';
import { watchElements } from '../../lib/page/element-watcher';
import { HOST_TAG, isolateKeys, removeOtherHosts, stampHost } from '../../lib/page/panel-host';
import type { PanelViewState } from '../../lib/page/panel-state';
import { findPlacement, isPlacedAt, place, PLACEMENT_SELECTORS } from '../../lib/page/placement';
import type { PanelSurface } from '../../lib/page/record-session';
import { openOptionsPage, optionsPageUrl } from './options-link';

export function createPanelSurface(ctx: ContentScriptContext): PanelSurface {
  const instance = Math.random().toString(36).slice(2);
  let ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let latest: { state: PanelViewState; refresh(): void } | null = null;
  let visible: AbortController | null = null;
  let hostObserver: MutationObserver | null = null;

  const draw = (container: HTMLElement) => {
    if (!latest) return;
    const { state, refresh } = latest;
    render(
      <TicketsPanel
        key={state.recordKey}
        {...state}
        now={Date.now()}
        optionsUrl={optionsPageUrl()}
        onRefresh={() => ctx.isValid && refresh()}
        onOpenOptions={() => ctx.isValid && openOptionsPage()}
      />,
      container,
    );
  };

  const createUi = () =>
    createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      isolateEvents: true,
      anchor: () => findPlacement(document)?.anchor,
      append: (anchor, host) => {
        const placement = findPlacement(document);
        if (placement?.anchor === anchor) place(host, placement);
        else anchor.append(host);
      },
      onMount: (container) => draw(container),
      onRemove: () => undefined,
    }).then((created) => {
      stampHost(created.shadowHost, browser.runtime.getManifest().version, instance);
      isolateKeys(created.shadowHost);
      return created;
    });

  /** Puts the host at the best placement if it is not there (inserted, moved or put back). */
  const placeHost = (created: ShadowRootContentScriptUi<void>) => {
    if (ctx.isInvalid || !latest || !visible) return;
    removeOtherHosts(document, created.shadowHost);
    const placement = findPlacement(document);
    if (!placement || isPlacedAt(created.shadowHost, placement)) return;
    created.mount(); // inserts (or moves) the one host and draws the latest state
    // Watch only the host's parent (no subtree): CRM re-rendering that container removes us.
    hostObserver?.disconnect();
    const parent = created.shadowHost.parentNode;
    if (parent) hostObserver?.observe(parent, { childList: true });
  };
  const keepPlaced = () => void ui?.then(placeHost);

  const startWatching = () => {
    if (visible) return;
    visible = new AbortController();
    const stop = visible;
    // Everything below ends with the context too; once hidden, the context forgets this watch.
    const forget = ctx.onInvalidated(() => stop.abort());
    const observer = new MutationObserver(keepPlaced);
    hostObserver = observer;
    stop.signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        forget();
      },
      { once: true },
    );
    watchElements(document, PLACEMENT_SELECTORS, keepPlaced, stop.signal);
    // "Updated … ago" is drawn from the clock: redraw when the rep comes back to the tab, so the
    // age stays honest without a timer of our own.
    const redraw = () => document.visibilityState === 'visible' && void ui?.then((created) => draw(created.uiContainer));
    document.addEventListener('visibilitychange', redraw, { signal: stop.signal });
  };

  return {
    show(state, actions) {
      if (ctx.isInvalid) return;
      latest = { state, refresh: actions.refresh };
      ui ??= createUi();
      startWatching();
      void ui.then((created) => {
        if (ctx.isInvalid || !latest) return;
        placeHost(created);
        draw(created.uiContainer);
      });
    },
    hide() {
      latest = null;
      visible?.abort();
      visible = null;
      hostObserver?.disconnect();
      hostObserver = null;
      if (ui) {
        void ui.then((created) => {
          if (latest) return; // shown again meanwhile
          render(null, created.uiContainer);
          created.remove();
        });
      }
    },
  };
}
