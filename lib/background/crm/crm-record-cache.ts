/**
 * Who each record is, as CRM's API last said, in the extension's IndexedDB next to the record's
 * tickets (store `crmRecords`, cleared with them). Read with the tickets' freshness rule: younger
 * than five minutes is used as is, older is read again. When the database cannot be used the
 * cache holds nothing and every lookup asks CRM.
 */
import { createCacheConnection, isQuotaError } from '../cache/db';
import { isFresh } from '../cache/freshness';
import type { RecordParties } from './record-parties';

/** Which CRM org and record: `<dataCentre>/<orgSegment>` and `<module>:<id>`. */
export interface CrmRecordKey {
  crmOrg: string;
  recordKey: string;
}

interface CachedParties {
  /** null: CRM has no such record. */
  parties: RecordParties | null;
  fetchedAt: number;
  fresh: boolean;
}

export interface CrmRecordCache {
  read(key: CrmRecordKey, now: number): Promise<CachedParties | null>;
  write(key: CrmRecordKey, parties: RecordParties | null, fetchedAt: number): Promise<void>;
  /** Forgets a record (CRM refused it: what it said before is not confirmed any more). */
  forget(key: CrmRecordKey): Promise<void>;
}

const KINDS = new Set(['person', 'account', 'deal']);

/** A row written by this or a later version: anything else is not trusted. */
function partiesOf(value: unknown): RecordParties | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || !KINDS.has(String((value as { kind?: unknown }).kind))) return undefined;
  const parties = value as RecordParties;
  if (parties.kind === 'person' && !(Array.isArray(parties.emails) && parties.emails.every((e) => typeof e === 'string'))) return undefined;
  return parties;
}

export function createCrmRecordCache(): CrmRecordCache {
  const connection = createCacheConnection();

  async function run(work: (db: NonNullable<Awaited<ReturnType<typeof connection.open>>>) => Promise<void>): Promise<void> {
    const db = await connection.open();
    if (!db) return;
    try {
      await work(db);
    } catch (error) {
      if (isQuotaError(error)) connection.markUnavailable(error);
      else console.warn('DeskLink could not keep a CRM record', error);
    }
  }

  return {
    async read({ crmOrg, recordKey }, now) {
      const db = await connection.open();
      if (!db) return null;
      try {
        const row = await db.get('crmRecords', [crmOrg, recordKey]);
        const parties = partiesOf(row?.parties);
        if (!row || parties === undefined) return null;
        return { parties, fetchedAt: row.fetchedAt, fresh: isFresh(row.fetchedAt, now) };
      } catch (error) {
        console.warn('DeskLink could not read a CRM record', error);
        return null;
      }
    },
    write: ({ crmOrg, recordKey }, parties, fetchedAt) =>
      run(async (db) => {
        await db.put('crmRecords', { crmOrg, recordKey, parties, fetchedAt });
      }),
    forget: ({ crmOrg, recordKey }) =>
      run(async (db) => {
        await db.delete('crmRecords', [crmOrg, recordKey]);
      }),
  };
}
