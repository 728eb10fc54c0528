/**
 * The panel on the page: one host (./panel-frame.ts: a closed shadow root holding the panel
 * frame), placed by ./placement.ts and kept there while shown. When CRM replaces its content,
 * the same host is put back (never a second one). Hidden, it leaves the page with its
 * observers; once the content script's context is invalidated (extension reloaded or updated),
 * it leaves for good and Refresh does nothing.
 */
import { panelText } from '../shared/i18n/panel';
import { watchElements } from './element-watcher';
import type { PanelFrame } from './panel-frame';
import { removeOtherHosts } from './panel-host';
import type { PanelViewState, TicketAction } from './panel-state';
import { findPlacement, isPlacedAt, place, PLACEMENT_SELECTORS } from './placement';
import type { RailItem } from './rail-item';
import { countByTab } from './ticket-list';
import type { PanelSurface, SurfaceActions } from './record-session';

interface PanelSurfaceDeps {
  doc: Document;
  /** The content script's context (WXT's ContentScriptContext): invalid once the extension is reloaded or updated. */
  context: { readonly isInvalid: boolean; onInvalidated(listener: () => void): () => void };
  /**
   * Creates the host, not yet placed; `refresh` is what its Refresh button does, `preview` what
   * opening a preview asks, `ticket` what New ticket asks.
   */
  createFrame(refresh: () => void, preview: (ticketId: string) => void, ticket: (action: TicketAction) => void): PanelFrame;
  /** The item in CRM's related-list rail; pressing it does `onActivate` (absent: no rail item). */
  createRail?(onActivate: () => void): RailItem;
}

/** The rail item's count: the open tickets the panel lists (none until they are known). */
function openCount(state: PanelViewState): number | null {
  return state.body.kind === 'tickets' ? countByTab(state.body.view.tickets).open : null;
}

export function createPanelSurface(deps: PanelSurfaceDeps): PanelSurface {
  const { doc, context } = deps;
  let frame: PanelFrame | null = null;
  let latest: { state: PanelViewState; actions: SurfaceActions } | null = null;
  /** Aborted when the panel is hidden: ends every watch that keeps it placed. */
  let visible: AbortController | null = null;
  let hostObserver: MutationObserver | null = null;
  // Scroll to the panel and focus it: only while it is shown.
  const rail = deps.createRail?.(() => {
    if (!context.isInvalid && latest) frame?.focus();
  });

  // A panel left by an older instance (extension updated or reloaded with the tab open).
  removeOtherHosts(doc, []);

  const refresh = () => {
    if (!context.isInvalid) latest?.actions.refresh();
  };
  const preview = (ticketId: string) => {
    if (!context.isInvalid) latest?.actions.preview?.(ticketId);
  };
  const ticket = (action: TicketAction) => {
    if (!context.isInvalid) latest?.actions.ticket?.(action);
  };

  /** Puts the host at the best placement if it is not there (inserted, moved or put back). */
  const keepPlaced = () => {
    if (context.isInvalid || !latest || !visible || !frame) return;
    const { host } = frame;
    removeOtherHosts(doc, frame.elements());
    const placement = findPlacement(doc);
    if (!placement || isPlacedAt(host, placement)) return;
    frame.placeWith((element) => place(element, placement));
    // Watch the child lists of the host's ancestors (no subtree): CRM re-rendering any of them
    // takes the host out, and this sees it in the same task, where the anchors' animation events
    // come a few frames later (the panel would be missing meanwhile, and its frame late to draw).
    hostObserver?.disconnect();
    for (let node = host.parentNode; node; node = node.parentNode) hostObserver?.observe(node, { childList: true });
  };

  const startWatching = () => {
    if (visible) return;
    visible = new AbortController();
    const { signal } = visible;
    const observer = new MutationObserver(keepPlaced);
    hostObserver = observer;
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // Anchors rendered later than the content that took the host out (or a better placement) are seen when they render.
    watchElements(doc, PLACEMENT_SELECTORS, keepPlaced, signal);
  };

  const hide = () => {
    latest = null;
    rail?.hide();
    visible?.abort();
    visible = null;
    hostObserver = null;
    // After the current task's work: a show right after (the next record) keeps the panel, and
    // its frame, in place instead of emptying it in between.
    queueMicrotask(() => {
      if (latest || !frame) return;
      frame.draw(null);
      frame.remove();
    });
  };

  // The orphaned instance leaves nothing behind: no panel, no observer, no listener.
  context.onInvalidated(hide);

  return {
    show(state, actions) {
      if (context.isInvalid) return;
      latest = { state, actions };
      frame ??= deps.createFrame(refresh, preview, ticket);
      startWatching();
      // The state first: a frame that takes over the host while it is placed draws it once, not the one before.
      frame.draw(state);
      keepPlaced();
      rail?.show(panelText(state.language)('region'), openCount(state));
    },
    hide,
  };
}
