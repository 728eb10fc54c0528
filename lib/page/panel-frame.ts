/**
 * The panel's footprint in the CRM page: a `desklink-panel` element whose CLOSED shadow root
 * holds a frame of DeskLink's own panel page (./panel-frame-slot.ts). Page scripts get no
 * reference into a closed root, and the frame is of the extension's origin, so they can neither
 * read the rows nor press its buttons (find-in-page, selections and dispatched events stay in
 * their own document). The frame's address is set from here and never appears in page markup.
 *
 * CRM replaces its content on every record switch, the host with it, and a frame taken out of
 * the page is gone. So a second frame waits, loaded, in a `desklink-standby` element: when the
 * host is put back, that frame moves into it (`moveBefore` keeps a frame loaded) and shows the
 * latest state at once, and a new one loads for the next time: once the shown frame says it is
 * idle (drawn, painted, nothing else to do), since both frames' documents run in the extension's
 * one process and loading a page there would hold up the shown frame's paint.
 *
 * The waiting frame is kept rendered, not `display: none`: a transparent pixel in the viewport,
 * inert and hidden from assistive technology. Browsers stop drawing a cross-origin frame that has
 * no box or lies outside the viewport, and one moved out of that state paints only a few frames
 * later (measured in Chromium: about 20 ms of every record switch). It also rehearses the shown
 * state out of sight, so its first real draw runs warm.
 */
import type { FromFrame, ToFrame } from './panel-frame-messages';
import { createFrameSlot, type FrameSlot } from './panel-frame-slot';
import { HOST_TAG, STANDBY_TAG } from './panel-host';
import { parsePanelFocus, type PanelFocus } from './panel-focus';
import { isTicketId, parsePanelUi, type PanelUi } from './panel-ui';
import type { PanelViewState, TicketAction } from './panel-state';

export interface PanelFrame {
  /** The element placed in the page. */
  readonly host: HTMLElement;
  /** Every element this panel put into the page (the host and the standby). */
  elements(): Element[];
  /** Puts the host where `put` says, with a loaded frame in it. */
  placeWith(put: (host: HTMLElement) => void): void;
  /** Draws `state` in the frame, or nothing. */
  draw(state: PanelViewState | null): void;
  /** Scrolls the panel into view and moves keyboard focus into it. */
  focus(): void;
  /** Takes the host and the standby out of the page. */
  remove(): void;
}

interface PanelFrameDeps {
  doc: Document;
  /** The panel page's address (`runtime.getURL('/panel.html')`). */
  pageUrl: string;
  /** The origin of the panel page's document, the only one a channel is handed to. */
  frameOrigin: string;
  onRefresh: () => void;
  onOpenOptions: () => void;
  /** A ticket's Preview was opened: its latest thread is wanted. */
  onPreview?: (ticketId: string) => void;
  /** New ticket: the form's choices are wanted, or the ticket is to be created. */
  onTicket?: (action: TicketAction) => void;
}

// `all: initial` keeps the page's CSS off the host; the frame is as wide as the host and as tall
// as the panel it shows (it reports its height).
const FRAME_CSS = `iframe { display: block; width: 100%; height: 0; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal; }`;
const HOST_CSS = `:host { all: initial !important; display: block !important; margin: 12px 0 !important; }\n${FRAME_CSS}`;
// The waiting frame: as wide as the shown one (so its first draw lays out at that width) but seen
// through one transparent pixel at the viewport's corner, behind the page, under no pointer. Its
// own height reports do not apply there (the `!important` height wins over them).
const STANDBY_CSS = [
  ':host { all: initial !important; display: block !important; position: fixed !important; left: 0 !important; top: 0 !important;',
  ' width: 1px !important; height: 1px !important; overflow: hidden !important; opacity: 0 !important; pointer-events: none !important; z-index: -1 !important; }',
  `\n${FRAME_CSS}\niframe { height: 1px !important; }`,
].join('');

/** An element with a closed shadow root holding `css`. */
function isolated(doc: Document, tag: string, css: string): { element: HTMLElement; root: ShadowRoot } {
  const element = doc.createElement(tag);
  const root = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { element, root };
}

/** Out of everyone's reach while it waits: no focus, no clicks, nothing for assistive technology. */
function setWaiting(iframe: HTMLIFrameElement, waiting: boolean): void {
  iframe.inert = waiting;
  if (waiting) {
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
  } else {
    iframe.removeAttribute('aria-hidden');
    iframe.removeAttribute('tabindex');
  }
}

/** Moves `node` into `parent` keeping it loaded; false when the browser cannot (the caller loads a new one). */
function moveLoaded(parent: ShadowRoot, node: Node): boolean {
  if (!node.isConnected || !parent.isConnected || typeof parent.moveBefore !== 'function') return false;
  try {
    parent.moveBefore(node, null);
    return true;
  } catch {
    return false;
  }
}

