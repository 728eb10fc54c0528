/**
 * The broker's side of a held ask (lib/shared/held-ask.ts): each request on the port is answered
 * as a message is, the handler told whether the caller still holds the port, and the answer is
 * posted only while it does.
 */
import type { Runtime } from 'webextension-polyfill';
import type { HandleMessage } from './dispatch';

export function answerHeldAsks(port: Runtime.Port, handle: HandleMessage): void {
  let held = true;
  port.onDisconnect.addListener(() => (held = false));
  port.onMessage.addListener((message: unknown) => {
    void handle(message, port.sender ?? {}, () => held).then((answer) => {
      if (held) port.postMessage(answer);
    });
  });
}
