/**
 * The typed error taxonomy every layer speaks. A code says what went wrong; the user-facing
 * text for each code lives in the i18n catalogs (`lib/shared/i18n/errors.ts`, English and Japanese).
 */
import type { DataCentreId } from './data-centres';

/** Every `errorCode` Zoho Desk documents in its API reference's error section. */
export const DESK_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'INVALID_OAUTH',
  'SCOPE_MISMATCH',
  'OAUTH_ORG_MISMATCH',
  'FORBIDDEN',
  'LICENSE_ACCESS_LIMITED',
  'URL_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RESOURCE_SIZE_EXCEEDED',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_DATA',
  'EMPTY_PAYLOAD',
  'UNPROCESSABLE_ENTITY',
  'ONLY_LIVECHAT_USER',
  'DUPLICATE_CONTRACT',
  'INTEGRATION_ADMIN_ERROR',
  'THRESHOLD_EXCEEDED',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;

/** Failures DeskLink itself detects, around or before a Desk call. */
type LocalErrorCode =
  | 'HTTP_ERROR' // a status with no documented errorCode in the body
  | 'NETWORK' // fetch failed: offline, DNS, TLS, connection reset
  | 'TIMEOUT' // no answer within the request timeout
  | 'MALFORMED_JSON' // the body is not JSON
  | 'TRUNCATED_BODY' // the body ends early (Content-Length larger than what arrived, or cut JSON)
  | 'SCHEMA_VIOLATION' // JSON, but not the shape Zoho documents
  | 'CREDENTIAL_REJECTED' // Zoho rejected the stored credential earlier; no call is made until it changes
  | 'SIGNED_OUT' // an OAuth token expired and cannot be renewed without the user
  | 'OAUTH_DENIED' // Sign in with Zoho: consent denied, or the sign-in window closed
  | 'OAUTH_CLIENT_INVALID' // Sign in with Zoho: Zoho does not know the client id or its redirect URI
  | 'OAUTH_FAILED' // Sign in with Zoho: any other failed sign-in (state mismatch, no token, unsupported data centre)
  | 'ORG_CREDENTIAL_REVOKED' // Zoho Accounts refused the organisation credential: refresh token revoked or invalid, or client id/secret wrong
  | 'GRANT_CODE_INVALID' // Zoho Accounts refused a Self Client grant code: expired (it lasts minutes), used already, or another client's
  | 'ACCOUNTS_LIMITED' // no new access token for now: Zoho Accounts answered "Access Denied" (over its limit), or one was asked less than a minute ago
  | 'ACCOUNTS_UNAVAILABLE' // Zoho Accounts could not be reached, or answered something DeskLink cannot read
  | 'NOT_CONFIGURED' // no credential or portal yet
  | 'DISABLED' // the admin switched the integration off
  | 'NO_PORTALS' // the credential reaches no Desk portal
  | 'PORTAL_NOT_FOUND' // the chosen portal is not among those the credential reaches
  | 'EMAIL_MISMATCH' // the key belongs to another user than the email entered
  | 'INVALID_INPUT' // a form value failed validation
  | 'POLICY_LOCKED' // the setting is fixed by enterprise policy
  | 'BAD_MESSAGE' // a message that does not fit the protocol
  | 'UNKNOWN_COMMAND' // a message naming no known command
  | 'FORBIDDEN_SENDER' // a command from a sender not allowed to send it
  | 'CALL_LIMIT_REACHED' // this browser made as many Desk calls in the last minute as DeskLink allows; no call was made
  | 'ABORTED' // the caller gave up (record switched, page closed)
  | 'INTERNAL'; // a bug: anything unexpected

export type DeskErrorCode = (typeof DESK_ERROR_CODES)[number];
export type ErrorCode = DeskErrorCode | LocalErrorCode;

/** The serialisable form of an error, as it travels in messages. */
export interface ErrorInfo {
  code: ErrorCode;
  /** HTTP status when one was received. */
  status?: number;
  /** Zoho's own message text, shown to admins in diagnostics only (untrusted text). */
  detail?: string;
  /**
   * Seconds to wait: Zoho's Retry-After (429), or until the day's API credits come back
   * (THRESHOLD_EXCEEDED: midnight Pacific Time when Zoho does not say).
   */
  retryAfterSec?: number;
  /**
   * SCOPE_MISMATCH: the scopes the refused endpoint declares (Zoho does not say which one the
   * key lacks), for the words that name what to add.
   */
  scopes?: string[];
  /** The Desk host that answered, for diagnostics. */
  host?: string;
  /**
   * A request Desk refused for its fields (422, a new ticket): the fields it named, as the form
   * calls them (`subject`, `departmentId`, `contact.email`, …), for the form to mark them.
   */
  fields?: string[];
  /**
   * Creating a ticket failed after it may have reached Desk (a timeout, a dropped connection):
   * true when DeskLink then looked and found no such ticket, so trying again makes no duplicate.
   * Absent when it could not look.
   */
  notCreated?: boolean;
  /**
   * Setup only: the data centre where the credential does work, after the chosen one rejected
   * it (the options page then names the right one).
   */
  dataCentre?: DataCentreId;
}

export class DeskLinkError extends Error {
  readonly code: ErrorCode;
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.detail ? `${info.code}: ${info.detail}` : info.code);
    this.name = 'DeskLinkError';
    this.code = info.code;
    this.info = info;
  }
}

/**
 * A request that failed this way may still have reached Desk and done its work before the answer
 * was lost (no answer in time, a dropped connection, a broken or 5xx answer): a create must be
 * looked for before it is called not done.
 */
export function mayHaveReachedDesk(error: ErrorInfo): boolean {
  return ['TIMEOUT', 'NETWORK', 'TRUNCATED_BODY', 'MALFORMED_JSON', 'INTERNAL_SERVER_ERROR', 'HTTP_ERROR'].includes(error.code);
}

/** Any thrown value as an ErrorInfo; unknown throwables become INTERNAL. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DeskLinkError) return error.info;
  if (error instanceof DOMException && error.name === 'AbortError') return { code: 'ABORTED' };
  return { code: 'INTERNAL', detail: error instanceof Error ? error.message : String(error) };
}
