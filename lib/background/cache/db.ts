/**
 * The one connection to the cache database, opened lazily into a cached promise.
 *
 * If IndexedDB cannot be opened (private modes, broken profiles, Firefox's InvalidStateError)
 * or a write hits the quota, the cache switches itself off and DeskLink works network-only;
 * `cacheAvailability()` says so for the options page's diagnostics.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME, CACHE_DB_VERSION, upgradeCache, type CacheSchema } from './schema';

export type CacheDb = IDBPDatabase<CacheSchema>;
export interface CacheAvailability {
  available: boolean;
  reason?: string;
}

const OPEN_TIMEOUT_MS = 10_000;

let dbPromise: Promise<CacheDb | null> | null = null;
/** The IDBFactory the promise belongs to: tests swap in a fresh factory per case. */
let dbFactory: IDBFactory | null = null;
let unavailableReason: string | null = null;

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Switches the cache off for this worker's life (it is retried after a restart). */
export function markCacheUnavailable(error: unknown): void {
  unavailableReason = describe(error);
  const closing = dbPromise;
  dbPromise = null;
  void closing?.then((db) => db?.close());
}

export function isQuotaError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

/** The open database, or null when the cache is unavailable (callers then go network-only). */
export function cacheDb(): Promise<CacheDb | null> {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null;
  if (dbFactory !== factory) {
    dbFactory = factory;
    dbPromise = null;
    unavailableReason = null;
  }
  if (unavailableReason !== null) return Promise.resolve(null);
  if (!factory) {
    unavailableReason = 'IndexedDB is not available';
    return Promise.resolve(null);
  }
  if (!dbPromise) {
    // Async wrapper: some browsers throw from indexedDB.open() itself instead of failing the request.
    const opened = (async () =>
      openDB<CacheSchema>(CACHE_DB_NAME, CACHE_DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, tx) => upgradeCache(db, oldVersion, tx),
        // A newer version (another extension page after an update) wants to upgrade: let it.
        blocking() {
          if (dbPromise === opening) dbPromise = null;
          void opening.then((db) => db?.close());
        },
        // The browser closed the connection abnormally: reopen on next use.
        terminated() {
          if (dbPromise === opening) dbPromise = null;
        },
      }))();
    // An open blocked forever by a stale connection must not hang every panel: give up on the cache.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DOMException('opening the cache timed out', 'TimeoutError')), OPEN_TIMEOUT_MS);
    });
    const opening: Promise<CacheDb | null> = Promise.race([opened, timeout])
      .catch((error: unknown) => {
        void opened.then(
          (db) => db.close(),
          () => undefined,
        );
        markCacheUnavailable(error);
        return null;
      })
      .finally(() => clearTimeout(timer));
    dbPromise = opening;
  }
  return dbPromise;
}

export function cacheAvailability(): CacheAvailability {
  return unavailableReason === null ? { available: true } : { available: false, reason: unavailableReason };
}

/** Forgets the connection and any unavailability (tests; a new worker starts this way). */
export function resetCacheConnection(): void {
  const closing = dbPromise;
  dbPromise = null;
  dbFactory = null;
  unavailableReason = null;
  void closing?.then((db) => db?.close());
}
