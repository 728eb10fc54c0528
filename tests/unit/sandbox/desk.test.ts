// @vitest-environment node
// The sandbox's Desk API: auth, orgId, validation, envelopes, typing, and the differences between
// search, list and get answers (the shapes of the contract table in tests/sandbox/contract).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskGet } from '../../sandbox/client';
import { ADMIN_EMAIL, KEYS, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());

const A = PORTALS.A.id;
const B = PORTALS.B.id;
/** Calls as the admin key; orgId null = no orgId header. */
const admin = (path: string, orgId: string | null = A) => deskGet(sandbox.port, path, { token: KEYS.admin, ...(orgId ? { orgId } : {}) });
const INVALID_OAUTH = { errorCode: 'INVALID_OAUTH', message: 'The OauthToken is invalid or has expired.' };

describe('authentication and orgId', () => {
  it('answers 401 UNAUTHORIZED without an Authorization header or with another scheme', async () => {
    const port = sandbox.port;
    for (const res of await Promise.all([
      deskGet(port, '/api/v1/organizations'),
      deskGet(port, '/api/v1/organizations', { headers: { authorization: `Bearer ${KEYS.admin}` } }),
      deskGet(port, '/api/v1/myinfo', { orgId: A }),
    ])) {
      expect([res.status, res.json.errorCode]).toEqual([401, 'UNAUTHORIZED']);
    }
  });

  it('answers 401 INVALID_OAUTH for a revoked key or a key of another data centre', async () => {
    const port = sandbox.port;
    const cases = [
      deskGet(port, '/api/v1/organizations', { token: KEYS.revoked }),
      deskGet(port, '/api/v1/organizations', { token: KEYS.admin, host: 'desk.zoho.eu' }),
      deskGet(port, '/api/v1/myinfo', { token: KEYS.admin, orgId: A, host: 'desk.zohocloud.ca' }),
      deskGet(port, '/api/v1/organizations', { token: KEYS.euAdmin, host: 'desk.zoho.com' }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      expect(res.json).toEqual(INVALID_OAUTH);
    }
  });

  it('requires the orgId header except on /organizations, and refuses portals the key cannot read', async () => {
    const missing = await admin('/api/v1/myinfo', null);
    expect(missing.status).toBe(422);
    expect(missing.json.errorCode).toBe('UNPROCESSABLE_ENTITY');
    const limitedOnC = await deskGet(sandbox.port, '/api/v1/tickets/search?email=a@b.example', {
      token: KEYS.limited,
      orgId: PORTALS.C.id,
    });
    expect(limitedOnC.status).toBe(403);
    expect(limitedOnC.json.errorCode).toBe('OAUTH_ORG_MISMATCH');
    const limitedOnA = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.limited, orgId: A });
    expect(limitedOnA.status).toBe(200);
  });

  it("lists portals with Zoho's mixed typing, and answers the other keys as fixtures.ts says", async () => {
    const orgs = await admin('/api/v1/organizations', null);
    expect(orgs.status).toBe(200);
    const [a, b] = orgs.json.data;
    expect(a).toMatchObject({ id: A, isDefault: 'true', employeeCount: '10', isAdminInOrg: true, edition: 'FREE' });
    expect(b).toMatchObject({ id: 7310045521, isDefault: false, isAdminInOrg: true, timeZone: 'Asia/Tokyo' });
    expect(orgs.json.count).toBeUndefined();

    const limited = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.limited });
    expect(limited.json.data.map((o: { id: unknown }) => String(o.id))).toEqual([A, PORTALS.C.id]);
    const noScope = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.noScope });
    expect([noScope.status, noScope.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
    const noPortals = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.noPortals });
    expect([noPortals.status, noPortals.body]).toEqual([204, '']);
  });

  it("gives myinfo the key owner's email with its case kept, and departments as a list", async () => {
    expect((await admin('/api/v1/myinfo')).json.emailId).toBe(ADMIN_EMAIL);
    const departments = await admin('/api/v1/departments');
    expect(departments.json.data.length).toBeGreaterThan(0);
    expect(departments.json.count).toBeUndefined();
  });
});

