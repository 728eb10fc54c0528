/**
 * The ticket cache's IndexedDB schema (`desklink-cache`) and its migrations.
 *
 * History:
 * - v1: `tickets` keyed [portalId, id]; `records` keyed [portalId, recordKey] holding
 *   `{ticketIds, fetchedAt}`.
 * - v2: records also hold `fingerprint` (of the identity used to find them: a changed email
 *   refetches), `truncated` and `lastUsedAt`, with an index on `lastUsedAt` for LRU eviction.
 *   Records migrated from v1 get `fingerprint: null` (unknown: served, but treated as stale).
 * - v3: `crmRecords` keyed [crmOrg, recordKey]: who a record is as CRM's API said (its emails,
 *   name, account, a deal's lookups), with when it was read. Nothing to migrate.
 * - v4: `deskLookups` keyed [portalId, key]: the Desk contacts or account a search found, shared
 *   by records that search the same (lib/background/desk/shared-lookups.ts), with an index on
 *   `fetchedAt` to drop the old ones. Nothing to migrate.
 * - v5: `crmRecords` gain an index on `fetchedAt`, so what nobody opened for long can go
 *   (expiry.ts). Nothing to migrate.
 * - Tickets may carry the `preview` of their latest thread (an optional field: no migration). A
 *   ticket written again from a new fetch drops it, so a preview is never older than its ticket.
 *
 * Each step runs `if (oldVersion < N)`, so any old database walks up to the current version.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ThreadPreview, TicketSummary } from '../../shared/protocol';

export const CACHE_DB_NAME = 'desklink-cache';
export const CACHE_DB_VERSION = 5;

/** A ticket as cached: the panel's summary plus the portal it belongs to. */
export interface CachedTicket extends TicketSummary {
  portalId: string;
  /** Its latest thread as the preview showed it (null: none), and when that was fetched. */
  preview?: { thread: ThreadPreview | null; fetchedAt: number };
}

/** A CRM record → its tickets, as last fetched. `recordKey` is `module:recordId`. */
export interface CachedRecord {
  portalId: string;
  recordKey: string;
  /** Display order (newest first). */
  ticketIds: string[];
  fetchedAt: number;
  /** Fingerprint of the identity the tickets were found with; null when unknown (migrated). */
  fingerprint: string | null;
  truncated: boolean;
  lastUsedAt: number;
  /** The record's contact or account page in Desk; optional, so rows of every version fit. */
  deskUrl?: string;
}

/** A record's identity as CRM's API answered it. `crmOrg` is `<dataCentre>/<orgSegment>`. */
interface CachedCrmRecord {
  crmOrg: string;
  recordKey: string;
  /** What CRM's API said (lib/background/crm/record-parties.ts); null: CRM has no such record. */
  parties: unknown;
  fetchedAt: number;
}

/** What one Desk search found, under what it searched (`contacts:email:…`, `account:…`). */
export interface CachedDeskLookup {
  portalId: string;
  key: string;
  /** Checked on reading (lib/background/desk/shared-lookups.ts). */
  value: unknown;
  fetchedAt: number;
}

export interface CacheSchema extends DBSchema {
  tickets: { key: [string, string]; value: CachedTicket };
  records: { key: [string, string]; value: CachedRecord; indexes: { byLastUsed: number } };
  crmRecords: { key: [string, string]; value: CachedCrmRecord; indexes: { byFetchedAt: number } };
  deskLookups: { key: [string, string]; value: CachedDeskLookup; indexes: { byFetchedAt: number } };
}

type UpgradeTx = IDBPTransaction<CacheSchema, StoreNames<CacheSchema>[], 'versionchange'>;

export async function upgradeCache(db: IDBPDatabase<CacheSchema>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    db.createObjectStore('tickets', { keyPath: ['portalId', 'id'] });
    db.createObjectStore('records', { keyPath: ['portalId', 'recordKey'] });
  }
  // v3's to v5's stores and indexes have nothing to migrate; made before v2's walk, so no await precedes them.
  if (oldVersion < 3) db.createObjectStore('crmRecords', { keyPath: ['crmOrg', 'recordKey'] });
  if (oldVersion < 4) db.createObjectStore('deskLookups', { keyPath: ['portalId', 'key'] }).createIndex('byFetchedAt', 'fetchedAt');
  if (oldVersion < 5) tx.objectStore('crmRecords').createIndex('byFetchedAt', 'fetchedAt');
  if (oldVersion < 2) {
    const records = tx.objectStore('records');
    records.createIndex('byLastUsed', 'lastUsedAt');
    // v1 rows lack the v2 fields: fill them so every row has the current shape.
    let cursor = await records.openCursor();
    while (cursor) {
      const old = cursor.value as Partial<CachedRecord> & Pick<CachedRecord, 'portalId' | 'recordKey'>;
      const fetchedAt = typeof old.fetchedAt === 'number' ? old.fetchedAt : 0;
      await cursor.update({
        portalId: old.portalId,
        recordKey: old.recordKey,
        ticketIds: Array.isArray(old.ticketIds) ? old.ticketIds.map(String) : [],
        fetchedAt,
        fingerprint: old.fingerprint ?? null,
        truncated: old.truncated ?? false,
        lastUsedAt: old.lastUsedAt ?? fetchedAt,
      });
      cursor = await cursor.continue();
    }
  }
}
