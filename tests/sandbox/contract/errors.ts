/**
 * Desk's error answers (Common.json @daf0ee6): `{"errorCode","message"}`, `errors[]` on
 * validation failures, extra keys on LICENSE_ACCESS_LIMITED. Statuses per the Desk API
 * documentation; messages are the files' examples where they give one.
 */
import { desk } from './sources';

export const ERROR_SOURCE = desk('Common.json', 'daf0ee6', 'components/schemas/errorJson, components/responses');

export interface DeskErrorSpec {
  status: number;
  /** The file's example message; `undefined` where the files give none. */
  message?: string;
}

export const DESK_ERRORS = {
  BAD_REQUEST: { status: 400, message: 'You are not authorized to perform this operation.' },
  UNAUTHORIZED: { status: 401, message: 'You are not authorized to perform this operation.' },
  INVALID_OAUTH: { status: 401, message: 'The OauthToken is invalid or has expired.' },
  SCOPE_MISMATCH: { status: 401 },
  // Uncertain: 401 in copies of the Desk API documentation, 403 in a public client's mock; the message was seen live.
  OAUTH_ORG_MISMATCH: { status: 403, message: 'The OAuthToken is not valid for specified organization' },
  FORBIDDEN: { status: 403, message: 'You are not authorized to access this resource.' },
  LICENSE_ACCESS_LIMITED: { status: 403, message: 'Your Zoho Desk Edition does not support this feature/operation.' },
  URL_NOT_FOUND: { status: 404, message: 'The URL you requested could not be found.' },
  METHOD_NOT_ALLOWED: { status: 405 },
  RESOURCE_SIZE_EXCEEDED: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  INVALID_DATA: { status: 422, message: 'The data does not comply to the validation restrictions defined.' },
  EMPTY_PAYLOAD: { status: 422 },
  UNPROCESSABLE_ENTITY: { status: 422, message: "The value passed for the 'from' query parameter is invalid." },
  ONLY_LIVECHAT_USER: { status: 403 },
  DUPLICATE_CONTRACT: { status: 422 },
  INTEGRATION_ADMIN_ERROR: { status: 403 },
  THRESHOLD_EXCEEDED: { status: 429 },
  TOO_MANY_REQUESTS: { status: 429 },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'An internal server error occurred while performing this operation.' },
} as const satisfies Record<string, DeskErrorSpec>;

export type DeskErrorName = keyof typeof DESK_ERRORS;

/** LICENSE_ACCESS_LIMITED's own keys (licenseErrorResponse). */
export const LICENSE_KEYS = {
  feature: ['AGENTS', 'LIGHT_AGENTS', 'TEAM'],
  editionType: ['ENTERPRISE', 'PROFESSIONAL', 'STANDARD', 'EXPRESS', 'FREE'],
} as const;
