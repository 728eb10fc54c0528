/**
 * The API budget of one Desk portal: never more requests in
 * flight than the edition allows, and retries that respect Zoho: TOO_MANY_REQUESTS (429) waits
 * `Retry-After` (or backs off with full jitter), 5xx and network failures retry a few times,
 * nothing else does. THRESHOLD_EXCEEDED with no Retry-After, or one longer than is worth waiting,
 * means the portal's API credits for the day are spent: no retry, and no call at all until they
 * come back (at Retry-After, else midnight Pacific Time, when Zoho's day starts); every call
 * until then fails at once with it. A short Retry-After is waited out like a 429's.
 * A slot is held only while a request is on the wire, never while waiting to retry.
 */
import { DeskLinkError } from '../../shared/errors';

/** Concurrent calls Zoho allows per portal by edition; unknown or absent editions get the minimum. */
const EDITION_CONCURRENCY: Record<string, number> = {
  FREE: 5,
  NEW_FREE: 5,
  FREE_2019: 5,
  EXPRESS: 10,
  STANDARD: 10,
  PROFESSIONAL: 15,
  ENTERPRISE: 25,
  ZOHOONE: 25,
  CRMPLUS: 25,
  ULTIMATE: 25,
};
const DEFAULT_CONCURRENCY = 5;

function concurrencyForEdition(edition: string | null | undefined): number {
  const key =
    edition
      ?.trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_') ?? '';
  return EDITION_CONCURRENCY[key] ?? EDITION_CONCURRENCY[key.replace(/_/g, '')] ?? DEFAULT_CONCURRENCY;
}

/** Anything that runs Desk calls: the policy below, or a pass-through in tests. */
export interface RequestLimiter {
  /**
   * Runs `task` in a slot. `retry: false` is for a request that must not be sent twice (creating
   * a ticket): a 429 or a failure is answered at once, with Desk's wait, for the person to decide.
   */
  run<T>(task: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal, options?: { retry: boolean }): Promise<T>;
}

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

interface RequestPolicyOptions {
  /** The portal's edition from /organizations (any case); sets the concurrency limit. */
  edition?: string | null;
  /** Overrides the edition's limit. */
  maxConcurrent?: number;
  /** Retries of one request after 429 (default 5). */
  maxRateLimitRetries?: number;
  /** Retries after 5xx, NETWORK or TRUNCATED_BODY (default 2). */
  maxTransientRetries?: number;
  /** Backoff base and cap when no Retry-After is given (defaults 1 s and 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer Retry-After (e.g. daily credits exhausted) fails at once instead of waiting. */
  maxRetryAfterSec?: number;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
}

