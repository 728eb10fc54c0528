/**
 * Fault injection: rules match requests by host, method and path, for a number of times, and
 * turn the normal answer into an error status (documented body), a delay, or a broken body
 * (malformed, truncated, schema-breaking, empty), a dropped connection, no answer at all, or a
 * 429 with Retry-After. A rule that `reachesDesk` lets Desk handle the request first (a new
 * ticket is stored) and spoils only the answer.
 */
import { codeForStatus, deskError, ERROR_STATUS, invalidData } from './desk/errors';
import { JSON_TYPE, type Reply } from './reply';

export interface FaultRule {
  host?: string;
  /** A string is a path prefix (e.g. '/api/v1/tickets/search'); a RegExp is tested against the path. */
  path?: string | RegExp;
  /** Only requests of this method (e.g. 'POST'); default any. */
  method?: string;
  /** How many requests it hits; default unlimited. */
  times?: number;
  status?: number;
  /** Documented body {errorCode, message}; the message is the documented one for the code. */
  errorCode?: string;
  delayMs?: number;
  /**
   * `reset`: the connection is dropped before any answer (a network failure for the client);
   * `hang`: no answer ever comes (the client's timeout ends it; closing the sandbox drops it).
   */
  body?: 'malformed' | 'truncated' | 'schema' | 'empty' | 'reset' | 'hang';
  retryAfterSec?: number;
  /**
   * 422 INVALID_DATA naming these fields (JSON Pointers, `/subject`), as Desk refuses a value its
   * portal's own rules do not allow (a validation rule, a blocked word) that no file lists.
   */
  invalidFields?: string[];
  /**
   * Desk handles the request as usual before the fault takes the answer (a `POST
   * /api/v1/tickets` stores its ticket, then the client sees the status, reset, hang or delay).
   * Without it a status, reset or hang fault stops the request before Desk.
   */
  reachesDesk?: boolean;
}

/** A reply the server must cut short: Content-Length says `body`'s length, only `sendBytes` are sent. */
export interface TruncatedReply extends Reply {
  sendBytes?: number;
  /** Drop the connection without answering. */
  reset?: true;
  /** Never answer: leave the connection open. */
  hang?: true;
}

interface Entry {
  rule: FaultRule;
  remaining: number;
}

export class FaultBook {
  private entries: Entry[] = [];

  add(rule: FaultRule): () => void {
    const entry = { rule, remaining: rule.times ?? Infinity };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  clear(): void {
    this.entries = [];
  }

  /** The first rule matching this request, its budget spent by one. */
  take(host: string, path: string, method = 'GET'): FaultRule | undefined {
    const entry = this.entries.find(
      ({ rule, remaining }) =>
        remaining > 0 &&
        (!rule.host || rule.host.toLowerCase() === host) &&
        (!rule.method || rule.method.toUpperCase() === method.toUpperCase()) &&
        (!rule.path || (typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path))),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.rule;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON that parses but breaks the documented schema of whatever the normal answer was. */
function schemaBreaking(normal: Reply): string {
  let parsed: unknown;
  try {
    parsed = normal.body ? JSON.parse(normal.body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'data' in parsed) {
    return JSON.stringify({ data: 'oops', count: 'many' });
  }
  if (parsed === undefined) return JSON.stringify({ data: 'oops' });
  // A number past 2^53 on purpose: the id a careless parser rounds.
  // eslint-disable-next-line no-loss-of-precision
  return JSON.stringify(['oops', { id: 12345678901234567890 }]);
}

/** Applies a matched rule: `normal` computes the answer the request would otherwise get. */
export async function applyFault(rule: FaultRule, handle: () => Reply): Promise<TruncatedReply> {
  const handled = rule.reachesDesk ? handle() : undefined;
  const normal = () => handled ?? handle();
  if (rule.delayMs) await sleep(rule.delayMs);
  const jsonHeaders = { 'content-type': JSON_TYPE };

  switch (rule.body) {
    case 'malformed':
      return {
        status: rule.status ?? 200,
        headers: jsonHeaders,
        body: '<!DOCTYPE html><html><head><title>Zoho Desk</title></head><body>Service temporarily unavailable {"data":[</body></html>',
      };
    case 'empty':
      return { status: rule.status ?? 200, headers: jsonHeaders, body: '' };
    case 'reset':
      return { status: 0, headers: {}, reset: true };
    case 'hang':
      return { status: 0, headers: {}, hang: true };
    case 'schema':
      return { status: rule.status ?? 200, headers: jsonHeaders, body: schemaBreaking(normal()) };
    case 'truncated': {
      const base = normal();
      const body =
        base.body && base.body.length > 2
          ? base.body
          : JSON.stringify({ data: [{ id: '1892000000100000001', subject: 'truncated' }], count: 1 });
      return {
        status: rule.status ?? (base.status === 204 ? 200 : base.status),
        headers: { ...jsonHeaders, ...base.headers },
        body,
        sendBytes: Math.floor(Buffer.byteLength(body) / 2),
      };
    }
    default:
      break;
  }

  if (rule.invalidFields) {
    return invalidData(
      rule.invalidFields.map((fieldName) => ({ fieldName, errorType: 'invalid', errorMessage: 'An invalid value was given.' })),
    );
  }
  if (rule.status !== undefined || rule.errorCode !== undefined || rule.retryAfterSec !== undefined) {
    const status = rule.status ?? (rule.errorCode ? ERROR_STATUS[rule.errorCode] : undefined) ?? 429;
    const code = rule.errorCode ?? codeForStatus(status);
    const headers: Record<string, string> = rule.retryAfterSec !== undefined ? { 'retry-after': String(rule.retryAfterSec) } : {};
    return deskError(code, undefined, status, headers);
  }
  return normal();
}
