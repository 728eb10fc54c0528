import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TICKET_CAP,
  cacheSettled,
  cacheStats,
  readRecordTickets,
  setTicketCap,
  writeRecordTickets,
} from '../../../../lib/background/cache';
import { ticket, tickets } from '../../support/cache';

const P = '649182735';
const MINUTE = 60_000;
/** Writes a record at minute `at` (LRU is kept to the minute). */
const write = (key: string, list = tickets(0, 0), at = 0) =>
  writeRecordTickets(P, key, { tickets: list, fetchedAt: at * MINUTE, fingerprint: 'f', truncated: false }, at * MINUTE);

afterEach(() => setTicketCap(DEFAULT_TICKET_CAP));

describe('LRU eviction', () => {
  it('defaults to a cap of 50,000 tickets', () => {
    expect(DEFAULT_TICKET_CAP).toBe(50_000);
  });

  it('above the cap drops the least recently used records and keeps the most recently used', async () => {
    setTicketCap(10);
    await write('Contacts:1', tickets(0, 4), 1);
    await write('Contacts:2', tickets(10, 4), 2);
    await cacheSettled();
    // Reading record 1 makes it the most recently used.
    expect(await readRecordTickets(P, 'Contacts:1', 3 * MINUTE)).not.toBeNull();
    await cacheSettled();
    await write('Contacts:3', tickets(20, 4), 4); // 12 tickets > cap 10
    await cacheSettled();

    expect(await readRecordTickets(P, 'Contacts:2')).toBeNull();
    expect((await readRecordTickets(P, 'Contacts:1'))?.tickets).toHaveLength(4);
    expect((await readRecordTickets(P, 'Contacts:3'))?.tickets).toHaveLength(4);
    expect(await cacheStats()).toEqual({ tickets: 8, records: 2 });
  });

  it('keeps a ticket that a remaining record still references', async () => {
    setTicketCap(5);
    const shared = ticket(99);
    await write('Contacts:1', [shared, ...tickets(0, 2)], 1);
    await write('Accounts:1', [shared, ...tickets(10, 1)], 2);
    await write('Leads:1', tickets(20, 2), 3); // 6 distinct tickets > 5: Contacts:1 goes
    await cacheSettled();

    expect(await readRecordTickets(P, 'Contacts:1')).toBeNull();
    const account = await readRecordTickets(P, 'Accounts:1');
    expect(account?.tickets.map((t) => t.id)).toContain(shared.id);
    expect(await cacheStats()).toEqual({ tickets: 4, records: 2 });
  });

  it('sweeps tickets orphaned by a refetch once over the cap', async () => {
    setTicketCap(4);
    await write('Contacts:1', tickets(0, 3), 1);
    await write('Contacts:1', tickets(10, 2), 2); // 5 stored, 2 referenced
    await cacheSettled();
    expect(await cacheStats()).toEqual({ tickets: 2, records: 1 });
  });

  it('never evicts the record just written, even when it alone exceeds the cap', async () => {
    setTicketCap(3);
    await write('Leads:big', tickets(0, 8), 1);
    await cacheSettled();
    expect((await readRecordTickets(P, 'Leads:big'))?.tickets).toHaveLength(8);
  });
});
