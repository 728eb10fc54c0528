/**
 * One request to the Desk API (a GET, or the POST that creates a ticket, its body JSON) and the honest reading of its answer: the body is read as bytes and
 * checked against Content-Length, decoded, parsed (keeping big integers exact) and every way
 * it can fail becomes a typed DeskLinkError. Uses only the global fetch: runs in a service
 * worker and in Firefox's background page.
 */
import { DeskLinkError } from '../../shared/errors';
import { withDeadline } from '../deadline';
import { deskError, errorFromResponse, parseRetryAfter, unparsableBodyError, cleanDetail } from './errors';
import { exactIntegerReviver } from './schema-primitives';

interface TransportOptions {
  host: string;
  token: string;
  orgId?: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  now: () => number;
}

/** The day's API credits as Desk reports them on an answer. */
export interface ApiCredits {
  /** `X-Rate-Limit-Remaining-v3`: credits left today for the portal. */
  remaining: number;
  /** `X-Rate-Limit-Request-Weight-v3`: what this call cost; null when not sent. */
  weight: number | null;
}

interface DeskAnswer {
  status: number;
  /** Parsed JSON; undefined for 204 or an empty body. */
  body: unknown;
  /** Present when Desk sent the credit headers. */
  credits?: ApiCredits;
}

const wholeNumber = (value: string | null) => (value !== null && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : null);

/** The credit headers, when Desk sent them (a background fetch with host permissions sees them). */
function creditsOf(headers: Headers): ApiCredits | undefined {
  const remaining = wholeNumber(headers.get('x-rate-limit-remaining-v3'));
  if (remaining === null) return undefined;
  return { remaining, weight: wholeNumber(headers.get('x-rate-limit-request-weight-v3')) };
}

/** A GET, or a POST with a JSON body. */
type DeskMethod = { method: 'GET' } | { method: 'POST'; json: unknown };

export async function deskRequest(
  options: TransportOptions,
  pathAndQuery: string,
  withOrgId: boolean,
  signal?: AbortSignal,
  request: DeskMethod = { method: 'GET' },
): Promise<DeskAnswer> {
  const { host } = options;
  if (signal?.aborted) throw deskError({ code: 'ABORTED', host });
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Zoho-oauthtoken ${options.token}`,
  };
  if (request.method === 'POST') headers['Content-Type'] = 'application/json';
  if (withOrgId) {
    if (!options.orgId) throw deskError({ code: 'NOT_CONFIGURED', host, detail: 'no portal (orgId) chosen' });
    headers.orgId = options.orgId;
  }
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  return withDeadline(options.timeoutMs, signal, async (combined, timedOut) => {
    // A failure is ABORTED if the caller gave up, TIMEOUT if our clock ran out, else `otherwise`.
    const failure = (cause: unknown, otherwise: 'NETWORK' | 'TRUNCATED_BODY', status?: number) => {
      if (cause instanceof DeskLinkError) return cause;
      if (signal?.aborted) return deskError({ code: 'ABORTED', host });
      if (timedOut()) return deskError({ code: 'TIMEOUT', host, status });
      return deskError({ code: otherwise, host, status, detail: cleanDetail(cause instanceof Error ? cause.message : String(cause)) });
    };

    let response: Response;
    try {
      response = await doFetch(`https://${host}/api/v1${pathAndQuery}`, {
        method: request.method,
        headers,
        ...(request.method === 'POST' ? { body: JSON.stringify(request.json) } : {}),
        signal: combined,
        credentials: 'omit', // the token authenticates; never the user's Zoho cookies
        cache: 'no-store',
      });
    } catch (cause) {
      throw failure(cause, 'NETWORK');
    }

    const { status } = response;
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (cause) {
      throw failure(cause, 'TRUNCATED_BODY', status); // headers came, the body broke off
    }

    const retryAfterSec = parseRetryAfter(response.headers.get('retry-after'), options.now());
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const encoding = response.headers.get('content-encoding');
    // With a Content-Encoding, Content-Length counts the compressed bytes: not comparable.
    if ((!encoding || encoding === 'identity') && Number.isFinite(declared) && bytes.byteLength < declared) {
      throw deskError({ code: 'TRUNCATED_BODY', status, host, detail: `${bytes.byteLength} of ${declared} bytes` });
    }

    const credits = creditsOf(response.headers);
    const text = new TextDecoder().decode(bytes);
    // Zoho says "no results" with 204 and no body; an empty body on any other status is a
    // broken answer, not an empty list (it must not overwrite cached tickets).
    if (status === 204) return { status, body: undefined, ...(credits ? { credits } : {}) };
    if (text.trim() === '') {
      if (!response.ok) throw errorFromResponse({ status, host, retryAfterSec });
      throw deskError({ code: 'MALFORMED_JSON', status, host, detail: `empty body with status ${status}` });
    }

    let body: unknown;
    try {
      body = JSON.parse(text, exactIntegerReviver);
    } catch (cause) {
      if (!response.ok) throw errorFromResponse({ status, host, retryAfterSec });
      throw unparsableBodyError(text, status, host, cause);
    }
    const isErrorBody = typeof body === 'object' && body !== null && typeof (body as { errorCode?: unknown }).errorCode === 'string';
    if (!response.ok || isErrorBody) throw errorFromResponse({ status, host, body, retryAfterSec });
    return { status, body, ...(credits ? { credits } : {}) };
  });
}
