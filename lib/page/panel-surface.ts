/**
 * The panel on the page: one UI (a host element and the container the panel is drawn in), placed
 * by ./placement.ts and kept there while shown. When CRM replaces its content, the same host is put
 * back (never a second one). Hidden, it leaves the page with its observers; once the content
 * script's context is invalidated (extension reloaded or updated), it leaves for good.
 */
import { watchElements } from './element-watcher';
import { isolateKeys, removeOtherHosts, stampHost } from './panel-host';
import type { PanelViewState } from './panel-state';
import { findPlacement, isPlacedAt, place, PLACEMENT_SELECTORS } from './placement';
import type { PanelSurface } from './record-session';

/** The parts of WXT's shadow-root UI the surface uses. */
interface PanelUi {
  readonly shadowHost: HTMLElement;
  readonly uiContainer: HTMLElement;
  /** Puts the host where `anchor` and `append` say, then calls `onMount`. */
  mount(): void;
  /** Takes the host out of the page. */
  remove(): void;
}

/** Where `mount()` puts the host, and what it does once the host is there. */
interface PanelUiMounting {
  anchor(): Element | undefined;
  append(anchor: Element, host: Element): void;
  onMount(container: HTMLElement): void;
}

/** What to draw: the session's latest state and its Refresh. */
interface PanelDrawing {
  state: PanelViewState;
  /** Does nothing once the context is invalidated. */
  refresh: () => void;
}

interface PanelSurfaceDeps {
  doc: Document;
  /** The content script's context (WXT's ContentScriptContext): invalid once the extension is reloaded or updated. */
  context: { readonly isInvalid: boolean; onInvalidated(listener: () => void): () => void };
  /** Creates the UI, not yet mounted (the content script: WXT's createShadowRootUi). */
  createUi(mounting: PanelUiMounting): Promise<PanelUi>;
  /** Draws `drawing` into `container`; null empties it. */
  draw(container: HTMLElement, drawing: PanelDrawing | null): void;
  /** Stamped on the host with an id of this instance, so a later instance can tell the host is not its own. */
  version: string;
}

export function createPanelSurface(deps: PanelSurfaceDeps): PanelSurface {
  const { doc, context } = deps;
  const instance = Math.random().toString(36).slice(2);
  let ui: Promise<PanelUi> | null = null;
  let latest: PanelDrawing | null = null;
  /** Aborted when the panel is hidden: ends every watch that keeps it placed. */
  let visible: AbortController | null = null;
  let hostObserver: MutationObserver | null = null;

  // A panel left by an older instance (extension updated or reloaded with the tab open).
  removeOtherHosts(doc, null);

  const draw = (container: HTMLElement) => {
    if (latest) deps.draw(container, latest);
  };

  const createUi = () =>
    deps
      .createUi({
        anchor: () => findPlacement(doc)?.anchor,
        append: (anchor, host) => {
          const placement = findPlacement(doc);
          if (placement?.anchor === anchor) place(host, placement);
          else anchor.append(host);
        },
        onMount: draw,
      })
      .then((created) => {
        stampHost(created.shadowHost, deps.version, instance);
        isolateKeys(created.shadowHost);
        return created;
      });

  /** Puts the host at the best placement if it is not there (inserted, moved or put back). */
  const placeHost = (created: PanelUi) => {
    if (context.isInvalid || !latest || !visible) return;
    removeOtherHosts(doc, created.shadowHost);
    const placement = findPlacement(doc);
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
    const { signal } = visible;
    const observer = new MutationObserver(keepPlaced);
    hostObserver = observer;
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // CRM replacing a whole section (the host's parent with it) is seen when its new anchors render.
    watchElements(doc, PLACEMENT_SELECTORS, keepPlaced, signal);
    // "Updated … ago" is drawn from the clock: redraw when the rep comes back to the tab, so the
    // age stays honest without a timer of our own.
    const redraw = () => doc.visibilityState === 'visible' && void ui?.then((created) => draw(created.uiContainer));
    doc.addEventListener('visibilitychange', redraw, { signal });
  };

  const hide = () => {
    latest = null;
    visible?.abort();
    visible = null;
    hostObserver = null;
    void ui?.then((created) => {
      if (latest) return; // shown again meanwhile
      deps.draw(created.uiContainer, null);
      created.remove();
    });
  };

  // The orphaned instance leaves nothing behind: no panel, no observer, no listener.
  context.onInvalidated(hide);

  return {
    show(state, actions) {
      if (context.isInvalid) return;
      latest = {
        state,
        refresh: () => {
          if (!context.isInvalid) actions.refresh();
        },
      };
      ui ??= createUi();
      startWatching();
      void ui.then((created) => {
        if (context.isInvalid || !latest) return;
        placeHost(created);
        draw(created.uiContainer);
      });
    },
    hide,
  };
}