export function createPanelFrame(deps: PanelFrameDeps): PanelFrame {
  const { doc } = deps;
  const { element: host, root } = isolated(doc, HOST_TAG, HOST_CSS);
  let standbyHost: { element: HTMLElement; root: ShadowRoot } | null = null;
  let active: FrameSlot | null = null;
  let standby: FrameSlot | null = null;
  let latest: ToFrame = { kind: 'clear' };
  /** What the rep set in the shown frame, for the record it showed (handed to the frame that takes over). */
  let handedUi: { recordKey: string; ui: PanelUi } | null = null;
  /** The control that had keyboard focus in the shown frame, while the focus is there. */
  let handedFocus: { recordKey: string; focus: PanelFocus } | null = null;
  /** The shown frame's width (px), which the waiting frame takes so that it draws at the width it will be shown at. */
  let shownWidth: number | null = null;

  const receive = (from: FrameSlot, message: FromFrame) => {
    if (message?.kind === 'layout') {
      from.iframe.style.height = `${Math.max(0, Math.ceil(message.height))}px`;
      from.iframe.title = message.title;
      if (from !== active) return;
      if (typeof message.width === 'number' && Number.isFinite(message.width) && message.width > 1) shownWidth = Math.round(message.width);
      if (standby) standby.iframe.style.width = standbyWidth();
      return;
    }
    if (message?.kind === 'idle') {
      if (from === active) prepareStandby();
      return;
    }
    if (message?.kind === 'ui') {
      const ui = parsePanelUi(message.ui);
      if (from === active && ui && typeof message.recordKey === 'string') handedUi = { recordKey: message.recordKey, ui };
      return;
    }
    if (message?.kind === 'focused') {
      if (from !== active) return;
      const focus = parsePanelFocus(message.focus);
      handedFocus = focus && typeof message.recordKey === 'string' ? { recordKey: message.recordKey, focus } : null;
      return;
    }
    // A waiting frame shows nothing anyone could press.
    if (from !== active) return;
    if (message?.kind === 'refresh') deps.onRefresh();
    else if (message?.kind === 'openOptions') deps.onOpenOptions();
    else if (message?.kind === 'preview' && isTicketId(message.ticketId)) {
      deps.onPreview?.(message.ticketId);
    } else if (message?.kind === 'ticketForm') deps.onTicket?.({ kind: 'ticketForm' });
    // The broker checks the ticket's every field; here only that there is one.
    else if (message?.kind === 'createTicket' && typeof message.ticket === 'object' && message.ticket !== null) {
      deps.onTicket?.({ kind: 'createTicket', ticket: message.ticket });
    }
  };

  /** `message` with what the rep set in the lost frame, when it draws the record that frame showed. */
  const withHandedUi = (message: ToFrame): ToFrame =>
    message.kind === 'draw' && handedUi?.recordKey === message.state.recordKey ? { ...message, ui: handedUi.ui } : message;

  const standbyWidth = () => (shownWidth === null ? '' : `${shownWidth}px`);

  const newSlot = () => {
    const slot: FrameSlot = createFrameSlot({ ...deps, receive: (message) => receive(slot, message), firstMessage: withHandedUi });
    return slot;
  };

  function prepareStandby(): void {
    if (!host.isConnected || (standby && standby.iframe.isConnected)) return;
    standby?.dispose();
    standbyHost ??= isolated(doc, STANDBY_TAG, STANDBY_CSS);
    if (!standbyHost.element.isConnected) (doc.body ?? doc.documentElement).append(standbyHost.element);
    standby = newSlot();
    setWaiting(standby.iframe, true);
    standby.iframe.style.width = standbyWidth();
    standby.send(latest.kind === 'draw' ? { kind: 'rehearse', state: latest.state } : { kind: 'clear' });
    standbyHost.root.append(standby.iframe);
  }

  /** Gives the host (in the page, without a frame) the standby frame, or a new one. */
  const activate = (height: string) => {
    const waiting = standby;
    standby = null;
    if (waiting && moveLoaded(root, waiting.iframe)) {
      active = waiting;
      setWaiting(active.iframe, false);
      active.iframe.style.width = '';
    } else {
      waiting?.dispose();
      active = newSlot();
      root.append(active.iframe);
    }
    // About as tall as the panel it replaces until it reports its own height.
    if (height) active.iframe.style.height = height;
    active.send(withHandedUi(latest));
    // The rep was in the lost frame and has not gone elsewhere since: back to the same control.
    const pageFocus = doc.activeElement;
    const focusFree = pageFocus === null || pageFocus === doc.body || pageFocus === host;
    if (latest.kind === 'draw' && handedFocus?.recordKey === latest.state.recordKey && focusFree) active.focus(handedFocus.focus);
  };

  // Focus moved to CRM (the frame says so too, a task later: CRM may render in between).
  const forgetFocus = (event: FocusEvent) => event.target !== host && (handedFocus = null);
  doc.addEventListener('focusin', forgetFocus, true);

  return {
    host,
    elements: () => (standbyHost ? [host, standbyHost.element] : [host]),
    placeWith(put) {
      // Out of the page, the host's frame lost its document: never load it again.
      let height = '';
      if (!host.isConnected && active) {
        height = active.iframe.style.height;
        active.dispose();
        active = null;
      }
      put(host);
      if (!active && host.isConnected) activate(height);
    },
    draw(state) {
      latest = state ? { kind: 'draw', state } : { kind: 'clear' };
      // Only for the record it was set on, while it stays shown: a record shown again starts afresh.
      if (handedUi?.recordKey !== state?.recordKey) handedUi = null;
      if (handedFocus?.recordKey !== state?.recordKey) handedFocus = null;
      // A frame whose host CRM took out of the page is gone; the one that takes over gets `latest`.
      if (host.isConnected) active?.send(latest);
    },
    focus() {
      if (!host.isConnected || !active) return;
      host.scrollIntoView({ block: 'start' });
      active.focus();
    },
    remove() {
      doc.removeEventListener('focusin', forgetFocus, true);
      host.remove();
      active?.dispose();
      active = null;
      standby?.dispose();
      standby = null;
      standbyHost?.element.remove();
    },
  };
}
