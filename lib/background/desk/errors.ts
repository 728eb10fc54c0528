/**
 * Turns whatever a Desk call produced (an error body, a bare HTTP status, a failed fetch, a
 * body that is not JSON, cut short or of the wrong shape) into one typed `DeskLinkError`
 * (lib/shared/errors.ts). Texts for people live in lib/shared/i18n/errors.ts.
 */
import type { z } from 'zod';
import { DESK_ERROR_CODES, DeskLinkError, type DeskErrorCode, type ErrorCode, type ErrorInfo } from '../../shared/errors';

/** Zoho's message is untrusted text shown to admins only: keep it short and single-line. */
export function cleanDetail(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, 300) : undefined;
}

/** The documented errorCode for a status Zoho sent without one. */
const STATUS_CODES: Record<number, DeskErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'URL_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'RESOURCE_SIZE_EXCEEDED',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
};

function codeForStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? 'HTTP_ERROR';
}

function isDeskErrorCode(value: unknown): value is DeskErrorCode {
  return typeof value === 'string' && (DESK_ERROR_CODES as readonly string[]).includes(value);
}

/** `Retry-After` as whole seconds: delta-seconds or an HTTP date; undefined when absent/bad. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

interface HttpFailure {
  status: number;
  host: string;
  /** The parsed JSON body, if any. */
  body?: unknown;
  retryAfterSec?: number;
}

/**
 * An error answer: Zoho's `errorCode` when it is a documented one, else the status's code.
 * Also used for a 2xx body that is an error object (INVALID_OAUTH may come with 200).
 */
export function errorFromResponse({ status, host, body, retryAfterSec }: HttpFailure): DeskLinkError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const zohoCode = record.errorCode;
  const code: ErrorCode = isDeskErrorCode(zohoCode) ? zohoCode : status >= 200 && status < 300 ? 'HTTP_ERROR' : codeForStatus(status);
  const unknownCode = typeof zohoCode === 'string' && !isDeskErrorCode(zohoCode) ? zohoCode : undefined;
  const message = cleanDetail(record.message);
  const detail = unknownCode ? cleanDetail(`${unknownCode}: ${message ?? ''}`) : message;
  return deskError({ code, status, host, detail, retryAfterSec, fields: namedFields(record.errors) });
}

/**
 * The fields a 422 names (`errors: [{fieldName: "/subject", …}]`), as dotted names (`contact.email`);
 * only names made of letters, digits and dots, at most ten: it is Zoho's text.
 */
function namedFields(errors: unknown): string[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  const names = errors
    .map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as { fieldName?: unknown }).fieldName : undefined))
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.replace(/^\/+/, '').replace(/\//g, '.'))
    .filter((name) => /^[A-Za-z][A-Za-z0-9_.]{0,60}$/.test(name));
  return names.length ? [...new Set(names)].slice(0, 10) : undefined;
}

/** Builds the error, leaving out empty fields so ErrorInfo stays minimal. */
export function deskError(info: ErrorInfo): DeskLinkError {
  const clean = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as ErrorInfo;
  return new DeskLinkError(clean);
}

/** True when `text` is a JSON prefix that stops early (open string, array or object). */
function looksTruncatedJson(text: string): boolean {
  const body = text.trim();
  if (!body.startsWith('{') && !body.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0 && i < body.length - 1) return false; // complete value followed by junk
    }
  }
  return inString || depth > 0;
}

/** The body of a successful answer did not parse: truncated or malformed. */
export function unparsableBodyError(text: string, status: number, host: string, cause: unknown): DeskLinkError {
  const code = looksTruncatedJson(text) ? 'TRUNCATED_BODY' : 'MALFORMED_JSON';
  return deskError({ code, status, host, detail: cleanDetail(cause instanceof Error ? cause.message : undefined) });
}

/** A zod failure as SCHEMA_VIOLATION naming the first few offending paths. */
export function schemaError(error: z.ZodError, status: number, host: string): DeskLinkError {
  const detail = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return deskError({ code: 'SCHEMA_VIOLATION', status, host, detail: cleanDetail(detail) });
}
