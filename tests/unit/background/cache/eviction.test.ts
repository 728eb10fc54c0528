import { describe, expect, it } from 'vitest';
import { createTicketCache, type TicketCache } from '../../../../lib/background/cache/ticket-cache';
import { ticket, tickets } from '../../support/cache';

const P = '649182735';
const MINUTE = 60_000;
let cache: TicketCache;
/** A cache holding at most `cap` tickets. */
const capped = (cap: number) => (cache = createTicketCache({ cap }));
/** Writes a record at minute `at` (LRU is kept to the minute). */
const write = (key: string, list = tickets(0, 0), at = 0) =>
  cache.write(P, key, { tickets: list, fetchedAt: at * MINUTE, fingerprint: 'f', truncated: false }, at * MINUTE);
const LATER = 30 * MINUTE;

describe('LRU eviction', () => {
  it('defaults to a cap of 50,000 tickets', () => {
    expect(createTicketCache().cap).toBe(50_000);
  });

  it('above the cap drops the least recently used records and keeps the most recently used', async () => {
    capped(10);
    await write('Contacts:1', tickets(0, 4), 1);
    await write('Contacts:2', tickets(10, 4), 2);
    await cache.settled();
    // Reading record 1 makes it the most recently used.
    expect(await cache.read(P, 'Contacts:1', 3 * MINUTE)).not.toBeNull();
    await cache.settled();
    await write('Contacts:3', tickets(20, 4), 4); // 12 tickets > cap 10
    await cache.settled();

    expect(await cache.read(P, 'Contacts:2', LATER)).toBeNull();
    expect((await cache.read(P, 'Contacts:1', LATER))?.tickets).toHaveLength(4);
    expect((await cache.read(P, 'Contacts:3', LATER))?.tickets).toHaveLength(4);
    expect(await cache.stats()).toEqual({ tickets: 8, records: 2 });
  });

  it('keeps a ticket that a remaining record still references', async () => {
    capped(5);
    const shared = ticket(99);
    await write('Contacts:1', [shared, ...tickets(0, 2)], 1);
    await write('Accounts:1', [shared, ...tickets(10, 1)], 2);
    await write('Leads:1', tickets(20, 2), 3); // 6 distinct tickets > 5: Contacts:1 goes
    await cache.settled();

    expect(await cache.read(P, 'Contacts:1', LATER)).toBeNull();
    const account = await cache.read(P, 'Accounts:1', LATER);
    expect(account?.tickets.map((t) => t.id)).toContain(shared.id);
    expect(await cache.stats()).toEqual({ tickets: 4, records: 2 });
  });

  it('sweeps tickets orphaned by a refetch once over the cap', async () => {
    capped(4);
    await write('Contacts:1', tickets(0, 3), 1);
    await write('Contacts:1', tickets(10, 2), 2); // 5 stored, 2 referenced
    await cache.settled();
    expect(await cache.stats()).toEqual({ tickets: 2, records: 1 });
  });

  it('never evicts the record just written, even when it alone exceeds the cap', async () => {
    capped(3);
    await write('Leads:big', tickets(0, 8), 1);
    await cache.settled();
    expect((await cache.read(P, 'Leads:big', LATER))?.tickets).toHaveLength(8);
  });
});

describe('the count of stored tickets outlives the worker', () => {
  /** A bound store as storage.session keeps it, shared by the workers of one browser session. */
  function sessionBound() {
    const saved: number[] = [];
    return {
      saved,
      store: {
        load: () => Promise.resolve(saved.at(-1) ?? null),
        save: (bound: number) => Promise.resolve(void saved.push(bound)),
      },
    };
  }
  const worker = (cap: number, bound: ReturnType<typeof sessionBound>) => (cache = createTicketCache({ cap, evictionBound: bound.store }));

  it('a woken worker adds its writes to the count it finds instead of counting the store again, and still evicts past the cap', async () => {
    const bound = sessionBound();
    worker(10, bound);
    await write('Contacts:1', tickets(0, 4), 1);
    await cache.settled();
    // The first worker of a session counts once: 4 tickets.
    expect(bound.saved).toEqual([4]);

    worker(10, bound);
    await write('Contacts:2', tickets(10, 4), 2);
    await cache.settled();
    expect(bound.saved).toEqual([4, 8]);

    worker(10, bound);
    await write('Contacts:3', tickets(20, 4), 3); // 12 > 10: evicts the least recently used
    await cache.settled();
    // 8 known + 4 written, saved before the run; a worker that counted instead would save only the 8 after it.
    expect(bound.saved.slice(2)).toEqual([12, 8]);
    expect(await cache.stats()).toEqual({ tickets: 8, records: 2 });
  });
});
