import { describe, expect, it } from 'vitest';
import { cacheStats, clearAll, clearPortal, readRecordTickets, recordKeyOf, writeRecordTickets } from '../../../../lib/background/cache';
import { tickets } from '../../support/cache';

const A = '649182735';
const B = '7310045521';
const contact = recordKeyOf({ module: 'Contacts', recordId: '5293322000004120017' });
const lead = recordKeyOf({ module: 'Leads', recordId: '5293322000003516055' });

describe('ticket cache', () => {
  it('returns a record’s tickets in the order they were stored, with their fetch metadata', async () => {
    const list = tickets(0, 3).reverse();
    await writeRecordTickets(A, contact, { tickets: list, fetchedAt: 1_000, fingerprint: 'fp1', truncated: true });
    const cached = await readRecordTickets(A, contact);
    expect(cached).toEqual({ tickets: list, fetchedAt: 1_000, fingerprint: 'fp1', truncated: true });
    expect(cached?.tickets.map((t) => t.id)).toEqual(list.map((t) => t.id));
  });

  it('keeps ids that exceed 2^53 exactly', async () => {
    const big = { ...tickets(0, 1)[0]!, id: '1892000000123456789' };
    await writeRecordTickets(A, contact, { tickets: [big], fetchedAt: 1, fingerprint: 'f', truncated: false });
    expect((await readRecordTickets(A, contact))?.tickets[0]?.id).toBe('1892000000123456789');
  });

  it('answers null for a record never fetched, and per portal', async () => {
    await writeRecordTickets(A, contact, { tickets: tickets(0, 2), fetchedAt: 1, fingerprint: 'f', truncated: false });
    expect(await readRecordTickets(A, lead)).toBeNull();
    expect(await readRecordTickets(B, contact)).toBeNull();
  });

  it('replaces a record’s list when it is fetched again', async () => {
    await writeRecordTickets(A, contact, { tickets: tickets(0, 3), fetchedAt: 1, fingerprint: 'old', truncated: false });
    await writeRecordTickets(A, contact, { tickets: tickets(5, 1), fetchedAt: 2, fingerprint: 'new', truncated: false });
    const cached = await readRecordTickets(A, contact);
    expect(cached?.tickets.map((t) => t.subject)).toEqual(['Ticket 5']);
    expect(cached?.fingerprint).toBe('new');
  });

  it('an empty list is a cached answer (no tickets), not a miss', async () => {
    await writeRecordTickets(A, lead, { tickets: [], fetchedAt: 5, fingerprint: 'f', truncated: false });
    expect(await readRecordTickets(A, lead)).toEqual({ tickets: [], fetchedAt: 5, fingerprint: 'f', truncated: false });
  });

  it('clearPortal forgets one portal only; clearAll forgets everything', async () => {
    await writeRecordTickets(A, contact, { tickets: tickets(0, 3), fetchedAt: 1, fingerprint: 'f', truncated: false });
    await writeRecordTickets(B, contact, { tickets: tickets(10, 2), fetchedAt: 1, fingerprint: 'f', truncated: false });
    expect(await cacheStats()).toEqual({ tickets: 5, records: 2 });

    await clearPortal(A);
    expect(await readRecordTickets(A, contact)).toBeNull();
    expect((await readRecordTickets(B, contact))?.tickets).toHaveLength(2);
    expect(await cacheStats()).toEqual({ tickets: 2, records: 1 });

    await writeRecordTickets(A, lead, { tickets: tickets(20, 1), fetchedAt: 1, fingerprint: 'f', truncated: false });
    await clearAll();
    expect(await cacheStats()).toEqual({ tickets: 0, records: 0 });
    expect(await readRecordTickets(B, contact)).toBeNull();
  });

  it('a portal id that prefixes another portal id does not clear the other', async () => {
    await writeRecordTickets('649', contact, { tickets: tickets(0, 1), fetchedAt: 1, fingerprint: 'f', truncated: false });
    await writeRecordTickets(A, contact, { tickets: tickets(1, 1), fetchedAt: 1, fingerprint: 'f', truncated: false });
    await clearPortal('649');
    expect(await readRecordTickets(A, contact)).not.toBeNull();
  });
});
