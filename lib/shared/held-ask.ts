/**
 * A page command asked over a port the caller holds open while it still wants the answer: when
 * the rep leaves the record the caller lets go, the broker sees the port close, and it skips work
 * nobody would see (a Desk search for a record already left). One request per port. The port's
 * name is the only way the background tells these from other connections.
 *
 * The answer is null when none came over the port (the caller let go, or the worker stopped
 * before answering): the caller then goes on as it would without this ask.
 */
import { isEnvelope } from './broker-client';
import type { CommandFrom, RequestOf, ResponseOf } from './commands';

export const HELD_ASK_PORT = 'desklink.heldAsk';

/** The part of `runtime.Port` used here (both browsers' ports, and test doubles). */
interface HeldAskPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type HeldAsk = <C extends CommandFrom<'page'>>(request: RequestOf<C>, signal: AbortSignal) => Promise<ResponseOf<C> | null>;

export function createHeldAsk({ connect, alive = () => true }: { connect: () => HeldAskPort; alive?: () => boolean }): HeldAsk {
  return <C extends CommandFrom<'page'>>(request: RequestOf<C>, signal: AbortSignal) =>
    new Promise<ResponseOf<C> | null>((resolve) => {
      if (signal.aborted || !alive()) return resolve(null);
      let port: HeldAskPort;
      try {
        port = connect();
      } catch {
        return resolve(null);
      }
      let settled = false;
      const settle = (answer: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', letGo);
        port.disconnect();
        resolve(isEnvelope(answer) ? (answer as ResponseOf<C>) : null);
      };
      const letGo = () => settle(null);
      signal.addEventListener('abort', letGo, { once: true });
      port.onMessage.addListener(settle);
      port.onDisconnect.addListener(letGo);
      port.postMessage(request);
    });
}
