/** Query parameters shared by several endpoints, as the files declare them. */
import { desk } from './sources';
import type { QueryParam } from './types';

const OLDEST_SEARCH = desk('Search.json', '83b5c18', 'components/parameters');

/** Search paging (Search.json @75e1ba5): `from` 0–999, `limit` 1–100, default 10. */
export const SEARCH_PAGING: Record<'from' | 'limit', QueryParam> = {
  from: {
    type: 'integer',
    min: 0,
    max: 999,
    default: 0,
    otherReadings: [{ source: OLDEST_SEARCH, says: 'from: no minimum, no maximum ("default 0, starts from 0" in the text)' }],
  },
  limit: {
    type: 'integer',
    min: 1,
    max: 100,
    default: 10,
    otherReadings: [{ source: OLDEST_SEARCH, says: 'limit: minimum 1, no maximum' }],
  },
};

const ISO_RANGE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

/** `createdTimeRange=2017-11-05T00:00:00.000Z,2018-09-05T23:59:00.000Z` and its siblings. */
export const timeRange: QueryParam = { type: 'string', maxLength: 100, pattern: ISO_RANGE };

/** `customField1`..`customField10`: `apiName:value`, up to 1,000 characters. */
export function customFields(): Record<string, QueryParam> {
  return Object.fromEntries(
    Array.from({ length: 10 }, (_, i): [string, QueryParam] => [
      `customField${i + 1}`,
      { type: 'string', maxLength: 1000, pattern: /^[^:]+:.*$/ },
    ]),
  );
}

export const idList: QueryParam = { type: 'list', items: 'id' };
export const id: QueryParam = { type: 'string', pattern: /^\d+$/ };
