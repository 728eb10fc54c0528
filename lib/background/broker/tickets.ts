/**
 * `tickets.get`: a record's tickets, from the cache at once when it has them, from Desk when it
 * must (modes in lib/shared/commands.ts). Identical requests in flight (same portal, record and identity
 * fingerprint) share one upstream search, across tabs. The in-flight map is only an
 * optimisation: if the worker dies, the cache in IndexedDB and the settings are the truth.
 */
import { cacheGeneration, isFresh, readRecordTickets, recordKeyOf, writeRecordTickets, type CachedRecordTickets } from '../cache';
import { markCredentialRejected } from '../credentials/credential';
import { toErrorInfo } from '../../shared/errors';
import type { Identity, RecordRef, RequestOf } from '../../shared/commands';
import type { TicketsView, TicketSummary } from '../../shared/protocol';
import { loadContext, requireReady, type ReadyContext } from './context';
import { recordDeskError } from './diagnostics';
import { deskTicketSource, type TicketSource } from './ticket-source';

interface Fetched {
  tickets: TicketSummary[];
  truncated: boolean;
  fetchedAt: number;
}

const inFlight = new Map<string, Promise<Fetched>>();
let source: TicketSource = deskTicketSource;

/** Replaces where tickets come from (tests and benchmarks); returns the previous source. */
export function setTicketSource(next: TicketSource): TicketSource {
  const previous = source;
  source = next;
  return previous;
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

/** One upstream search per (portal, record, fingerprint) at a time; the result goes to the cache. */
function fetchShared(ready: ReadyContext, record: RecordRef, identity: Identity, fingerprint: string): Promise<Fetched> {
  const recordKey = recordKeyOf(record);
  const key = JSON.stringify([ready.dataCentre, ready.portalId, recordKey, fingerprint]);
  const running = inFlight.get(key);
  if (running) return running;
  const since = cacheGeneration();
  const search = (async (): Promise<Fetched> => {
    try {
      const found = await source.find(ready, record, identity, new AbortController().signal);
      const fetched = { tickets: found.tickets, truncated: found.truncated, fetchedAt: Date.now() };
      await writeRecordTickets(ready.portalId, recordKey, { ...fetched, fingerprint }, fetched.fetchedAt, since);
      return fetched;
    } catch (error) {
      const info = toErrorInfo(error);
      // Whatever the request policy already did, a key's rejection must stick before anyone
      // retries. (An OAuth sign-in is renewed or signed out by oauth-renewal.ts instead.)
      if (info.code === 'INVALID_OAUTH' && ready.credential.kind === 'zsc')
        await markCredentialRejected(ready.credential).catch(() => undefined);
      await recordDeskError(info);
      throw error;
    }
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, search);
  return search;
}

const NOT_CACHED: TicketsView = { tickets: [], fetchedAt: null, stale: true, revalidating: false, truncated: false };

export async function getTickets(request: RequestOf<'tickets.get'>): Promise<TicketsView> {
  const now = Date.now();
  const ready = requireReady(await loadContext(now));
  const { record, identity, mode } = request;
  const fingerprint = await source.fingerprint(record, identity);
  const cached = await readRecordTickets(ready.portalId, recordKeyOf(record), now);
  // A changed identity (e.g. a new email) makes the cached list another record's answer: refetch.
  // Lists migrated without a fingerprint are shown, but count as stale.
  const usable = cached && (cached.fingerprint === fingerprint || cached.fingerprint === null) ? cached : null;
  const fresh = usable !== null && usable.fingerprint !== null && isFresh(usable.fetchedAt, now);

  if (mode === 'peek') {
    // Asked before the page's identity settles: exactly this identity's list, or "never fetched".
    return usable && usable.fingerprint === fingerprint ? view(usable, now, false) : NOT_CACHED;
  }
  if (usable && fresh && mode !== 'refresh') return view(usable, now, false);
  if (usable && mode === 'cached') {
    // Stale: answer now, revalidate in the background; the panel asks again with mode `fresh`.
    fetchShared(ready, record, identity, fingerprint).catch(() => undefined);
    return { ...view(usable, now, true), stale: true };
  }
  try {
    return view(await fetchShared(ready, record, identity, fingerprint), Date.now(), false);
  } catch (error) {
    if (!usable) throw error;
    // Desk failed (offline, 5xx, …): keep showing what we have, and say why it is not fresh.
    return { ...view(usable, now, false), stale: !fresh, error: toErrorInfo(error) };
  }
}
