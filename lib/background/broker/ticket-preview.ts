/**
 * `tickets.preview`: a ticket's latest thread, for the panel's preview. A page may ask only about
 * a ticket its record's cached list holds (the sender policy already tied the record to the
 * sending frame). A preview is kept with its ticket in the cache (a new fetch of the ticket drops
 * it) and in this worker, fresh for the tickets' freshness window, and shared while in flight: opening,
 * closing and opening again, in this worker or the next one, costs one Desk call.
 */
import { DeskLinkError, toErrorInfo } from '../../shared/errors';
import type { TicketPreview } from '../../shared/protocol';
import { isFresh } from '../cache/freshness';
import { recordKeyOf } from '../cache/ticket-cache';
import { requireReady } from './context';
import type { Handler } from './handlers';
import type { TicketsDeps } from './tickets-handlers';

/** Previews kept at most: the oldest leave first. */
const MAX_KEPT = 200;

export function createTicketPreviewHandler({
  cache,
  source,
  loadContext,
  withCredential,
  diagnostics,
  now,
}: TicketsDeps): Handler<'tickets.preview'> {
  const kept = new Map<string, TicketPreview>();
  const inFlight = new Map<string, Promise<TicketPreview>>();

  function keep(key: string, preview: TicketPreview): void {
    kept.delete(key);
    kept.set(key, preview);
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_KEPT) break;
      kept.delete(oldest);
    }
  }

  /**
   * Keeps a fetched preview with its ticket, alongside the answer: the rep never waits on the
   * write, and a write that fails is still recorded in Diagnostics.
   */
  function store(portalId: string, preview: TicketPreview): void {
    void cache
      .writePreview(portalId, preview)
      .catch((error: unknown) => diagnostics.record(toErrorInfo(error)))
      .catch(() => undefined);
  }

  return async ({ record, ticketId }) => {
    const ready = requireReady(await loadContext());
    // One small read says both whether the ticket is the record's and what preview it keeps.
    const { listed, preview: stored } = await cache.readPreview(ready.portalId, recordKeyOf(record), ticketId);
    if (!listed) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'not a ticket of this record' });
    const key = JSON.stringify([ready.dataCentre, ready.portalId, ticketId]);
    const known = kept.get(key);
    if (known && isFresh(known.fetchedAt, now())) return known;
    if (stored && isFresh(stored.fetchedAt, now())) {
      keep(key, stored);
      return stored;
    }
    const running = inFlight.get(key);
    if (running) return running;
    const fetching = (async () => {
      try {
        const signal = new AbortController().signal;
        const latestThread = source.latestThread?.bind(source);
        if (!latestThread) throw new DeskLinkError({ code: 'INTERNAL', detail: 'no thread source' });
        const thread = await withCredential(ready.credential, (credential) => latestThread({ ...ready, credential }, ticketId, signal));
        const preview: TicketPreview = { ticketId, thread, fetchedAt: now() };
        keep(key, preview);
        store(ready.portalId, preview);
        return preview;
      } catch (error) {
        await diagnostics.record(toErrorInfo(error));
        throw error;
      }
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, fetching);
    return fetching;
  };
}
