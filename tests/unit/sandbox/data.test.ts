// @vitest-environment node
// The generated sandbox data: deterministic, sized by a parameter, bench size large enough,
// Japanese among the fillers, and dates that keep "overdue" stable.
import { describe, expect, it } from 'vitest';
import { EPOCH, FAR_FUTURE, getDataset, listCrmRecords } from '../../sandbox/data';
import { RECORDS } from '../../sandbox/fixtures';

describe('generated data', () => {
  it('lists every fixture record first with the counts fixtures.ts expects', () => {
    const records = listCrmRecords('test');
    const fixtures = Object.values(RECORDS);
    for (const fixture of fixtures) {
      const listed = records.find((r) => r.recordId === fixture.recordId);
      expect(listed).toMatchObject({ fixture: true, expectedTickets: fixture.expectedTickets, emails: fixture.emails });
    }
    expect(records.slice(0, fixtures.length).every((r) => r.fixture)).toBe(true);
    expect(records.some((r) => !r.fixture)).toBe(true);
  });

  it('is deterministic: the same size yields the same ids, subjects and dates', () => {
    const a = listCrmRecords(300);
    const b = listCrmRecords(300);
    expect(b).toEqual(a);
    const ticketsA = getDataset(300)
      .portals.A.tickets.slice(0, 50)
      .map((t) => [t.id, t.subject, t.createdTime]);
    expect(
      getDataset(300)
        .portals.A.tickets.slice(0, 50)
        .map((t) => [t.id, t.subject, t.createdTime]),
    ).toEqual(ticketsA);
  });

  it('sizes the bench data at 100,000+ tickets over 2,000+ CRM records, Japanese among them', () => {
    const records = listCrmRecords('bench');
    const generated = records.filter((r) => !r.fixture);
    expect(generated.length).toBeGreaterThanOrEqual(2000);
    const tickets = generated.reduce((n, r) => n + r.expectedTickets.A + r.expectedTickets.B, 0);
    expect(tickets).toBeGreaterThanOrEqual(100_000);
    expect(generated.some((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r.name))).toBe(true);
    expect(new Set(generated.map((r) => r.module))).toEqual(new Set(['Leads', 'Contacts', 'Accounts']));
    expect(generated.every((r) => /^\d{19}$/.test(r.recordId))).toBe(true);
    // Generating 100,000 tickets takes seconds on a busy machine; this is no timing test.
  }, 60_000);

  it('places every creation before the fixed epoch and due dates far from today', () => {
    const { A, B } = getDataset('test').portals;
    const tickets = [...A.tickets, ...B.tickets];
    const misplaced = tickets.filter(
      (t) => t.createdTime >= EPOCH || t.modifiedTime >= EPOCH || (t.dueDate !== null && t.dueDate >= EPOCH && t.dueDate < FAR_FUTURE),
    );
    expect(misplaced).toEqual([]);
    expect(tickets.some((t) => t.dueDate !== null && t.dueDate < EPOCH && t.statusType !== 'Closed')).toBe(true);
  });
});
