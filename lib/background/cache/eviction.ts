/**
 * Least-recently-used eviction: above the cap (tickets), the least recently used records are
 * dropped until the rest fit in 90% of the cap (so eviction does not run on every write), then
 * every ticket no remaining record references is swept (this also clears tickets orphaned when
 * a record was refetched with a different list).
 *
 * Cost at the cap (bench: 100,000 tickets written over 2,500 records): counting the tickets
 * reads the whole store, so it is not done after every write: an upper bound (last count +
 * tickets written since) is kept per connection and the store is read only when the bound passes
 * the cap. The bound outlives the worker (`bound`, when given), so a woken worker's first write
 * does not count again. Panel reads must never wait for a whole run (it takes over a second at 100k): the
 * decision reads in pages in a read-only transaction, which reads run beside, and works in
 * slices; the deletes go in read-write batches of 100, so a read waits for one batch at most.
 * Each batch re-checks what changed since the decision: a record used or rewritten meanwhile
 * stays, and so do its tickets and every ticket a write meanwhile stored.
 *
 * Once per worker, the first run also forgets what nobody opened for long (expiry.ts) and, when
 * that removed records, sweeps their tickets even under the cap.
 */
import { isQuotaError, type CacheConnection, type CacheDb } from './db';
import { decideEviction, ticketRef, type EvictionDecision } from './eviction-decision';
import type { EvictionBoundStore } from './eviction-bound';
import { DEFAULT_MAX_UNUSED_MS, expireUnused } from './expiry';
import type { CachedRecord } from './schema';

export const DEFAULT_TICKET_CAP = 50_000;
/** Records or tickets deleted per read-write transaction (the longest a read can wait: ~20 ms at 100k). */
export const DEFAULT_BATCH_SIZE = 100;
const KEEP_RATIO = 0.9;

interface EvictionBatch {
  store: 'records' | 'tickets';
  /** 1-based, per run. */
  index: number;
}

export interface EvictionOptions {
  /** The cap in tickets. */
  cap: number;
  /** Records or tickets deleted per read-write transaction. */
  batchSize: number;
  /** Awaited after each delete batch (lets a caller act between two batches). */
  onBatch?: (batch: EvictionBatch) => void | Promise<void>;
  /** Where the bound on stored tickets outlives this worker; without it, each worker counts once. */
  bound?: EvictionBoundStore;
  /** A record not used for this long is forgotten (90 days by default). */
  maxUnusedMs?: number;
}

interface Eviction {
  /**
   * Called by a write just before it opens its transaction: a run that decided without this
   * write must not delete the record or any of its tickets.
   */
  noteWrite(portalId: string, recordKey: string, ticketIds: readonly string[]): void;
  /**
   * Runs eviction after a write of `written` tickets, one run at a time (a write during a run
   * triggers one more). A write that says when it happened (`now`) also lets the worker's first
   * run forget what nobody used for long.
   */
  schedule(written: number, now?: number): Promise<void>;
  /** Resolves when no eviction is running. */
  settled(): Promise<void>;
}

interface EvictionResult {
  records: number;
  tickets: number;
  /** Records left in place because they were used or rewritten after the decision. */
  skipped: number;
}

