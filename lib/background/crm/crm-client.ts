/**
 * Zoho CRM's REST API, the one call DeskLink makes there: a record by its id,
 * `GET {apiDomain}/crm/v8/{module}/{id}?fields=…` with `Authorization: Zoho-oauthtoken …`
 * (zoho/crm-oas v8.0/record.json). Only the fields asked for travel.
 *
 * Every answer Zoho may give is read: 200 `{"data":[record]}` (also a bare `data` object or an
 * empty list, which no file forbids), 204 and 404/400 `INVALID_DATA` (no such record), and the
 * refusals, each turned into a CrmRefusal whose reason the caller can act on (fall back to the
 * page, and say why in diagnostics). Nothing Zoho wrote is kept: only the reason and the status.
 * A read that has not ended within its deadline (answer and body) is `failed` too.
 */
import { DeskLinkError } from '../../shared/errors';
import { withDeadline } from '../deadline';

/** The CRM API's module names (the web page's `Potentials` tab is the API's `Deals`). */
export type CrmApiModule = 'Leads' | 'Contacts' | 'Accounts' | 'Deals';

/** Why CRM's API gave no record: each says what a person could change. */
export type CrmRefusalReason =
  | 'scope' // the token lacks the module's read scope (OAUTH_SCOPE_MISMATCH)
  | 'permission' // the user's CRM profile may not read the module (NO_PERMISSION)
  | 'token' // the token is not valid for CRM (INVALID_TOKEN, AUTHENTICATION_FAILURE)
  | 'busy' // 429, or this browser's own CRM call limit
  | 'failed'; // anything else: network, 5xx, a body that is not CRM's

export class CrmRefusal extends Error {
  constructor(
    readonly reason: CrmRefusalReason,
    readonly status: number | null,
  ) {
    super(`Zoho CRM refused the record read: ${reason}${status === null ? '' : ` (HTTP ${status})`}`);
    this.name = 'CrmRefusal';
  }
}

export type CrmRecordFields = Record<string, unknown>;

export interface CrmClient {
  /** The record's asked-for fields; null when CRM has no such record (204, INVALID_DATA). */
  getRecord(
    request: { apiDomain: string; token: string; module: CrmApiModule; id: string; fields: readonly string[] },
    signal: AbortSignal,
  ): Promise<CrmRecordFields | null>;
}

interface CrmClientDeps {
  /** The fetch every CRM call goes through (this browser's CRM call budget wraps it). */
  fetch: typeof globalThis.fetch;
  /** How long a read may take, answer and body, before it counts as failed. */
  timeoutMs?: number;
}

const API_VERSION = 'v8';
// The record's first lookup waits on this read, and the page's own reading is there to fall back
// on: a CRM that has not answered in this long is treated as failed rather than waited for.
const DEFAULT_TIMEOUT_MS = 8_000;
const SCOPE_CODES = new Set(['OAUTH_SCOPE_MISMATCH', 'SCOPE_MISMATCH']);
const TOKEN_CODES = new Set(['INVALID_TOKEN', 'AUTHENTICATION_FAILURE', 'INVALID_OAUTHTOKEN', 'OAUTH_TOKEN_EXPIRED']);
const NO_RECORD_CODES = new Set(['INVALID_DATA', 'INVALID_URL_PATTERN']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** CRM's error code: `{code}`, or the first of `{data:[{code}]}`. */
function errorCode(body: unknown): string | null {
  if (!isObject(body)) return null;
  if (typeof body.code === 'string') return body.code.toUpperCase();
  const first = Array.isArray(body.data) ? (body.data[0] as unknown) : undefined;
  return isObject(first) && typeof first.code === 'string' ? first.code.toUpperCase() : null;
}

/** The refusal a non-2xx answer means; null when it means "no such record". */
function refusalOf(status: number, code: string | null): CrmRefusal | null {
  if (code !== null && SCOPE_CODES.has(code)) return new CrmRefusal('scope', status);
  if (code === 'NO_PERMISSION') return new CrmRefusal('permission', status);
  if (code !== null && TOKEN_CODES.has(code)) return new CrmRefusal('token', status);
  if ((status === 400 || status === 404) && (code === null || NO_RECORD_CODES.has(code))) return null;
  if (status === 401) return new CrmRefusal('token', status);
  if (status === 403) return new CrmRefusal('permission', status);
  if (status === 429) return new CrmRefusal('busy', status);
  return new CrmRefusal('failed', status);
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The one record of a 200 answer: `{data:[record]}`, `{data:record}`; null for an empty list. */
function recordOf(body: unknown, id: string): CrmRecordFields | null {
  if (!isObject(body)) throw new CrmRefusal('failed', 200);
  const data = body.data;
  const records = Array.isArray(data) ? data : isObject(data) ? [data] : null;
  if (records === null) throw new CrmRefusal('failed', 200);
  const found = records.filter(isObject);
  // A record's own id, when sent, must be the one asked for: another record is never used.
  const record = found.find((r) => r.id === undefined || ((typeof r.id === 'string' || typeof r.id === 'number') && String(r.id) === id));
  if (found.length > 0 && !record) throw new CrmRefusal('failed', 200);
  return record ?? null;
}

export function createCrmClient({ fetch, timeoutMs = DEFAULT_TIMEOUT_MS }: CrmClientDeps): CrmClient {
  return {
    getRecord: ({ apiDomain, token, module, id, fields }, signal) =>
      withDeadline(timeoutMs, signal, async (deadline) => {
        const url = new URL(`/crm/${API_VERSION}/${module}/${encodeURIComponent(id)}`, apiDomain);
        url.searchParams.set('fields', fields.join(','));
        let response: Response;
        let body: unknown;
        try {
          response = await fetch(url.href, {
            headers: { Authorization: `Zoho-oauthtoken ${token}` },
            signal: deadline,
            credentials: 'omit',
          });
          if (response.status === 204) return null;
          body = await jsonOf(response);
        } catch (error) {
          if (signal.aborted) throw error;
          if (error instanceof DeskLinkError && error.info.code === 'CALL_LIMIT_REACHED') throw new CrmRefusal('busy', null);
          throw new CrmRefusal('failed', null);
        }
        if (response.ok) return recordOf(body, id);
        const refusal = refusalOf(response.status, errorCode(body));
        if (refusal) throw refusal;
        return null;
      }),
  };
}
