import { describe, expect, it, vi } from 'vitest';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import { tickets } from '../../support/cache';

const P = '649182735';
const NOW = 1_750_000_000_000;
const entry = { tickets: tickets(0, 2), fetchedAt: 1, fingerprint: 'f', truncated: false };

describe('cache unavailable', () => {
  it('when IndexedDB cannot open, reads miss, writes are dropped and diagnostics say why', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    const cache = createTicketCache();
    await cache.write(P, 'Contacts:1', entry, NOW);
    expect(await cache.read(P, 'Contacts:1', NOW)).toBeNull();
    expect(await cache.stats()).toEqual({ tickets: 0, records: 0 });
    expect(cache.availability()).toEqual({ available: false, reason: expect.stringContaining('InvalidStateError') });
  });

  it('a write over quota switches the cache off instead of failing the caller', async () => {
    const cache = createTicketCache();
    await cache.write(P, 'Contacts:1', entry, NOW);
    expect(cache.availability()).toEqual({ available: true });
    const { IDBObjectStore: Store } = globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } };
    const put = vi.spyOn(Store.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(cache.write(P, 'Contacts:2', entry, NOW)).resolves.toBeUndefined();
    put.mockRestore();
    expect(cache.availability()).toEqual({ available: false, reason: expect.stringContaining('QuotaExceededError') });
    expect(await cache.read(P, 'Contacts:1', NOW)).toBeNull();
  });
});
