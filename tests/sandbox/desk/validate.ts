/**
 * Query validation from the contract table, as Desk answers it: an unknown parameter, a value
 * of the wrong type, out of range, too long or too short, not among the documented values or a
 * list with too many values → 422 UNPROCESSABLE_ENTITY naming the parameter.
 */
import type { EndpointContract, QueryParam } from '../contract/index';
import type { Reply } from '../reply';
import { unprocessable } from './errors';

export interface Paging {
  /** Index of the first item in the whole result (0-based, whatever the endpoint's own base). */
  start: number;
  limit: number;
}

export interface Sort {
  field: string;
  descending: boolean;
}

export interface ValidQuery {
  paging: Paging;
  sort?: Sort;
  include: Set<string>;
  get(name: string): string | undefined;
  /** Comma-separated values of a parameter (trimmed, non-empty). */
  list(name: string): string[];
}

const invalid = (name: string) => unprocessable(`The value passed for the '${name}' query parameter is invalid.`, name);
const extra = (name: string) => unprocessable(`Extra query parameter '${name}' is present in the input.`, name);
const missing = (name: string) => unprocessable(`The '${name}' query parameter is missing in the input.`, name, 'missing');
const outOfRange = (name: string, min: number, max: number) =>
  unprocessable(`The value passed for field '${name}' exceeds the range of '${min}-${max}'.`, name);

const SPECIAL = /^\$\{(empty|notempty)\}$/i;

/** Length as Desk counts it for search text: a trailing wildcard is not a character. */
const textLength = (value: string, spec: QueryParam) => (spec.wildcard ? value.replace(/\*$/, '').length : value.length);

function checkText(name: string, value: string, spec: QueryParam): Reply | undefined {
  if (spec.wildcard && SPECIAL.test(value)) return undefined;
  if (spec.minLength !== undefined && textLength(value, spec) < spec.minLength) return invalid(name);
  if (spec.maxLength !== undefined && value.length > spec.maxLength) return invalid(name);
  if (spec.pattern && !spec.pattern.test(value)) return invalid(name);
  if (spec.enum) {
    const bare = spec.descPrefix ? value.replace(/^-/, '') : value;
    if (!spec.enum.includes(bare)) return invalid(name);
  }
  return undefined;
}

function checkInteger(name: string, text: string, spec: QueryParam): Reply | undefined {
  if (!/^-?\d+$/.test(text.trim())) return invalid(name);
  const value = Number(text);
  const below = spec.min !== undefined && value < spec.min;
  const above = spec.max !== undefined && value > spec.max;
  if (!below && !above) return undefined;
  // Desk names both ends of limit's range; other numbers are merely invalid.
  return name === 'limit' && spec.min !== undefined && spec.max !== undefined ? outOfRange(name, spec.min, spec.max) : invalid(name);
}

function checkItem(name: string, value: string, spec: QueryParam): Reply | undefined {
  if (spec.items === 'id' && !/^\d{1,24}$/.test(value)) return invalid(name);
  if (spec.items === 'integer' && !/^\d+$/.test(value)) return invalid(name);
  return checkText(name, value, spec);
}

function checkParam(name: string, raw: string, spec: QueryParam): Reply | undefined {
  if (raw.trim() === '') return invalid(name);
  switch (spec.type) {
    case 'integer':
      return checkInteger(name, raw, spec);
    case 'boolean':
      return raw === 'true' || raw === 'false' ? undefined : invalid(name);
    case 'string':
      return checkText(name, raw, spec);
    case 'list': {
      const values = raw.split(',').map((v) => v.trim());
      if (values.some((v) => v === '')) return invalid(name);
      if (spec.maxItems !== undefined && values.length > spec.maxItems) {
        return unprocessable(`The number of values passed for the '${name}' query parameter exceeds the limit of ${spec.maxItems}.`, name);
      }
      for (const value of values) {
        const problem = checkItem(name, value, spec);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

/** The request's query checked against the endpoint's row; a 422 reply when Desk would refuse it. */
export function validateQuery(query: URLSearchParams, row: EndpointContract): ValidQuery | Reply {
  for (const name of new Set(query.keys())) {
    const spec = row.query[name];
    if (!spec) return extra(name);
    if (query.getAll(name).length > 1) return invalid(name);
    const problem = checkParam(name, query.get(name)!, spec);
    if (problem) return problem;
  }
  for (const [name, spec] of Object.entries(row.query)) if (spec.required && !query.has(name)) return missing(name);

  const base = row.fromBase ?? 0;
  const fromSpec = row.query.from;
  const limitSpec = row.query.limit;
  const from = query.has('from') ? Number(query.get('from')) : Number(fromSpec?.default ?? base);
  // A list without a documented default answers 25, the documented default of the other lists.
  const limit = query.has('limit') ? Number(query.get('limit')) : Number(limitSpec?.default ?? 25);
  const paging = { start: Math.max(0, from - base), limit };

  let sort: Sort | undefined;
  const sortBy = query.get('sortBy');
  if (sortBy !== null) sort = { field: sortBy.replace(/^-/, ''), descending: sortBy.startsWith('-') };

  const list = (name: string) =>
    (query.get(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return { paging, ...(sort ? { sort } : {}), include: new Set(list('include')), get: (name) => query.get(name) ?? undefined, list };
}

export function isReply(value: ValidQuery | Reply): value is Reply {
  return 'status' in value;
}
