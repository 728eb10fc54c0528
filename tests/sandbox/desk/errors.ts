/**
 * Desk's error replies, `{"errorCode","message"}` (plus `errors[]` on validation failures and the
 * licence keys on LICENSE_ACCESS_LIMITED), with the statuses and messages of the contract table.
 * Where Zoho's files give no message, a plain stand-in says what happened: clients key on
 * errorCode, not on text.
 */
import { DESK_ERRORS, type DeskErrorName } from '../contract/index';
import { jsonReply, type Reply } from '../reply';

const STAND_IN: Partial<Record<DeskErrorName, string>> = {
  SCOPE_MISMATCH: 'The OAuth token does not have the scope required for this operation.',
  METHOD_NOT_ALLOWED: 'The requested method is not allowed for this URL.',
  RESOURCE_SIZE_EXCEEDED: 'The size of the resource exceeds the allowed limit.',
  UNSUPPORTED_MEDIA_TYPE: 'The input format is not supported.',
  EMPTY_PAYLOAD: 'The payload is empty.',
  ONLY_LIVECHAT_USER: 'This operation is not allowed for a live chat user.',
  DUPLICATE_CONTRACT: 'A contract already exists for this period.',
  INTEGRATION_ADMIN_ERROR: 'The integration is not set up by an administrator.',
  THRESHOLD_EXCEEDED: 'The API credits of this organization for the day are spent. Try again tomorrow.',
  TOO_MANY_REQUESTS: 'The maximum number of Concurrent API Calls that can be made has been exceeded.',
};

export const ERROR_STATUS: Record<string, number> = Object.fromEntries(
  Object.entries(DESK_ERRORS).map(([code, spec]) => [code, spec.status]),
);

const messageOf = (code: string): string =>
  (DESK_ERRORS as Record<string, { message?: string }>)[code]?.message ?? STAND_IN[code as DeskErrorName] ?? code;

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

/** LICENSE_ACCESS_LIMITED's own keys: the seat that is missing. */
const LICENSE_BODY = { maxAllowedEntity: '10', feature: 'AGENTS', editionType: 'FREE', isTrial: false };

export function deskError(code: string, message?: string, status?: number, headers: Record<string, string> = {}): Reply {
  const body = { errorCode: code, message: message ?? messageOf(code), ...(code === 'LICENSE_ACCESS_LIMITED' ? LICENSE_BODY : {}) };
  return jsonReply(status ?? ERROR_STATUS[code] ?? 400, body, headers);
}

/** 422 UNPROCESSABLE_ENTITY naming the parameter, in Zoho's `errors[]` form too. */
export function unprocessable(message: string, fieldName?: string, errorType: 'invalid' | 'missing' = 'invalid'): Reply {
  const errors = fieldName ? { errors: [{ fieldName, errorType, errorMessage: message }] } : {};
  return jsonReply(422, { errorCode: 'UNPROCESSABLE_ENTITY', message, ...errors });
}

/** One field a write refused: a JSON Pointer into the body (`/subject`, `/contact/email`). */
export interface FieldProblem {
  fieldName: string;
  errorType: 'invalid' | 'missing';
  errorMessage: string;
}

/** 422 INVALID_DATA with every refused field in `errors[]`, as the files' create-ticket example lists them. */
export function invalidData(problems: readonly FieldProblem[]): Reply {
  return jsonReply(422, { errorCode: 'INVALID_DATA', message: messageOf('INVALID_DATA'), errors: problems });
}