const NONE: EvictionResult = { records: 0, tickets: 0, skipped: 0 };
const recordRef = (portalId: string, recordKey: string) => `${portalId}\u0001${recordKey}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Unchanged since the decision: not used (LRU touch), not refetched, not rewritten. */
function unchanged(now: CachedRecord, then: CachedRecord): boolean {
  return now.lastUsedAt === then.lastUsedAt && now.fetchedAt === then.fetchedAt && sameList(now.ticketIds, then.ticketIds);
}

export function createEviction(
  connection: CacheConnection,
  { cap, batchSize, onBatch, bound: boundStore, maxUnusedMs = DEFAULT_MAX_UNUSED_MS }: EvictionOptions,
): Eviction {
  const ticketCap = Math.max(1, Math.floor(cap));
  const perBatch = Math.max(1, Math.floor(batchSize));
  let running: Promise<void> | null = null;
  let rerun = false;
  /** Tickets written since the last eviction check (each may add at most one stored ticket). */
  let writtenSince = 0;
  /** Per connection: at most this many tickets are stored (unknown until counted once). */
  const ticketBound = new WeakMap<CacheDb, number>();
  /** While a run decides and deletes: refs of the records and tickets written since it began. */
  let writtenDuringRun: Set<string> | null = null;
  /** Whether this worker has forgotten what nobody used for long (once is enough: it sleeps often). */
  let expired = false;

  /** Deletes the decided records, then the unreferenced tickets, a small transaction at a time. */
  async function deleteInBatches(db: CacheDb, { evicted, tickets }: EvictionDecision, written: Set<string>): Promise<EvictionResult> {
    const result: EvictionResult = { records: 0, tickets: 0, skipped: 0 };
    /** Tickets of records that stayed: no longer free to sweep. */
    const stillUsed = new Set<string>();
    let index = 0;
    for (let start = 0; start < evicted.length; start += perBatch) {
      const batch = evicted.slice(start, start + perBatch);
      const tx = db.transaction('records', 'readwrite', { durability: 'relaxed' });
      await Promise.all(
        batch.map(async (then) => {
          const now = await tx.store.get([then.portalId, then.recordKey]);
          if (!now) return; // cleared meanwhile
          if (written.has(recordRef(then.portalId, then.recordKey)) || !unchanged(now, then)) {
            result.skipped++;
            for (const id of now.ticketIds) stillUsed.add(ticketRef(now.portalId, id));
            return;
          }
          await tx.store.delete([then.portalId, then.recordKey]);
          result.records++;
        }),
      );
      await tx.done;
      await onBatch?.({ store: 'records', index: ++index });
    }
    for (let start = 0; start < tickets.length; start += perBatch) {
      // Filtered right before the transaction opens: a write that opened its transaction earlier
      // is in `written` already; one that opens later runs after this batch and stores its tickets again.
      const batch = tickets.slice(start, start + perBatch).filter((key) => {
        const ref = ticketRef(key[0], key[1]);
        return !written.has(ref) && !stillUsed.has(ref);
      });
      if (batch.length === 0) continue;
      const tx = db.transaction('tickets', 'readwrite', { durability: 'relaxed' });
      await Promise.all([...batch.map((key) => tx.store.delete(key)), tx.done]);
      result.tickets += batch.length;
      await onBatch?.({ store: 'tickets', index: ++index });
    }
    return result;
  }

  function setBound(db: CacheDb, bound: number): void {
    ticketBound.set(db, bound);
    if (Number.isFinite(bound)) void boundStore?.save(bound);
  }

  /** Forgets the records not used since long before `now`; true when there were some. */
  async function expireOnce(now: number | undefined): Promise<boolean> {
    if (expired || now === undefined) return false;
    expired = true;
    const db = await connection.open();
    if (!db) return false;
    try {
      return (await expireUnused(db, now - maxUnusedMs, perBatch)) > 0;
    } catch (error) {
      if (isQuotaError(error)) connection.markUnavailable(error);
      // A write meanwhile switched the cache off (and closed it): nothing to say about that here.
      else if (connection.availability().available) console.warn('DeskLink cache expiry failed', error);
      return false;
    }
  }

  /**
   * Evicts now if the cache holds more tickets than the cap. With `sweep`, the tickets no record
   * references go even under the cap (records were just forgotten).
   */
  async function evictIfOverCap(sweep: boolean): Promise<EvictionResult> {
    const db = await connection.open();
    if (!db) return NONE;
    const known = ticketBound.get(db) ?? (await boundStore?.load()) ?? Number.POSITIVE_INFINITY;
    const written = writtenSince;
    writtenSince = 0;
    const bound = known + written;
    setBound(db, bound); // until a run knows better (a failed run keeps the writes counted)
    if (bound <= ticketCap && !sweep) return NONE;
    const target = Math.floor(ticketCap * KEEP_RATIO);
    // Watching starts before the decision's transaction opens: a write opened before it is in the
    // decision's snapshot, one opened after it is noted.
    const watched = new Set<string>();
    writtenDuringRun = watched;
    try {
      const decision = await decideEviction(db, ticketCap, target, sweep);
      const result = await deleteInBatches(db, decision, watched);
      // Writes during the run are counted in `writtenSince` (schedule) on top of this.
      setBound(db, decision.stored - result.tickets);
      return result;
    } catch (error) {
      if (isQuotaError(error)) connection.markUnavailable(error);
      else console.warn('DeskLink cache eviction failed', error);
      return NONE;
    } finally {
      if (writtenDuringRun === watched) writtenDuringRun = null;
    }
  }

  return {
    noteWrite(portalId, recordKey, ticketIds) {
      if (!writtenDuringRun) return;
      writtenDuringRun.add(recordRef(portalId, recordKey));
      for (const id of ticketIds) writtenDuringRun.add(ticketRef(portalId, id));
    },
    schedule(written, now) {
      writtenSince += written;
      if (running) {
        rerun = true;
        return running;
      }
      running = (async () => {
        let sweep = await expireOnce(now);
        do {
          rerun = false;
          // A record that stayed because it was used meanwhile may leave the cache over the cap:
          // check again (the next decision sees it as recently used).
          if ((await evictIfOverCap(sweep)).skipped > 0) rerun = true;
          sweep = false;
        } while (rerun);
      })().finally(() => {
        running = null;
      });
      return running;
    },
    settled: () => running ?? Promise.resolve(),
  };
}
