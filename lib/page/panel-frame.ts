/**
 * The panel's footprint in the CRM page: a `desklink-panel` element whose CLOSED shadow root
 * holds a frame of DeskLink's own panel page. Page scripts get no reference into a closed root,
 * and the frame is of the extension's origin, so they can neither read the rows nor press its
 * buttons (find-in-page, selections and dispatched events stay in their own document). The
 * frame's address (extension id, token) is set from here and never appears in page markup.
 *
 * The frame draws what it is sent over a private channel (./panel-frame-messages.ts) and sends
 * back Refresh, the set-up link and its height. It loads again whenever the host is re-inserted
 * (CRM re-rendered the section holding it): each load gets a new channel and the latest state.
 */
import type { PanelViewState } from './panel-state';
import { type FrameHello, type FromFrame, type ToFrame } from './panel-frame-messages';
import { HOST_TAG } from './panel-host';

export interface PanelFrame {
  /** The element placed in the page. */
  readonly host: HTMLElement;
  /** Draws `state` in the frame (as soon as it has loaded), or nothing. */
  draw(state: PanelViewState | null): void;
}

interface PanelFrameDeps {
  doc: Document;
  /** The panel page's address (`runtime.getURL('/panel.html')`). */
  pageUrl: string;
  /** The origin of the panel page's document, the only one the channel is handed to. */
  frameOrigin: string;
  onRefresh: () => void;
  onOpenOptions: () => void;
}

// `all: initial` keeps the page's CSS off the host; the frame is as wide as the host and as tall
// as the panel it shows (it reports its height).
const HOST_CSS = `:host { all: initial !important; display: block !important; margin: 12px 0 !important; }
iframe { display: block; width: 100%; height: 0; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal; }`;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createPanelFrame({ doc, pageUrl, frameOrigin, onRefresh, onOpenOptions }: PanelFrameDeps): PanelFrame {
  const token = randomToken();
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const frame = doc.createElement('iframe');
  frame.src = `${pageUrl}#${token}`;
  root.append(style, frame);

  let port: MessagePort | null = null;
  let latest: ToFrame = { kind: 'clear' };

  const receive = (message: FromFrame) => {
    switch (message?.kind) {
      case 'refresh':
        onRefresh();
        return;
      case 'openOptions':
        onOpenOptions();
        return;
      case 'layout':
        frame.style.height = `${Math.max(0, Math.ceil(message.height))}px`;
        frame.title = message.title;
        return;
    }
  };

  // Each load is a new document: hand it a new channel, then the latest state. A frame some
  // other script navigated elsewhere never gets it (the message is addressed to our origin).
  frame.addEventListener('load', () => {
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.addEventListener('message', (event: MessageEvent<FromFrame>) => receive(event.data));
    port.start();
    const hello: FrameHello = { desklinkPanel: token };
    frame.contentWindow?.postMessage(hello, frameOrigin, [channel.port2]);
    port.postMessage(latest);
  });

  return {
    host,
    draw(state) {
      latest = state ? { kind: 'draw', state } : { kind: 'clear' };
      port?.postMessage(latest);
    },
  };
}
