// The portal's API credits as the broker meets them: the remaining credits Desk reports on each
// answer reach diagnostics.get, and once Zoho says they are spent (THRESHOLD_EXCEEDED) no Desk
// call is made until they come back, while the panel hears why.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../../../../lib/shared/i18n/errors';
import { PORTAL, testBroker, ticketsGet, type TestBroker } from '../../support/broker-setup';
import { urlOf } from '../../support/fetch';
import { optionsTab } from '../../support/senders';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
let world: TestBroker;
let calls: string[];
let remaining: number;
let spent: boolean;

const answer = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function deskFetch(input: RequestInfo | URL): Promise<Response> {
  const url = urlOf(input);
  calls.push(url.pathname);
  if (spent) return Promise.resolve(answer({ errorCode: 'THRESHOLD_EXCEEDED', message: 'limit' }, 429));
  remaining -= 3;
  const credits = { 'X-Rate-Limit-Remaining-v3': String(remaining), 'X-Rate-Limit-Request-Weight-v3': '3' };
  return Promise.resolve(answer(null, 204, credits));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  calls = [];
  remaining = 5000;
  spent = false;
  world = testBroker({ fetch: deskFetch });
  await world.connect();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('API credits', () => {
  it('diagnostics.get shows the credits Desk last reported for the portal', async () => {
    expect((await world.send({ command: 'diagnostics.get' }, optionsTab())).ok).toBe(true);
    await world.send(ticketsGet('fresh'));
    const diagnostics = await world.send({ command: 'diagnostics.get' }, optionsTab());
    expect(diagnostics).toMatchObject({
      ok: true,
      data: { apiUsage: [{ portalId: PORTAL.id, remaining: 5000 - 3 * calls.length, lastWeight: 3, reportedAt: T0, spentUntil: null }] },
    });
  });

  it('THRESHOLD_EXCEEDED: no further Desk call until midnight Pacific Time, and the words say so', async () => {
    spent = true;
    const first = await world.send(ticketsGet('fresh'));
    expect(first).toMatchObject({ ok: false, error: { code: 'THRESHOLD_EXCEEDED' } });
    const made = calls.length;
    expect(made).toBeGreaterThan(0);

    vi.setSystemTime(T0 + 60_000);
    const again = await world.send(ticketsGet('refresh'));
    expect(again).toMatchObject({ ok: false, error: { code: 'THRESHOLD_EXCEEDED' } });
    expect(calls).toHaveLength(made);
    const midnight = Date.UTC(2026, 5, 2, 7, 0, 0); // 00:00 PDT
    if (again.ok) throw new Error('expected an error');
    expect(again.error.retryAfterSec).toBe((midnight - T0 - 60_000) / 1000);
    expect(errorMessage(again.error, 'en')).toContain('in about 22 h');

    const diagnostics = await world.send({ command: 'diagnostics.get' }, optionsTab());
    expect(diagnostics).toMatchObject({ data: { apiUsage: [{ portalId: PORTAL.id, spentUntil: midnight }] } });
    expect((await world.credentials.get())?.rejected).toBeUndefined();

    spent = false;
    vi.setSystemTime(midnight + 1);
    expect(await world.send(ticketsGet('refresh'))).toMatchObject({ ok: true });
    expect(calls.length).toBeGreaterThan(made);
  });
});
