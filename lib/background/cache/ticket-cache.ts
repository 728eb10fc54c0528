/**
 * Tickets per portal and, per CRM record, the ids of its tickets: read and write. Clearing also
 * forgets what Desk's contact and account searches found (desk-lookups.ts).
 *
 * Reads are one transaction: the record, then all its tickets by key in parallel, so a lookup
 * stays a couple of milliseconds however large the cache grows. Every operation degrades to
 * "no cache" (null / no-op) when the database is unavailable; a quota error switches it off.
 */
import type { TicketPreview, TicketSummary } from '../../shared/protocol';
import { createCacheConnection, isQuotaError, type CacheConnection } from './db';
import { createEviction, DEFAULT_BATCH_SIZE, DEFAULT_TICKET_CAP, type EvictionOptions } from './eviction';
import { createListingMemo } from './listing-memo';
import type { CachedRecord, CachedTicket } from './schema';

/** A ticket as a record's preview sees it in the cache. */
interface ListedPreview {
  listed: boolean;
  preview: TicketPreview | null;
}

export interface CachedRecordTickets {
  tickets: TicketSummary[];
  fetchedAt: number;
  fingerprint: string | null;
  truncated: boolean;
  /** The record's contact or account page in Desk (absent in entries written before it was kept). */
  deskUrl?: string | null;
}

interface CacheStats {
  tickets: number;
  records: number;
}

interface TicketCacheOptions {
  /** Most tickets kept (least recently used records go first); 50,000 by default. */
  cap?: number;
  /** Records or tickets deleted per read-write transaction of an eviction run; 100 by default. */
  evictionBatchSize?: number;
  /** Awaited after each delete batch of an eviction run. */
  onEvictionBatch?: EvictionOptions['onBatch'];
  /** Keeps the count of stored tickets past this worker (no recount after a wake). */
  evictionBound?: EvictionOptions['bound'];
}

export interface TicketCache {
  /** The cap in tickets. */
  readonly cap: number;
  /** The cached tickets of a record, or null (not cached, incomplete, or no cache); marks it used at `now`. */
  read(portalId: string, recordKey: string, now: number): Promise<CachedRecordTickets | null>;
  /**
   * Stores a record's freshly fetched tickets (replacing what it had), then evicts if over the
   * cap. With `since` (a `generation()` taken when the search started), nothing is written if
   * the cache was cleared meanwhile.
   */
  write(portalId: string, recordKey: string, entry: CachedRecordTickets, now: number, since?: number): Promise<void>;
  /**
   * Puts a ticket first in a record's cached list (a ticket just created for it), in one
   * read-write transaction; nothing happens when the record is not cached. The transaction is
   * opened before this returns control to the event loop, so a read asked after the call (another
   * message) sees the ticket without awaiting the write.
   */
  addTicket(portalId: string, recordKey: string, ticket: TicketSummary): Promise<void>;
  /**
   * Whether a record's cached list holds a ticket, and the preview kept with that ticket (null:
   * none). No read at all when this worker has just read or written the record's list and
   * nothing is kept with the ticket, else one small read (the record's ids and the ticket); no LRU
   * touch: what a preview needs before anything else. Not listed when the record is not cached or
   * there is no cache.
   */
  readPreview(portalId: string, recordKey: string, ticketId: string): Promise<ListedPreview>;
  /** Keeps a preview with its ticket; nothing happens when the ticket is not cached (any more). */
  writePreview(portalId: string, preview: TicketPreview): Promise<void>;
  /** Bumped by every clear: a search that started before a clear must not write its result back afterwards. */
  generation(): number;
  /** Forgets one portal's records and tickets (change of portal). */
  clearPortal(portalId: string): Promise<void>;
  /** Forgets everything (deactivate, "Clear cache"). */
  clearAll(): Promise<void>;
  stats(): Promise<CacheStats>;
  availability(): ReturnType<CacheConnection['availability']>;
  /** Resolves when background bookkeeping (LRU touches, eviction) has finished. */
  settled(): Promise<void>;
}

/** The key of a record in the cache: `module:recordId`. */
export function recordKeyOf(record: { module: string; recordId: string }): string {
  return `${record.module}:${record.recordId}`;
}

/** All keys of one portal in a store keyed [portalId, …] (arrays sort after strings). */
function portalRange(portalId: string): IDBKeyRange {
  return IDBKeyRange.bound([portalId], [portalId, []]);
}

function summaryOf({ portalId: _portalId, preview: _preview, ...ticket }: CachedTicket): TicketSummary {
  return ticket;
}

/** LRU to the minute: a write per read would make every panel queue behind bookkeeping. */
const TOUCH_GRANULARITY_MS = 60_000;

