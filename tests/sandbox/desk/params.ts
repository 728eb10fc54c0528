/**
 * Query-parameter validation as Desk does it: unknown parameters, `from`/`limit` ranges, enums
 * and value counts answer 422 UNPROCESSABLE_ENTITY (reference/zoho-desk-api.md §6, §7).
 */
import type { Reply } from '../reply';
import { unprocessable } from './errors';

export interface ParamSpec {
  /** Allowed names; a RegExp admits a family such as customField1..N. */
  allowed: (string | RegExp)[];
  /** 'search': from 0–999, limit 1–100; 'list': from ≥ 0, limit 1–maxLimit. */
  paging?: { kind: 'search' | 'list'; maxLimit: number; defaultLimit: number };
  /** Sortable fields; a leading `-` means descending. */
  sortBy?: string[];
  include?: string[];
  /** Comma-separated OR lists and their maximum number of values. */
  maxValues?: Record<string, number>;
  /** Text filters with a minimum length (wildcard `*` not counted). */
  minLength?: Record<string, number>;
  booleans?: string[];
}

export interface Paging {
  from: number;
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

const invalid = (name: string) => unprocessable(`The value passed for the '${name}' query parameter is invalid.`);

export function validateQuery(query: URLSearchParams, spec: ParamSpec): ValidQuery | Reply {
  for (const name of new Set(query.keys())) {
    const known = spec.allowed.some((a) => (typeof a === 'string' ? a === name : a.test(name)));
    if (!known) return unprocessable(`Extra query parameter '${name}' is present in the input.`);
    if ((query.get(name) ?? '').trim() === '') return invalid(name);
  }

  let paging: Paging = { from: 0, limit: spec.paging?.defaultLimit ?? 100 };
  if (spec.paging) {
    const { kind, maxLimit, defaultLimit } = spec.paging;
    const fromText = query.get('from');
    const limitText = query.get('limit');
    const from = fromText === null ? 0 : /^\d+$/.test(fromText) ? Number(fromText) : NaN;
    if (Number.isNaN(from) || (kind === 'search' && from > 999)) return invalid('from');
    let limit = defaultLimit;
    if (limitText !== null) {
      if (!/^-?\d+$/.test(limitText)) return invalid('limit');
      limit = Number(limitText);
      if (limit < 1 || limit > maxLimit) return unprocessable(`The value passed for field 'limit' exceeds the range of '1-${maxLimit}'.`);
    }
    paging = { from, limit };
  }

  let sort: Sort | undefined;
  const sortBy = query.get('sortBy');
  if (sortBy !== null) {
    const field = sortBy.replace(/^-/, '');
    if (!spec.sortBy?.includes(field)) return invalid('sortBy');
    sort = { field, descending: sortBy.startsWith('-') };
  }

  const include = new Set<string>();
  const includeText = query.get('include');
  if (includeText !== null) {
    for (const value of includeText.split(',').map((v) => v.trim())) {
      if (!spec.include?.includes(value)) return invalid('include');
      include.add(value);
    }
  }

  const list = (name: string) =>
    (query.get(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  for (const [name, max] of Object.entries(spec.maxValues ?? {})) {
    if (list(name).length > max)
      return unprocessable(`The number of values passed for the '${name}' query parameter exceeds the limit of ${max}.`);
  }
  for (const [name, min] of Object.entries(spec.minLength ?? {})) {
    const value = query.get(name);
    if (value !== null && list(name).some((v) => v.replace(/\*/g, '').length < min)) return invalid(name);
  }
  for (const name of spec.booleans ?? []) {
    const value = query.get(name);
    if (value !== null && value !== 'true' && value !== 'false') return invalid(name);
  }

  return { paging, ...(sort ? { sort } : {}), include, get: (name) => query.get(name) ?? undefined, list };
}

export function isReply(value: ValidQuery | Reply): value is Reply {
  return 'status' in value;
}

const SEARCH = { kind: 'search', maxLimit: 100, defaultLimit: 10 } as const;
const LIST = { kind: 'list', maxLimit: 100, defaultLimit: 25 } as const;
const RANGES = ['createdTimeRange', 'modifiedTimeRange'];

/** Per-endpoint parameters (reference §7, §11). */
export const SPECS = {
  organizations: { allowed: [] },
  myinfo: { allowed: ['include'], include: ['profile', 'role', 'associatedDepartments', 'associatedChatDepartments'] },
  departments: {
    allowed: ['isEnabled', 'chatStatus', 'searchStr', 'from', 'limit'],
    paging: { kind: 'list', maxLimit: 200, defaultLimit: 10 },
    booleans: ['isEnabled'],
  },
  ticketSearch: {
    allowed: [
      'from',
      'limit',
      'sortBy',
      'departmentId',
      'id',
      'ticketNumber',
      'contactId',
      'accountId',
      'productId',
      'assigneeId',
      'priority',
      'status',
      'email',
      'phone',
      'subject',
      'description',
      'contactName',
      'accountName',
      'productName',
      'tag',
      'category',
      'channel',
      '_all',
      /^customField\d+$/,
      ...RANGES,
      'dueDateRange',
      'customerResponseTimeRange',
    ],
    paging: SEARCH,
    sortBy: ['relevance', 'modifiedTime', 'createdTime', 'customerResponseTime'],
    maxValues: { email: 30, phone: 30 },
    minLength: { subject: 3, accountName: 3, _all: 3 },
  },
  contactSearch: {
    allowed: [
      'from',
      'limit',
      'sortBy',
      'id',
      'fullName',
      'firstName',
      'lastName',
      'email',
      'phone',
      'mobile',
      'accountName',
      '_all',
      /^customField\d+$/,
      ...RANGES,
    ],
    paging: SEARCH,
    sortBy: ['relevance', 'modifiedTime', 'createdTime', 'lastName', 'firstName'],
    maxValues: { email: 30, phone: 30, mobile: 30 },
    minLength: { accountName: 3, _all: 3 },
  },
  accountSearch: {
    allowed: ['from', 'limit', 'sortBy', 'id', 'accountName', '_all', /^customField([1-9]|10)$/, ...RANGES],
    paging: SEARCH,
    sortBy: ['relevance', 'modifiedTime', 'createdTime', 'accountName'],
    minLength: { accountName: 3, _all: 3 },
  },
  contactTickets: {
    allowed: ['include', 'departmentId', 'from', 'limit', 'sortBy', 'isSpam', 'dueDate'],
    paging: LIST,
    sortBy: ['createdTime', 'modifiedTime'],
    include: ['products', 'departments', 'team', 'assignee', 'isRead'],
    booleans: ['isSpam'],
  },
  accountTickets: {
    allowed: ['include', 'departmentId', 'from', 'limit', 'sortBy', 'isSpam', 'dueDate'],
    paging: LIST,
    sortBy: ['createdTime', 'modifiedTime'],
    include: ['contacts', 'products', 'departments', 'team', 'isRead', 'assignee'],
    booleans: ['isSpam'],
  },
  account: { allowed: [] },
  contactStatistics: { allowed: ['departmentId'] },
  accountStatistics: { allowed: ['departmentId'] },
  ticket: { allowed: ['include'], include: ['contacts', 'products', 'assignee', 'departments', 'contract', 'isRead', 'team', 'skills'] },
} satisfies Record<string, ParamSpec>;
