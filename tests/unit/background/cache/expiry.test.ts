// What nobody opened for 90 days leaves the cache when a worker first writes, under the cap too.
import { describe, expect, it } from 'vitest';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import { createCrmRecordCache } from '../../../../lib/background/crm/crm-record-cache';
import type { RecordParties } from '../../../../lib/background/crm/record-parties';
import { ticket, tickets } from '../../support/cache';

const P = '649182735';
const DAY = 24 * 60 * 60_000;
const START = 1_790_000_000_000;
const at = (days: number) => START + days * DAY;
const person = (email: string): RecordParties => ({ kind: 'person', emails: [email], name: 'A', accountName: null });
const crmKey = (recordKey: string) => ({ crmOrg: 'com/org1', recordKey });

/** A worker's cache: each call is a new worker (its first write expires). */
const worker = () => createTicketCache();
const entry = (list = tickets(0, 0), fetchedAt = START) => ({ tickets: list, fetchedAt, fingerprint: 'f', truncated: false });

describe('records nobody opened for 90 days', () => {
  it('go at a new worker’s first write, with their tickets and what CRM said; newer ones stay', async () => {
    const before = worker();
    await before.write(P, 'Contacts:old', entry(tickets(0, 3)), at(0));
    await before.write(P, 'Leads:none', entry(), at(0)); // a customer without tickets
    await before.write(P, 'Contacts:recent', entry(tickets(10, 2)), at(20));
    await before.settled();
    const crm = createCrmRecordCache();
    await crm.write(crmKey('Contacts:old'), person('old@example.com'), at(0));
    await crm.write(crmKey('Contacts:recent'), person('recent@example.com'), at(20));

    const later = worker();
    await later.write(P, 'Deals:new', entry(tickets(20, 1)), at(100));
    await later.settled();

    expect(await later.read(P, 'Contacts:old', at(100))).toBeNull();
    expect(await later.read(P, 'Leads:none', at(100))).toBeNull();
    expect((await later.read(P, 'Contacts:recent', at(100)))?.tickets).toHaveLength(2);
    expect(await later.stats()).toEqual({ tickets: 3, records: 2 });
    expect(await crm.read(crmKey('Contacts:old'), at(100))).toBeNull();
    expect((await crm.read(crmKey('Contacts:recent'), at(100)))?.parties).toEqual(person('recent@example.com'));
  });

  it('a record opened since it was fetched counts from its last opening', async () => {
    const first = worker();
    await first.write(P, 'Contacts:1', entry(tickets(0, 2)), at(0));
    expect(await first.read(P, 'Contacts:1', at(50))).not.toBeNull();
    await first.settled();

    const later = worker();
    await later.write(P, 'Contacts:2', entry(tickets(10, 1)), at(120));
    await later.settled();
    expect((await later.read(P, 'Contacts:1', at(120)))?.tickets).toHaveLength(2);
  });

  it('a ticket an old record shares with a kept one stays', async () => {
    const shared = ticket(99);
    const first = worker();
    await first.write(P, 'Contacts:1', entry([shared, ticket(1)]), at(0));
    await first.write(P, 'Accounts:1', entry([shared]), at(60));
    await first.settled();

    const later = worker();
    await later.write(P, 'Leads:1', entry(tickets(20, 1)), at(100));
    await later.settled();
    expect((await later.read(P, 'Accounts:1', at(100)))?.tickets.map((t) => t.id)).toEqual([shared.id]);
    expect(await later.stats()).toEqual({ tickets: 2, records: 2 });
  });

  it('more of them than one batch holds all go', async () => {
    const first = worker();
    for (let i = 0; i < 5; i++) await first.write(P, `Contacts:${i}`, entry(tickets(i * 10, 1)), at(0));
    await first.settled();

    const later = createTicketCache({ evictionBatchSize: 2 });
    await later.write(P, 'Leads:1', entry(tickets(90, 1)), at(100));
    await later.settled();
    expect(await later.stats()).toEqual({ tickets: 1, records: 1 });
  });
});
