import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeskClient } from '../../../../lib/background/desk/client';
import { errorOf } from '../../support/error-of';
import { urlOf } from '../../support/fetch';
import { passThrough } from '../../support/limiter';

type DeskClientOptions = Parameters<typeof createDeskClient>[0];

const ORG = '649182735';
const TOKEN = '1000.zsc.3f9a1c.admin';
const ticket = (id: string, extra: object = {}) => ({
  id,
  ticketNumber: id.slice(-3),
  subject: `T${id}`,
  status: 'Open',
  statusType: 'Open',
  ...extra,
});
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...init.headers } });

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** A fake fetch that records every request and answers with `handler`. */
function fakeFetch(handler: Handler) {
  const calls: { url: URL; init: RequestInit; headers: Headers }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = urlOf(input);
    calls.push({ url, init, headers: new Headers(init.headers) });
    return handler(url, init);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function client(handler: Handler, options: Partial<DeskClientOptions> = {}) {
  const fake = fakeFetch(handler);
  const desk = createDeskClient({
    dataCentre: 'com',
    token: TOKEN,
    orgId: ORG,
    fetch: fake.fetch,
    limiter: passThrough,
    ...options,
  });
  return { desk, calls: fake.calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('requests', () => {
  it('calls the data centre’s Desk host with the token, orgId and no cookies', async () => {
    const { desk, calls } = client(() => json({ data: [ticket('1')], count: 1 }), { dataCentre: 'ca' });
    await desk.searchTickets({ email: ['a@x.example'] });
    const [call] = calls;
    expect(call?.url.origin).toBe('https://desk.zohocloud.ca');
    expect(call?.url.pathname).toBe('/api/v1/tickets/search');
    expect(call?.headers.get('authorization')).toBe(`Zoho-oauthtoken ${TOKEN}`);
    expect(call?.headers.get('orgid')).toBe(ORG);
    expect(call?.init.credentials).toBe('omit');
  });

  it('sends no orgId to /organizations and reads mixed-type organizations', async () => {
    const { desk, calls } = client(
      () => json({ data: [{ id: 649182735, companyName: 'Zylker', portalName: 'zylker', isDefault: 'true' }] }),
      { orgId: undefined },
    );
    expect(await desk.organizations()).toMatchObject([{ id: '649182735', isDefault: true }]);
    expect(calls[0]?.url.href).toBe('https://desk.zoho.com/api/v1/organizations');
    expect(calls[0]?.headers.has('orgid')).toBe(false);
  });

  it('refuses portal calls without an orgId before any request', async () => {
    const { desk, calls } = client(() => json({}), { orgId: undefined });
    expect((await errorOf(desk.myInfo())).code).toBe('NOT_CONFIGURED');
    expect(calls).toHaveLength(0);
  });

  it.each([
    [
      'tickets/search',
      (d: Desk) => d.searchTickets({ email: ['a@x.example', 'b@y.example'], sortBy: '-modifiedTime', from: 100, limit: 100 }),
      '/api/v1/tickets/search?email=a%40x.example,b%40y.example&sortBy=-modifiedTime&from=100&limit=100',
    ],
    [
      'contacts/search',
      (d: Desk) => d.searchContacts({ email: ['a@x.example'], limit: 100, from: 0 }),
      '/api/v1/contacts/search?email=a%40x.example&limit=100&from=0',
    ],
    [
      'accounts/search',
      (d: Desk) => d.searchAccounts({ accountName: 'Globex Corporation', limit: 25 }),
      '/api/v1/accounts/search?accountName=Globex%20Corporation&limit=25',
    ],
    [
      'contacts/{id}/tickets',
      (d: Desk) => d.contactTickets('5000000000000000001', { sortBy: '-modifiedTime', limit: 100, isSpam: false }),
      '/api/v1/contacts/5000000000000000001/tickets?sortBy=-modifiedTime&limit=100&isSpam=false',
    ],
    [
      'accounts/{id}/tickets',
      (d: Desk) => d.accountTickets('6000000000000000001', { from: 200, limit: 100, include: ['assignee'] }),
      '/api/v1/accounts/6000000000000000001/tickets?from=200&limit=100&include=assignee',
    ],
    ['accounts/{id}', (d: Desk) => d.getAccount('6000000000000000001'), '/api/v1/accounts/6000000000000000001'],
    ['myinfo', (d: Desk) => d.myInfo({ include: ['profile'] }), '/api/v1/myinfo?include=profile'],
  ])('%s sends exactly its documented parameters', async (_name, call, expected) => {
    const { desk, calls } = client(() => new Response(null, { status: 204 }));
    await call(desk);
    expect(calls[0]!.url.pathname + calls[0]!.url.search).toBe(expected);
  });

  it('drops parameters the endpoint does not document (Zoho would answer 422)', async () => {
    const { desk, calls } = client(() => new Response(null, { status: 204 }));
    const smuggled = { email: ['a@x.example'], sortOrder: 'desc', orgId: '1', accountName: undefined } as Parameters<
      Desk['searchTickets']
    >[0];
    await desk.searchTickets(smuggled);
    await desk.contactTickets('5', { email: ['x'] } as Parameters<Desk['contactTickets']>[1]);
    expect(calls.map((c) => c.url.search)).toEqual(['?email=a%40x.example', '']);
  });

  it('puts nothing but digits into a URL path', async () => {
    const { desk, calls } = client(() => json({}));
    expect((await errorOf(desk.getAccount('../organizations'))).code).toBe('INVALID_INPUT');
    expect((await errorOf(desk.contactTickets('5?x=1'))).code).toBe('INVALID_INPUT');
    expect(calls).toHaveLength(0);
  });
});

type Desk = ReturnType<typeof createDeskClient>;

describe('answers', () => {
  it('204 with no body means no results', async () => {
    const { desk } = client(() => new Response(null, { status: 204 }));
    expect(await desk.searchTickets({})).toEqual({ data: [], received: 0, count: 0 });
    expect(await desk.contactTickets('5')).toEqual({ data: [], received: 0 });
    expect(await desk.getAccount('6')).toBeNull();
  });

  it('an empty body with 200 is a broken answer, not an empty list', async () => {
    const { desk } = client(() => new Response('', { status: 200 }));
    expect(await errorOf(desk.searchTickets({}))).toMatchObject({ code: 'MALFORMED_JSON', status: 200 });
  });

  it('an id beyond 2^53 sent as a bare JSON number keeps its digits, or the ticket is dropped: never a rounded id', async () => {
    const raw = '{"data":[{"id":1892000000042034567,"ticketNumber":"101","subject":"s","status":"Open","statusType":"Open"}],"count":1}';
    const dropped: unknown[] = [];
    const { desk } = client(() => new Response(raw, { status: 200 }), { onDropped: (d) => dropped.push(d) });
    const page = await desk.searchTickets({});
    // Chrome 114+ and Firefox 135+ give JSON.parse's reviver the source digits; an engine without
    // them (Node 20) rounds the number, and then only dropping the ticket is honest.
    let source: unknown;
    JSON.parse('7', (_key, value, context?: { source?: string }) => ((source = context?.source), value));
    expect(page.data.map((t) => t.id)).toEqual(source === '7' ? ['1892000000042034567'] : []);
    expect(page.received).toBe(1);
    expect(dropped).toHaveLength(source === '7' ? 0 : 1);
  });

  it('normalises search pages: digit-string count, big ids exact', async () => {
    const { desk } = client(() => json({ data: [ticket('1892000000042034567', { createdTime: 1507813910000 })], count: '1100' }));
    const page = await desk.searchTickets({});
    expect(page.count).toBe(1100);
    expect(page.data[0]).toMatchObject({ id: '1892000000042034567', createdTime: '2017-10-12T13:11:50.000Z' });
  });
});

describe('API credits', () => {
  it('reports X-Rate-Limit-Remaining-v3 and -Request-Weight-v3 of every answer that carries them', async () => {
    const seen: unknown[] = [];
    const headers = { 'X-Rate-Limit-Remaining-v3': '4997', 'X-Rate-Limit-Request-Weight-v3': '3' };
    const { desk } = client(() => json({ data: [], count: 0 }, { headers }), { onCredits: (c) => seen.push(c) });
    await desk.searchTickets({});
    expect(seen).toEqual([{ remaining: 4997, weight: 3 }]);
    const bare = client(() => json({ data: [], count: 0 }), { onCredits: (c) => seen.push(c) });
    await bare.desk.searchTickets({});
    expect(seen).toHaveLength(1);
  });
});

describe('errors', () => {
  it('maps an error body to its errorCode with status, host, detail and Retry-After', async () => {
    const { desk } = client(() =>
      json({ errorCode: 'TOO_MANY_REQUESTS', message: 'Slow down' }, { status: 429, headers: { 'Retry-After': '7' } }),
    );
    expect(await errorOf(desk.searchTickets({}))).toEqual({
      code: 'TOO_MANY_REQUESTS',
      status: 429,
      host: 'desk.zoho.com',
      detail: 'Slow down',
      retryAfterSec: 7,
    });
  });

  it.each([
    [401, { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' }, 'INVALID_OAUTH'],
    [200, { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' }, 'INVALID_OAUTH'],
    [403, { errorCode: 'OAUTH_ORG_MISMATCH', message: 'x' }, 'OAUTH_ORG_MISMATCH'],
    [
      422,
      { errorCode: 'UNPROCESSABLE_ENTITY', message: "Extra query parameter 'sortOrder' is present in the input." },
      'UNPROCESSABLE_ENTITY',
    ],
    [404, null, 'URL_NOT_FOUND'],
    [503, '<html>Service Unavailable</html>', 'HTTP_ERROR'],
  ])('HTTP %i %j → %s', async (status, body, code) => {
    const { desk } = client(() => new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), { status }));
    expect(await errorOf(desk.getAccount('1'))).toMatchObject({ code, status });
  });

  it('SCOPE_MISMATCH names the scopes the refused endpoint declares (Zoho does not say which is missing)', async () => {
    const { desk } = client(() => json({ errorCode: 'SCOPE_MISMATCH', message: 'scope' }, { status: 401 }));
    expect(await errorOf(desk.myInfo())).toMatchObject({ code: 'SCOPE_MISMATCH', scopes: ['Desk.settings.READ', 'Desk.basic.READ'] });
    expect(await errorOf(desk.searchTickets({}))).toMatchObject({ scopes: ['Desk.tickets.READ', 'Desk.search.READ'] });
    expect(await errorOf(desk.getAccount('1'))).toMatchObject({ scopes: ['Desk.contacts.READ'] });
  });

  it('each documented errorCode keeps its own code, whatever the status', async () => {
    for (const [status, code] of [
      [401, 'UNAUTHORIZED'],
      [401, 'INVALID_OAUTH'],
      [401, 'SCOPE_MISMATCH'],
      [401, 'OAUTH_ORG_MISMATCH'],
      [403, 'LICENSE_ACCESS_LIMITED'],
      [429, 'THRESHOLD_EXCEEDED'],
      [429, 'TOO_MANY_REQUESTS'],
    ] as const) {
      const { desk } = client(() => json({ errorCode: code, message: 'm' }, { status }));
      expect(await errorOf(desk.searchContacts({}))).toMatchObject({ code, status });
    }
  });

  it('a failed fetch (offline, DNS, TLS) is NETWORK', async () => {
    const { desk } = client(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await errorOf(desk.searchTickets({}))).toEqual({ code: 'NETWORK', host: 'desk.zoho.com', detail: 'Failed to fetch' });
  });

  it('no answer within 15 s is TIMEOUT; the caller’s abort is ABORTED', async () => {
    vi.useFakeTimers();
    const hang: Handler = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const { desk } = client(hang);
    let settled = false;
    const timedOut = errorOf(desk.searchTickets({})).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await timedOut).toMatchObject({ code: 'TIMEOUT' });

    const controller = new AbortController();
    const aborted = errorOf(desk.searchTickets({}, controller.signal));
    controller.abort();
    expect(await aborted).toMatchObject({ code: 'ABORTED' });
  });

  it('an answer that is not JSON is MALFORMED_JSON; one cut mid-JSON is TRUNCATED_BODY', async () => {
    expect(await errorOf(client(() => new Response('<html>login</html>', { status: 200 })).desk.searchTickets({}))).toMatchObject({
      code: 'MALFORMED_JSON',
      status: 200,
    });
    expect(await errorOf(client(() => new Response('{"data":[{"id":"1","subj', { status: 200 })).desk.searchTickets({}))).toMatchObject({
      code: 'TRUNCATED_BODY',
    });
  });

  it('fewer bytes than Content-Length, or a body stream that breaks, is TRUNCATED_BODY', async () => {
    const short = () => new Response('{"data":[],"count":0}', { status: 200, headers: { 'Content-Length': '900' } });
    expect(await errorOf(client(short).desk.searchTickets({}))).toMatchObject({ code: 'TRUNCATED_BODY', detail: '21 of 900 bytes' });
    const broken = () =>
      new Response(
        new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"data"')), c.error(new TypeError('connection reset'))) }),
        { status: 200 },
      );
    expect(await errorOf(client(broken).desk.searchTickets({}))).toMatchObject({ code: 'TRUNCATED_BODY', status: 200 });
  });

  it('an answer of the wrong shape is SCHEMA_VIOLATION naming the field', async () => {
    const { desk } = client(() => json({ items: [ticket('1')], count: 1 }));
    const info = await errorOf(desk.searchTickets({}));
    expect(info).toMatchObject({ code: 'SCHEMA_VIOLATION', status: 200 });
    expect(info.detail).toContain('data');
    expect(await errorOf(client(() => json({ id: 'x1', accountName: 'A' })).desk.getAccount('1'))).toMatchObject({
      code: 'SCHEMA_VIOLATION',
    });
  });

  it('one ticket of a shape no file allows is dropped and reported; the others stay, and paging counts it', async () => {
    const dropped: unknown[] = [];
    const bad = ticket('2', { id: 'not-an-id', createdTime: 'yesterday' });
    const { desk } = client(() => json({ data: [ticket('1'), bad, ticket('3', { subject: null, status: null, statusType: null })] }), {
      onDropped: (d) => dropped.push(d),
    });
    const page = await desk.contactTickets('5', { from: 0, limit: 3 });
    expect(page.data.map((t) => t.id)).toEqual(['1', '3']);
    expect(page.received).toBe(3);
    expect(dropped).toEqual([{ endpoint: 'contactTickets', count: 1, issue: 'id: expected a digit-string id' }]);
  });
});
