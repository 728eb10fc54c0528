// @vitest-environment node
// POST /api/v1/tickets as a client of the sandbox sees it: the created ticket in the contract's
// detail shape, in the contact's and account's lists at once and in searches only after the
// search index delay; 422 INVALID_DATA naming each refused field; the role and scope checks; and
// a fault that stores the ticket but never answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deskGet, sandboxGet } from '../../sandbox/client';
import { contractById } from '../../sandbox/contract/index';
import { getDataset } from '../../sandbox/data';
import { ALL_READ_SCOPES } from '../../sandbox/desk/access';
import { KEYS, keyWithScopes, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';
import { checkAnswer } from '../support/contract-check';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, searchIndexDelayMs: 0 });
});
afterEach(() => {
  sandbox.clearFaults();
  sandbox.clearCreatedTickets();
  sandbox.setSearchIndexDelay(0);
});
afterAll(() => sandbox.close());

const A = PORTALS.A.id;
const row = contractById('createTicket')!;

const post = (body: unknown, options: { token?: string; orgId?: string } = {}) =>
  deskGet(sandbox.port, '/api/v1/tickets', {
    method: 'POST',
    token: options.token ?? KEYS.admin,
    orgId: options.orgId ?? A,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (path: string, orgId: string = A) => deskGet(sandbox.port, path, { token: KEYS.admin, orgId });

let departmentId: string;
let contact: { id: string; email: string; accountId: string | null };
beforeAll(async () => {
  const departments = await get('/api/v1/departments');
  departmentId = departments.json.data.find((d: { isDefault: boolean }) => d.isDefault)?.id ?? departments.json.data[0].id;
  // From the data itself: answers vary which optional keys (accountId among them) they carry.
  const c = getDataset('test')
    .portals.A.contactsByEmail.get(RECORDS.contact.emails[0]!)!
    .find((x) => x.accountId)!;
  contact = { id: c.id, email: c.email!, accountId: c.accountId };
});

const shapeProblems = (res: { status: number; body: string }) =>
  checkAnswer(row, res.status, res.body, { include: new Set(), epochDates: false });

describe('POST /api/v1/tickets', () => {
  it('creates a ticket for a contactId: 200 with the detail shape, Open, the next number, this portal’s webUrl', async () => {
    const res = await post({ subject: 'Printer on fire', departmentId, contactId: contact.id, priority: 'High', channel: 'Phone' });
    expect(res.status, res.body).toBe(200);
    expect(shapeProblems(res), `seed ${sandbox.seed}`).toEqual([]);
    expect(res.json).toMatchObject({
      subject: 'Printer on fire',
      status: 'Open',
      statusType: 'Open',
      priority: 'High',
      channel: 'Phone',
      departmentId,
      contactId: contact.id,
      dueDate: null,
    });
    expect(res.json.webUrl).toBe(`https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/${res.json.id}`);
    expect(Date.now() - Date.parse(res.json.createdTime)).toBeLessThan(60_000);
    expect(res.json.modifiedTime).toBe(res.json.createdTime);
    const highest = Math.max(...getDataset('test').portals.A.tickets.map((t) => Number(t.ticketNumber)));
    expect(Number(res.json.ticketNumber)).toBe(highest + 1);
    expect(res.headers['x-rate-limit-request-weight-v3']).toBe('1');

    const again = await post({ subject: 'Second', departmentId, contactId: contact.id });
    expect(Number(again.json.ticketNumber)).toBe(Number(res.json.ticketNumber) + 1);
    expect(again.json.priority ?? null).toBeNull();
    expect(again.json.description ?? null).toBeNull();
  });

  it('answers every create, and the lists and searches that then carry it, in the documented shapes', async () => {
    const options = [
      {},
      { description: 'Plain text <b>not markup</b>' },
      { priority: 'Low', channel: 'Web', phone: '+1 555 0100' },
      { email: 'someone.else@contoso.example', accountId: contact.accountId },
      { status: 'On Hold', priority: null, channel: null, description: null },
      { contact: { email: `fresh.${Date.now()}@new.example`, lastName: 'Fresh', firstName: null } },
    ];
    const problems: string[] = [];
    for (const [i, extra] of options.entries()) {
      const body = { subject: `Shape ${i}`, departmentId, ...('contact' in extra ? {} : { contactId: contact.id }), ...extra };
      const res = await post(body);
      expect(res.status, res.body).toBe(200);
      problems.push(...shapeProblems(res).map((p) => `create ${i}: ${p}`));
    }
    const check = async (id: string, path: string, include: string[] = []) => {
      const res = await get(path);
      problems.push(
        ...checkAnswer(contractById(id)!, res.status, res.body, { include: new Set(include), epochDates: false }).map(
          (p) => `${path}: ${p}`,
        ),
      );
    };
    await check('contactTickets', `/api/v1/contacts/${contact.id}/tickets?from=0&limit=10&include=assignee`, ['assignee']);
    await check('accountTickets', `/api/v1/accounts/${contact.accountId}/tickets?from=1&limit=10`);
    await check('ticketSearch', `/api/v1/tickets/search?contactId=${contact.id}&subject=Shape*`);
    for (const t of sandbox.createdTickets())
      await check('getTicket', `/api/v1/tickets/${t.id}?include=contacts,assignee,departments`, ['contacts', 'assignee', 'departments']);
    expect(problems, `seed ${sandbox.seed}`).toEqual([]);
  });

  it('puts the ticket in its contact’s and account’s lists and behind its id at once', async () => {
    sandbox.setSearchIndexDelay(60_000);
    const res = await post({ subject: 'Shown at once', departmentId, contactId: contact.id, description: 'Smoke from tray 2' });
    const id = res.json.id;
    const byId = await get(`/api/v1/tickets/${id}`);
    expect([byId.status, byId.json.subject, byId.json.description]).toEqual([200, 'Shown at once', 'Smoke from tray 2']);
    const contactList = await get(`/api/v1/contacts/${contact.id}/tickets?from=0&limit=1`);
    expect(contactList.json.data[0].id).toBe(id);
    expect(contact.accountId).not.toBeNull();
    expect(res.json.accountId).toBe(contact.accountId);
    const accountList = await get(`/api/v1/accounts/${contact.accountId}/tickets?from=1&limit=1`);
    expect(accountList.json.data[0].id).toBe(id);
  });

  it('finds it in /tickets/search only once the search index delay has passed', async () => {
    sandbox.setSearchIndexDelay(60_000);
    const res = await post({ subject: 'Indexed later', departmentId, contactId: contact.id });
    const search = `/api/v1/tickets/search?contactId=${contact.id}&subject=Indexed*`;
    expect((await get(search)).status).toBe(204);
    sandbox.setSearchIndexDelay(0);
    const later = await get(search);
    expect(later.json.data.map((t: { id: string }) => t.id)).toEqual([res.json.id]);
    const byEmail = await get(`/api/v1/tickets/search?email=${contact.email}&sortBy=-createdTime&limit=1`);
    expect(byEmail.json.data[0].id).toBe(res.json.id);
  });

  it('is found by subject, contact and a created-time range (how a client checks a send it never heard back from)', async () => {
    const start = new Date(Date.now() - 60_000).toISOString();
    const res = await post({ subject: 'Check me', departmentId, contactId: contact.id });
    const end = new Date(Date.now() + 60_000).toISOString();
    const found = await get(`/api/v1/tickets/search?contactId=${contact.id}&subject=Check%20me&createdTimeRange=${start},${end}`);
    expect(found.json.data.map((t: { id: string }) => t.id)).toEqual([res.json.id]);
    const past = await get(
      `/api/v1/tickets/search?contactId=${contact.id}&subject=Check%20me&createdTimeRange=2020-01-01T00:00:00.000Z,2020-01-02T00:00:00.000Z`,
    );
    expect(past.status).toBe(204);
  });

  it('creates the contact from {email, lastName} when no contact has that email', async () => {
    const res = await post({
      subject: 'New customer',
      departmentId,
      contact: { email: 'new.person@fresh.example', lastName: 'Person', firstName: 'New' },
    });
    expect(res.status, res.body).toBe(200);
    expect(shapeProblems(res)).toEqual([]);
    const created = await get(`/api/v1/contacts/${res.json.contactId}`);
    expect(created.json).toMatchObject({ email: 'new.person@fresh.example' });
    // Names are optional keys of a contact's answer: the seed may leave them out.
    expect([created.json.lastName ?? 'Person', created.json.firstName ?? 'New']).toEqual(['Person', 'New']);
    const found = await get('/api/v1/contacts/search?email=new.person@fresh.example');
    expect(found.json.data.map((c: { id: string }) => c.id)).toEqual([res.json.contactId]);
    expect(sandbox.createdTickets()).toMatchObject([{ id: res.json.id, newContact: true, email: 'new.person@fresh.example' }]);
  });

  it('uses the existing contact of that email (case aside) instead of making another', async () => {
    const res = await post({
      subject: 'Known customer',
      departmentId,
      contact: { email: contact.email.toUpperCase(), lastName: 'Whoever' },
    });
    expect(res.status, res.body).toBe(200);
    // Two contacts share this email: Desk's choice is not documented; the sandbox takes the oldest.
    const sameEmail = getDataset('test').portals.A.contactsByEmail.get(contact.email.toLowerCase())!;
    expect(sameEmail.length).toBeGreaterThan(1);
    const oldest = [...sameEmail].sort((a, b) => a.createdTime - b.createdTime)[0]!;
    expect(res.json.contactId).toBe(oldest.id);
    expect(sandbox.createdTickets()[0]).toMatchObject({ contactId: oldest.id, newContact: false });
  });

  it('keeps created tickets to this sandbox and forgets them on clearCreatedTickets', async () => {
    const res = await post({ subject: 'Mine only', departmentId, contactId: contact.id });
    const other = await startSandbox({ quiet: true });
    try {
      expect((await deskGet(other.port, `/api/v1/tickets/${res.json.id}`, { token: KEYS.admin, orgId: A })).status).toBe(404);
    } finally {
      await other.close();
    }
    expect(sandbox.createdTickets({ orgId: A }).map((t) => t.id)).toEqual([res.json.id]);
    expect(sandbox.createdTickets({ orgId: PORTALS.B.id })).toEqual([]);
    sandbox.clearCreatedTickets();
    expect(sandbox.createdTickets()).toEqual([]);
    expect((await get(`/api/v1/tickets/${res.json.id}`)).status).toBe(404);
  });

  it('answers portal B in its own language and priorities', async () => {
    const departments = await get('/api/v1/departments', PORTALS.B.id);
    const found = await get(`/api/v1/contacts/search?email=${RECORDS.japanese.emails[0]}`, PORTALS.B.id);
    const res = await post(
      { subject: '請求書について', departmentId: departments.json.data[0].id, contactId: found.json.data[0].id, priority: '高' },
      { orgId: PORTALS.B.id },
    );
    expect(res.status, res.body).toBe(200);
    expect([res.json.status, res.json.statusType, res.json.priority]).toEqual(['対応中', 'Open', '高']);
    expect(res.json.webUrl).toContain('/support/zylkerjp/');
    const english = await post(
      { subject: 'x', departmentId: departments.json.data[0].id, contactId: found.json.data[0].id, priority: 'High' },
      { orgId: PORTALS.B.id },
    );
    expect(english.json.errors).toEqual([expect.objectContaining({ fieldName: '/priority', errorType: 'invalid' })]);
  });
});

describe('POST /api/v1/tickets refusals', () => {
  const fields = (res: { json: { errors: { fieldName: string; errorType: string }[] } }) =>
    res.json.errors.map((e) => `${e.fieldName} ${e.errorType}`);

  it.each([
    ['subject', { departmentId: 'D', contactId: 'C' }, ['/subject missing']],
    ['a blank subject', { subject: '   ', departmentId: 'D', contactId: 'C' }, ['/subject missing']],
    ['a subject over 255 characters', { subject: 'x'.repeat(256), departmentId: 'D', contactId: 'C' }, ['/subject invalid']],
    ['departmentId', { subject: 's', contactId: 'C' }, ['/departmentId missing']],
    ['an unknown department', { subject: 's', departmentId: '1892000000599999999', contactId: 'C' }, ['/departmentId invalid']],
    ['a department id that is no id', { subject: 's', departmentId: 'sales', contactId: 'C' }, ['/departmentId invalid']],
    ['the contact', { subject: 's', departmentId: 'D' }, ['/contactId missing']],
    ['an unknown contactId', { subject: 's', departmentId: 'D', contactId: '1892000000299999999' }, ['/contactId invalid']],
    ['the contact’s lastName', { subject: 's', departmentId: 'D', contact: { email: 'a@b.example' } }, ['/contact/lastName missing']],
    ['the contact’s email', { subject: 's', departmentId: 'D', contact: { lastName: 'B' } }, ['/contact/email missing']],
    [
      'a contact email that is none',
      { subject: 's', departmentId: 'D', contact: { lastName: 'B', email: 'nope' } },
      ['/contact/email invalid'],
    ],
    [
      'a contact key the file does not allow',
      { subject: 's', departmentId: 'D', contact: { lastName: 'B', email: 'a@b.example', phone: '1' } },
      ['/contact/phone invalid'],
    ],
    ['a priority the portal lacks', { subject: 's', departmentId: 'D', contactId: 'C', priority: 'Blocker' }, ['/priority invalid']],
    ['a channel Desk does not take', { subject: 's', departmentId: 'D', contactId: 'C', channel: 'Pigeon' }, ['/channel invalid']],
    ['an unknown accountId', { subject: 's', departmentId: 'D', contactId: 'C', accountId: '1892000000399999999' }, ['/accountId invalid']],
    ['a ticket email that is none', { subject: 's', departmentId: 'D', contactId: 'C', email: 'x' }, ['/email invalid']],
    ['a phone over 120 characters', { subject: 's', departmentId: 'D', contactId: 'C', phone: '1'.repeat(121) }, ['/phone invalid']],
    ['a key the file does not allow', { subject: 's', departmentId: 'D', contactId: 'C', urgent: true }, ['/urgent invalid']],
    ['a subject of the wrong type', { subject: 42, departmentId: 'D', contactId: 'C' }, ['/subject invalid']],
    ['everything at once', {}, ['/departmentId missing', '/subject missing', '/contactId missing']],
  ])('422 INVALID_DATA for %s, naming the field', async (_what, template, expected) => {
    const body = JSON.parse(
      JSON.stringify(template).replace('"D"', JSON.stringify(departmentId)).replace('"C"', JSON.stringify(contact.id)),
    );
    const res = await post(body);
    expect(res.status, res.body).toBe(422);
    expect(res.json).toMatchObject({
      errorCode: 'INVALID_DATA',
      message: 'The data does not comply to the validation restrictions defined.',
    });
    expect(fields(res).sort()).toEqual([...expected].sort());
    for (const e of res.json.errors) expect(typeof e.errorMessage).toBe('string');
    expect(sandbox.createdTickets()).toEqual([]);
  });

  it('refuses a body that is not JSON (400 BAD_REQUEST) and an empty one (422 EMPTY_PAYLOAD)', async () => {
    const malformed = await post('{"subject": "unterminated');
    expect([malformed.status, malformed.json.errorCode]).toEqual([400, 'BAD_REQUEST']);
    const list = await post('[]');
    expect([list.status, list.json.errorCode]).toEqual([400, 'BAD_REQUEST']);
    const empty = await post('');
    expect([empty.status, empty.json.errorCode]).toEqual([422, 'EMPTY_PAYLOAD']);
    expect(sandbox.createdTickets()).toEqual([]);
  });

  it('refuses a light agent with 403 FORBIDDEN before looking at the body', async () => {
    const res = await post({ subject: 's' }, { token: KEYS.lightAgent, orgId: PORTALS.B.id });
    expect([res.status, res.json.errorCode]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a token without Desk.tickets.CREATE with 401 SCOPE_MISMATCH', async () => {
    const token = keyWithScopes(ALL_READ_SCOPES.filter((s) => s !== 'Desk.tickets.CREATE'));
    const res = await post({ subject: 's', departmentId, contactId: contact.id }, { token });
    expect([res.status, res.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
    expect(sandbox.createdTickets()).toEqual([]);
  });
});

describe('faults on POST /api/v1/tickets', () => {
  const TICKETS = /^\/api\/v1\/tickets$/;

  it('stores the ticket, then never answers (reachesDesk + hang): the client times out, the ticket exists', async () => {
    sandbox.addFault({ method: 'POST', path: TICKETS, body: 'hang', reachesDesk: true, times: 1 });
    const sent = sandboxGet(sandbox.port, 'desk.zoho.com', '/api/v1/tickets', {
      method: 'POST',
      token: KEYS.admin,
      orgId: A,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Lost answer', departmentId, contactId: contact.id }),
    }).then(
      () => 'answered',
      () => 'dropped',
    );
    const outcome = await Promise.race([sent, new Promise((r) => setTimeout(() => r('no answer'), 300))]);
    expect(outcome).toBe('no answer');
    const [stored] = sandbox.createdTickets();
    expect(stored).toMatchObject({ subject: 'Lost answer', contactId: contact.id });
    expect((await get(`/api/v1/tickets/${stored!.id}`)).status).toBe(200);
    // Other requests are untouched, and the next create is answered.
    expect((await get(`/api/v1/tickets/${stored!.id}`)).status).toBe(200);
    const next = await post({ subject: 'Answered', departmentId, contactId: contact.id });
    expect(next.status).toBe(200);
    expect(sandbox.createdTickets()).toHaveLength(2);
  });

  it('stores the ticket, then drops the connection (reachesDesk + reset)', async () => {
    sandbox.addFault({ method: 'POST', path: TICKETS, body: 'reset', reachesDesk: true, times: 1 });
    await expect(post({ subject: 'Reset after', departmentId, contactId: contact.id })).rejects.toThrow();
    expect(sandbox.createdTickets().map((t) => t.subject)).toEqual(['Reset after']);
  });

  it('stores the ticket, then answers 500 (reachesDesk + status)', async () => {
    sandbox.addFault({ method: 'POST', path: TICKETS, status: 500, reachesDesk: true, times: 1 });
    const res = await post({ subject: 'Error after', departmentId, contactId: contact.id });
    expect([res.status, res.json.errorCode]).toEqual([500, 'INTERNAL_SERVER_ERROR']);
    expect(sandbox.createdTickets()).toHaveLength(1);
  });

  it('without reachesDesk a reset stops the request before Desk: nothing is stored', async () => {
    sandbox.addFault({ method: 'POST', path: TICKETS, body: 'reset', times: 1 });
    await expect(post({ subject: 'Never arrived', departmentId, contactId: contact.id })).rejects.toThrow();
    expect(sandbox.createdTickets()).toEqual([]);
  });

  it('matches the method: a POST fault leaves GETs of the same path alone', async () => {
    sandbox.addFault({ method: 'POST', path: '/api/v1/tickets', status: 503 });
    expect((await get(`/api/v1/tickets/search?contactId=${contact.id}`)).status).toBe(200);
  });
});
