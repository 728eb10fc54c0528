/**
 * Zoho Desk's API credits: a budget per portal per day (base credits of the edition plus credits
 * per agent), each call costing credits by its kind, the day ending at midnight Pacific time.
 * Answers carry `X-Rate-Limit-Request-Weight-v3` (this call's cost) and
 * `X-Rate-Limit-Remaining-v3` (what is left today); when the day's credits are spent, Desk
 * answers 429 THRESHOLD_EXCEEDED with `Retry-After` (seconds until the reset).
 * Figures: Zoho's "Working with API credits" page and its credits announcement; per-call costs and
 * header names from third-party copies of the Desk API documentation.
 */
import type { EndpointContract } from '../contract/index';

/** Base credits per day and credits per agent licence, by edition. */
const EDITION_CREDITS: Record<string, { base: number; perAgent: number }> = {
  FREE: { base: 5_000, perAgent: 0 },
  TRIAL: { base: 5_000, perAgent: 0 },
  EXPRESS: { base: 25_000, perAgent: 100 },
  STANDARD: { base: 50_000, perAgent: 250 },
  PROFESSIONAL: { base: 75_000, perAgent: 500 },
  ENTERPRISE: { base: 100_000, perAgent: 1_000 },
};

export function dailyBudget(edition: string, agents: number): number {
  const e = edition.toUpperCase();
  const row = EDITION_CREDITS[e] ?? (e.includes('FREE') ? EDITION_CREDITS.FREE! : EDITION_CREDITS.ENTERPRISE!);
  return row.base + row.perAgent * agents;
}

/** A call's cost: 1 for one record by id; lists and searches by how deep `from` reaches. */
export function requestWeight(row: EndpointContract, start: number): number {
  if (row.response.envelope === 'object') return 1;
  if (start <= 2_000) return 3;
  if (start <= 10_000) return 5;
  if (start <= 50_000) return 10;
  return start <= 100_000 ? 50 : 100;
}

const PACIFIC = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Pacific calendar day of an instant, e.g. `11/01/2026`. */
export const pacificDay = (now: number): string => PACIFIC.format(now);

/** Seconds from `now` to the next Pacific midnight. */
export function secondsToPacificMidnight(now: number): number {
  const today = pacificDay(now);
  const step = 60;
  let t = now;
  // Walk forward by minutes, then by seconds, to the first instant of the next Pacific day.
  while (pacificDay(t + step * 1000) === today) t += step * 1000;
  while (pacificDay(t) === today) t += 1000;
  return Math.max(1, Math.ceil((t - now) / 1000));
}

export interface CreditBook {
  /** Credits left today for a portal (its budget minus what was spent). */
  remaining(portal: string, budget: number, now: number): number;
  spend(portal: string, weight: number, now: number): void;
  /** A test sets today's credits left (null: back to the edition's budget). */
  set(portal: string, left: number | null, budget: number, now: number): void;
}

export function createCreditBook(): CreditBook {
  const spent = new Map<string, { day: string; credits: number }>();
  const current = (portal: string, now: number) => {
    const day = pacificDay(now);
    const entry = spent.get(portal);
    if (!entry || entry.day !== day) {
      const fresh = { day, credits: 0 };
      spent.set(portal, fresh);
      return fresh;
    }
    return entry;
  };
  return {
    remaining: (portal, budget, now) => Math.max(0, budget - current(portal, now).credits),
    spend: (portal, weight, now) => {
      current(portal, now).credits += weight;
    },
    set: (portal, left, budget, now) => {
      current(portal, now).credits = left === null ? 0 : Math.max(0, budget - left);
    },
  };
}
