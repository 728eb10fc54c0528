/**
 * The panel frame's end of the channel to the content script that framed it: it accepts the
 * first hello from its parent window that carries the token in the frame's own address, and
 * nothing else (a page script could post to this frame too, but cannot know the token).
 */
import { isFrameHello, type FromFrame, type ToFrame } from './panel-frame-messages';

interface FrameLink {
  /** Sends to the content script (dropped before the channel is open). */
  send(message: FromFrame): void;
}

export function linkToContentScript(win: Window, onMessage: (message: ToFrame) => void): FrameLink {
  const token = win.location.hash.slice(1);
  let port: MessagePort | null = null;
  let waiting: FromFrame | null = null;
  win.addEventListener('message', (event: MessageEvent) => {
    if (port || event.source !== win.parent || win.parent === win || !isFrameHello(event.data, token)) return;
    const [received] = event.ports;
    if (!received) return;
    port = received;
    port.addEventListener('message', (message: MessageEvent<ToFrame>) => onMessage(message.data));
    port.start();
    if (waiting) port.postMessage(waiting);
    waiting = null;
  });
  return {
    send(message) {
      if (port) port.postMessage(message);
      // Only the latest layout matters before the channel opens; actions need a drawn panel.
      else if (message.kind === 'layout') waiting = message;
    },
  };
}
