/**
 * What kind of failure an error is, as the rep should read it: Zoho Desk `busy` (too many
 * requests; trying again helps), `unreachable` (network, time-out, Desk's own failure) or
 * `rejected` (Desk refused this request: permissions, licence, a bad answer); `other` for the
 * rest, which the panel words in full.
 */
import type { ErrorInfo } from '../shared/errors';

type ErrorKind = 'busy' | 'unreachable' | 'rejected' | 'other';

// DeskLink's own limit of calls a minute (CALL_LIMIT_REACHED) is not Desk being busy: it keeps its own words.
const BUSY = new Set(['TOO_MANY_REQUESTS', 'THRESHOLD_EXCEEDED']);
const UNREACHABLE = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL_SERVER_ERROR', 'TRUNCATED_BODY', 'MALFORMED_JSON']);
const REJECTED = new Set([
  'UNAUTHORIZED',
  'INVALID_OAUTH',
  'SCOPE_MISMATCH',
  'OAUTH_ORG_MISMATCH',
  'FORBIDDEN',
  'LICENSE_ACCESS_LIMITED',
  'URL_NOT_FOUND',
  'UNPROCESSABLE_ENTITY',
  'BAD_REQUEST',
  'SCHEMA_VIOLATION',
]);

export function errorKind(error: ErrorInfo): ErrorKind {
  if (BUSY.has(error.code) || error.status === 429) return 'busy';
  if (UNREACHABLE.has(error.code) || (error.status !== undefined && error.status >= 500)) return 'unreachable';
  if (REJECTED.has(error.code) || (error.status !== undefined && error.status >= 400)) return 'rejected';
  return 'other';
}

/** Desk asked to wait and said how long: the panel may count it down and ask again. */
export const isBusyWithWait = (error: ErrorInfo): error is ErrorInfo & { retryAfterSec: number } =>
  errorKind(error) === 'busy' && typeof error.retryAfterSec === 'number';
