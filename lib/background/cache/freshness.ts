/** How long fetched tickets count as fresh; older ones are served at once and revalidated. */
const FRESH_MS = 5 * 60_000;

/** Younger than five minutes (a clock set back counts as just fetched). */
export function isFresh(fetchedAt: number, now: number): boolean {
  return Math.max(0, now - fetchedAt) < FRESH_MS;
}
