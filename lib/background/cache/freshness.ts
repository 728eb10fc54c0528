/** How long fetched tickets count as fresh; older ones are served at once and revalidated. */
export const FRESH_MS = 5 * 60_000;

/** Age in ms (never negative: a clock set back counts as just fetched). */
export function ageOf(fetchedAt: number, now = Date.now()): number {
  return Math.max(0, now - fetchedAt);
}

export function isFresh(fetchedAt: number, now = Date.now()): boolean {
  return ageOf(fetchedAt, now) < FRESH_MS;
}
