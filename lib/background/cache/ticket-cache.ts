/**
 * Tickets per portal and, per CRM record, the ids of its tickets: read and write.
 *
 * Reads are one transaction: the record, then all its tickets by key in parallel, so a lookup
 * stays a couple of milliseconds however large the cache grows. Every operation degrades to
 * "no cache" (null / no-op) when the database is unavailable; a quota error switches it off.
 */
import type { TicketSummary } from '../../shared/protocol';
import { cacheDb, isQuotaError, markCacheUnavailable } from './db';
import { evictionSettled, noteCacheWrite, scheduleEviction } from './eviction';
import type { CachedRecord, CachedTicket } from './schema';

export interface CachedRecordTickets {
  tickets: TicketSummary[];
  fetchedAt: number;
  fingerprint: string | null;
  truncated: boolean;
}

export interface CacheStats {
  tickets: number;
  records: number;
}

/** The key of a record in the cache: `module:recordId`. */
export function recordKeyOf(record: { module: string; recordId: string }): string {
  return `${record.module}:${record.recordId}`;
}

/** All keys of one portal in a store keyed [portalId, …] (arrays sort after strings). */
function portalRange(portalId: string): IDBKeyRange {
  return IDBKeyRange.bound([portalId], [portalId, []]);
}

function withoutPortal({ portalId: _portalId, ...ticket }: CachedTicket): TicketSummary {
  return ticket;
}

function reportWriteFailure(error: unknown): void {
  if (isQuotaError(error)) markCacheUnavailable(error);
  else console.warn('DeskLink cache write failed', error);
}

/** The cached tickets of a record, or null (not cached, incomplete, or no cache). */
export async function readRecordTickets(portalId: string, recordKey: string, now = Date.now()): Promise<CachedRecordTickets | null> {
  const db = await cacheDb();
  if (!db) return null;
  let record: CachedRecord | undefined;
  let tickets: (CachedTicket | undefined)[];
  try {
    const tx = db.transaction(['records', 'tickets'], 'readonly');
    record = await tx.objectStore('records').get([portalId, recordKey]);
    if (!record) return null;
    const store = tx.objectStore('tickets');
    tickets = await Promise.all(record.ticketIds.map((id) => store.get([portalId, id])));
  } catch (error) {
    console.warn('DeskLink cache read failed', error);
    return null;
  }
  // A ticket gone missing (an interrupted eviction) makes the entry unusable: refetch.
  if (tickets.some((t) => t === undefined)) return null;
  // LRU to the minute: a write per read would make every panel queue behind bookkeeping.
  if (now - record.lastUsedAt >= TOUCH_GRANULARITY_MS) {
    const touching = touchRecord(portalId, recordKey, now);
    pendingTouches.add(touching);
    void touching.finally(() => pendingTouches.delete(touching));
  }
  return {
    tickets: (tickets as CachedTicket[]).map(withoutPortal),
    fetchedAt: record.fetchedAt,
    fingerprint: record.fingerprint,
    truncated: record.truncated,
  };
}

const TOUCH_GRANULARITY_MS = 60_000;
const pendingTouches = new Set<Promise<void>>();
/**
 * Bumped by every clear: a search that started before a clear (deactivate, change of portal)
 * must not write its result back afterwards.
 */
let generation = 0;

export function cacheGeneration(): number {
  return generation;
}

/** Resolves when background bookkeeping (LRU touches, eviction) has finished (tests, benchmarks). */
export async function cacheSettled(): Promise<void> {
  await Promise.all([...pendingTouches]);
  await evictionSettled();
}

/** Marks a record as just used (LRU), off the read path. */
async function touchRecord(portalId: string, recordKey: string, now: number): Promise<void> {
  const db = await cacheDb();
  if (!db) return;
  try {
    const tx = db.transaction('records', 'readwrite');
    const record = await tx.store.get([portalId, recordKey]);
    if (record && record.lastUsedAt < now) await tx.store.put({ ...record, lastUsedAt: now });
    await tx.done;
  } catch (error) {
    reportWriteFailure(error);
  }
}

/**
 * Stores a record's freshly fetched tickets (replacing what it had), then evicts if over the cap.
 * With `since` (a `cacheGeneration()` taken when the search started), nothing is written if the
 * cache was cleared meanwhile.
 */
export async function writeRecordTickets(
  portalId: string,
  recordKey: string,
  entry: CachedRecordTickets,
  now = Date.now(),
  since?: number,
): Promise<void> {
  const db = await cacheDb();
  if (!db || (since !== undefined && since !== generation)) return;
  const ticketIds = entry.tickets.map((t) => t.id);
  try {
    // Synchronously before the transaction opens: an eviction running meanwhile keeps all of this.
    noteCacheWrite(portalId, recordKey, ticketIds);
    const tx = db.transaction(['records', 'tickets'], 'readwrite');
    const tickets = tx.objectStore('tickets');
    const writes: Promise<unknown>[] = entry.tickets.map((t) => tickets.put({ ...t, portalId }));
    writes.push(
      tx.objectStore('records').put({
        portalId,
        recordKey,
        ticketIds,
        fetchedAt: entry.fetchedAt,
        fingerprint: entry.fingerprint,
        truncated: entry.truncated,
        lastUsedAt: now,
      }),
    );
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    reportWriteFailure(error);
    return;
  }
  scheduleEviction(entry.tickets.length);
}

/** Forgets one portal's records and tickets (change of portal). */
export async function clearPortal(portalId: string): Promise<void> {
  generation++;
  const db = await cacheDb();
  if (!db) return;
  const tx = db.transaction(['records', 'tickets'], 'readwrite');
  await Promise.all([
    tx.objectStore('records').delete(portalRange(portalId)),
    tx.objectStore('tickets').delete(portalRange(portalId)),
    tx.done,
  ]);
}

/** Forgets everything (deactivate, "Clear cache"). */
export async function clearAll(): Promise<void> {
  generation++;
  const db = await cacheDb();
  if (!db) return;
  const tx = db.transaction(['records', 'tickets'], 'readwrite');
  await Promise.all([tx.objectStore('records').clear(), tx.objectStore('tickets').clear(), tx.done]);
}

export async function cacheStats(): Promise<CacheStats> {
  const db = await cacheDb();
  if (!db) return { tickets: 0, records: 0 };
  try {
    const tx = db.transaction(['records', 'tickets'], 'readonly');
    const [tickets, records] = await Promise.all([tx.objectStore('tickets').count(), tx.objectStore('records').count()]);
    return { tickets, records };
  } catch {
    return { tickets: 0, records: 0 };
  }
}
