/**
 * `tickets.get`: a record's tickets, from the cache at once when it has them, from Desk when it
 * must (modes in lib/shared/commands.ts). `tickets.crm`: the same with the identity CRM's API
 * gives, before the page shows one. Identical requests in flight (same portal, record and
 * identity fingerprint) share one upstream search, across tabs. The in-flight map is only an
 * optimisation: if the worker dies, the cache in IndexedDB and the settings are the truth.
 *
 * A record not cached shows its first rows when the rest need another round trip to Desk (a
 * person's linked contacts' tickets): the answer says `incomplete` and `revalidating`, and the
 * panel's `fresh` ask joins the same search for the rest. Only whole answers are cached.
 *
 * `Refresh` fetches one record at most once in ten seconds: pressed again (by a person, or by a
 * page script pressing it in a loop) it answers with the rows fetched moments ago, from the cache
 * or, when there is none, from the last few seconds' fetches kept in memory. Every ticket's link
 * is checked on the way out (lib/background/broker/desk-links.ts), cached ones included.
 */
import type { Identity, RecordRef, RequestOf } from '../../shared/commands';
import { toErrorInfo } from '../../shared/errors';
import type { TicketsView, TicketSummary } from '../../shared/protocol';
import { isFresh } from '../cache/freshness';
import { recordKeyOf, type CachedRecordTickets, type TicketCache } from '../cache/ticket-cache';
import type { WithCredential } from '../credentials/rejection';
import { requireReady, type LoadContext, type ReadyContext } from './context';
import { onlyDeskLink, onlyDeskLinks } from './desk-links';
import type { DiagnosticsStore } from './diagnostics';
import type { Handler } from './handlers';
import type { TicketSource } from './ticket-source';

/** Shortest time between two Desk fetches of one record by `Refresh`. */
const REFRESH_INTERVAL_MS = 10_000;

/** Fetched at or before `now`, less than ten seconds ago (a fetch time in the future is not recent). */
const isRecent = (fetchedAt: number, now: number) => now - fetchedAt >= 0 && now - fetchedAt < REFRESH_INTERVAL_MS;

interface Fetched {
  tickets: TicketSummary[];
  truncated: boolean;
  fetchedAt: number;
  deskUrl?: string | null;
  /** Only the first rows: the rest are still being fetched. */
  incomplete?: true;
}

/** One upstream search of a record. */
interface Search {
  /** All the record's tickets. */
  done: Promise<Fetched>;
  /** Its first rows when the rest need another round trip, else all of them: whichever comes first. */
  first: Promise<Fetched>;
}

/** What the handlers that read a record's tickets need (these and `tickets.preview`). */
export interface TicketsDeps {
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
    ...(entry.deskUrl ? { deskUrl: entry.deskUrl } : {}),
  };
}

const NOT_CACHED: TicketsView = { tickets: [], fetchedAt: null, stale: true, revalidating: false, truncated: false };

/** The tickets as they may leave the worker: every Desk link checked, cached ones included. */
function withDeskLinksChecked(ready: ReadyContext, answered: TicketsView): TicketsView {
  const tickets = onlyDeskLinks(answered.tickets, ready.dataCentre);
  const checked = tickets === answered.tickets ? answered : { ...answered, tickets };
  if (checked.deskUrl === undefined) return checked;
  const deskUrl = onlyDeskLink(checked.deskUrl, ready.dataCentre);
  if (deskUrl) return { ...checked, deskUrl };
  const { deskUrl: _dropped, ...withoutLink } = checked;
  return withoutLink;
}

