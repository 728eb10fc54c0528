import { describe, expect, it, vi } from 'vitest';
import {
  cacheAvailability,
  cacheStats,
  readRecordTickets,
  resetCacheConnection,
  writeRecordTickets,
} from '../../../../lib/background/cache';
import { tickets } from '../../support/cache';

const P = '649182735';
const entry = { tickets: tickets(0, 2), fetchedAt: 1, fingerprint: 'f', truncated: false };

describe('cache unavailable', () => {
  it('when IndexedDB cannot open, reads miss, writes are dropped and diagnostics say why', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    resetCacheConnection();
    await writeRecordTickets(P, 'Contacts:1', entry);
    expect(await readRecordTickets(P, 'Contacts:1')).toBeNull();
    expect(await cacheStats()).toEqual({ tickets: 0, records: 0 });
    expect(cacheAvailability()).toEqual({ available: false, reason: expect.stringContaining('InvalidStateError') });
  });

  it('a write over quota switches the cache off instead of failing the caller', async () => {
    await writeRecordTickets(P, 'Contacts:1', entry);
    expect(cacheAvailability()).toEqual({ available: true });
    const { IDBObjectStore: Store } = globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } };
    const put = vi.spyOn(Store.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(writeRecordTickets(P, 'Contacts:2', entry)).resolves.toBeUndefined();
    put.mockRestore();
    expect(cacheAvailability()).toEqual({ available: false, reason: expect.stringContaining('QuotaExceededError') });
    expect(await readRecordTickets(P, 'Contacts:1')).toBeNull();
  });
});
