/**
 * `tickets.get`: a record's tickets, from the cache at once when it has them, from Desk when it
 * must (modes in lib/shared/commands.ts). Identical requests in flight (same portal, record and
 * identity fingerprint) share one upstream search, across tabs. The in-flight map is only an
 * optimisation: if the worker dies, the cache in IndexedDB and the settings are the truth.
 */
import type { Identity, RecordRef } from '../../shared/commands';
import { toErrorInfo } from '../../shared/errors';
import type { TicketsView, TicketSummary } from '../../shared/protocol';
import { isFresh } from '../cache/freshness';
import { recordKeyOf, type CachedRecordTickets, type TicketCache } from '../cache/ticket-cache';
import type { WithCredential } from '../credentials/rejection';
import { requireReady, type LoadContext, type ReadyContext } from './context';
import type { DiagnosticsStore } from './diagnostics';
import type { Handler } from './handlers';
import type { TicketSource } from './ticket-source';

interface Fetched {
  tickets: TicketSummary[];
  truncated: boolean;
  fetchedAt: number;
}

interface TicketsDeps {
  cache: TicketCache;
  source: TicketSource;
  loadContext: LoadContext;
  withCredential: WithCredential;
  diagnostics: DiagnosticsStore;
  now: () => number;
}

function view(entry: Omit<CachedRecordTickets, 'fingerprint'>, now: number, revalidating: boolean): TicketsView {
  return {
    tickets: entry.tickets,
    fetchedAt: entry.fetchedAt,
    stale: !isFresh(entry.fetchedAt, now),
    revalidating,
    truncated: entry.truncated,
  };
}

const NOT_CACHED: TicketsView = { tickets: [], fetchedAt: null, stale: true, revalidating: false, truncated: false };

export function createTicketsHandler({
  cache,
  source,
  loadContext,
  withCredential,
  diagnostics,
  now,
}: TicketsDeps): Handler<'tickets.get'> {
  const inFlight = new Map<string, Promise<Fetched>>();

  /** One upstream search per (portal, record, fingerprint) at a time; the result goes to the cache. */
  function fetchShared(ready: ReadyContext, record: RecordRef, identity: Identity, fingerprint: string): Promise<Fetched> {
    const recordKey = recordKeyOf(record);
    const key = JSON.stringify([ready.dataCentre, ready.portalId, recordKey, fingerprint]);
    const running = inFlight.get(key);
    if (running) return running;
    const since = cache.generation();
    const search = (async (): Promise<Fetched> => {
      try {
        const signal = new AbortController().signal;
        const found = await withCredential(ready.credential, (credential) =>
          source.find({ ...ready, credential }, record, identity, signal),
        );
        const fetched = { tickets: found.tickets, truncated: found.truncated, fetchedAt: now() };
        await cache.write(ready.portalId, recordKey, { ...fetched, fingerprint }, fetched.fetchedAt, since);
        return fetched;
      } catch (error) {
        await diagnostics.record(toErrorInfo(error));
        throw error;
      }
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, search);
    return search;
  }

  return async ({ record, identity, mode }) => {
    const at = now();
    const ready = requireReady(await loadContext());
    const fingerprint = await source.fingerprint(record, identity);
    const cached = await cache.read(ready.portalId, recordKeyOf(record), at);
    // A changed identity (e.g. a new email) makes the cached list another record's answer: refetch.
    // Lists migrated without a fingerprint are shown, but count as stale.
    const usable = cached && (cached.fingerprint === fingerprint || cached.fingerprint === null) ? cached : null;
    const fresh = usable !== null && usable.fingerprint !== null && isFresh(usable.fetchedAt, at);

    if (mode === 'peek') {
      // Asked before the page's identity settles: exactly this identity's list, or "never fetched".
      return usable && usable.fingerprint === fingerprint ? view(usable, at, false) : NOT_CACHED;
    }
    if (usable && fresh && mode !== 'refresh') return view(usable, at, false);
    if (usable && mode === 'cached') {
      // Stale: answer now, revalidate in the background; the panel asks again with mode `fresh`.
      fetchShared(ready, record, identity, fingerprint).catch(() => undefined);
      return { ...view(usable, at, true), stale: true };
    }
    try {
      return view(await fetchShared(ready, record, identity, fingerprint), now(), false);
    } catch (error) {
      if (!usable) throw error;
      // Desk failed (offline, 5xx, …): keep showing what we have, and say why it is not fresh.
      return { ...view(usable, at, false), stale: !fresh, error: toErrorInfo(error) };
    }
  };
}
