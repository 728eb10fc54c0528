/**
 * The shape of the contract table: what Zoho's OpenAPI files say about each endpoint DeskLink
 * calls, in a form both the sandbox (to enforce) and the tests (to check against) can read.
 */
import type { SpecSource } from './sources';

export type JsonType = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * What a value means beyond its JSON type. `date`: ISO-8601 with a `Z` (the files' pattern);
 * `id`: a digit string or an integer; `count`: the same, a counter; `url`: http(s).
 */
export type ValueFormat = 'date' | 'id' | 'count' | 'url';

/** Whether a key is in the answer: always, maybe, or only when `include=<value>` was asked. */
export type Presence = 'required' | 'optional' | { include: string };

export interface FieldSpec {
  types: readonly JsonType[];
  presence: Presence;
  format?: ValueFormat;
  enum?: readonly string[];
  maxLength?: number;
  /** An object's own keys (closed unless the shape says otherwise). */
  shape?: Shape;
  /** An array's items. */
  items?: FieldSpec;
  /** A free-form object's values (`cf`, `customFields`, `channelWiseCount`). */
  values?: FieldSpec;
}

export interface Shape {
  name: string;
  source: SpecSource;
  fields: Readonly<Record<string, FieldSpec>>;
  /** `additionalProperties: false` in the file: no other key may appear. */
  closed: boolean;
  /** Examples in the file give these shapes' dates as epoch milliseconds (numbers), not ISO strings. */
  epochDatesInExamples?: boolean;
  notes?: readonly string[];
}

/** Another file's (or version's) reading of the same fact, kept beside the one the sandbox takes. */
export interface Reading {
  source: SpecSource;
  says: string;
}

export interface QueryParam {
  /** `list`: comma-separated values (the files' `array` with `style: form`). */
  type: 'integer' | 'string' | 'boolean' | 'list';
  items?: 'string' | 'id' | 'integer';
  enum?: readonly string[];
  /** `sortBy`-style: a value may carry a leading `-` (descending). */
  descPrefix?: boolean;
  min?: number;
  max?: number;
  default?: number | string | boolean;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  /** A value pattern beyond the type (custom-field searches: `apiName:value`). */
  pattern?: RegExp;
  /** Search values may end in `*` (prefix) or be `${empty}` / `${notempty}`. */
  wildcard?: boolean;
  /** The request must carry it. */
  required?: boolean;
  /** Where these values come from when it is not the endpoint's own source (the stricter of two versions). */
  source?: SpecSource;
  otherReadings?: readonly Reading[];
}

export type Envelope =
  /** `{"data":[…],"count":N}`; 204 when nothing matches. */
  | 'search'
  /** `{"data":[…]}`; 204 when empty. */
  | 'list'
  /** The object itself. */
  | 'object';

export interface EndpointContract {
  /** DeskLink's name for the endpoint (the client's method and parameter-set name). */
  id: string;
  method: 'GET' | 'POST';
  /** Path template, e.g. `/api/v1/contacts/{contactId}/tickets`. */
  path: string;
  operationId: string;
  source: SpecSource;
  /** The `orgId` header is sent (every Desk call but `/organizations`). */
  orgId: boolean;
  /** Every scope of the file's one security requirement (OpenAPI: all of them are needed). */
  scopes: readonly string[];
  scopeReadings?: readonly Reading[];
  query: Readonly<Record<string, QueryParam>>;
  /** List and search endpoints: the index of the first item (`from`'s base). */
  fromBase?: 0 | 1;
  /** Success: 200 with this envelope around `item`; `empty` is the no-content answer. */
  response: { status: 200; envelope: Envelope; item: Shape; empty?: 204 };
  /** POST: the JSON body. */
  body?: Shape;
  /** Body keys that must be present. */
  bodyRequired?: readonly string[];
  otherReadings?: readonly Reading[];
  notes?: readonly string[];
}