describe('query validation', () => {
  it.each([
    ['/api/v1/tickets/search?email=x@y.example&sortOrder=asc', "Extra query parameter 'sortOrder' is present in the input."],
    ['/api/v1/tickets/search?email=x@y.example&limit=101', "The value passed for field 'limit' exceeds the range of '1-100'."],
    ['/api/v1/tickets/search?email=x@y.example&limit=0', "The value passed for field 'limit' exceeds the range of '1-100'."],
    ['/api/v1/tickets/search?email=x@y.example&from=1000', "The value passed for the 'from' query parameter is invalid."],
    ['/api/v1/tickets/search?email=x@y.example&sortBy=dueDate', "The value passed for the 'sortBy' query parameter is invalid."],
    [`/api/v1/tickets/search?email=${Array.from({ length: 31 }, (_, i) => `p${i}@x.example`).join(',')}`, undefined],
    ['/api/v1/accounts/search?accountName=Gl', "The value passed for the 'accountName' query parameter is invalid."],
    ['/api/v1/contacts/1892000000200000002/tickets?from=-1', "The value passed for the 'from' query parameter is invalid."],
    ['/api/v1/contacts/1892000000200000002/tickets?include=contacts', "The value passed for the 'include' query parameter is invalid."],
    ['/api/v1/contacts/1892000000200000002/tickets?dueDate=overdue', "Extra query parameter 'dueDate' is present in the input."],
    ['/api/v1/accounts/1892000000300000001/tickets?from=0', "The value passed for the 'from' query parameter is invalid."],
    ['/api/v1/accounts/1892000000300000001/tickets?limit=100', "The value passed for field 'limit' exceeds the range of '1-99'."],
    ['/api/v1/accounts/1892000000300000001/tickets?dueDate=overdue,today', undefined],
    [
      '/api/v1/tickets/search?email=x@y.example&customField1=nocolon',
      "The value passed for the 'customField1' query parameter is invalid.",
    ],
    ['/api/v1/tickets/search?email=x@y.example&limit=ten', "The value passed for the 'limit' query parameter is invalid."],
    ['/api/v1/myinfo?include=profile,role,associatedDepartments,associatedChatDepartments,profile', undefined],
  ])('%s → 422', async (path, message) => {
    const res = await admin(path);
    expect(res.status).toBe(422);
    expect(res.json.errorCode).toBe('UNPROCESSABLE_ENTITY');
    if (message) expect(res.json.message).toBe(message);
    // Zoho's errors[] form names the parameter too.
    const name = new URL(path, 'https://x.invalid').searchParams;
    expect([...name.keys()]).toContain(res.json.errors[0].fieldName);
  });

  it("accepts the window's edges (from 999, limit 100) and 30 emails", async () => {
    const emails = [...RECORDS.contact.emails, ...Array.from({ length: 28 }, (_, i) => `p${i}@x.example`)].join(',');
    expect((await admin(`/api/v1/tickets/search?email=${emails}&from=0&limit=100`)).status).toBe(200);
    expect((await admin(`/api/v1/tickets/search?email=${RECORDS.big.emails[0]}&from=999&limit=100`)).json.data).toHaveLength(100);
  });
});

