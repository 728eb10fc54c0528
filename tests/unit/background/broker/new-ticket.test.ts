// `New ticket` through the broker: the form's choices, the create request Desk receives, one
// ticket for a double click, the look-up after a lost answer, the cache, and who may create.
// Desk is a fake behind fetch, answering in Zoho's wire format.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeskLookupCache } from '../../../../lib/background/cache/desk-lookups';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NewTicket, RecordRef } from '../../../../lib/shared/commands';
import { tickets } from '../../support/cache';
import { errorOf } from '../../support/error-of';
import { PORTAL, contact, identity, lead, scriptedSource, testBroker, ticketsGet, type TestBroker } from '../../support/broker-setup';
import { crmTab } from '../../support/senders';

interface Sent {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A Desk that creates tickets; `createAnswer` decides each create's answer (after it stored the ticket or not). */
function fakeDesk() {
  const sent: Sent[] = [];
  const stored: Record<string, unknown>[] = [];
  let release: () => void = () => undefined;
  const state = {
    createAnswer: 'ok' as 'ok' | 'stored-then-drop' | 'drop' | 'subject-422' | 'rate-limited' | 'hold',
    /** The Desk contacts `contacts/search` finds. */
    contacts: [{ id: '777', email: identity.emails[0]! }] as { id: string; email: string; zohoCRMContact?: { id: string; type: string } }[],
    /** `contacts/search` answers 403 SCOPE_MISMATCH, as for a key without the contacts scope. */
    contactsRefused: false,
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    sent.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}) });
    if (url.pathname === '/api/v1/myDepartments')
      return json(200, {
        data: [
          { id: '301', name: 'Sales', isEnabled: true, isDefault: false },
          { id: '300', name: 'Support', isEnabled: true, isDefault: true },
        ],
      });
    if (url.pathname === '/api/v1/organizationFields')
      return json(200, {
        data: [{ id: '9', apiName: 'priority', allowedValues: [{ value: 'High' }, { value: 'Medium' }, { value: 'Low' }] }],
      });
    if (url.pathname === '/api/v1/contacts/search') {
      if (state.contactsRefused) return json(403, { errorCode: 'SCOPE_MISMATCH', message: 'scope' });
      return json(200, { data: state.contacts, count: state.contacts.length });
    }
    if (url.pathname === '/api/v1/contacts/777/tickets') return json(200, { data: stored });
    if (url.pathname === '/api/v1/tickets/search') return json(200, { data: [], count: 0 });
    if (url.pathname === '/api/v1/tickets' && method === 'POST') {
      const created = {
        id: String(900 + stored.length),
        ticketNumber: String(5000 + stored.length),
        subject: body!.subject,
        status: 'Open',
        statusType: 'Open',
        createdTime: new Date().toISOString(),
        webUrl: 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/900',
      };
      if (state.createAnswer === 'subject-422')
        return json(422, {
          errorCode: 'INVALID_DATA',
          message: 'An invalid value',
          errors: [{ fieldName: '/subject', errorType: 'invalid' }],
        });
      if (state.createAnswer === 'rate-limited') return new Response('', { status: 429, headers: { 'retry-after': '40' } });
      if (state.createAnswer === 'drop') throw new TypeError('Failed to fetch');
      stored.push(created);
      if (state.createAnswer === 'stored-then-drop') throw new TypeError('Failed to fetch');
      if (state.createAnswer === 'hold') await new Promise<void>((resolve) => (release = resolve));
      return json(200, created);
    }
    return json(404, { errorCode: 'URL_NOT_FOUND', message: '' });
  };
  return { fetch, sent, stored, state, release: () => release() };
}

const draft = (over: Partial<NewTicket> = {}): NewTicket => ({
  subject: 'Invoice 2291 shows the wrong VAT',
  description: 'Called at 10:40.\nThey need a corrected invoice <today>.',
  departmentId: '300',
  priority: 'High',
  customer: { email: identity.emails[0]!, name: identity.name! },
  ...over,
});
const create = (over: Partial<NewTicket> = {}, record = contact) => ({
  command: 'ticket.create' as const,
  record,
  identity,
  ticket: draft(over),
});

let desk: ReturnType<typeof fakeDesk>;
let world: TestBroker;
beforeEach(async () => {
  desk = fakeDesk();
  world = testBroker({ fetch: desk.fetch, tickets: scriptedSource([tickets(0, 2)]).source });
  await world.connect();
});
afterEach(() => desk.release());

