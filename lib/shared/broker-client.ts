/**
 * The content script's side of the message protocol: one request, one `Response` envelope.
 *
 * - The MV3 worker may be asleep or restarting: "Receiving end does not exist", "Could not
 *   establish connection" or a closed message port get ONE retry after a short pause.
 * - Any other failure becomes `{ ok: false, error }`; nothing throws to the caller.
 * - After the extension was reloaded or updated, this old content script's context is gone
 *   ("Extension context invalidated"): the answer is ABORTED and the caller stops quietly.
 *
 * Only types come from lib/shared/messages.ts (no zod in the CRM page).
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './errors';
import type { RequestOf, ResponseOf } from './messages';

export type PanelCommand = 'panel.config' | 'tickets.get' | 'options.open';
export type SendMessage = (message: unknown) => Promise<unknown>;

const WORKER_RESTARTING =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|Message manager disconnected/i;
const CONTEXT_GONE = /Extension context invalidated|runtime\.id|extension context/i;
const RETRY_PAUSE_MS = 150;

export const defaultSend: SendMessage = (message) => browser.runtime.sendMessage(message);

/** False once this content script's extension context is gone (reload/update/uninstall). */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function isEnvelope(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

const failure = (error: ErrorInfo) => ({ ok: false as const, error });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function askBroker<C extends PanelCommand>(
  request: RequestOf<C>,
  send: SendMessage = defaultSend,
  alive: () => boolean = extensionAlive,
): Promise<ResponseOf<C>> {
  for (let attempt = 0; ; attempt += 1) {
    if (!alive()) return failure({ code: 'ABORTED' });
    try {
      const answer = await send(request);
      if (isEnvelope(answer)) return answer as ResponseOf<C>;
      // No listener answered (worker still starting): treat like a restarting worker.
      if (answer === undefined && attempt === 0) {
        await pause(RETRY_PAUSE_MS);
        continue;
      }
      return failure({ code: 'INTERNAL', detail: 'The background answered with no response envelope.' });
    } catch (error) {
      const text = messageOf(error);
      if (CONTEXT_GONE.test(text) || !alive()) return failure({ code: 'ABORTED' });
      if (WORKER_RESTARTING.test(text) && attempt === 0) {
        await pause(RETRY_PAUSE_MS);
        continue;
      }
      // INTERNAL's message tells the reader to reload the page, which restarts both sides.
      return failure({ code: 'INTERNAL', detail: text });
    }
  }
}
