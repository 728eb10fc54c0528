/**
 * The Desk API v1 as the contract table describes it, checked in Zoho's order: the
 * Authorization header (401 UNAUTHORIZED), the token (401 INVALID_OAUTH, also for a token of
 * another data centre), the route (404 URL_NOT_FOUND / 405), the orgId header (422, or
 * OAUTH_ORG_MISMATCH for a portal the token cannot read), the agent licence (403
 * LICENSE_ACCESS_LIMITED), the scopes (401 SCOPE_MISMATCH), the role (403 FORBIDDEN for a
 * light agent's write), the day's API credits (429 THRESHOLD_EXCEEDED), the query (422), then
 * the answer with the credit headers.
 */
import { DATA_CENTRES } from '../../../lib/shared/data-centres';
import { matchEndpoint, pathKnown, type EndpointContract } from '../contract/index';
import { PORTALS } from '../fixtures';
import type { PortalKey } from '../generate/model';
import { jsonReply, noContent, type Reply } from '../reply';
import type { Variation } from '../variation';
import { accessOfToken, portalById, tokenOf, type KeyAccess } from './access';
import { requestWeight, secondsToPacificMidnight, type CreditBook } from './credits';
import type { CreatedRecords } from './created';
import { deskError, unprocessable } from './errors';
import { HANDLERS } from './routes';
import { organizationJson } from './setup-answers';
import { isReply, validateQuery } from './validate';

export interface DeskRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text ('' when none). */
  body?: string;
}

export interface DeskRuntime {
  variation: Variation;
  credits: CreditBook;
  /** The day's budget of a portal. */
  budgetOf(portal: PortalKey): number;
  /** The scopes of a token from the sandbox's Accounts (undefined: a fixture key). */
  grantedScopes(token: string): readonly string[] | undefined;
  /** The tickets and contacts this sandbox created, and the portals as it answers them. */
  records: CreatedRecords;
  now(): number;
}

const header = (req: DeskRequest, name: string) => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const hostDataCentre = (host: string) => Object.values(DATA_CENTRES).find((dc) => dc.deskHost === host)?.id;

function missingScopes(row: EndpointContract, access: KeyAccess, granted: readonly string[] | undefined): string[] {
  const has = granted ? new Set(granted) : access.scopes;
  return row.scopes.filter((scope) => !has.has(scope));
}

function withCredits(reply: Reply, weight: number, remaining: number): Reply {
  return {
    ...reply,
    headers: { ...reply.headers, 'x-rate-limit-request-weight-v3': String(weight), 'x-rate-limit-remaining-v3': String(remaining) },
  };
}

export function handleDesk(req: DeskRequest, runtime: DeskRuntime): Reply {
  const token = tokenOf(header(req, 'authorization'));
  if (token === undefined) return deskError('UNAUTHORIZED');
  const access = accessOfToken(token);
  if (!access || hostDataCentre(req.host) !== access.dataCentre) return deskError('INVALID_OAUTH');

  const matched = matchEndpoint(req.method === 'HEAD' ? 'GET' : req.method, req.path);
  if (!matched) return deskError(pathKnown(req.path) ? 'METHOD_NOT_ALLOWED' : 'URL_NOT_FOUND');
  const { row, pathId } = matched;
  const handler = HANDLERS[row.id];
  const granted = runtime.grantedScopes(token);

  if (row.id === 'organizations') {
    if (missingScopes(row, access, granted).length) return deskError('SCOPE_MISMATCH');
    const q = validateQuery(req.query, row);
    if (isReply(q)) return q;
    const listed = access.listed.filter((key) => PORTALS[key].dataCentre === access.dataCentre);
    return listed.length ? jsonReply(200, { data: listed.map((key) => organizationJson(key, access)) }) : noContent();
  }

  const orgId = header(req, 'orgId')?.trim();
  if (!orgId) return unprocessable("The 'orgId' header is missing in the request.", 'orgId', 'missing');
  if (!/^\d+$/.test(orgId)) return unprocessable("The value passed for the 'orgId' header is invalid.", 'orgId');
  const portal = portalById(orgId);
  if (!portal || !access.readable.includes(portal) || PORTALS[portal].dataCentre !== access.dataCentre)
    return deskError('OAUTH_ORG_MISMATCH');
  if (!access.licensed) return deskError('LICENSE_ACCESS_LIMITED');
  if (missingScopes(row, access, granted).length) return deskError('SCOPE_MISMATCH');
  // A light agent may view records but not add, edit or delete them (Zoho's light-agent page).
  // [GUESS] Desk refuses the write as a role without the permission: 403 FORBIDDEN.
  if (access.role === 'Light' && row.method !== 'GET') return deskError('FORBIDDEN');
  // A documented endpoint the sandbox does not serve yet.
  if (!handler) return deskError('METHOD_NOT_ALLOWED', 'This endpoint is not served by the sandbox.');

  const q = validateQuery(req.query, row);
  if (isReply(q)) return q;

  const now = runtime.now();
  const budget = runtime.budgetOf(portal);
  const weight = requestWeight(row, q.paging.start);
  const left = runtime.credits.remaining(orgId, budget, now);
  if (left < weight) {
    return withCredits(
      deskError('THRESHOLD_EXCEEDED', undefined, undefined, { 'retry-after': String(secondsToPacificMidnight(now)) }),
      weight,
      left,
    );
  }

  const reply = handler({
    row,
    store: runtime.records.readable(portal),
    portal,
    access,
    q,
    id: pathId,
    variation: runtime.variation,
    body: req.body ?? '',
    records: runtime.records,
    now,
  });
  if (reply.status >= 400) return reply;
  runtime.credits.spend(orgId, weight, now);
  return withCredits(reply, weight, runtime.credits.remaining(orgId, budget, now));
}
