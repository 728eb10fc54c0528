/**
 * What one eviction run deletes (the LRU and sweep rules), decided without blocking panel reads:
 * newest records first are kept while their distinct tickets fit in `target` (the most recent
 * one always), every older record goes, and so does every ticket no kept record references.
 */
import type { CacheDb } from './db';
import type { CachedRecord } from './schema';

export const ticketRef = (portalId: string, ticketId: string) => `${portalId}\u0000${ticketId}`;

export interface EvictionDecision {
  /** Records to delete, newest first, as they were when decided. */
  evicted: CachedRecord[];
  /** Keys of the tickets no kept record references. */
  tickets: [string, string][];
  /** Tickets stored when decided. */
  stored: number;
}

/**
 * Rows per read request of the decision, and steps of its work between two yields to the
 * worker's other tasks: at 100k, whole-store reads and one pass over them held panel reads for
 * 0.2–0.5 s (bench probe); in these pieces a read waits tens of milliseconds at most.
 */
const RECORDS_PER_READ = 100;
const KEYS_PER_READ = 2_000;
const STEPS_PER_SLICE = 500;

const yieldToWorker = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Which records and tickets go. Read in pages within one read-only transaction (a consistent
 * view that panel reads run beside), then worked out in slices. The ticket keys come first and
 * double as the count (count() alone read the whole store in one piece): at or under the cap,
 * no record goes, and without `sweep` nothing goes and the records are not read; with it, the
 * tickets no record references still go.
 */
export async function decideEviction(db: CacheDb, cap: number, target: number, sweep = false): Promise<EvictionDecision> {
  const tx = db.transaction(['records', 'tickets'], 'readonly');
  const recordStore = tx.objectStore('records');
  const ticketStore = tx.objectStore('tickets');
  const ticketKeys: [string, string][] = [];
  for (let page = await ticketStore.getAllKeys(null, KEYS_PER_READ); ;) {
    ticketKeys.push(...page);
    if (page.length < KEYS_PER_READ) break;
    page = await ticketStore.getAllKeys(IDBKeyRange.lowerBound(page[page.length - 1]!, true), KEYS_PER_READ);
  }
  const overCap = ticketKeys.length > cap;
  if (!overCap && !sweep) return { evicted: [], tickets: [], stored: ticketKeys.length };
  const records: CachedRecord[] = [];
  for (let page = await recordStore.getAll(null, RECORDS_PER_READ); ;) {
    records.push(...page);
    if (page.length < RECORDS_PER_READ) break;
    const last = page[page.length - 1]!;
    page = await recordStore.getAll(IDBKeyRange.lowerBound([last.portalId, last.recordKey], true), RECORDS_PER_READ);
  }
  // The byLastUsed index's order: by use, then by key (pages come in key order; sort is stable).
  // Like the index, it leaves out a record whose lastUsedAt is not a number.
  const byUse = records
    .filter((r) => typeof r.lastUsedAt === 'number' && !Number.isNaN(r.lastUsedAt))
    .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
  const kept = new Set<string>();
  const evicted: CachedRecord[] = [];
  let evicting = false;
  // Newest first: keep records while their tickets fit; the most recent one is always kept.
  for (let i = byUse.length - 1; i >= 0; i--) {
    if (i % STEPS_PER_SLICE === 0) await yieldToWorker();
    const record = byUse[i]!;
    if (!evicting) {
      const added = record.ticketIds.filter((id) => !kept.has(ticketRef(record.portalId, id))).length;
      if (overCap && kept.size > 0 && kept.size + added > target) evicting = true;
      else for (const id of record.ticketIds) kept.add(ticketRef(record.portalId, id));
    }
    if (evicting) evicted.push(record);
  }
  const tickets: [string, string][] = [];
  for (let i = 0; i < ticketKeys.length; i++) {
    if (i % (STEPS_PER_SLICE * 10) === 0) await yieldToWorker();
    const key = ticketKeys[i]!;
    if (!kept.has(ticketRef(key[0], key[1]))) tickets.push(key);
  }
  return { evicted, tickets, stored: ticketKeys.length };
}
