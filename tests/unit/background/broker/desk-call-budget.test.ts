// This browser's budget of Desk calls, through the broker as the background builds it: a page that
// keeps writing new emails cannot make DeskLink spend the company's Zoho credits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Identity } from '../../../../lib/shared/commands';
import { errorMessage } from '../../../../lib/shared/i18n/errors';
import { contact, testBroker, ticketsGet, type TestBroker } from '../../support/broker-setup';
import { errorOf } from '../../support/error-of';

const T0 = new Date(2026, 5, 1, 9, 0, 0).getTime();

let deskCalls: number;
/** Zoho Desk that knows nobody: every search answers 204 (no content). */
const desk: typeof fetch = () => {
  deskCalls++;
  return Promise.resolve(new Response(null, { status: 204 }));
};

beforeEach(() => {
  deskCalls = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

const someone = (n: number): Identity => ({ emails: [`customer${n}@example.com`] });

async function connected(): Promise<TestBroker> {
  const world = testBroker({ fetch: desk });
  await world.connect();
  return world;
}

/** The page writes `count` different emails into the record, one every `everyMs`; the panel looks each up. */
async function pageWritesEmails(world: TestBroker, count: number, everyMs: number, from = 0) {
  const answers: { ok: boolean; code?: string; retryAfterSec?: number }[] = [];
  for (let n = from; n < from + count; n++) {
    const response = await world.send(ticketsGet('cached', contact, someone(n)));
    answers.push(response.ok ? { ok: true } : { ok: false, code: response.error.code, retryAfterSec: response.error.retryAfterSec });
    vi.setSystemTime(Date.now() + everyMs);
  }
  return answers;
}

describe('the Desk budget: at most 60 calls a minute, whatever the page does', () => {
  it('200 different emails written into the page within 30 s cause at most 60 Desk calls', async () => {
    const world = await connected();
    const answers = await pageWritesEmails(world, 200, 150);
    expect(deskCalls).toBeLessThanOrEqual(60);
    expect(deskCalls).toBeGreaterThan(0);
    // Once spent, the panel says why, and when tickets load again.
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(100);
    expect(refused.every((a) => a.code === 'CALL_LIMIT_REACHED' && a.retryAfterSec! >= 1 && a.retryAfterSec! <= 60)).toBe(true);
    const last = refused[refused.length - 1]!;
    expect(errorMessage({ code: 'CALL_LIMIT_REACHED', retryAfterSec: last.retryAfterSec! }, 'en')).toBe(
      `DeskLink paused its Zoho Desk requests: this browser reached its limit of requests a minute. Tickets load again in ${last.retryAfterSec} seconds.`,
    );
    expect(errorMessage({ code: 'CALL_LIMIT_REACHED' }, 'ja')).toContain('上限');
  });

  it('a minute later Desk is asked again; diagnostics count the calls of today and of the last minute', async () => {
    const world = await connected();
    await pageWritesEmails(world, 100, 100);
    const spent = deskCalls;
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toEqual({ today: spent, lastMinute: spent, limitPerMinute: 60 });
    vi.setSystemTime(Date.now() + 60_000);
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toEqual({ today: spent, lastMinute: 0, limitPerMinute: 60 });
    await world.panel(ticketsGet('cached', contact, someone(1000)));
    expect(deskCalls).toBeGreaterThan(spent);
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toMatchObject({
      today: deskCalls,
      lastMinute: deskCalls - spent,
    });
  });

  it('survives the worker being restarted: a new broker still knows the calls of the last minute', async () => {
    await pageWritesEmails(await connected(), 100, 100);
    const spent = deskCalls;
    // The MV3 worker stops when idle; a new one starts with what storage.session kept.
    const restarted = testBroker({ fetch: desk });
    expect((await errorOf(restarted.panel(ticketsGet('cached', contact, someone(500))))).code).toBe('CALL_LIMIT_REACHED');
    expect(deskCalls).toBe(spent);
    expect((await restarted.admin({ command: 'diagnostics.get' })).deskCalls).toMatchObject({ today: spent, lastMinute: spent });
  });

  it('a Desk call does not wait for the count to be stored (storage.session slow or stuck)', async () => {
    const world = await connected();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(() => new Promise<void>(() => undefined));
    try {
      const response = await world.panel(ticketsGet('cached', contact, someone(1)));
      expect(response.tickets).toEqual([]);
      expect(deskCalls).toBeGreaterThan(0);
      expect(set).toHaveBeenCalled();
    } finally {
      set.mockRestore();
    }
  });

  it('the enterprise policy sets the limit (deskCallsPerMinute)', async () => {
    await fakeBrowser.storage.managed.set({ deskCallsPerMinute: 5 });
    const world = await connected();
    await pageWritesEmails(world, 20, 100);
    expect(deskCalls).toBe(5);
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toMatchObject({ lastMinute: 5, limitPerMinute: 5 });
  });

  it('a changed policy limit holds from the next call', async () => {
    await fakeBrowser.storage.managed.set({ deskCallsPerMinute: 5 });
    const world = await connected();
    await pageWritesEmails(world, 20, 100);
    expect(deskCalls).toBe(5);
    await fakeBrowser.storage.managed.set({ deskCallsPerMinute: 8 });
    await pageWritesEmails(world, 20, 200);
    expect(deskCalls).toBe(8);
  });

  it('the setup checks count too: a key probed on every data centre is ten calls', async () => {
    const world = testBroker({ fetch: () => Promise.resolve(new Response('{"errorCode":"INVALID_OAUTH"}', { status: 401 })) });
    await errorOf(
      world.admin({ command: 'setup.listPortals', dataCentre: 'com', credential: { kind: 'zsc', key: '1000.k', email: 'a@b.co' } }),
    );
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toMatchObject({ today: 10, lastMinute: 10 });
  });

  it('a clock set back does not block Desk for the time it moved; a new day starts at zero', async () => {
    const world = await connected();
    await pageWritesEmails(world, 100, 100);
    const spent = deskCalls;
    vi.setSystemTime(T0 - 3_600_000);
    await world.panel(ticketsGet('cached', contact, someone(700)));
    expect(deskCalls).toBeGreaterThan(spent);
    vi.setSystemTime(new Date(2026, 5, 2, 9, 0, 0).getTime());
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toMatchObject({ today: 0, lastMinute: 0 });
  });

  it('deactivate forgets the calls counted', async () => {
    const world = await connected();
    await pageWritesEmails(world, 10, 100);
    await world.admin({ command: 'deactivate' });
    expect((await world.admin({ command: 'diagnostics.get' })).deskCalls).toEqual({ today: 0, lastMinute: 0, limitPerMinute: 60 });
  });
});