describe('the New ticket form', () => {
  it('offers the user’s departments (the default first), the portal’s priorities and the record’s emails under its name, by Desk contact when Desk has one', async () => {
    expect(await world.panel({ command: 'ticket.options', record: contact, identity })).toEqual({
      departments: [
        { id: '300', name: 'Support' },
        { id: '301', name: 'Sales' },
      ],
      priorities: ['High', 'Medium', 'Low'],
      // Desk has one contact with the primary email; the secondary one is Desk's to find or make.
      customers: [
        { contactId: '777', email: identity.emails[0], name: 'Daniel Okafor' },
        { email: identity.emails[1], name: 'Daniel Okafor' },
      ],
      accountId: null,
    });
    // Departments and priorities are asked once for a while; the people, each time the form opens.
    await world.panel({ command: 'ticket.options', record: lead, identity });
    expect(desk.sent.filter((s) => s.method === 'GET').map((s) => s.path.split('?')[0])).toEqual([
      '/api/v1/myDepartments',
      '/api/v1/organizationFields',
      '/api/v1/contacts/search',
      '/api/v1/contacts/search',
    ]);
  });

  it('names nobody by contact id when several Desk contacts share the email, unless one is linked to this record', async () => {
    desk.state.contacts = [
      { id: '777', email: identity.emails[0]! },
      { id: '778', email: identity.emails[0]!.toUpperCase() },
    ];
    const shared = await world.panel({ command: 'ticket.options', record: contact, identity });
    expect(shared.customers[0]).toEqual({ email: identity.emails[0], name: 'Daniel Okafor' });

    desk.state.contacts = [
      { id: '777', email: identity.emails[0]! },
      { id: '778', email: identity.emails[0]!, zohoCRMContact: { id: contact.recordId, type: 'contacts' } },
    ];
    const linked = await world.panel({ command: 'ticket.options', record: contact, identity });
    expect(linked.customers[0]).toEqual({ contactId: '778', email: identity.emails[0], name: 'Daniel Okafor' });
  });

  it('still offers the emails when the connection may not read Desk contacts', async () => {
    desk.state.contactsRefused = true;
    const options = await world.panel({ command: 'ticket.options', record: contact, identity });
    expect(options.customers).toEqual(identity.emails.map((email) => ({ email, name: 'Daniel Okafor' })));
  });

  it('on a Deal: its contact, as the Desk contact of that name linked to the deal’s Contact Name; no one when Desk has none', async () => {
    const deal: RecordRef = { ...contact, module: 'Deals', recordId: '5293322000005200001' };
    const dealIdentity = {
      emails: [],
      name: 'Fabrikam expansion 2027',
      lookups: { contact: { id: contact.recordId, name: 'Daniel Okafor' }, account: { id: '5293322000002879001', name: 'Fabrikam Inc' } },
    };
    desk.state.contacts = [
      { id: '780', email: 'someone.else@example.com', zohoCRMContact: { id: '5293322000009999999', type: 'contacts' } },
      { id: '781', email: 'daniel@fabrikam.example', zohoCRMContact: { id: contact.recordId, type: 'contacts' } },
    ];
    expect(await world.panel({ command: 'ticket.options', record: deal, identity: dealIdentity })).toEqual({
      departments: [
        { id: '300', name: 'Support' },
        { id: '301', name: 'Sales' },
      ],
      priorities: ['High', 'Medium', 'Low'],
      customers: [{ contactId: '781', name: 'Daniel Okafor', email: 'daniel@fabrikam.example' }],
      accountId: null,
    });
    // Found by the contact's name, as the deal's page shows no email.
    expect(desk.sent.find((s) => s.path.startsWith('/api/v1/contacts/search'))?.path).toContain('fullName=Daniel');

    desk.state.contacts = [];
    const unknown = await world.panel({ command: 'ticket.options', record: deal, identity: dealIdentity });
    expect(unknown.customers).toEqual([]);
  });
});

