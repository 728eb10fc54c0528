/**
 * Fetching every page inside Zoho's window. Searches take `from` 0–999 and `limit` ≤ 100,
 * so at most 1,000 results are reachable: 10 pages of 100. Lists get the same cap (deep pages
 * cost more API credits).
 */

const PAGE_SIZE = 100;
/** `from` must stay ≤ 999: results 0..999. */
const RESULT_WINDOW = 1000;

interface Page<T> {
  items: T[];
  /** The total Zoho reports (searches only). */
  count?: number;
}

export interface Collected<T> {
  items: T[];
  /** More results exist beyond the window: "showing the first 1,000". */
  truncated: boolean;
}

/**
 * Pages one after another until a short (or 204) page or the window's end. Only a short page
 * ends early: whether `count` is the total or the page's size is not documented, so it only
 * decides, at the window's end, that exactly 1,000 results are not "truncated".
 */
export async function collectPages<T>(fetchPage: (from: number, limit: number) => Promise<Page<T>>): Promise<Collected<T>> {
  const items: T[] = [];
  let count: number | undefined;
  for (let from = 0; from < RESULT_WINDOW; from += PAGE_SIZE) {
    const page = await fetchPage(from, PAGE_SIZE);
    items.push(...page.items);
    count = page.count;
    if (page.items.length < PAGE_SIZE) return { items, truncated: false };
  }
  return { items, truncated: count !== items.length };
}

/**
 * `from` for list endpoints, whose base (0 or 1) is not documented consistently: the first page leaves it
 * out (the default is the first item either way); later pages use 0-based offsets, which on a
 * 1-based list overlap by one ticket (merged away by id) and never skip one.
 */
export const listFrom = (from: number): number | undefined => (from === 0 ? undefined : from);