describe('answers', () => {
  it('answers no result with 204 and an empty body', async () => {
    for (const path of [
      '/api/v1/tickets/search?email=mia.schultz@initech.example',
      '/api/v1/contacts/search?email=mia.schultz@initech.example',
      '/api/v1/accounts/search?accountName=Nonexistent%20Holdings',
    ]) {
      const res = await admin(path);
      expect(res.status).toBe(204);
      expect(res.body).toBe('');
    }
  });

  it('wraps searches as {data, count} with a numeric count, lists as {data} only', async () => {
    const search = await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`);
    expect(Object.keys(search.json).sort()).toEqual(['count', 'data']);
    expect(search.json.count).toBe(2);
    const contact = (await admin(`/api/v1/contacts/search?email=${RECORDS.lead.emails[0]}`)).json.data[0];
    const list = await admin(`/api/v1/contacts/${contact.id}/tickets`);
    expect(Object.keys(list.json)).toEqual(['data']);
  });

  it('keeps ids as 19-digit strings beyond 2^53, counters digit strings or numbers', async () => {
    const ticket = (await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`)).json.data[0];
    for (const id of [ticket.id, ticket.contactId]) {
      expect(id).toMatch(/^\d{19}$/);
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
    if (ticket.threadCount !== null) expect(String(ticket.threadCount)).toMatch(/^\d+$/);
    expect(ticket.webUrl).toBe(`https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/${ticket.id}`);
    const stats = (await admin(`/api/v1/contacts/${ticket.contactId}/statistics`)).json;
    const counts = [stats.totalTickets, stats.openTickets, stats.closedTickets].map((n) => (n === null ? null : String(n)));
    for (const [count, expected] of counts.map((n, i) => [n, ['2', '1', '1'][i]] as const))
      if (count !== null) expect(count).toBe(expected);
  });

  it('gives search items modifiedTime, isOverDue and an assignee; list items none of them unless included', async () => {
    const [searchItem] = (await admin(`/api/v1/tickets/search?email=${RECORDS.hostile.emails[0]}&limit=1`)).json.data;
    expect(searchItem).toHaveProperty('modifiedTime');
    expect(searchItem).toHaveProperty('isOverDue');
    expect(searchItem.assignee).toHaveProperty('emailId');
    expect(searchItem.contact).toHaveProperty('email');
    // The account is the contact's: no accountName on the ticket itself, accountId beside it.
    expect(searchItem).toHaveProperty('accountId');
    expect(searchItem).not.toHaveProperty('accountName');
    expect(searchItem.contact).toHaveProperty('account');

    const contactId = searchItem.contactId;
    const [plain] = (await admin(`/api/v1/contacts/${contactId}/tickets`)).json.data;
    expect(plain).not.toHaveProperty('modifiedTime');
    expect(plain).not.toHaveProperty('isOverDue');
    expect(plain).not.toHaveProperty('assignee');
    expect(plain.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const withAssignee = (await admin(`/api/v1/contacts/${contactId}/tickets?include=assignee`)).json.data;
    expect(withAssignee.some((t: { assignee?: unknown }) => t.assignee && typeof t.assignee === 'object')).toBe(true);
  });

  it("renders portal B's list dates as epoch milliseconds and its search dates as ISO strings", async () => {
    const [item] = (await admin(`/api/v1/tickets/search?email=${RECORDS.japanese.emails[0]}`, B)).json.data;
    expect(typeof item.createdTime).toBe('string');
    const [listed] = (await admin(`/api/v1/contacts/${item.contactId}/tickets`, B)).json.data;
    expect(typeof listed.createdTime).toBe('number');
    expect(new Date(listed.createdTime).toISOString()).toBe(item.createdTime);
  });

  it('keeps status a localized label beside the stable statusType', async () => {
    const contact = (await admin(`/api/v1/tickets/search?email=${RECORDS.contact.emails[0]}&limit=100`)).json.data;
    expect(contact.find((t: { status: string }) => t.status === 'Escalated')?.statusType).toBe('Open');
    const japanese = (await admin(`/api/v1/tickets/search?email=${RECORDS.japanese.emails[0]}`)).json.data;
    const labels = new Map(japanese.map((t: { statusType: string; status: string }) => [t.statusType, t.status]));
    expect(labels).toEqual(
      new Map([
        ['Open', '対応中'],
        ['On Hold', '保留'],
        ['Closed', '完了'],
      ]),
    );
  });

  it('links Desk contacts and accounts to CRM: zohoCRMContact on contacts, zohoCRMAccount only on accounts/{id}', async () => {
    const [linked] = (await admin(`/api/v1/contacts/search?email=${RECORDS.lead.emails[0]}`)).json.data;
    // Zoho's examples give the link type bare or as a one-element array.
    expect(linked.zohoCRMContact.id).toBe(RECORDS.lead.recordId);
    expect([linked.zohoCRMContact.type].flat()).toEqual(['contacts_leads']);
    // A name matches exactly; a trailing * makes it a prefix.
    const exact = (await admin(`/api/v1/accounts/search?accountName=${encodeURIComponent('globex corporation')}`)).json.data;
    expect(exact.map((a: { accountName: string }) => a.accountName)).toEqual(['Globex Corporation']);
    expect((await admin(`/api/v1/accounts/search?accountName=${encodeURIComponent('Globex Corp')}`)).status).toBe(204);
    const accounts = (await admin(`/api/v1/accounts/search?accountName=${encodeURIComponent('Globex Corporation*')}`)).json.data;
    expect(accounts.map((a: { accountName: string }) => a.accountName).sort()).toEqual(['Globex Corporation', 'Globex Corporation Asia']);
    expect(accounts.every((a: object) => !('zohoCRMAccount' in a))).toBe(true);
    const full = await Promise.all(accounts.map((a: { id: string }) => admin(`/api/v1/accounts/${a.id}`)));
    expect(full.filter((r) => r.json.zohoCRMAccount?.id === RECORDS.account.recordId)).toHaveLength(1);
  });

  it('answers unknown ids with 404 URL_NOT_FOUND', async () => {
    for (const path of [
      '/api/v1/tickets/1892000000199999999',
      '/api/v1/accounts/1892000000399999999',
      '/api/v1/accounts/1892000000399999999/statistics',
      '/api/v1/nope',
    ]) {
      const res = await admin(path);
      expect([res.status, res.json.errorCode]).toEqual([404, 'URL_NOT_FOUND']);
    }
  });

  it('logs every request with host, path, query, status, orgId and token', async () => {
    sandbox.clearLog();
    await admin('/api/v1/tickets/search?email=nobody@x.example&limit=5');
    const [entry] = sandbox.deskCalls({ path: '/api/v1/tickets/search' });
    expect(entry).toMatchObject({
      host: 'desk.zoho.com',
      method: 'GET',
      query: { email: 'nobody@x.example', limit: '5' },
      status: 204,
      orgId: A,
      token: KEYS.admin,
    });
  });
});