describe('the New ticket form on a record whose tickets were just fetched', () => {
  it('asks Desk only for the form’s choices: whom the ticket is for is what the tickets’ lookup found', async () => {
    const lookups = createDeskLookupCache(Date.now, () => 0);
    const shared = testBroker({ fetch: desk.fetch, lookups });
    await shared.connect();
    await shared.panel(ticketsGet('fresh'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the lookup is kept beside the answer
    const before = desk.sent.length;
    const options = await shared.panel({ command: 'ticket.options', record: contact, identity });
    expect(options.customers[0]).toEqual({ contactId: '777', email: identity.emails[0], name: 'Daniel Okafor' });
    expect(desk.sent.slice(before).map((s) => s.path.split('?')[0])).toEqual(['/api/v1/myDepartments', '/api/v1/organizationFields']);
  });
});

describe('creating', () => {
  it('sends one POST with Desk’s fields, the text as typed, and the new ticket joins the record’s cached list first', async () => {
    await world.panel(ticketsGet('cached'));
    const { ticket: created } = await world.panel(create());
    const posts = desk.sent.filter((s) => s.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: '/api/v1/tickets',
        body: {
          subject: 'Invoice 2291 shows the wrong VAT',
          departmentId: '300',
          contact: { lastName: 'Daniel Okafor', email: identity.emails[0] },
          description: 'Called at 10:40.\nThey need a corrected invoice <today>.',
          priority: 'High',
          channel: 'Phone',
        },
      },
    ]);
    expect(created).toMatchObject({ ticketNumber: '5000', subject: 'Invoice 2291 shows the wrong VAT', statusType: 'Open' });
    const view = await world.panel(ticketsGet('cached'));
    expect(view.tickets.map((t) => t.id)).toEqual([created.id, ...tickets(0, 2).map((t) => t.id)]);
  });

  it('a double click makes one ticket', async () => {
    desk.state.createAnswer = 'hold';
    const first = world.panel(create());
    const second = world.panel(create());
    await new Promise((resolve) => setTimeout(resolve, 20));
    desk.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ticket.id).toBe(b.ticket.id);
    expect(desk.stored).toHaveLength(1);
  });

  it('a 422 names the field Desk refused; nothing is retried', async () => {
    desk.state.createAnswer = 'subject-422';
    const error = await errorOf(world.panel(create()));
    expect(error).toMatchObject({ code: 'INVALID_DATA', status: 422, fields: ['subject'] });
    expect(desk.sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('a 429 is answered at once with Desk’s wait, not waited out behind the rep’s back', async () => {
    desk.state.createAnswer = 'rate-limited';
    expect(await errorOf(world.panel(create()))).toMatchObject({ status: 429, retryAfterSec: 40 });
    expect(desk.sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('an answer lost after Desk stored the ticket: DeskLink finds it, so trying again makes no duplicate', async () => {
    desk.state.createAnswer = 'stored-then-drop';
    const { ticket: found } = await world.panel(create());
    expect(found.subject).toBe('Invoice 2291 shows the wrong VAT');
    expect(desk.stored).toHaveLength(1);
  });

  it('a request that never reached Desk: the rep is told it was not created', async () => {
    desk.state.createAnswer = 'drop';
    expect(await errorOf(world.panel(create()))).toMatchObject({ code: 'NETWORK', notCreated: true });
    expect(desk.stored).toHaveLength(0);
  });

  it('only from the panel of the record the ticket is for', async () => {
    const other = await world.send(create(), crmTab(`https://crm.zoho.com/crm/org20110845/tab/Leads/${lead.recordId}`));
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(desk.stored).toHaveLength(0);
  });

  it('refuses an empty subject, one longer than Desk takes, and an address that is no email, before any call', async () => {
    for (const bad of [{ subject: '   ' }, { subject: 'x'.repeat(256) }, { customer: { email: 'not-an-email', name: 'X' } }]) {
      expect(await world.send(create(bad))).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
    expect(desk.sent).toEqual([]);
  });
});

describe('who may create', () => {
  const canCreate = async () => (await world.panel({ command: 'panel.config' })).canCreate;

  it('a key may (Desk decides); a policy allowCreate: false hides it for everyone and the broker refuses', async () => {
    expect(await canCreate()).toBe(true);
    await fakeBrowser.storage.managed.set({ allowCreate: false });
    expect(await canCreate()).toBe(false);
    expect((await errorOf(world.panel(create()))).code).toBe('FORBIDDEN');
    expect(desk.sent).toEqual([]);
  });

  it('the policy is read with the settings in force, not again for every form and create', async () => {
    await world.panel({ command: 'ticket.options', record: lead, identity });
    const policyReads = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await world.panel({ command: 'ticket.options', record: lead, identity });
    await world.panel(create());
    expect(policyReads).not.toHaveBeenCalled();
  });

  it('a light agent may not: Desk lets a light agent read only', async () => {
    await world.connect({ agent: { name: 'Lena Light', role: 'Light' } });
    expect(await canCreate()).toBe(false);
  });

  it('the ticket joins the cache only where the record is cached', async () => {
    await world.panel(create({}, lead));
    expect(await world.cache.read(PORTAL.id, `Leads:${lead.recordId}`, Date.now())).toBeNull();
  });
});
