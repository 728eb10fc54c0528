/**
 * Forgetting what nobody opened for a long time. The ticket cap bounds the tickets, but a record
 * with no tickets weighs nothing against it, and who a record is as CRM said (`crmRecords`) is
 * kept beside it: without an age limit both would grow for as long as the rep opens new records.
 * A record not opened for 90 days goes, and so does what CRM said about a record longer ago than
 * that (it is read again on every view after five minutes, so only records nobody opens are
 * that old). Their tickets go with the sweep that follows (eviction.ts).
 *
 * Both stores are walked through an index on the time, in read-write batches: the usual run finds
 * an empty range, and a panel read waits for one batch at most.
 */
import type { CacheDb } from './db';

export const DEFAULT_MAX_UNUSED_MS = 90 * 24 * 60 * 60_000;

/** Deletes every record last used, and every CRM answer fetched, before `cutoff`; returns the records deleted. */
export async function expireUnused(db: CacheDb, cutoff: number, batchSize: number): Promise<number> {
  const older = IDBKeyRange.upperBound(cutoff, true);
  let records = 0;
  let found: number;
  do {
    const tx = db.transaction('records', 'readwrite', { durability: 'relaxed' });
    // Found and deleted in one transaction: a record used meanwhile is newer here, or written after.
    const keys = await tx.store.index('byLastUsed').getAllKeys(older, batchSize);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    records += found = keys.length;
  } while (found === batchSize);
  do {
    const tx = db.transaction('crmRecords', 'readwrite', { durability: 'relaxed' });
    const keys = await tx.store.index('byFetchedAt').getAllKeys(older, batchSize);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    found = keys.length;
  } while (found === batchSize);
  return records;
}
