import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CACHE_DB_NAME,
  DEFAULT_TICKET_CAP,
  cacheSettled,
  evictionSettled,
  readRecordTickets,
  setEvictionBatching,
  setTicketCap,
  writeRecordTickets,
  type EvictionBatch,
} from '../../../../lib/background/cache';
import { ticket, tickets } from '../../support/cache';

const P = '649182735';
const MINUTE = 60_000;
const write = (key: string, list = tickets(0, 0), at = 0) =>
  writeRecordTickets(P, key, { tickets: list, fetchedAt: at * MINUTE, fingerprint: 'f', truncated: false }, at * MINUTE);
/** A panel read at minute `at` (marks the record used, as the broker's lookups do). */
async function use(key: string, at: number) {
  expect(await readRecordTickets(P, key, at * MINUTE)).not.toBeNull();
  await cacheSettled();
}

/** What the database holds, read directly (no LRU touch): record keys and the number of tickets. */
async function stored() {
  const db = await openDB(CACHE_DB_NAME);
  const records = (await db.getAllKeys('records')).map((k) => (k as [string, string])[1]).sort();
  const count = await db.count('tickets');
  db.close();
  return { records, tickets: count };
}

afterEach(() => {
  setTicketCap(DEFAULT_TICKET_CAP);
  setEvictionBatching();
});

/** Deletes one item per batch and holds the run after batch `n` until `release()`. */
function holdAfterBatch(n: number) {
  const batches: EvictionBatch[] = [];
  let reached!: () => void;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  setEvictionBatching(1, async (batch) => {
    batches.push(batch);
    if (batches.length === n) {
      reached();
      await gate;
    }
  });
  return { batches, held, release };
}

/** Resolves, and sets `done`, when the eviction running now has finished. */
function watchEviction() {
  const state = { done: false, finished: Promise.resolve() };
  state.finished = evictionSettled().then(() => {
    state.done = true;
  });
  return state;
}

/** Records Leads:1 (0–2, oldest), Leads:2 (10–12), Contacts:1 (20–22), then Contacts:2 (30–32) over a cap of 8: the two leads are decided out. */
async function overCapWithTwoOldLeads() {
  setTicketCap(100);
  await write('Leads:1', tickets(0, 3), 1);
  await write('Leads:2', tickets(10, 3), 2);
  await write('Contacts:1', tickets(20, 3), 3);
  await cacheSettled();
  setTicketCap(8); // keeps 7 after a run
  await write('Contacts:2', tickets(30, 3), 4); // 12 > 8: an eviction starts
}

const ids = async (key: string) => (await readRecordTickets(P, key, 20 * MINUTE))?.tickets.map((t) => t.id);

