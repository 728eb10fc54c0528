import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketSource } from '../../../../lib/background/broker/ticket-source';
import type { TicketsView } from '../../../../lib/shared/protocol';
import { tickets } from '../../support/cache';
import { testBroker, ticketsGet } from '../../support/broker-setup';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

async function brokerFinding(deskUrl: string | null) {
  let calls = 0;
  const source: TicketSource = {
    fingerprint: (record) => record.recordId,
    find: () => {
      calls += 1;
      return Promise.resolve({ tickets: tickets(0, 2), truncated: false, deskUrl });
    },
  };
  const world = testBroker({ tickets: source });
  await world.connect();
  const get = (mode: 'cached' | 'refresh'): Promise<TicketsView> => world.panel(ticketsGet(mode));
  return { get, calls: () => calls };
}

describe('tickets.get: the record’s page in Desk', () => {
  it('comes with the tickets, and from the cache with them', async () => {
    const page = 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts/dv/9002';
    const world = await brokerFinding(page);
    expect((await world.get('cached')).deskUrl).toBe(page);
    expect((await world.get('cached')).deskUrl).toBe(page);
    expect(world.calls()).toBe(1);
  });

  it('is left out when it does not point into the portal’s Desk, or is not known', async () => {
    expect(await (await brokerFinding('https://evil.example/desk')).get('cached')).not.toHaveProperty('deskUrl');
    expect(await (await brokerFinding('javascript:alert(1)')).get('cached')).not.toHaveProperty('deskUrl');
    expect(await (await brokerFinding(null)).get('cached')).not.toHaveProperty('deskUrl');
  });
});
