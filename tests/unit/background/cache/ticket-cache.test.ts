import { beforeEach, describe, expect, it } from 'vitest';
import { createTicketCache, recordKeyOf, type TicketCache } from '../../../../lib/background/cache/ticket-cache';
import { tickets } from '../../support/cache';

const NOW = 1_750_000_000_000;
let cache: TicketCache;
beforeEach(() => {
  cache = createTicketCache();
});

const A = '649182735';
const B = '7310045521';
const contact = recordKeyOf({ module: 'Contacts', recordId: '5293322000004120017' });
const lead = recordKeyOf({ module: 'Leads', recordId: '5293322000003516055' });

describe('ticket cache', () => {
  it('returns a record’s tickets in the order they were stored, with their fetch metadata', async () => {
    const list = tickets(0, 3).reverse();
    await cache.write(A, contact, { tickets: list, fetchedAt: 1_000, fingerprint: 'fp1', truncated: true }, NOW);
    const cached = await cache.read(A, contact, NOW);
    expect(cached).toEqual({ tickets: list, fetchedAt: 1_000, fingerprint: 'fp1', truncated: true });
    expect(cached?.tickets.map((t) => t.id)).toEqual(list.map((t) => t.id));
  });

  it('keeps ids that exceed 2^53 exactly', async () => {
    const big = { ...tickets(0, 1)[0]!, id: '1892000000123456789' };
    await cache.write(A, contact, { tickets: [big], fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    expect((await cache.read(A, contact, NOW))?.tickets[0]?.id).toBe('1892000000123456789');
  });

  it('answers null for a record never fetched, and per portal', async () => {
    await cache.write(A, contact, { tickets: tickets(0, 2), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    expect(await cache.read(A, lead, NOW)).toBeNull();
    expect(await cache.read(B, contact, NOW)).toBeNull();
  });

  it('replaces a record’s list when it is fetched again', async () => {
    await cache.write(A, contact, { tickets: tickets(0, 3), fetchedAt: 1, fingerprint: 'old', truncated: false }, NOW);
    await cache.write(A, contact, { tickets: tickets(5, 1), fetchedAt: 2, fingerprint: 'new', truncated: false }, NOW);
    const cached = await cache.read(A, contact, NOW);
    expect(cached?.tickets.map((t) => t.subject)).toEqual(['Ticket 5']);
    expect(cached?.fingerprint).toBe('new');
  });

  it('an empty list is a cached answer (no tickets), not a miss', async () => {
    await cache.write(A, lead, { tickets: [], fetchedAt: 5, fingerprint: 'f', truncated: false }, NOW);
    expect(await cache.read(A, lead, NOW)).toEqual({ tickets: [], fetchedAt: 5, fingerprint: 'f', truncated: false });
  });

  it('clearPortal forgets one portal only; clearAll forgets everything', async () => {
    await cache.write(A, contact, { tickets: tickets(0, 3), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    await cache.write(B, contact, { tickets: tickets(10, 2), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    expect(await cache.stats()).toEqual({ tickets: 5, records: 2 });

    await cache.clearPortal(A);
    expect(await cache.read(A, contact, NOW)).toBeNull();
    expect((await cache.read(B, contact, NOW))?.tickets).toHaveLength(2);
    expect(await cache.stats()).toEqual({ tickets: 2, records: 1 });

    await cache.write(A, lead, { tickets: tickets(20, 1), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    await cache.clearAll();
    expect(await cache.stats()).toEqual({ tickets: 0, records: 0 });
    expect(await cache.read(B, contact, NOW)).toBeNull();
  });

  it('a portal id that prefixes another portal id does not clear the other', async () => {
    await cache.write('649', contact, { tickets: tickets(0, 1), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    await cache.write(A, contact, { tickets: tickets(1, 1), fetchedAt: 1, fingerprint: 'f', truncated: false }, NOW);
    await cache.clearPortal('649');
    expect(await cache.read(A, contact, NOW)).not.toBeNull();
  });

  it('a created ticket goes first in its record’s list; a read asked right after the call sees it, unawaited', async () => {
    await cache.write(A, contact, { tickets: tickets(0, 3), fetchedAt: 7, fingerprint: 'f', truncated: false }, NOW);
    const created = { ...tickets(9, 1)[0]!, subject: 'Just created' };
    const adding = cache.addTicket(A, contact, created);
    const cached = await cache.read(A, contact, NOW);
    expect(cached?.tickets.map((t) => t.subject)).toEqual(['Just created', 'Ticket 0', 'Ticket 1', 'Ticket 2']);
    expect(cached?.fetchedAt).toBe(7);
    await adding;

    // The same ticket again (found after a lost answer) is moved, not listed twice.
    await cache.addTicket(A, contact, { ...tickets(1, 1)[0]!, subject: 'Ticket 1, renamed' });
    expect((await cache.read(A, contact, NOW))?.tickets.map((t) => t.subject)).toEqual([
      'Ticket 1, renamed',
      'Just created',
      'Ticket 0',
      'Ticket 2',
    ]);
  });

  it('a created ticket of a record not cached is not stored', async () => {
    await cache.addTicket(A, lead, tickets(0, 1)[0]!);
    expect(await cache.read(A, lead, NOW)).toBeNull();
    expect(await cache.stats()).toEqual({ tickets: 0, records: 0 });
  });
});