export function createTicketCache(options: TicketCacheOptions = {}): TicketCache {
  const cap = options.cap ?? DEFAULT_TICKET_CAP;
  const connection = createCacheConnection();
  const eviction = createEviction(connection, {
    cap,
    batchSize: options.evictionBatchSize ?? DEFAULT_BATCH_SIZE,
    onBatch: options.onEvictionBatch,
    ...(options.evictionBound ? { bound: options.evictionBound } : {}),
  });
  const pendingTouches = new Set<Promise<void>>();
  const memo = createListingMemo();
  let generation = 0;

  function reportWriteFailure(error: unknown): void {
    if (isQuotaError(error)) connection.markUnavailable(error);
    else console.warn('DeskLink cache write failed', error);
  }

  /** Marks a record as just used (LRU), off the read path. */
  async function touchRecord(portalId: string, recordKey: string, now: number): Promise<void> {
    const db = await connection.open();
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

  return {
    cap,

    async read(portalId, recordKey, now) {
      const since = generation;
      const db = await connection.open();
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
      const complete = tickets as CachedTicket[];
      // A list read before a clear that overtook it is not remembered.
      if (since === generation)
        memo.noteList(portalId, recordKey, record.ticketIds, new Set(complete.flatMap((t) => (t.preview ? [t.id] : []))));
      if (now - record.lastUsedAt >= TOUCH_GRANULARITY_MS) {
        const touching = touchRecord(portalId, recordKey, now);
        pendingTouches.add(touching);
        void touching.finally(() => pendingTouches.delete(touching));
      }
      return {
        tickets: complete.map(summaryOf),
        fetchedAt: record.fetchedAt,
        fingerprint: record.fingerprint,
        truncated: record.truncated,
        ...(record.deskUrl ? { deskUrl: record.deskUrl } : {}),
      };
    },

    async write(portalId, recordKey, entry, now, since = generation) {
      const db = await connection.open();
      if (!db || since !== generation) return;
      const ticketIds = entry.tickets.map((t) => t.id);
      try {
        // Synchronously before the transaction opens: an eviction running meanwhile keeps all of this.
        eviction.noteWrite(portalId, recordKey, ticketIds);
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
            ...(entry.deskUrl ? { deskUrl: entry.deskUrl } : {}),
            lastUsedAt: now,
          }),
        );
        await Promise.all([...writes, tx.done]);
      } catch (error) {
        reportWriteFailure(error);
        return;
      }
      // Written without their previews: a new fetch of a ticket drops its preview.
      if (since === generation) memo.noteList(portalId, recordKey, ticketIds, new Set());
      // Off the write path: eviction runs in the background; settled() waits for it.
      void eviction.schedule(entry.tickets.length, now);
    },

    async addTicket(portalId, recordKey, ticket) {
      const since = generation;
      const db = await connection.open();
      if (!db) return;
      try {
        eviction.noteWrite(portalId, recordKey, [ticket.id]);
        const tx = db.transaction(['records', 'tickets'], 'readwrite');
        const records = tx.objectStore('records');
        const record = await records.get([portalId, recordKey]);
        if (record) {
          const ticketIds = [ticket.id, ...record.ticketIds.filter((id) => id !== ticket.id)];
          await Promise.all([tx.objectStore('tickets').put({ ...ticket, portalId }), records.put({ ...record, ticketIds })]);
        }
        await tx.done;
        if (record && since === generation) memo.noteAdded(portalId, recordKey, ticket.id);
      } catch (error) {
        reportWriteFailure(error);
        return;
      }
      void eviction.schedule(1);
    },

    async readPreview(portalId, recordKey, ticketId) {
      if (memo.listedWithoutPreview(portalId, recordKey, ticketId)) return { listed: true, preview: null };
      const db = await connection.open();
      if (!db) return { listed: false, preview: null };
      try {
        const tx = db.transaction(['records', 'tickets'], 'readonly');
        const [record, ticket] = await Promise.all([
          tx.objectStore('records').get([portalId, recordKey]),
          tx.objectStore('tickets').get([portalId, ticketId]),
        ]);
        const preview = ticket?.preview;
        return {
          listed: record?.ticketIds.includes(ticketId) === true,
          preview: preview ? { ticketId, thread: preview.thread, fetchedAt: preview.fetchedAt } : null,
        };
      } catch (error) {
        console.warn('DeskLink cache read failed', error);
        return { listed: false, preview: null };
      }
    },

    async writePreview(portalId, { ticketId, thread, fetchedAt }) {
      const db = await connection.open();
      if (!db) return;
      try {
        const tx = db.transaction('tickets', 'readwrite');
        const ticket = await tx.store.get([portalId, ticketId]);
        if (ticket) await tx.store.put({ ...ticket, preview: { thread, fetchedAt } });
        await tx.done;
        if (ticket) memo.notePreview(portalId, ticketId);
      } catch (error) {
        reportWriteFailure(error);
      }
    },

    generation: () => generation,

    async clearPortal(portalId) {
      generation++;
      memo.clear();
      const db = await connection.open();
      if (!db) return;
      const tx = db.transaction(['records', 'tickets', 'deskLookups'], 'readwrite');
      await Promise.all([
        tx.objectStore('records').delete(portalRange(portalId)),
        tx.objectStore('tickets').delete(portalRange(portalId)),
        tx.objectStore('deskLookups').delete(portalRange(portalId)),
        tx.done,
      ]);
    },

    async clearAll() {
      generation++;
      memo.clear();
      const db = await connection.open();
      if (!db) return;
      // Who records are, as CRM's API and Desk's searches said, goes with their tickets.
      const tx = db.transaction(['records', 'tickets', 'crmRecords', 'deskLookups'], 'readwrite');
      await Promise.all([
        tx.objectStore('records').clear(),
        tx.objectStore('tickets').clear(),
        tx.objectStore('crmRecords').clear(),
        tx.objectStore('deskLookups').clear(),
        tx.done,
      ]);
    },

    async stats() {
      const db = await connection.open();
      if (!db) return { tickets: 0, records: 0 };
      try {
        const tx = db.transaction(['records', 'tickets'], 'readonly');
        const [tickets, records] = await Promise.all([tx.objectStore('tickets').count(), tx.objectStore('records').count()]);
        return { tickets, records };
      } catch {
        return { tickets: 0, records: 0 };
      }
    },

    availability: () => connection.availability(),

    async settled() {
      await Promise.all([...pendingTouches]);
      await eviction.settled();
    },
  };
}
