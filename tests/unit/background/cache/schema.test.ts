import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { CACHE_DB_NAME, CACHE_DB_VERSION } from '../../../../lib/background/cache/schema';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import { createCrmRecordCache } from '../../../../lib/background/crm/crm-record-cache';
import { createDeskLookupCache } from '../../../../lib/background/cache/desk-lookups';
import { checkAccount } from '../../../../lib/background/desk/shared-lookups';
import { tickets } from '../../support/cache';

const P = '649182735';

/** Builds the cache as DeskLink v1 shipped it, by hand (not with today's code). */
async function createV1Cache() {
  const db = await openDB(CACHE_DB_NAME, 1, {
    upgrade(v1) {
      v1.createObjectStore('tickets', { keyPath: ['portalId', 'id'] });
      v1.createObjectStore('records', { keyPath: ['portalId', 'recordKey'] });
    },
  });
  const list = tickets(0, 3);
  const tx = db.transaction(['tickets', 'records'], 'readwrite');
  for (const t of list) await tx.objectStore('tickets').put({ ...t, portalId: P });
  await tx
    .objectStore('records')
    .put({ portalId: P, recordKey: 'Contacts:42', ticketIds: list.map((t) => t.id), fetchedAt: 1_700_000_000_000 });
  await tx.done;
  db.close();
  return list;
}

describe('cache schema migration', () => {
  it('opens a v1 database with data: the tickets survive and records gain the v2 fields', async () => {
    const list = await createV1Cache();
    const cache = createTicketCache();

    const cached = await cache.read(P, 'Contacts:42', 1_700_000_000_500);
    expect(cached).toEqual({ tickets: list, fetchedAt: 1_700_000_000_000, fingerprint: null, truncated: false });

    const db = await openDB(CACHE_DB_NAME);
    expect(db.version).toBe(CACHE_DB_VERSION);
    expect([...db.transaction('records').store.indexNames]).toContain('byLastUsed');
    const row = await db.get('records', [P, 'Contacts:42']);
    expect(row.lastUsedAt).toBeGreaterThanOrEqual(1_700_000_000_000);
    db.close();
  });

  it('a migrated database takes new writes like a fresh one', async () => {
    await createV1Cache();
    const cache = createTicketCache();
    await cache.write(P, 'Leads:7', { tickets: tickets(10, 1), fetchedAt: 9, fingerprint: 'fp', truncated: false }, 1_700_000_000_500);
    expect((await cache.read(P, 'Leads:7', 1_700_000_000_500))?.fingerprint).toBe('fp');
    expect((await cache.read(P, 'Contacts:42', 1_700_000_000_500))?.tickets).toHaveLength(3);
  });

  it('a v1 database gains the v3 store of CRM records, which keeps what CRM said with the record', async () => {
    await createV1Cache();
    const crm = createCrmRecordCache();
    const key = { crmOrg: 'com/org1', recordKey: 'Contacts:42' };
    await crm.write(key, { kind: 'person', emails: ['a@b.example'], name: 'A', accountName: null }, 1_700_000_000_000);
    expect(await crm.read(key, 1_700_000_000_500)).toEqual({
      parties: { kind: 'person', emails: ['a@b.example'], name: 'A', accountName: null },
      fetchedAt: 1_700_000_000_000,
      fresh: true,
    });
    expect((await createTicketCache().read(P, 'Contacts:42', 1_700_000_000_500))?.tickets).toHaveLength(3);
    const db = await openDB(CACHE_DB_NAME);
    expect([...db.objectStoreNames]).toContain('crmRecords');
    db.close();
  });

  it('a v1 database gains the v4 store of Desk lookups, and keeps its tickets', async () => {
    await createV1Cache();
    const lookups = createDeskLookupCache(
      () => 1_700_000_000_000,
      () => 0,
    ).forPortal(P);
    const account = { id: '8001', accountName: 'Globex', webUrl: null };
    expect(await lookups.share('account:1:globex', () => Promise.resolve(account), checkAccount)).toEqual(account);
    expect((await createTicketCache().read(P, 'Contacts:42', 1_700_000_000_500))?.tickets).toHaveLength(3);
    const db = await openDB(CACHE_DB_NAME);
    expect([...db.objectStoreNames]).toContain('deskLookups');
    expect([...db.transaction('deskLookups').store.indexNames]).toContain('byFetchedAt');
    db.close();
  });

  it('a v4 database gains the index that lets old CRM answers go, and keeps what it held', async () => {
    const v4 = await openDB(CACHE_DB_NAME, 4, {
      upgrade(db) {
        db.createObjectStore('tickets', { keyPath: ['portalId', 'id'] });
        db.createObjectStore('records', { keyPath: ['portalId', 'recordKey'] }).createIndex('byLastUsed', 'lastUsedAt');
        db.createObjectStore('crmRecords', { keyPath: ['crmOrg', 'recordKey'] });
        db.createObjectStore('deskLookups', { keyPath: ['portalId', 'key'] }).createIndex('byFetchedAt', 'fetchedAt');
      },
    });
    const parties = { kind: 'person', emails: ['a@b.example'], name: 'A', accountName: null };
    await v4.put('crmRecords', { crmOrg: 'com/org1', recordKey: 'Contacts:42', parties, fetchedAt: 1_700_000_000_000 });
    v4.close();

    const key = { crmOrg: 'com/org1', recordKey: 'Contacts:42' };
    expect((await createCrmRecordCache().read(key, 1_700_000_000_500))?.parties).toEqual(parties);
    const db = await openDB(CACHE_DB_NAME);
    expect(db.version).toBe(CACHE_DB_VERSION);
    expect(await db.countFromIndex('crmRecords', 'byFetchedAt')).toBe(1);
    db.close();
  });
});
