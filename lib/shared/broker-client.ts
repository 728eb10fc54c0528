/**
 * The callers' side of the command table, one for the content script and the options page: one
 * request, one `Response` envelope, typed by lib/shared/commands.ts.
 *
 * - The MV3 worker may be asleep or restarting: "Receiving end does not exist", "Could not
 *   establish connection", a closed message port, or no answer at all are tried again, up to
 *   four attempts in all with a growing pause (0.1, 0.25, 0.6 s), so a worker that dies twice
 *   during one lookup still answers it. Past that the failure is reported (a bounded wait).
 * - An answer that is not an envelope, and any other failure, becomes `{ ok: false, error }`;
 *   nothing throws to the caller.
 * - Once the caller's extension context is gone (a content script after the extension was
 *   reloaded or updated: "Extension context invalidated"), the answer is ABORTED and the caller
 *   stops quietly.
 *
 * Only types come from the command table: no zod in the CRM page.
 */
import { browser } from 'wxt/browser';
import type { BrokerClient, Caller, CommandFrom, RequestOf, ResponseOf } from './commands';
import type { ErrorInfo } from './errors';

interface BrokerClientDeps {
  /** `runtime.sendMessage`. */
  sendMessage: (message: unknown) => Promise<unknown>;
  /** False once this script's extension context is gone; the content script passes `extensionAlive`. */
  alive?: () => boolean;
}

const WORKER_RESTARTING =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|Message manager disconnected/i;
const CONTEXT_GONE = /Extension context invalidated|runtime\.id|extension context/i;
/** The pause before each retry: as many retries as entries. */
const RETRY_PAUSES_MS = [100, 250, 600] as const;

/** False once this content script's extension context is gone (reload/update/uninstall). */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** An answer of the broker's `Response` shape: `{ok: true, data}` or `{ok: false, error}`. */
export function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (answer.ok === true) return 'data' in answer;
  return answer.ok === false && typeof answer.error === 'object' && answer.error !== null;
}

const failure = (error: ErrorInfo) => ({ ok: false as const, error });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The client of the commands `From` may send (`page` for the content script, `extension` for the options page). */
export function createBrokerClient<From extends Caller>({ sendMessage, alive = () => true }: BrokerClientDeps): BrokerClient<From> {
  return async <C extends CommandFrom<From>>(request: RequestOf<C>): Promise<ResponseOf<C>> => {
    for (let attempt = 0; ; attempt += 1) {
      if (!alive()) return failure({ code: 'ABORTED' });
      const retryPause = RETRY_PAUSES_MS[attempt];
      try {
        const answer = await sendMessage(request);
        if (isEnvelope(answer)) return answer as ResponseOf<C>;
        // No listener answered (worker still starting): treat like a restarting worker.
        if (answer === undefined && retryPause !== undefined) {
          await pause(retryPause);
          continue;
        }
        return failure({ code: 'INTERNAL', detail: 'The background answered with no response envelope.' });
      } catch (error) {
        const text = messageOf(error);
        if (CONTEXT_GONE.test(text) || !alive()) return failure({ code: 'ABORTED' });
        if (WORKER_RESTARTING.test(text) && retryPause !== undefined) {
          await pause(retryPause);
          continue;
        }
        // INTERNAL's message tells the reader to reload the page, which restarts both sides.
        return failure({ code: 'INTERNAL', detail: text });
      }
    }
  };
}
