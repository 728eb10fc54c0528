/**
 * Desk's error replies: `{"errorCode","message"}` with the HTTP status of
 * reference/zoho-desk-api.md §12. Messages are Zoho's where documented; the others (marked)
 * are plausible stand-ins, since clients must key on errorCode, not text.
 */
import { jsonReply, type Reply } from '../reply';

export const ERROR_STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_OAUTH: 401,
  SCOPE_MISMATCH: 401,
  OAUTH_ORG_MISMATCH: 403,
  FORBIDDEN: 403,
  LICENSE_ACCESS_LIMITED: 403,
  URL_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RESOURCE_SIZE_EXCEEDED: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_DATA: 422,
  UNPROCESSABLE_ENTITY: 422,
  THRESHOLD_EXCEEDED: 429,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

export const ERROR_MESSAGE: Record<string, string> = {
  BAD_REQUEST: 'You are not authorized to perform this operation.',
  UNAUTHORIZED: 'You are not authenticated to perform this operation.',
  INVALID_OAUTH: 'The OAuth Token you provided is invalid.',
  SCOPE_MISMATCH: 'The OAuth token does not have the scope required for this operation.', // stand-in
  OAUTH_ORG_MISMATCH: 'The OAuthToken is not valid for specified organization',
  FORBIDDEN: 'You are not authorized to access this resource.',
  LICENSE_ACCESS_LIMITED: 'Your Zoho Desk Edition does not support this feature/operation.',
  URL_NOT_FOUND: 'The URL you requested could not be found.',
  METHOD_NOT_ALLOWED: 'The requested method is not allowed for this URL.', // stand-in
  RESOURCE_SIZE_EXCEEDED: 'The size of the resource exceeds the allowed limit.', // stand-in
  UNSUPPORTED_MEDIA_TYPE: 'The input format is not supported.', // stand-in
  INVALID_DATA: 'The data does not comply to the validation restrictions defined.',
  UNPROCESSABLE_ENTITY: "The value passed for the 'from' query parameter is invalid.",
  THRESHOLD_EXCEEDED: 'The number of API requests has exceeded the allowed limit. Try again later.', // stand-in
  TOO_MANY_REQUESTS: 'Too many concurrent requests. Try again later.', // stand-in
  INTERNAL_SERVER_ERROR: 'An internal server error occurred while performing this operation.',
};

/** The error code Desk would use for a bare HTTP status. */
export function codeForStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'INVALID_OAUTH',
    403: 'FORBIDDEN',
    404: 'URL_NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'RESOURCE_SIZE_EXCEEDED',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE_ENTITY',
    429: 'THRESHOLD_EXCEEDED',
  };
  return byStatus[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

export function deskError(code: string, message?: string, status?: number, headers: Record<string, string> = {}): Reply {
  return jsonReply(status ?? ERROR_STATUS[code] ?? 400, { errorCode: code, message: message ?? ERROR_MESSAGE[code] ?? code }, headers);
}

/** 422 UNPROCESSABLE_ENTITY with a specific message. */
export const unprocessable = (message: string): Reply => deskError('UNPROCESSABLE_ENTITY', message);