describe('each error Zoho documents, reachable', () => {
  it('LICENSE_ACCESS_LIMITED for a Zoho user without a Desk agent licence, with the licence keys', async () => {
    const res = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, { token: KEYS.unlicensed, orgId: A });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ errorCode: 'LICENSE_ACCESS_LIMITED', feature: 'AGENTS', isTrial: false });
  });

  it('SCOPE_MISMATCH for a key without Desk.search.READ on a search, not on a record by id', async () => {
    const search = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, {
      token: KEYS.noSearch,
      orgId: A,
    });
    expect([search.status, search.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
    const ticket = (await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`)).json.data[0];
    expect((await deskGet(sandbox.port, `/api/v1/tickets/${ticket.id}`, { token: KEYS.noSearch, orgId: A })).status).toBe(200);
  });

  it('counts API credits in the answer headers and answers THRESHOLD_EXCEEDED once the day’s credits are spent', async () => {
    const ticket = (await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`)).json.data[0];
    const search = await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`);
    expect(search.headers['x-rate-limit-request-weight-v3']).toBe('3');
    const one = await admin(`/api/v1/tickets/${ticket.id}`);
    expect(one.headers['x-rate-limit-request-weight-v3']).toBe('1');
    expect(Number(one.headers['x-rate-limit-remaining-v3'])).toBe(Number(search.headers['x-rate-limit-remaining-v3']) - 1);
    expect(sandbox.creditsLeft(A)).toBe(Number(one.headers['x-rate-limit-remaining-v3']));
    // Portal A is a Free portal: 5,000 credits a day.
    expect(Number(search.headers['x-rate-limit-remaining-v3'])).toBeLessThan(5000);

    sandbox.setDailyCredits(A, 2);
    try {
      const spent = await admin(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`);
      expect([spent.status, spent.json.errorCode]).toEqual([429, 'THRESHOLD_EXCEEDED']);
      expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(spent.headers['retry-after'])).toBeLessThanOrEqual(25 * 3600);
      expect((await admin(`/api/v1/tickets/${ticket.id}`)).status).toBe(200);
      expect((await admin(`/api/v1/tickets/${ticket.id}`)).status).toBe(200);
      expect((await admin(`/api/v1/tickets/${ticket.id}`)).json.errorCode).toBe('THRESHOLD_EXCEEDED');
      // Another portal's credits are its own.
      expect((await admin(`/api/v1/tickets/search?email=${RECORDS.japanese.emails[0]}`, B)).status).toBe(200);
    } finally {
      sandbox.setDailyCredits(A, null);
    }
    expect((await admin(`/api/v1/tickets/${ticket.id}`)).status).toBe(200);
  });
});

describe('legal variants', () => {
  it('gives the sparse ticket nulls where the search shape allows them, and leaves out the list item’s subject', async () => {
    const found = (await admin(`/api/v1/tickets/search?email=${RECORDS.sparse.emails[0]}`)).json.data;
    const sparse = found.find((t: { subject: string | null }) => t.subject === null);
    expect(sparse).toMatchObject({ subject: null, status: null, statusType: null, assignee: null, assigneeId: null, dueDate: null });
    expect(found.filter((t: { subject: string | null }) => t.subject !== null)).toHaveLength(2);
    const listed = (await admin(`/api/v1/contacts/${sparse.contactId}/tickets?include=assignee`)).json.data;
    const same = listed.find((t: { id: string }) => t.id === sparse.id);
    expect(same).not.toHaveProperty('subject');
    expect(same).toMatchObject({ status: null, statusType: null, assignee: null, dueDate: null });
    const full = (await admin(`/api/v1/tickets/${sparse.id}`)).json;
    // The ticket itself never has a null statusType.
    expect(full.statusType).toBe('Open');
  });

  it('records its seed and takes a given one', async () => {
    const fixed = await startSandbox({ quiet: true, seed: 4242 });
    try {
      expect(fixed.seed).toBe(4242);
      expect(Number.isInteger(sandbox.seed)).toBe(true);
    } finally {
      await fixed.close();
    }
  });
});