interface RequestPolicy extends RequestLimiter {
  readonly limit: number;
  readonly inFlight: number;
  readonly queued: number;
  /** Epoch ms until which the day's API credits are spent (no call is made); null when not. */
  readonly creditsSpentUntil: number | null;
  setEdition(edition: string | null | undefined): void;
}

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Milliseconds Pacific wall-clock time is ahead of UTC at `at` (negative: -7 or -8 hours). */
function pacificOffset(at: number): number {
  const parts = PACIFIC.formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The next midnight in Los Angeles after `at`, as epoch ms (daylight saving included). */
function nextPacificMidnight(at: number): number {
  const DAY = 86_400_000;
  const offset = pacificOffset(at);
  const midnightWall = Math.floor((at + offset) / DAY) * DAY + DAY;
  // The offset at midnight may differ from now's (a daylight-saving change that day).
  return midnightWall - pacificOffset(midnightWall - offset);
}

const creditsSpent = (until: number, at: number) =>
  new DeskLinkError({
    code: 'THRESHOLD_EXCEEDED',
    retryAfterSec: Math.max(1, Math.ceil((until - at) / 1000)),
    detail: `the portal's API credits for the day are spent; no Desk call until ${new Date(until).toISOString()}`,
  });

const aborted = () => new DeskLinkError({ code: 'ABORTED' });

/** setTimeout-based sleep that ends (rejecting ABORTED) the moment the signal aborts. */
const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

interface Waiter {
  grant: () => void;
}

export function createRequestPolicy(options: RequestPolicyOptions = {}): RequestPolicy {
  const {
    maxRateLimitRetries = 5,
    maxTransientRetries = 2,
    baseDelayMs = 1000,
    maxDelayMs = 30_000,
    maxRetryAfterSec = 120,
    sleep = abortableSleep,
    random = Math.random,
    now = Date.now,
  } = options;
  let spentUntil = 0;
  let limit = options.maxConcurrent ?? concurrencyForEdition(options.edition);
  let inFlight = 0;
  const queue: Waiter[] = [];

  const pump = () => {
    while (inFlight < limit && queue.length > 0) {
      inFlight++;
      queue.shift()!.grant();
    }
  };

  /** Resolves with a release function once a slot is free; FIFO; leaves the queue on abort. */
  const acquire = (signal?: AbortSignal) =>
    new Promise<() => void>((resolve, reject) => {
      if (signal?.aborted) return reject(aborted());
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        inFlight--;
        pump();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      pump();
    });

  const backoff = (attempt: number) => random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);

  async function run<T>(task: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal, { retry = true } = {}): Promise<T> {
    let rateRetries = 0;
    let transientRetries = 0;
    for (;;) {
      if (now() < spentUntil) throw creditsSpent(spentUntil, now());
      const release = await acquire(signal);
      let delayMs: number;
      try {
        return await task(signal);
      } catch (error) {
        if (!(error instanceof DeskLinkError)) throw error;
        const { code, status, retryAfterSec } = error.info;
        // INVALID_OAUTH: the credential is refused; retrying cannot help (the broker's rejection rule decides what follows).
        if (code === 'INVALID_OAUTH') throw error;
        // A Retry-After short enough to wait out is waited out (Zoho's texts also use the code for
        // "too many requests in a time window"); a longer one, or none, means the day's credits.
        if (code === 'THRESHOLD_EXCEEDED' && (retryAfterSec === undefined || retryAfterSec > maxRetryAfterSec)) {
          const at = now();
          spentUntil = Math.max(spentUntil, retryAfterSec !== undefined ? at + retryAfterSec * 1000 : nextPacificMidnight(at));
          throw new DeskLinkError({ ...error.info, retryAfterSec: Math.max(1, Math.ceil((spentUntil - at) / 1000)) });
        }
        const rateLimited = status === 429 || code === 'TOO_MANY_REQUESTS' || code === 'THRESHOLD_EXCEEDED';
        const transient = (status !== undefined && status >= 500) || code === 'NETWORK' || code === 'TRUNCATED_BODY';
        if (retryAfterSec !== undefined && retryAfterSec > maxRetryAfterSec) throw error;
        if (!retry) throw error;
        if (rateLimited) {
          if (rateRetries >= maxRateLimitRetries) throw error;
          delayMs = retryAfterSec !== undefined ? retryAfterSec * 1000 : backoff(rateRetries);
          rateRetries++;
        } else if (transient) {
          if (transientRetries >= maxTransientRetries) throw error;
          delayMs = retryAfterSec !== undefined ? retryAfterSec * 1000 : backoff(transientRetries);
          transientRetries++;
        } else {
          throw error;
        }
      } finally {
        release();
      }
      await sleep(delayMs, signal);
    }
  }

  return {
    run,
    get limit() {
      return limit;
    },
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return queue.length;
    },
    get creditsSpentUntil() {
      return now() < spentUntil ? spentUntil : null;
    },
    setEdition(edition) {
      limit = options.maxConcurrent ?? concurrencyForEdition(edition);
      pump();
    },
  };
}

/** One policy per portal, shared by every client of that portal in this worker. */
export function createPortalPolicies(options: Omit<RequestPolicyOptions, 'edition'> = {}) {
  const policies = new Map<string, RequestPolicy>();
  return {
    get(portalId: string, edition?: string | null): RequestPolicy {
      let policy = policies.get(portalId);
      if (!policy) {
        policy = createRequestPolicy({ ...options, edition });
        policies.set(portalId, policy);
      } else if (edition !== undefined) policy.setEdition(edition);
      return policy;
    },
    /** The portals whose API credits for the day are spent, with when they come back. */
    spent(): Map<string, number> {
      const spent = new Map<string, number>();
      for (const [id, policy] of policies) if (policy.creditsSpentUntil !== null) spent.set(id, policy.creditsSpentUntil);
      return spent;
    },
    /** Forget one portal (change of portal) or all (deactivate). */
    clear(portalId?: string) {
      if (portalId === undefined) policies.clear();
      else policies.delete(portalId);
    },
  };
}
