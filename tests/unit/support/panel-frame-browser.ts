/**
 * The browser's part around DeskLink's panel frame in unit tests: the panel page's window (its
 * address, its parent, its messages), loading a document into a frame, and delivering a message
 * only to the origin it is addressed to.
 */
import { linkToContentScript } from '../../../lib/page/panel-frame-link';
import type { FromFrame, ToFrame } from '../../../lib/page/panel-frame-messages';
import type { PanelViewState } from '../../../lib/page/panel-state';

export const PAGE_URL = 'chrome-extension://k1dyn4m1c/panel.html';
export const FRAME_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

export const panelState = (recordKey: string): PanelViewState => ({
  recordKey,
  body: { kind: 'loading' },
  language: 'en',
  timeZone: 'UTC',
  refreshing: false,
  dataCentreMismatch: null,
});

/** The frame's window as the panel page sees it: its address, its parent (this window), its messages. */
export type FrameWindow = EventTarget & { location: URL; parent: Window };

/** The panel page's end: what it received from the content script. */
export function frameSide(win: FrameWindow) {
  const received: ToFrame[] = [];
  const link = linkToContentScript(win as unknown as Window, (message) => received.push(message));
  return { received, send: (message: FromFrame) => link.send(message) };
}

/**
 * The browser's part for `iframe`: load a document into it (the panel page unless `origin` says
 * otherwise), deliver what is posted to it only when addressed to its origin, fire `load`.
 * Returns that document's end of the channel and every post the content script made.
 */
export function loadInto(iframe: HTMLIFrameElement, origin = FRAME_ORIGIN) {
  const win: FrameWindow = Object.assign(new EventTarget(), { location: new URL(iframe.src), parent: window });
  const posted: string[] = [];
  Object.defineProperty(iframe, 'contentWindow', {
    configurable: true,
    value: {
      postMessage(data: unknown, targetOrigin: string, transfer: MessagePort[] = []) {
        posted.push(targetOrigin);
        if (targetOrigin === origin) win.dispatchEvent(new MessageEvent('message', { data, source: window, ports: transfer }));
      },
    },
  });
  const side = frameSide(win);
  iframe.dispatchEvent(new Event('load'));
  return { ...side, posted };
}

/** Lets posted channel messages arrive. */
export const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));
