/** How long fetched tickets count as fresh; older ones are served at once and revalidated. */
const FRESH_MS = 5 * 60_000;

/**
 * Younger than five minutes. A fetch time in the future (the clock was set back since) says
 * nothing about the tickets' age: stale, so they are fetched again.
 */
export function isFresh(fetchedAt: number, now: number): boolean {
  const age = now - fetchedAt;
  return age >= 0 && age < FRESH_MS;
}
