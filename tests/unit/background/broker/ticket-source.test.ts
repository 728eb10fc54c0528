// The broker with the real Desk client, request policy and matching, against a scripted fetch.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketsView } from '../../../../lib/shared/protocol';
import { KEY, testBroker, ticketsGet, type TestBroker } from '../../support/broker-setup';
import { crmTab } from '../../support/senders';
import { urlOf } from '../../support/fetch';

interface Desk {
  calls: URL[];
  headers: Headers[];
  /** Answer of tickets/search, or an error [status, body]. */
  search: 'tickets' | [number, object];
  gate: Promise<void> | null;
}

function fakeDesk(): [Desk, typeof fetch] {
  const desk: Desk = { calls: [], headers: [], search: 'tickets', gate: null };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    desk.calls.push(url);
    desk.headers.push(new Headers(init?.headers));
    if (desk.gate) await desk.gate;
    if (url.pathname === '/api/v1/tickets/search') {
      if (desk.search !== 'tickets') return new Response(JSON.stringify(desk.search[1]), { status: desk.search[0] });
      const data = [
        {
          id: '1892000000123456789',
          ticketNumber: '101',
          subject: 'Printer on fire',
          status: 'Open',
          statusType: 'Open',
          createdTime: '2026-01-01T10:00:00.000Z',
          modifiedTime: '2026-01-03T10:00:00.000Z',
        },
        {
          id: '1892000000123456790',
          ticketNumber: '102',
          subject: 'Invoice',
          status: 'Closed',
          statusType: 'Closed',
          createdTime: '2026-01-02T10:00:00.000Z',
          modifiedTime: '2026-01-02T11:00:00.000Z',
        },
      ];
      return new Response(JSON.stringify({ data, count: 2 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response(null, { status: 204 }); // contacts/search: no linked Desk contact
  };
  return [desk, fetch];
}

const searches = (desk: Desk) => desk.calls.filter((u) => u.pathname === '/api/v1/tickets/search');

let desk: Desk;
let world: TestBroker;
beforeEach(async () => {
  const [fake, fetch] = fakeDesk();
  desk = fake;
  world = testBroker({ fetch });
  await world.connect();
});
const handleMessage = (message: unknown, sender = crmTab()) => world.send(message, sender);

describe('tickets.get through the Desk client', () => {
  it('finds the tickets on the real Desk host with the key and portal headers; ids stay exact', async () => {
    const response = await handleMessage(ticketsGet('cached'), crmTab());
    expect(response.ok).toBe(true);
    const view = (response as { data: TicketsView }).data;
    expect(view.tickets.map((t) => t.id)).toEqual(['1892000000123456789', '1892000000123456790']);
    expect(searches(desk)[0]?.host).toBe('desk.zoho.com');
    expect(desk.headers[0]?.get('Authorization')).toBe(`Zoho-oauthtoken ${KEY}`);
    expect(desk.headers[0]?.get('orgId')).toBe('649182735');
  });

  it('two identical requests from two tabs at once make one upstream search', async () => {
    let open: () => void = () => undefined;
    desk.gate = new Promise((resolve) => (open = resolve));
    const first = handleMessage(ticketsGet('cached'), crmTab());
    const second = handleMessage(ticketsGet('cached'), { ...crmTab(), tab: { ...crmTab().tab!, id: 8 } });
    await vi.waitFor(() => expect(searches(desk).length).toBeGreaterThan(0));
    desk.gate = null;
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(searches(desk)).toHaveLength(1);
  });

  it('INVALID_OAUTH marks the credential rejected and the next tickets.get makes no upstream call', async () => {
    desk.search = [401, { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' }];
    const first = await handleMessage(ticketsGet('cached'), crmTab());
    expect(first).toMatchObject({ ok: false, error: { code: 'INVALID_OAUTH', status: 401 } });
    expect(JSON.stringify(first)).not.toContain(KEY);
    expect(await world.credentials.get()).toMatchObject({ rejected: true });

    const before = desk.calls.length;
    expect(await handleMessage(ticketsGet('refresh'), crmTab())).toEqual({ ok: false, error: { code: 'CREDENTIAL_REJECTED' } });
    expect(await handleMessage({ command: 'panel.config' }, crmTab())).toMatchObject({ ok: true, data: { state: 'rejected' } });
    expect(desk.calls.length).toBe(before);
  });
});
