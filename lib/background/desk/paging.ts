/**
 * Fetching every page of a Desk list or search, each endpoint by its own rules (Zoho's OpenAPI
 * files, zohodesk-oas v1.0):
 * - the searches count `from` from 0 and take it up to 999, `limit` up to 100;
 * - `contacts/{id}/tickets` counts from 0; no file bounds `limit`, a copy of Zoho's API
 *   documentation says 99, so 99 works under both readings;
 * - `accounts/{id}/tickets` counts from 1; the older files say `from` ≥ 1 and `limit` ≤ 99,
 *   the newer `limit` ≤ 100: 99 works under both.
 * `from` is sent on every page, the first too. A list is complete only when Zoho says so: a
 * page shorter than asked for, or 204. Past 1,000 items DeskLink stops (deeper pages cost more
 * API credits, and the searches cannot reach them) and says the list is cut.
 */
import type { Endpoint } from './params';

interface PagingRule {
  /** `from` of the first item. */
  fromBase: 0 | 1;
  /** The largest `limit` every reading accepts. */
  maxLimit: number;
  /** The largest `from` the endpoint takes, if bounded. */
  maxFrom?: number;
}

type PagedEndpoint = Extract<Endpoint, 'ticketSearch' | 'contactSearch' | 'accountSearch' | 'contactTickets' | 'accountTickets'>;

const SEARCH: PagingRule = { fromBase: 0, maxLimit: 100, maxFrom: 999 };

const PAGING: Readonly<Record<PagedEndpoint, PagingRule>> = {
  ticketSearch: SEARCH,
  contactSearch: SEARCH,
  accountSearch: SEARCH,
  contactTickets: { fromBase: 0, maxLimit: 99 },
  accountTickets: { fromBase: 1, maxLimit: 99 },
};

/** Items DeskLink fetches at most per list: the searches' whole window. */
const MAX_ITEMS = 1000;

interface Page<T> {
  items: T[];
  /** Items Zoho sent on this page, any dropped for their shape included (default: `items`). */
  received?: number;
  /** The total Zoho reports (searches only). */
  count?: number;
}

export interface Collected<T> {
  items: T[];
  /** Zoho did not say the list ended: "showing the first 1,000". */
  truncated: boolean;
}

/**
 * Pages one after another until Zoho ends the list (a short or 204 page) or 1,000 items. At
 * that point a search whose `count` equals what was fetched is complete; anything else is cut.
 */
export async function collectPages<T>(
  endpoint: PagedEndpoint,
  fetchPage: (from: number, limit: number) => Promise<Page<T>>,
): Promise<Collected<T>> {
  const rule = PAGING[endpoint];
  const items: T[] = [];
  let count: number | undefined;
  let offset = 0;
  while (offset < MAX_ITEMS) {
    const from = rule.fromBase + offset;
    if (rule.maxFrom !== undefined && from > rule.maxFrom) break;
    const limit = Math.min(rule.maxLimit, MAX_ITEMS - offset);
    const page = await fetchPage(from, limit);
    items.push(...page.items);
    count = page.count;
    if ((page.received ?? page.items.length) < limit) return { items, truncated: false };
    offset += limit;
  }
  return { items, truncated: count !== offset };
}
