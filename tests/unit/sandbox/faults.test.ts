// @vitest-environment node
// Fault injection and the per-edition concurrency limit, as a client of the sandbox sees them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deskGet, sandboxGet } from '../../sandbox/client';
import { KEYS, PORTALS, RECORDS, recordPath, startSandbox, type Sandbox } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterEach(() => {
  sandbox.clearFaults();
  sandbox.setConcurrencyLimit(PORTALS.A.id, null);
});
afterAll(() => sandbox.close());

const SEARCH = '/api/v1/tickets/search';
const leadSearch = `${SEARCH}?email=${RECORDS.lead.emails[0]}`;
/** Resolves once `n` search calls have arrived and are still unanswered (no fixed sleeps). */
async function inFlight(n: number): Promise<void> {
  while (sandbox.deskCalls({ path: SEARCH }).filter((e) => e.status === 0).length < n) await new Promise((r) => setTimeout(r, 10));
}
const call = (path = leadSearch, orgId: string = PORTALS.A.id) => deskGet(sandbox.port, path, { token: KEYS.admin, orgId });

describe('fault rules', () => {
  it('answers a status with the documented body for the code, for `times` requests only', async () => {
    sandbox.addFault({ path: SEARCH, status: 500, times: 2 });
    const [first, second, third] = [await call(), await call(), await call()];
    expect(first.status).toBe(500);
    expect(first.json).toEqual({
      errorCode: 'INTERNAL_SERVER_ERROR',
      message: 'An internal server error occurred while performing this operation.',
    });
    expect(second.status).toBe(500);
    expect(third.status).toBe(200);
  });

  it('takes the status from a given errorCode', async () => {
    sandbox.addFault({ path: SEARCH, errorCode: 'INVALID_OAUTH', times: 1 });
    const res = await call();
    expect([res.status, res.json.errorCode, res.json.message]).toEqual([401, 'INVALID_OAUTH', 'The OauthToken is invalid or has expired.']);
  });

  it('answers 429 with Retry-After and THRESHOLD_EXCEEDED, or the code given', async () => {
    sandbox.addFault({ path: SEARCH, status: 429, retryAfterSec: 7, times: 1 });
    const limited = await call();
    expect([limited.status, limited.headers['retry-after'], limited.json.errorCode]).toEqual([429, '7', 'THRESHOLD_EXCEEDED']);
    sandbox.addFault({ path: SEARCH, status: 429, errorCode: 'TOO_MANY_REQUESTS', times: 1 });
    const tooMany = await call();
    expect([tooMany.status, tooMany.headers['retry-after'], tooMany.json.errorCode]).toEqual([429, undefined, 'TOO_MANY_REQUESTS']);
  });

  it('breaks bodies: malformed, schema-breaking, empty, truncated', async () => {
    sandbox.addFault({ path: SEARCH, body: 'malformed', times: 1 });
    const malformed = await call();
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body)).toThrow();

    sandbox.addFault({ path: SEARCH, body: 'schema', times: 1 });
    const schema = await call();
    expect(Array.isArray(JSON.parse(schema.body).data)).toBe(false);

    sandbox.addFault({ path: SEARCH, body: 'empty', times: 1 });
    const empty = await call();
    expect([empty.status, empty.body]).toEqual([200, '']);

    sandbox.addFault({ path: SEARCH, body: 'reset', times: 1 });
    await expect(call()).rejects.toThrow(/socket hang up|ECONNRESET/);

    sandbox.addFault({ path: SEARCH, body: 'truncated', times: 1 });
    const truncated = await call();
    expect(truncated.error).toBeDefined();
    expect(Buffer.byteLength(truncated.body)).toBeLessThan(Number(truncated.headers['content-length']));
  });

  it('matches by host and by path pattern, and can be removed', async () => {
    const remove = sandbox.addFault({ host: 'crm.zoho.com', path: /^\/crm\/v2\.2\//, status: 503 });
    expect((await call()).status).toBe(200);
    expect((await sandboxGet(sandbox.port, 'crm.zoho.com', `/crm/v2.2/Contacts/${RECORDS.contact.recordId}`)).status).toBe(503);
    expect((await sandboxGet(sandbox.port, 'crm.zoho.com', recordPath(RECORDS.contact))).status).toBe(200);
    remove();
    expect((await sandboxGet(sandbox.port, 'crm.zoho.com', `/crm/v2.2/Contacts/${RECORDS.contact.recordId}`)).status).toBe(200);
  });
});

describe('concurrency per portal', () => {
  it('refuses the 6th in-flight call on the Free portal with 429 TOO_MANY_REQUESTS, without Retry-After', async () => {
    sandbox.clearLog();
    sandbox.addFault({ path: SEARCH, delayMs: 800, times: 5 });
    const held = Array.from({ length: 5 }, () => call());
    await inFlight(5);
    const sixth = await call(`/api/v1/myinfo`);
    expect([sixth.status, sixth.json.errorCode, sixth.headers['retry-after']]).toEqual([429, 'TOO_MANY_REQUESTS', undefined]);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await call('/api/v1/myinfo')).status).toBe(200); // slots freed
  });

  it('lets the Enterprise portal run more in parallel, and obeys an overridden limit', async () => {
    sandbox.addFault({ path: SEARCH, delayMs: 300, times: 6 });
    const jp = `${SEARCH}?email=${RECORDS.japanese.emails[0]}`;
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => call(jp, PORTALS.B.id)))).map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    sandbox.setConcurrencyLimit(PORTALS.A.id, 1);
    sandbox.clearLog();
    sandbox.addFault({ path: SEARCH, delayMs: 800, times: 1 });
    const first = call();
    await inFlight(1);
    expect((await call('/api/v1/myinfo')).status).toBe(429);
    expect((await first).status).toBe(200);
  });
});