export function createTicketsHandlers({ cache, source, loadContext, withCredential, diagnostics, now }: TicketsDeps): {
  'tickets.get': Handler<'tickets.get'>;
  'tickets.crm': Handler<'tickets.crm'>;
} {
  const inFlight = new Map<string, Search>();
  /** The fetches of the last ten seconds, for `Refresh` when the cache cannot hold them. */
  const justFetched = new Map<string, Fetched>();

  const keyOf = (ready: ReadyContext, record: RecordRef, fingerprint: string) =>
    JSON.stringify([ready.dataCentre, ready.portalId, recordKeyOf(record), fingerprint]);

  function remember(key: string, fetched: Fetched): void {
    for (const [other, { fetchedAt }] of justFetched) if (!isRecent(fetchedAt, fetched.fetchedAt)) justFetched.delete(other);
    justFetched.set(key, fetched);
  }

  /** One upstream search per (portal, record, fingerprint) at a time; the result goes to the cache. */
  function fetchShared(ready: ReadyContext, record: RecordRef, identity: Identity, fingerprint: string): Search {
    const recordKey = recordKeyOf(record);
    const key = keyOf(ready, record, fingerprint);
    const running = inFlight.get(key);
    if (running) return running;
    const since = cache.generation();
    let stored: Promise<void> = Promise.resolve();
    let firstRows: (rows: Fetched) => void = () => undefined;
    const firstRowsFound = new Promise<Fetched>((resolve) => (firstRows = resolve));
    const search = (async (): Promise<Fetched> => {
      try {
        const signal = new AbortController().signal;
        const found = await withCredential(ready.credential, (credential) =>
          source.find({ ...ready, credential }, record, identity, signal, (rows) =>
            firstRows({ ...rows, fetchedAt: now(), incomplete: true }),
          ),
        );
        const fetched: Fetched = { tickets: found.tickets, truncated: found.truncated, fetchedAt: now(), deskUrl: found.deskUrl ?? null };
        remember(key, fetched);
        // Kept under the identity the source searched with (CRM's, when it read the record there).
        // Beside the answer, not before it: the rows reach the panel a database write sooner, and
        // any later read of the record is ordered after this write by the database.
        stored = cache.write(
          ready.portalId,
          recordKey,
          { ...fetched, fingerprint: found.fingerprint ?? fingerprint },
          fetched.fetchedAt,
          since,
        );
        return fetched;
      } catch (error) {
        await diagnostics.record(toErrorInfo(error));
        throw error;
      }
    })();
    const shared: Search = { done: search, first: Promise.race([firstRowsFound, search]) };
    shared.first.catch(() => undefined);
    inFlight.set(key, shared);
    // Joined until stored: a lookup arriving meanwhile takes this answer instead of searching again.
    void search
      .then(() => stored)
      .catch(() => undefined)
      .finally(() => inFlight.delete(key));
    return shared;
  }

  async function answer(ready: ReadyContext, { record, identity, mode }: RequestOf<'tickets.get'>): Promise<TicketsView> {
    const at = now();
    // Two reads of the database, neither waiting for the other.
    const [fingerprint, cached] = await Promise.all([
      source.fingerprint(record, identity, ready),
      cache.read(ready.portalId, recordKeyOf(record), at),
    ]);
    // A changed identity (e.g. a new email) makes the cached list another record's answer: refetch.
    // Lists migrated without a fingerprint are shown, but count as stale.
    const usable = cached && (cached.fingerprint === fingerprint || cached.fingerprint === null) ? cached : null;
    const fresh = usable !== null && usable.fingerprint !== null && isFresh(usable.fetchedAt, at);

    if (mode === 'peek') {
      // Asked before the page's identity settles: exactly this identity's list, or "never fetched".
      return usable && usable.fingerprint === fingerprint ? view(usable, at, false) : NOT_CACHED;
    }
    if (mode === 'refresh') {
      const latest = [usable?.fingerprint === fingerprint ? usable : null, justFetched.get(keyOf(ready, record, fingerprint))].find(
        (entry) => entry && isRecent(entry.fetchedAt, at),
      );
      if (latest) return view(latest, at, false);
    }
    if (usable && fresh && mode !== 'refresh') return view(usable, at, false);
    if (usable && mode === 'cached') {
      // Stale: answer now, revalidate in the background; the panel asks again with mode `fresh`.
      fetchShared(ready, record, identity, fingerprint).done.catch(() => undefined);
      return { ...view(usable, at, true), stale: true };
    }
    const search = fetchShared(ready, record, identity, fingerprint);
    try {
      // Nothing to show yet: the first rows, as soon as Desk gave them.
      const fetched = await (mode === 'cached' && !usable ? search.first : search.done);
      return fetched.incomplete ? { ...view(fetched, now(), true), incomplete: true } : view(fetched, now(), false);
    } catch (error) {
      if (!usable) throw error;
      // Desk failed (offline, 5xx, …): keep showing what we have, and say why it is not fresh.
      return { ...view(usable, at, false), stale: !fresh, error: toErrorInfo(error) };
    }
  }

  return {
    'tickets.get': async (request) => {
      const ready = requireReady(await loadContext());
      return withDeskLinksChecked(ready, await answer(ready, request));
    },
    // Asked as the address names the record: CRM's answer starts the Desk search while CRM's page
    // still loads the record. Through the same cache and shared searches as `tickets.get`, so the
    // lookup the page's reading makes later takes this search or its stored list.
    'tickets.crm': async ({ record, mode }, sender) => {
      const ready = requireReady(await loadContext());
      const identity = (await source.identityOf?.(ready, record).catch(() => null)) ?? null;
      // The rep may have moved on while CRM answered: no Desk call for a record nobody looks at.
      if (!identity || (sender && !(await sender.stillShown()))) return { view: null };
      return {
        view: withDeskLinksChecked(ready, await answer(ready, { command: 'tickets.get', record, identity, mode: mode ?? 'cached' })),
      };
    },
  };
}
