import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPortalPolicies, createRequestPolicy } from '../../../../lib/background/desk/request-policy';
import { DeskLinkError, type ErrorInfo } from '../../../../lib/shared/errors';

const rateLimited = (retryAfterSec?: number) =>
  new DeskLinkError({ code: 'TOO_MANY_REQUESTS', status: 429, ...(retryAfterSec === undefined ? {} : { retryAfterSec }) });

/** A task that fails with `errors` in turn, then answers 'ok'; counts its attempts. */
function scripted(...errors: DeskLinkError[]) {
  const task = vi.fn(() => {
    const next = errors.shift();
    return next ? Promise.reject(next) : Promise.resolve('ok');
  });
  return task;
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: ErrorInfo }> {
  return promise.then(
    (value) => ({ value }),
    (e: unknown) => ({ error: (e as DeskLinkError).info }),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('concurrency per edition', () => {
  it.each([
    ['FREE', 5],
    ['new_free', 5],
    ['Free_2019', 5],
    ['Express', 10],
    ['STANDARD', 10],
    ['Professional', 15],
    ['Enterprise', 25],
    ['ZohoOne', 25],
    ['CRMPLUS', 25],
    ['ultimate', 25],
    ['SOMETHING_NEW', 5],
    [null, 5],
  ])('%s allows %i requests in flight', (edition, limit) => {
    expect(createRequestPolicy({ edition }).limit).toBe(limit);
  });

  it('never has more requests in flight than the edition allows, and runs them all', async () => {
    const policy = createRequestPolicy({ edition: 'FREE' });
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight--;
      return 'done';
    };
    const all = Promise.all(Array.from({ length: 23 }, () => policy.run(task)));
    await vi.advanceTimersByTimeAsync(0);
    expect(policy.inFlight).toBe(5);
    expect(policy.queued).toBe(18);
    await vi.advanceTimersByTimeAsync(500);
    expect(await all).toHaveLength(23);
    expect(peak).toBe(5);
    expect(policy.inFlight).toBe(0);
  });

  it('shares one policy per portal and follows an edition change', () => {
    const policies = createPortalPolicies();
    const a = policies.get('649182735', 'FREE');
    expect(policies.get('649182735')).toBe(a);
    expect(policies.get('7310045521', 'ENTERPRISE').limit).toBe(25);
    policies.get('649182735', 'PROFESSIONAL');
    expect(a.limit).toBe(15);
    policies.clear('649182735');
    expect(policies.get('649182735')).not.toBe(a);
  });
});

describe('429', () => {
  it('waits exactly Retry-After seconds before trying again', async () => {
    const task = scripted(rateLimited(3));
    const result = settle(createRequestPolicy().run(task));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
    expect(await result).toEqual({ value: 'ok' });
  });

  it('backs off exponentially with full jitter when Retry-After is absent', async () => {
    const task = scripted(rateLimited(), rateLimited(), rateLimited());
    const result = settle(createRequestPolicy({ baseDelayMs: 1000, random: () => 0.5 }).run(task));
    // Delays: 0.5 × 1 s, 0.5 × 2 s, 0.5 × 4 s.
    for (const [advance, calls] of [
      [499, 1],
      [1, 2],
      [999, 2],
      [1, 3],
      [1_999, 3],
      [1, 4],
    ] as const) {
      await vi.advanceTimersByTimeAsync(advance);
      expect(task).toHaveBeenCalledTimes(calls);
    }
    expect(await result).toEqual({ value: 'ok' });
  });

  it('gives up after 5 retries with the typed error', async () => {
    const task = vi.fn(() => Promise.reject(rateLimited(1)));
    const result = settle(createRequestPolicy().run(task));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(6);
    expect(await result).toEqual({ error: { code: 'TOO_MANY_REQUESTS', status: 429, retryAfterSec: 1 } });
  });

  it('fails at once when Retry-After asks for longer than it is worth waiting', async () => {
    const task = scripted(rateLimited(3600));
    const result = settle(createRequestPolicy().run(task));
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', retryAfterSec: 3600 } });
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('THRESHOLD_EXCEEDED: the day’s API credits are spent', () => {
  const spent = (retryAfterSec?: number) =>
    new DeskLinkError({ code: 'THRESHOLD_EXCEEDED', status: 429, ...(retryAfterSec === undefined ? {} : { retryAfterSec }) });

  it('is not retried, and no call is made until Retry-After has passed', async () => {
    const policy = createRequestPolicy();
    const task = scripted(spent(3600));
    const result = settle(policy.run(task));
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toMatchObject({ error: { code: 'THRESHOLD_EXCEEDED', retryAfterSec: 3600 } });
    expect(task).toHaveBeenCalledTimes(1);
    expect(policy.creditsSpentUntil).toBe(Date.now() + 3_600_000);

    await vi.advanceTimersByTimeAsync(1_800_000);
    expect(await settle(policy.run(task))).toMatchObject({ error: { code: 'THRESHOLD_EXCEEDED', retryAfterSec: 1800 } });
    expect(task).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1_800_000);
    expect(policy.creditsSpentUntil).toBeNull();
    expect(await settle(policy.run(task))).toEqual({ value: 'ok' });
    expect(task).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['winter (PST, UTC−8)', '2026-01-15T18:30:00Z', '2026-01-16T08:00:00Z'],
    ['summer (PDT, UTC−7)', '2026-07-15T06:59:00Z', '2026-07-15T07:00:00Z'],
    ['the day clocks go forward', '2026-03-08T09:30:00Z', '2026-03-09T07:00:00Z'],
    ['the day clocks go back', '2026-11-01T07:30:00Z', '2026-11-02T08:00:00Z'],
  ])('without Retry-After, waits for midnight Pacific Time: %s', async (_, at, midnight) => {
    vi.setSystemTime(new Date(at));
    const policy = createRequestPolicy();
    const result = await settle(policy.run(scripted(spent())));
    expect(result.error?.code).toBe('THRESHOLD_EXCEEDED');
    expect(new Date(policy.creditsSpentUntil!).toISOString()).toBe(new Date(midnight).toISOString());
    expect(result.error?.retryAfterSec).toBe((Date.parse(midnight) - Date.parse(at)) / 1000);
  });

  it('a Retry-After short enough to wait out is waited out and retried, without stopping the portal', async () => {
    const policy = createRequestPolicy();
    const task = scripted(spent(30));
    const result = settle(policy.run(task));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await result).toEqual({ value: 'ok' });
    expect(task).toHaveBeenCalledTimes(2);
    expect(policy.creditsSpentUntil).toBeNull();
  });

  it('stops one portal only, and says which in portals.spent()', async () => {
    const portals = createPortalPolicies();
    await settle(portals.get('A').run(scripted(spent(600))));
    expect(await settle(portals.get('B').run(scripted()))).toEqual({ value: 'ok' });
    expect([...portals.spent().keys()]).toEqual(['A']);
  });

  it('frees the slot while waiting, so other requests proceed', async () => {
    const policy = createRequestPolicy({ maxConcurrent: 1 });
    const first = scripted(rateLimited(10));
    const second = scripted();
    const a = settle(policy.run(first));
    const b = settle(policy.run(second));
    await vi.advanceTimersByTimeAsync(0);
    expect(await b).toEqual({ value: 'ok' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await a).toEqual({ value: 'ok' });
  });
});

describe('other failures', () => {
  it.each([
    ['5xx', new DeskLinkError({ code: 'INTERNAL_SERVER_ERROR', status: 500 })],
    ['503 without a code', new DeskLinkError({ code: 'HTTP_ERROR', status: 503 })],
    ['NETWORK', new DeskLinkError({ code: 'NETWORK' })],
    ['TRUNCATED_BODY', new DeskLinkError({ code: 'TRUNCATED_BODY', status: 200 })],
  ])('%s is retried twice, then fails typed', async (_name, error) => {
    const task = vi.fn(() => Promise.reject(error));
    const result = settle(createRequestPolicy().run(task));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(3);
    expect(await result).toEqual({ error: error.info });
  });

  it('recovers when a retry succeeds', async () => {
    const task = scripted(new DeskLinkError({ code: 'NETWORK' }));
    const result = settle(createRequestPolicy().run(task));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await result).toEqual({ value: 'ok' });
  });

  it.each(['URL_NOT_FOUND', 'UNPROCESSABLE_ENTITY', 'FORBIDDEN', 'SCHEMA_VIOLATION', 'TIMEOUT'] as const)(
    '%s is not retried',
    async (code) => {
      const task = scripted(new DeskLinkError({ code, status: 404 }));
      expect(await settle(createRequestPolicy().run(task))).toMatchObject({ error: { code } });
      expect(task).toHaveBeenCalledTimes(1);
    },
  );

  it('INVALID_OAUTH is not retried and reaches the caller as the typed error (the broker’s rejection rule acts on it)', async () => {
    const rejected = new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 });
    const task = scripted(rejected);
    expect(await settle(createRequestPolicy().run(task))).toMatchObject({ error: { code: 'INVALID_OAUTH' } });
    expect(task).toHaveBeenCalledTimes(1);
    await expect(createRequestPolicy().run(scripted(rejected))).rejects.toBe(rejected);
  });
});

describe('abort', () => {
  it('stops waiting for a retry at once', async () => {
    const controller = new AbortController();
    const task = scripted(rateLimited(60));
    const result = settle(createRequestPolicy().run(task, controller.signal));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toEqual({ error: { code: 'ABORTED' } });
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('leaves the queue at once and never runs', async () => {
    const policy = createRequestPolicy({ maxConcurrent: 1 });
    const blocker = settle(policy.run(() => new Promise((resolve) => setTimeout(() => resolve('slow'), 1_000))));
    const controller = new AbortController();
    const queued = vi.fn(() => Promise.resolve('never'));
    const result = settle(policy.run(queued, controller.signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(policy.queued).toBe(1);
    controller.abort();
    expect(await result).toEqual({ error: { code: 'ABORTED' } });
    expect(policy.queued).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await blocker).toEqual({ value: 'slow' });
    expect(queued).not.toHaveBeenCalled();
  });

  it('passes the caller’s signal to the task', async () => {
    const controller = new AbortController();
    const task = vi.fn((signal?: AbortSignal) => Promise.resolve(signal));
    expect(await createRequestPolicy().run(task, controller.signal)).toBe(controller.signal);
  });
});
