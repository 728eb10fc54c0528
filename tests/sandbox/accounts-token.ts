/**
 * accounts.zoho.<dc>: the token endpoint a Self Client's program calls.
 * - `POST /oauth/v2/token` with `grant_type=authorization_code` (client_id, client_secret, code)
 *   → `{access_token, refresh_token, api_domain, token_type:"Bearer", expires_in}`, or
 *   `grant_type=refresh_token` (client_id, client_secret, refresh_token) → `{access_token,
 *   api_domain, token_type, expires_in}`. Parameters come in an
 *   `application/x-www-form-urlencoded` body or in the query string: Zoho's examples show both.
 *   Errors are JSON bodies with HTTP 200 (self-client.ts says which are documented).
 * - `POST /oauth/v2/token/revoke?token=<refresh token>`: the refresh token stops working.
 *   [GUESS] The answer: 200 `{"status":"success"}` whether or not the token was known, as
 *   RFC 7009 has it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { accountsState } from './accounts-state';
import { jsonReply, textReply, type Reply } from './reply';
import type { TokenRequestLogEntry } from './self-client';

export const TOKEN_PATHS: readonly string[] = ['/oauth/v2/token', '/oauth/v2/token/revoke'];

interface TokenRequest {
  host: string;
  /** Zoho's `location` of the Accounts host asked. */
  location: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers?: IncomingHttpHeaders;
  body?: string;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The form body's parameters; a body of another type carries none Zoho reads. */
function formOf(req: TokenRequest): URLSearchParams {
  const type = String(req.headers?.['content-type'] ?? '').toLowerCase();
  return req.body && type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(req.body) : new URLSearchParams();
}

/** Query and body together (the body wins where both name a parameter). */
function paramsOf(req: TokenRequest): { params: URLSearchParams; paramsIn: TokenRequestLogEntry['paramsIn'] } {
  const form = formOf(req);
  const params = new URLSearchParams(req.query);
  for (const [name, value] of form) params.set(name, value);
  const inQuery = [...req.query.keys()].length > 0;
  const inBody = [...form.keys()].length > 0;
  return { params, paramsIn: inQuery && inBody ? 'both' : inQuery ? 'query' : inBody ? 'body' : 'none' };
}

export function handleToken(req: TokenRequest): Reply {
  if (req.method !== 'POST') return textReply(405, 'Method not allowed');
  const { params, paramsIn } = paramsOf(req);
  const entry = (grantType: string, outcome: string) =>
    accountsState.selfClients.record({
      at: Date.now(),
      host: req.host,
      grantType,
      clientId: params.get('client_id') ?? '',
      paramsIn,
      outcome,
    });

  if (req.path === '/oauth/v2/token/revoke') {
    const revoked = accountsState.selfClients.revoke(params.get('token') ?? '', req.location);
    entry('revoke', revoked ? 'revoked' : 'unknown');
    return jsonReply(200, { status: 'success' }, NO_STORE);
  }
  const answer = accountsState.selfClients.token(params, req.location);
  entry(params.get('grant_type') ?? '', typeof answer.error === 'string' ? answer.error : 'issued');
  return jsonReply(200, answer, NO_STORE);
}
