/**
 * Least-recently-used eviction: above the cap (tickets), the least recently used records are
 * dropped until the rest fit in 90% of the cap (so eviction does not run on every write), then
 * every ticket no remaining record references is swept (this also clears tickets orphaned when
 * a record was refetched with a different list).
 *
 * Cost at the cap (bench: 100,000 tickets written over 2,500 records): IndexedDB's count() reads
 * the whole store, so it is not run after every write: an upper bound (last count + tickets
 * written since) is kept per connection and the store is counted only when the bound passes the
 * cap. Eviction reads each store in one request (getAll / getAllKeys), not a cursor step per
 * row: a cursor walk over 50,000 keys held the stores, and every panel's read, for seconds.
 */
import { cacheDb, isQuotaError, markCacheUnavailable, type CacheDb } from './db';
import type { CachedRecord } from './schema';

export const DEFAULT_TICKET_CAP = 50_000;
const KEEP_RATIO = 0.9;

let ticketCap = DEFAULT_TICKET_CAP;
let running: Promise<void> | null = null;
let rerun = false;
/** Tickets written since the last eviction check (each may add at most one stored ticket). */
let writtenSince = 0;
/** Per connection: at most this many tickets are stored (unknown until counted once). */
const ticketBound = new WeakMap<CacheDb, number>();

/** The cap in tickets (tests use a small one). */
export function setTicketCap(cap: number): void {
  ticketCap = Math.max(1, Math.floor(cap));
}

export function getTicketCap(): number {
  return ticketCap;
}

const ticketRef = (portalId: string, ticketId: string) => `${portalId}\u0000${ticketId}`;

export interface EvictionResult {
  records: number;
  tickets: number;
}

/** Evicts now if the cache holds more tickets than the cap. */
export async function evictIfOverCap(): Promise<EvictionResult> {
  const none = { records: 0, tickets: 0 };
  const db = await cacheDb();
  if (!db) return none;
  const written = writtenSince;
  writtenSince = 0;
  const bound = (ticketBound.get(db) ?? Number.POSITIVE_INFINITY) + written;
  if (bound <= ticketCap) {
    ticketBound.set(db, bound);
    return none;
  }
  const stored = await db.count('tickets');
  ticketBound.set(db, stored);
  if (stored <= ticketCap) return none;
  const target = Math.floor(ticketCap * KEEP_RATIO);
  try {
    const tx = db.transaction(['records', 'tickets'], 'readwrite');
    const records = tx.objectStore('records');
    const tickets = tx.objectStore('tickets');
    const [byUse, ticketKeys] = await Promise.all([records.index('byLastUsed').getAll(), tickets.getAllKeys()]);
    const kept = new Set<string>();
    const evicted: CachedRecord[] = [];
    let evicting = false;
    // Newest first (getAll is oldest first): keep records while their tickets fit; the most
    // recent one is always kept.
    for (let i = byUse.length - 1; i >= 0; i--) {
      const record = byUse[i]!;
      if (!evicting) {
        const added = record.ticketIds.filter((id) => !kept.has(ticketRef(record.portalId, id))).length;
        if (kept.size > 0 && kept.size + added > target) evicting = true;
        else for (const id of record.ticketIds) kept.add(ticketRef(record.portalId, id));
      }
      if (evicting) evicted.push(record);
    }
    const deletes: Promise<unknown>[] = evicted.map((r) => records.delete([r.portalId, r.recordKey]));
    for (const key of ticketKeys) {
      if (!kept.has(ticketRef(key[0], key[1]))) deletes.push(tickets.delete(key));
    }
    const evictedTickets = deletes.length - evicted.length;
    await Promise.all([...deletes, tx.done]);
    ticketBound.set(db, ticketKeys.length - evictedTickets);
    return { records: evicted.length, tickets: evictedTickets };
  } catch (error) {
    if (isQuotaError(error)) markCacheUnavailable(error);
    else console.warn('DeskLink cache eviction failed', error);
    return none;
  }
}

/** Runs eviction after a write of `written` tickets, one run at a time (a write during a run triggers one more). */
export function scheduleEviction(written: number): Promise<void> {
  writtenSince += written;
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    do {
      rerun = false;
      await evictIfOverCap();
    } while (rerun);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Resolves when no eviction is running (tests). */
export function evictionSettled(): Promise<void> {
  return running ?? Promise.resolve();
}
