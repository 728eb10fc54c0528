/**
 * What Desk's contact and account searches found, per portal, in the extension's database
 * (store `deskLookups`, cleared with the tickets): another record searching the same emails or
 * name within the tickets' freshness takes it without asking Desk. Rows past that freshness are
 * dropped as new ones are written, so the store holds minutes of searches, not a history. When
 * the database cannot be used, every search goes to Desk; lookups with one key at the same time
 * share one search either way. A search still running when the cache is cleared (Clear cache,
 * Deactivate, another portal) answers its caller but writes nothing.
 */
import { isFresh } from './freshness';
import { createCacheConnection, isQuotaError } from './db';
import { DeskLinkError } from '../../shared/errors';
import type { SharedLookups } from '../desk/shared-lookups';

export interface DeskLookupCache {
  forPortal(portalId: string): SharedLookups;
}

/** How far back rows are certainly stale (the freshness window, with room for a clock set back). */
const KEEP_MS = 10 * 60_000;

const isAborted = (error: unknown) => error instanceof DeskLinkError && error.code === 'ABORTED';

/**
 * `clears` counts the cache's clears (the ticket cache's generation, bumped by each): a search
 * that started before a clear must not write back what the clear removed.
 */
export function createDeskLookupCache(now: () => number, clears: () => number): DeskLookupCache {
  const connection = createCacheConnection();
  const running = new Map<string, Promise<unknown>>();

  async function readFresh(portalId: string, key: string): Promise<unknown> {
    const db = await connection.open();
    if (!db) return undefined;
    try {
      const row = await db.get('deskLookups', [portalId, key]);
      return row && isFresh(row.fetchedAt, now()) ? row.value : undefined;
    } catch (error) {
      console.warn('DeskLink could not read a Desk lookup', error);
      return undefined;
    }
  }

  async function keep(portalId: string, key: string, value: unknown, fetchedAt: number, since: number): Promise<void> {
    const db = await connection.open();
    if (!db || clears() !== since) return;
    try {
      const tx = db.transaction('deskLookups', 'readwrite');
      const old = await tx.store.index('byFetchedAt').getAllKeys(IDBKeyRange.upperBound(fetchedAt - KEEP_MS));
      await Promise.all([...old.map((row) => tx.store.delete(row)), tx.store.put({ portalId, key, value, fetchedAt }), tx.done]);
    } catch (error) {
      if (isQuotaError(error)) connection.markUnavailable(error);
      else console.warn('DeskLink could not keep a Desk lookup', error);
    }
  }

  return {
    forPortal: (portalId) => ({
      share<T>(key: string, find: () => Promise<T>, check: (kept: unknown) => T | undefined): Promise<T> {
        const id = JSON.stringify([portalId, key]);
        const joined = running.get(id) as Promise<T> | undefined;
        // A search stopped by its own caller (a guess dropped) is not an answer for this one.
        if (joined)
          return joined.catch((error: unknown) => {
            if (isAborted(error)) return find();
            throw error;
          });
        const looking = (async () => {
          const since = clears();
          const kept = check(await readFresh(portalId, key));
          if (kept !== undefined) return kept;
          const found = await find();
          // Off the answer's path: the next record to ask comes later than this write.
          void keep(portalId, key, found, now(), since);
          return found;
        })().finally(() => running.delete(id));
        running.set(id, looking);
        return looking;
      },
    }),
  };
}
