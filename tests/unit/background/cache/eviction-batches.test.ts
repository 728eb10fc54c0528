import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_DB_NAME } from '../../../../lib/background/cache/schema';
import { createTicketCache, type TicketCache } from '../../../../lib/background/cache/ticket-cache';
import { ticket, tickets } from '../../support/cache';

type TicketCacheOptions = NonNullable<Parameters<typeof createTicketCache>[0]>;
type EvictionBatch = Parameters<NonNullable<TicketCacheOptions['onEvictionBatch']>>[0];

const P = '649182735';
const MINUTE = 60_000;
let cache: TicketCache;
/** The cache under test (a worker's): `cap` tickets, deleting in batches as `options` say. */
const open = (options: TicketCacheOptions) => (cache = createTicketCache(options));
const write = (key: string, list = tickets(0, 0), at = 0) =>
  cache.write(P, key, { tickets: list, fetchedAt: at * MINUTE, fingerprint: 'f', truncated: false }, at * MINUTE);
/** A panel read at minute `at` (marks the record used, as the broker's lookups do). */
async function use(key: string, at: number) {
  expect(await cache.read(P, key, at * MINUTE)).not.toBeNull();
  await cache.settled();
}

/** What the database holds, read directly (no LRU touch): record keys and the number of tickets. */
async function stored() {
  const db = await openDB(CACHE_DB_NAME);
  const records = (await db.getAllKeys('records')).map((k) => (k as [string, string])[1]).sort();
  const count = await db.count('tickets');
  db.close();
  return { records, tickets: count };
}

/** A cache that deletes one item per batch and holds its run after batch `n` until `release()`. */
function holdAfterBatch(n: number) {
  const batches: EvictionBatch[] = [];
  let reached!: () => void;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const options: TicketCacheOptions = {
    evictionBatchSize: 1,
    onEvictionBatch: async (batch) => {
      batches.push(batch);
      if (batches.length === n) {
        reached();
        await gate;
      }
    },
  };
  return { batches, held, release, options };
}

/** Resolves, and sets `done`, when the eviction running now has finished. */
function watchEviction() {
  const state = { done: false, finished: Promise.resolve() };
  state.finished = cache.settled().then(() => {
    state.done = true;
  });
  return state;
}

/**
 * Records Leads:1 (0–2, oldest), Leads:2 (10–12), Contacts:1 (20–22) written with room to
 * spare, then Contacts:2 (30–32) by a worker whose cap is 8 (keeps 7 after a run): the two leads
 * are decided out.
 */
async function overCapWithTwoOldLeads(options: TicketCacheOptions) {
  open({ cap: 100 });
  await write('Leads:1', tickets(0, 3), 1);
  await write('Leads:2', tickets(10, 3), 2);
  await write('Contacts:1', tickets(20, 3), 3);
  await cache.settled();
  open({ ...options, cap: 8 });
  await write('Contacts:2', tickets(30, 3), 4); // 12 > 8: an eviction starts
}

const ids = async (key: string) => (await cache.read(P, key, 20 * MINUTE))?.tickets.map((t) => t.id);

describe.each([200, 1])('eviction in batches of %i keeps the LRU and sweep rules', (size) => {
  it('a scripted history (shared tickets, refetches, an empty record, reads) leaves the same survivors', async () => {
    const batches: EvictionBatch[] = [];
    open({ cap: 20, evictionBatchSize: size, onEvictionBatch: (batch) => void batches.push(batch) }); // keeps 18 after a run
    await write('Contacts:1', tickets(0, 5), 1);
    await write('Contacts:2', tickets(10, 4), 2);
    await write('Accounts:1', [ticket(0), ...tickets(20, 3)], 3); // ticket 0 shared with Contacts:1
    await write('Leads:1', [], 4);
    await use('Contacts:2', 5);
    await write('Contacts:3', tickets(30, 6), 6);
    await write('Contacts:1', tickets(40, 2), 7); // refetch: tickets 1–4 orphaned, 0 still Accounts:1's
    await cache.settled();
    expect(await stored()).toEqual({ records: ['Accounts:1', 'Contacts:1', 'Contacts:2', 'Contacts:3', 'Leads:1'], tickets: 20 });

    // 23 > 20: newest first L2 3, C1 5, C3 11, C2 15, L1 15, A1 would make 19 > 18 → A1 goes,
    // with its own tickets and the ones orphaned by the refetch (0–4, 20–22).
    await write('Leads:2', tickets(50, 3), 8);
    await cache.settled();
    expect(await stored()).toEqual({ records: ['Contacts:1', 'Contacts:2', 'Contacts:3', 'Leads:1', 'Leads:2'], tickets: 15 });

    await use('Contacts:3', 9);
    await write('Accounts:2', tickets(60, 5), 10); // 20: at the cap, no run
    await write('Contacts:2', [ticket(10), ticket(11), ticket(70)], 11); // 21: 12 and 13 orphaned
    await cache.settled();
    // Newest first C2 3, A2 8, C3 14, L2 17, C1 would make 19 → C1 and the older L1 go.
    expect(await stored()).toEqual({ records: ['Accounts:2', 'Contacts:2', 'Contacts:3', 'Leads:2'], tickets: 17 });
    for (const key of ['Accounts:2', 'Contacts:2', 'Contacts:3', 'Leads:2']) expect(await cache.read(P, key, 12 * MINUTE)).not.toBeNull();
    // Two runs: one record batch and one ticket batch each, or one batch per record and ticket.
    expect(batches).toHaveLength(size === 1 ? 1 + 8 + 2 + 4 : 4);
  });
});

