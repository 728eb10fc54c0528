import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createDeskLookupCache } from '../../../../lib/background/cache/desk-lookups';
import { CACHE_DB_NAME } from '../../../../lib/background/cache/schema';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import { checkAccount, checkContacts, type SharedContacts } from '../../../../lib/background/desk/shared-lookups';
import { DeskLinkError } from '../../../../lib/shared/errors';

const P = '649182735';
const MINUTE = 60_000;
const found: SharedContacts = {
  items: [{ id: '9001', email: 'dan@contoso.example', webUrl: null, crmId: '5293322000003516055' }],
  truncated: false,
};

function setup() {
  let at = 1_700_000_000_000;
  const cache = createTicketCache();
  const lookups = createDeskLookupCache(
    () => at,
    () => cache.generation(),
  );
  const find = vi.fn(() => Promise.resolve(found));
  const share = (key = 'contacts:email:dan@contoso.example', portalId = P) => lookups.forPortal(portalId).share(key, find, checkContacts);
  /** Lets the write that follows a search land, then moves the clock. */
  const later = async (ms: number) => {
    await new Promise((r) => setTimeout(r, 0));
    at += ms;
  };
  return { lookups, cache, find, share, later };
}

describe('Desk lookups shared between records', () => {
  it('gives a second record what the first one’s search found, within the freshness window', async () => {
    const { find, share, later } = setup();
    expect(await share()).toEqual(found);
    await later(4 * MINUTE);
    expect(await share()).toEqual(found);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('searches again once that is five minutes old', async () => {
    const { find, share, later } = setup();
    await share();
    await later(5 * MINUTE);
    await share();
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('keeps searches apart by what they searched and by portal', async () => {
    const { find, share, later } = setup();
    await share('contacts:email:dan@contoso.example');
    await later(1);
    await share('contacts:email:other@contoso.example');
    await share('contacts:email:dan@contoso.example', '777');
    expect(find).toHaveBeenCalledTimes(3);
  });

  it('lets records asking at the same time share one search', async () => {
    const { find, share } = setup();
    expect(await Promise.all([share(), share()])).toEqual([found, found]);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('does not hand on a search its first caller stopped', async () => {
    const { lookups } = setup();
    const stopped = lookups
      .forPortal(P)
      .share('account:1:globex', () => Promise.reject(new DeskLinkError({ code: 'ABORTED' })), checkAccount);
    const other = lookups
      .forPortal(P)
      .share('account:1:globex', () => Promise.resolve({ id: '8001', accountName: 'Globex', webUrl: null }), checkAccount);
    await expect(stopped).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await other).toEqual({ id: '8001', accountName: 'Globex', webUrl: null });
  });

  it('keeps “no such account” too, and searches again when a kept value has another shape', async () => {
    const { lookups, later } = setup();
    const none = vi.fn(() => Promise.resolve(null));
    await lookups.forPortal(P).share('account:1:initech', none, checkAccount);
    await later(1);
    expect(await lookups.forPortal(P).share('account:1:initech', none, checkAccount)).toBeNull();
    expect(none).toHaveBeenCalledTimes(1);
    const db = await openDB(CACHE_DB_NAME);
    await db.put('deskLookups', { portalId: P, key: 'account:1:odd', value: { id: 42 }, fetchedAt: 1_700_000_000_001 });
    db.close();
    // The next worker reads the store afresh.
    const nextWorker = createDeskLookupCache(
      () => 1_700_000_000_002,
      () => 0,
    );
    const fresh = vi.fn(() => Promise.resolve(null));
    await nextWorker.forPortal(P).share('account:1:odd', fresh, checkAccount);
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('gives the next worker what this one found, without a search', async () => {
    const { cache, find, share, later } = setup();
    await share();
    await later(MINUTE);
    const nextWorker = createDeskLookupCache(
      () => 1_700_000_000_000 + 2 * MINUTE,
      () => cache.generation(),
    );
    expect(await nextWorker.forPortal(P).share('contacts:email:dan@contoso.example', find, checkContacts)).toEqual(found);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('answers later lookups from this worker’s memory, without reading the database again', async () => {
    const { find, share, later } = setup();
    await share();
    await later(1);
    const db = await openDB(CACHE_DB_NAME);
    await db.clear('deskLookups');
    db.close();
    expect(await share()).toEqual(found);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('gives a record asking right after a search its answer, before the answer is written', async () => {
    const { find, share } = setup();
    await share();
    expect(await share()).toEqual(found);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('forgets what it found when the cache is cleared', async () => {
    const { cache, find, share, later } = setup();
    await share();
    await later(1);
    await cache.clearAll();
    await share();
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('writes nothing back from a search that was running when the cache was cleared', async () => {
    const { lookups, cache, later } = setup();
    let answer!: (value: SharedContacts) => void;
    const running = lookups
      .forPortal(P)
      .share('contacts:email:dan@contoso.example', () => new Promise((resolve) => (answer = resolve)), checkContacts);
    await later(0);
    await cache.clearAll();
    answer(found);
    // Its caller still gets the answer; the cleared store stays empty.
    expect(await running).toEqual(found);
    await later(1);
    const db = await openDB(CACHE_DB_NAME);
    expect(await db.getAll('deskLookups')).toEqual([]);
    db.close();
  });

  it('drops rows long past their freshness as new ones are written', async () => {
    const { share, later } = setup();
    await share('contacts:email:old@contoso.example');
    await later(11 * MINUTE);
    await share('contacts:email:new@contoso.example');
    await later(0);
    const db = await openDB(CACHE_DB_NAME);
    expect((await db.getAll('deskLookups')).map((row) => row.key)).toEqual(['contacts:email:new@contoso.example']);
    db.close();
  });
});