describe.each([200, 1])('eviction in batches of %i keeps the LRU and sweep rules', (size) => {
  it('a scripted history (shared tickets, refetches, an empty record, reads) leaves the same survivors', async () => {
    const batches: EvictionBatch[] = [];
    setEvictionBatching(size, (batch) => void batches.push(batch));
    setTicketCap(20); // keeps 18 after a run
    await write('Contacts:1', tickets(0, 5), 1);
    await write('Contacts:2', tickets(10, 4), 2);
    await write('Accounts:1', [ticket(0), ...tickets(20, 3)], 3); // ticket 0 shared with Contacts:1
    await write('Leads:1', [], 4);
    await use('Contacts:2', 5);
    await write('Contacts:3', tickets(30, 6), 6);
    await write('Contacts:1', tickets(40, 2), 7); // refetch: tickets 1–4 orphaned, 0 still Accounts:1's
    await cacheSettled();
    expect(await stored()).toEqual({ records: ['Accounts:1', 'Contacts:1', 'Contacts:2', 'Contacts:3', 'Leads:1'], tickets: 20 });

    // 23 > 20: newest first L2 3, C1 5, C3 11, C2 15, L1 15, A1 would make 19 > 18 → A1 goes,
    // with its own tickets and the ones orphaned by the refetch (0–4, 20–22).
    await write('Leads:2', tickets(50, 3), 8);
    await cacheSettled();
    expect(await stored()).toEqual({ records: ['Contacts:1', 'Contacts:2', 'Contacts:3', 'Leads:1', 'Leads:2'], tickets: 15 });

    await use('Contacts:3', 9);
    await write('Accounts:2', tickets(60, 5), 10); // 20: at the cap, no run
    await write('Contacts:2', [ticket(10), ticket(11), ticket(70)], 11); // 21: 12 and 13 orphaned
    await cacheSettled();
    // Newest first C2 3, A2 8, C3 14, L2 17, C1 would make 19 → C1 and the older L1 go.
    expect(await stored()).toEqual({ records: ['Accounts:2', 'Contacts:2', 'Contacts:3', 'Leads:2'], tickets: 17 });
    for (const key of ['Accounts:2', 'Contacts:2', 'Contacts:3', 'Leads:2'])
      expect(await readRecordTickets(P, key, 12 * MINUTE)).not.toBeNull();
    // Two runs: one record batch and one ticket batch each, or one batch per record and ticket.
    expect(batches).toHaveLength(size === 1 ? 1 + 8 + 2 + 4 : 4);
  });
});

describe('eviction does not hold readers or lose concurrent writes', () => {
  it('a read issued while an eviction runs resolves before the eviction finishes', async () => {
    const run = holdAfterBatch(3);
    await overCapWithTwoOldLeads();
    const eviction = watchEviction();
    await run.held; // both lead records and one of their tickets are deleted; four tickets to go

    const read = await readRecordTickets(P, 'Contacts:1', 4 * MINUTE);
    expect(read?.tickets.map((t) => t.id)).toEqual(tickets(20, 3).map((t) => t.id));
    expect(await readRecordTickets(P, 'Leads:1', 4 * MINUTE)).toBeNull(); // already gone: a miss, never a partial list
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
    await overCapWithTwoOldLeads();
    const eviction = watchEviction();
    await run.held; // Leads:2 deleted; Leads:1 and all six lead tickets still to go

    await write('Leads:1', [ticket(0), ticket(40)], 5); // decided out, not yet deleted: rewritten
    await write('Leads:2', [ticket(10), ticket(41)], 6); // already deleted: written again
    run.release();
    await eviction.finished;
    await cacheSettled();

    expect(await ids('Leads:1')).toEqual([ticket(0).id, ticket(40).id]);
    expect(await ids('Leads:2')).toEqual([ticket(10).id, ticket(41).id]);
    // The two writes put the cache over the cap again: the next run takes the now oldest record.
    expect(await stored()).toEqual({ records: ['Contacts:2', 'Leads:1', 'Leads:2'], tickets: 7 });
  });

  it('a record used after the decision stays, with its tickets', async () => {
    const run = holdAfterBatch(1);
    await overCapWithTwoOldLeads();
    const eviction = watchEviction();
    await run.held; // Leads:2 deleted; Leads:1 still to go

    expect(await readRecordTickets(P, 'Leads:1', 10 * MINUTE)).not.toBeNull(); // marks it used
    const db = await openDB(CACHE_DB_NAME);
    await vi.waitFor(async () => expect((await db.get('records', [P, 'Leads:1']))?.lastUsedAt).toBe(10 * MINUTE));
    db.close();
    run.release();
    await eviction.finished;
    await cacheSettled();

    expect(await ids('Leads:1')).toEqual(tickets(0, 3).map((t) => t.id));
    expect(await ids('Leads:2')).toBeUndefined();
    // Over the cap with Leads:1 kept: the next run takes Contacts:1, now the least recently used.
    expect(await stored()).toEqual({ records: ['Contacts:2', 'Leads:1'], tickets: 6 });
  });
});