describe('eviction does not hold readers or lose concurrent writes', () => {
  it('a read issued while an eviction runs resolves before the eviction finishes', async () => {
    const run = holdAfterBatch(3);
    await overCapWithTwoOldLeads(run.options);
    const eviction = watchEviction();
    await run.held; // both lead records and one of their tickets are deleted; four tickets to go

    const read = await cache.read(P, 'Contacts:1', 4 * MINUTE);
    expect(read?.tickets.map((t) => t.id)).toEqual(tickets(20, 3).map((t) => t.id));
    expect(await cache.read(P, 'Leads:1', 4 * MINUTE)).toBeNull(); // already gone: a miss, never a partial list
    expect(eviction.done).toBe(false);

    run.release();
    await eviction.finished;
    expect(run.batches).toEqual([
      { store: 'records', index: 1 },
      { store: 'records', index: 2 },
      ...[3, 4, 5, 6, 7, 8].map((index) => ({ store: 'tickets', index })),
    ]);
    expect(await stored()).toEqual({ records: ['Contacts:1', 'Contacts:2'], tickets: 6 });
  });

  it('a record written during an eviction is not lost and keeps its tickets, shared ones included', async () => {
    const run = holdAfterBatch(1);
    await overCapWithTwoOldLeads(run.options);
    const eviction = watchEviction();
    await run.held; // Leads:2 deleted; Leads:1 and all six lead tickets still to go

    await write('Leads:1', [ticket(0), ticket(40)], 5); // decided out, not yet deleted: rewritten
    await write('Leads:2', [ticket(10), ticket(41)], 6); // already deleted: written again
    run.release();
    await eviction.finished;
    await cache.settled();

    expect(await ids('Leads:1')).toEqual([ticket(0).id, ticket(40).id]);
    expect(await ids('Leads:2')).toEqual([ticket(10).id, ticket(41).id]);
    // The two writes put the cache over the cap again: the next run takes the now oldest record.
    expect(await stored()).toEqual({ records: ['Contacts:2', 'Leads:1', 'Leads:2'], tickets: 7 });
  });

  it('a record used after the decision stays, with its tickets', async () => {
    const run = holdAfterBatch(1);
    await overCapWithTwoOldLeads(run.options);
    const eviction = watchEviction();
    await run.held; // Leads:2 deleted; Leads:1 still to go

    expect(await cache.read(P, 'Leads:1', 10 * MINUTE)).not.toBeNull(); // marks it used
    const db = await openDB(CACHE_DB_NAME);
    await vi.waitFor(async () => expect((await db.get('records', [P, 'Leads:1']))?.lastUsedAt).toBe(10 * MINUTE));
    db.close();
    run.release();
    await eviction.finished;
    await cache.settled();

    expect(await ids('Leads:1')).toEqual(tickets(0, 3).map((t) => t.id));
    expect(await ids('Leads:2')).toBeUndefined();
    // Over the cap with Leads:1 kept: the next run takes Contacts:1, now the least recently used.
    expect(await stored()).toEqual({ records: ['Contacts:2', 'Leads:1'], tickets: 6 });
  });
});
