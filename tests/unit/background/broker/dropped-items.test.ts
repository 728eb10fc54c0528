// Tickets as Zoho's files allow them, through the broker: a search answer with nulls in subject,
// status, status type, number, assignee and due date reaches the panel beside normal tickets; an
// item no file allows (no id) is dropped without hiding the others and counted in diagnostics.
import { describe, expect, it } from 'vitest';
import { PORTAL, testBroker, ticketsGet } from '../../support/broker-setup';
import { urlOf } from '../../support/fetch';
import { optionsTab } from '../../support/senders';

const ticket = (id: string, extra: object = {}) => ({
  id,
  ticketNumber: id.slice(-3),
  subject: `Ticket ${id}`,
  status: 'Open',
  statusType: 'Open',
  email: 'daniel.okafor@contoso.example',
  createdTime: '2026-05-01T10:00:00.000Z',
  modifiedTime: '2026-05-02T10:00:00.000Z',
  ...extra,
});

function desk(tickets: unknown[]) {
  return (input: RequestInfo | URL): Promise<Response> => {
    const url = urlOf(input);
    if (url.pathname === '/api/v1/tickets/search' && url.searchParams.get('from') === '0') {
      return Promise.resolve(new Response(JSON.stringify({ data: tickets, count: tickets.length }), { status: 200 }));
    }
    return Promise.resolve(new Response(null, { status: 204 }));
  };
}

describe('tickets of every legal shape', () => {
  it('a ticket Zoho sends with nulls shows beside the others; one without an id is dropped and counted', async () => {
    const sparse = ticket('5002', { subject: null, status: null, statusType: null, ticketNumber: null, assignee: null, dueDate: null });
    const world = testBroker({ fetch: desk([ticket('5001'), sparse, ticket('5003', { id: null }), ticket('5004')]) });
    await world.connect();
    const answer = await world.send(ticketsGet('fresh'));
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const { tickets } = answer.data as { tickets: { id: string }[] };
    expect(tickets.map((t) => t.id).sort()).toEqual(['5001', '5002', '5004']);
    expect(tickets.find((t) => t.id === '5002')).toMatchObject({
      subject: null,
      status: null,
      statusType: null,
      ticketNumber: null,
      assigneeName: null,
      dueDate: null,
      timeKind: 'modified',
    });
    const diagnostics = await world.send({ command: 'diagnostics.get' }, optionsTab());
    expect(diagnostics).toMatchObject({
      ok: true,
      data: { droppedItems: [{ portalId: PORTAL.id, count: 1, lastEndpoint: 'ticketSearch', lastIssue: expect.stringContaining('id') }] },
    });
  });
});
