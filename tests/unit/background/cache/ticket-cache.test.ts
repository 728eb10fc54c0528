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

  describe('readPreview', () => {
    const entry = (list: ReturnType<typeof tickets>) => ({ tickets: list, fetchedAt: 1, fingerprint: 'f', truncated: false });
    const [t0, t1] = tickets(0, 2).map((ticket) => ticket.id) as [string, string];
    const thread = {
      authorName: 'A',
      authorKind: 'agent',
      direction: 'out',
      channel: 'EMAIL',
      createdTime: null,
      text: 'Hi',
      truncated: false,
    } as const;

    it('lists only the record’s tickets, with the preview kept with a ticket once it is written', async () => {
      await cache.write(A, contact, entry(tickets(0, 2)), NOW);
      expect(await cache.readPreview(A, contact, t0)).toEqual({ listed: true, preview: null });
      expect(await cache.readPreview(A, lead, t0)).toEqual({ listed: false, preview: null });
      expect(await cache.readPreview(A, contact, tickets(5, 1)[0]!.id)).toEqual({ listed: false, preview: null });

      await cache.writePreview(A, { ticketId: t0, thread, fetchedAt: 3 });
      expect(await cache.readPreview(A, contact, t0)).toEqual({ listed: true, preview: { ticketId: t0, thread, fetchedAt: 3 } });
      expect(await cache.readPreview(A, contact, t1)).toEqual({ listed: true, preview: null });
    });

    it('a preview written through one record is seen through another record that lists the ticket', async () => {
      await cache.write(A, contact, entry(tickets(0, 2)), NOW);
      await cache.write(A, lead, entry(tickets(0, 1)), NOW);
      expect(await cache.readPreview(A, lead, t0)).toEqual({ listed: true, preview: null });
      await cache.writePreview(A, { ticketId: t0, thread, fetchedAt: 3 });
      expect((await cache.readPreview(A, lead, t0)).preview?.fetchedAt).toBe(3);
    });

    it('a new fetch of the ticket drops its preview; a created ticket is listed at once', async () => {
      await cache.write(A, contact, entry(tickets(0, 2)), NOW);
      await cache.writePreview(A, { ticketId: t0, thread, fetchedAt: 3 });
      await cache.write(A, lead, entry(tickets(0, 1)), NOW);
      expect(await cache.readPreview(A, contact, t0)).toEqual({ listed: true, preview: null });

      const created = tickets(9, 1)[0]!;
      await cache.addTicket(A, contact, created);
      expect(await cache.readPreview(A, contact, created.id)).toEqual({ listed: true, preview: null });
    });

    it('another worker (a new cache over the same database) sees the stored list and preview', async () => {
      await cache.write(A, contact, entry(tickets(0, 2)), NOW);
      await cache.writePreview(A, { ticketId: t0, thread, fetchedAt: 3 });
      const next = createTicketCache();
      expect((await next.readPreview(A, contact, t0)).preview?.fetchedAt).toBe(3);
      expect(await next.readPreview(A, contact, t1)).toEqual({ listed: true, preview: null });
      // Its own read of the list remembers which tickets keep a preview.
      await next.read(A, contact, NOW);
      expect((await next.readPreview(A, contact, t0)).preview?.fetchedAt).toBe(3);
      expect(await next.readPreview(A, contact, t1)).toEqual({ listed: true, preview: null });
    });

    it('lists nothing once the portal or everything is cleared', async () => {
      await cache.write(A, contact, entry(tickets(0, 2)), NOW);
      await cache.clearPortal(A);
      expect(await cache.readPreview(A, contact, t0)).toEqual({ listed: false, preview: null });
      await cache.write(B, contact, entry(tickets(0, 2)), NOW);
      await cache.clearAll();
      expect(await cache.readPreview(B, contact, t0)).toEqual({ listed: false, preview: null });
    });
  });
});
