/**
 * The connection to the cache database, opened lazily on first use and kept for the worker's
 * life.
 *
 * If IndexedDB cannot be opened (private modes, broken profiles, Firefox's InvalidStateError)
 * or a write hits the quota, the cache switches itself off and DeskLink works network-only;
 * `availability()` says so for the options page's diagnostics.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME, CACHE_DB_VERSION, upgradeCache, type CacheSchema } from './schema';

export type CacheDb = IDBPDatabase<CacheSchema>;
interface CacheAvailability {
  available: boolean;
  reason?: string;
}

export interface CacheConnection {
  /** The open database, or null when the cache is unavailable (callers then go network-only). */
  open(): Promise<CacheDb | null>;
  /** Switches the cache off for this worker's life (a new worker tries again). */
  markUnavailable(error: unknown): void;
  availability(): CacheAvailability;
}

const OPEN_TIMEOUT_MS = 10_000;

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

export function isQuotaError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

export function createCacheConnection(): CacheConnection {
  let dbPromise: Promise<CacheDb | null> | null = null;
  let unavailableReason: string | null = null;

  function markUnavailable(error: unknown): void {
    unavailableReason = describe(error);
    const closing = dbPromise;
    dbPromise = null;
    void closing?.then((db) => db?.close());
  }

  function connect(): Promise<CacheDb | null> {
    // Async wrapper: some browsers throw from indexedDB.open() itself instead of failing the request.
    const opened = (async () =>
      openDB<CacheSchema>(CACHE_DB_NAME, CACHE_DB_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          // The upgrade runs inside the versionchange transaction; the open waits for it.
          void upgradeCache(db, oldVersion, tx);
        },
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
        markUnavailable(error);
        return null;
      })
      .finally(() => clearTimeout(timer));
    return opening;
  }

  return {
    open() {
      if (unavailableReason !== null) return Promise.resolve(null);
      if (!(globalThis as { indexedDB?: IDBFactory }).indexedDB) {
        unavailableReason = 'IndexedDB is not available';
        return Promise.resolve(null);
      }
      dbPromise ??= connect();
      return dbPromise;
    },
    markUnavailable,
    availability: () => (unavailableReason === null ? { available: true } : { available: false, reason: unavailableReason }),
  };
}
