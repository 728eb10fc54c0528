/**
 * This browser's budget of Zoho Desk calls, taken under every Desk call whatever the pages ask:
 * at most `limit` calls in any sliding minute (60 unless the enterprise policy sets
 * `deskCallsPerMinute`). A call over the budget is not made: it fails at once with
 * CALL_LIMIT_REACHED and the seconds until one is free. Zoho's Free edition allows 5,000 credits
 * a day for the whole company, so a page script (a CRM customisation, an injected ad) that keeps
 * asking must not be able to spend them.
 *
 * The count lives in storage.session: it survives the MV3 worker being stopped and restarted
 * (which an idle worker is after 30 s, and which would otherwise reset the limit), is gone with
 * the browser session, and is not readable by content scripts. It also counts the calls made
 * today (the browser's local day) for diagnostics.
 */
import { browser } from 'wxt/browser';
import { DeskLinkError } from '../../shared/errors';
import { DESK_CALLS_PER_MINUTE } from '../../shared/protocol';
import { readPolicy } from '../policy';
import { keptRead } from './kept-read';

const STATE_KEY = 'deskCallBudget';
const MINUTE_MS = 60_000;

interface BudgetState {
  /** The local day `today` counts (YYYY-MM-DD). */
  day: string;
  today: number;
  /** When the calls of the last minute were made (epoch ms), oldest first. */
  recent: number[];
}

interface DeskCallUsage {
  today: number;
  lastMinute: number;
  limitPerMinute: number;
}

export interface DeskCallBudget {
  /** `fetch` that takes one call from the budget first, or fails with CALL_LIMIT_REACHED without calling. */
  guard(fetch: typeof globalThis.fetch): typeof globalThis.fetch;
  usage(): Promise<DeskCallUsage>;
  /** Forgets every call counted (deactivate). */
  clear(): Promise<void>;
}

interface BudgetDeps {
  now: () => number;
  /**
   * Where the count is kept; another key is another budget. CRM's REST API takes its own (same
   * limit): its API credits are the CRM org's, not Desk's, so reading records must not spend the
   * Desk calls a minute, while a page asking in a loop is held back there too.
   */
  stateKey?: string;
  /** Calls allowed in any minute, asked on each call; by default the policy's, else 60. */
  limit?: () => Promise<number>;
}

/**
 * The policy's limit, read once and again after the browser reports a change of policy: a read
 * is a trip to the browser process, which every Desk call would otherwise wait for.
 */
function policyLimit(): () => Promise<number> {
  const kept = keptRead(async () => (await readPolicy()).policy.deskCallsPerMinute ?? DESK_CALLS_PER_MINUTE.default);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') kept.forget();
  });
  return () => kept.get();
}

function localDay(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function isState(value: unknown): value is BudgetState {
  const state = value as BudgetState | undefined;
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof state.day === 'string' &&
    Number.isSafeInteger(state.today) &&
    Array.isArray(state.recent) &&
    state.recent.every((at) => typeof at === 'number')
  );
}

/** The state as of `at`: a new day starts at 0; only calls of the last minute stay (a clock set back drops the "future" ones). */
function current(state: BudgetState, at: number): BudgetState {
  const day = localDay(at);
  return {
    day,
    today: state.day === day ? state.today : 0,
    recent: state.recent.filter((t) => t > at - MINUTE_MS && t <= at),
  };
}

export function createDeskCallBudget({ now, limit = policyLimit(), stateKey = STATE_KEY }: BudgetDeps): DeskCallBudget {
  let loaded: Promise<BudgetState> | null = null;
  /** Takes run one at a time, so two calls never both see the last free one. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The count's writes, in the order they were taken. */
  let kept: Promise<void> = Promise.resolve();

  async function read(): Promise<BudgetState> {
    try {
      const stored: unknown = (await browser.storage.session.get(stateKey))[stateKey];
      if (isState(stored)) return stored;
    } catch (error) {
      console.warn('DeskLink could not read its Desk call count', error);
    }
    return { day: localDay(now()), today: 0, recent: [] };
  }

  async function write(state: BudgetState): Promise<void> {
    try {
      await browser.storage.session.set({ [stateKey]: state });
    } catch (error) {
      // The limit still holds in this worker; only a restart would forget these calls.
      console.warn('DeskLink could not keep its Desk call count', error);
    }
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function take(): Promise<void> {
    const [max, state] = await Promise.all([limit(), (loaded ??= read())]);
    const at = now();
    const next = current(state, at);
    if (next.recent.length >= max) {
      // Free again when the call that fills the window leaves it.
      const freeAt = next.recent[next.recent.length - max]! + MINUTE_MS;
      throw new DeskLinkError({ code: 'CALL_LIMIT_REACHED', retryAfterSec: Math.max(1, Math.ceil((freeAt - at) / 1000)) });
    }
    next.recent.push(at);
    next.today += 1;
    loaded = Promise.resolve(next);
    // The worker's own count already holds the limit; the stored copy is for the next worker, so
    // the call does not wait for it (a worker stopped in between forgets at most this call).
    kept = kept.then(() => write(next));
  }

  return {
    guard: (fetch) => async (input, init) => {
      await serial(take);
      return fetch(input, init);
    },

    usage: () =>
      serial(async () => {
        const [max, state] = await Promise.all([limit(), (loaded ??= read())]);
        const { today, recent } = current(state, now());
        return { today, lastMinute: recent.length, limitPerMinute: max };
      }),

    clear: () =>
      serial(async () => {
        const empty = { day: localDay(now()), today: 0, recent: [] };
        loaded = Promise.resolve(empty);
        await (kept = kept.then(() => write(empty)));
      }),
  };
}
