/**
 * One frame of DeskLink's panel page and the private channel to it. The content script hands
 * each document loaded into the frame a new MessageChannel, in a first message addressed to the
 * panel page's origin only and carrying the token in the frame's address (page scripts share
 * the content script's window but cannot know the token); then the latest message for it.
 */
import type { PanelFocus } from './panel-focus';
import type { FrameHello, FromFrame, ToFrame } from './panel-frame-messages';

export interface FrameSlot {
  readonly iframe: HTMLIFrameElement;
  /** Sends `message` now if a document is listening, and to every document loaded later. */
  send(message: ToFrame): void;
  /**
   * Moves keyboard focus into the frame's panel: onto the control described (the page does not
   * scroll), or the panel itself.
   */
  focus(control?: PanelFocus): void;
  /** Closes the channel and takes the frame out of the page. */
  dispose(): void;
}

interface FrameSlotDeps {
  doc: Document;
  /** The panel page's address (`runtime.getURL('/panel.html')`). */
  pageUrl: string;
  /** The origin of the panel page's document, the only one the channel is handed to. */
  frameOrigin: string;
  receive: (message: FromFrame) => void;
  /**
   * What a document loaded into the frame is sent, given the latest message (default: that). A
   * frame whose host moved in the page may load again (Firefox), and its new document must start
   * where the rep was.
   */
  firstMessage?: (latest: ToFrame) => ToFrame;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createFrameSlot({ doc, pageUrl, frameOrigin, receive, firstMessage = (latest) => latest }: FrameSlotDeps): FrameSlot {
  const token = randomToken();
  const iframe = doc.createElement('iframe');
  iframe.src = `${pageUrl}#${token}`;
  // The panel's Copy buttons write the clipboard from this cross-origin frame.
  iframe.allow = 'clipboard-write';
  let port: MessagePort | null = null;
  let latest: ToFrame = { kind: 'clear' };
  /** Focus asked before a document was listening: given to the next one after `latest`. */
  let focusOnLoad: ToFrame | null = null;

  // Each load is a new document: a new channel, then the latest message. A frame some other
  // script navigated elsewhere never gets it (the message is addressed to the panel's origin).
  iframe.addEventListener('load', () => {
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.addEventListener('message', (event: MessageEvent<FromFrame>) => receive(event.data));
    port.start();
    const hello: FrameHello = { desklinkPanel: token };
    iframe.contentWindow?.postMessage(hello, frameOrigin, [channel.port2]);
    port.postMessage(firstMessage(latest));
    if (focusOnLoad) port.postMessage(focusOnLoad);
    focusOnLoad = null;
  });

  return {
    iframe,
    send(message) {
      latest = message;
      port?.postMessage(message);
    },
    focus(control) {
      iframe.focus({ preventScroll: control !== undefined });
      // Not kept as the latest message: a later reload draws the panel, it does not take focus.
      const message: ToFrame = control ? { kind: 'focus', control } : { kind: 'focus' };
      if (port) port.postMessage(message);
      else focusOnLoad = message;
    },
    dispose() {
      port?.close();
      port = null;
      iframe.remove();
    },
  };
}
