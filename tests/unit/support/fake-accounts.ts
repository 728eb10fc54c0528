// A fake Zoho Accounts token endpoint for the organisation credential (not a test file), written
// from Zoho's documented wire format: `POST /oauth/v2/token` with a form-encoded body, grant
// codes that work once within minutes, refresh tokens valid until revoked, Zoho's own errors as
// `{"error": ...}` with HTTP 200, and "Access Denied" when over its limits. Beside it, a Zoho
// Desk that accepts the access tokens it issued and still live.
import type { TicketSource } from '../../../lib/background/broker/ticket-source';
import type { Credential } from '../../../lib/background/credentials/credential';
import { DeskLinkError } from '../../../lib/shared/errors';
import { tickets } from './cache';
import { urlOf } from './fetch';

export const CLIENT_ID = '1000.SELFCLIENT7Q2W';
export const CLIENT_SECRET = 'f3e1c0a9b8d7secret5a4b3c2d1e0f9a8b7c6d5e4';
export const ACCOUNTS_HOST = 'accounts.zoho.com';
export const ORG_EMAIL = 'it.admin@zylker.com';
export const PORTAL = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: null,
  edition: 'FREE',
};

interface TokenRequest {
  host: string;
  method: string;
  /** The URL's query: Zoho's examples put the parameters there, DeskLink never does. */
  query: string;
  body: URLSearchParams;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeAccounts(now: () => number = () => Date.now()) {
  let serial = 0;
  /** Grant codes not yet exchanged, with when they expire. */
  const codes = new Map<string, number>();
  const refreshTokens = new Map<string, { revoked: boolean }>();
  /** Access tokens Desk accepts. */
  const live = new Set<string>();
  const requests: TokenRequest[] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;

  const accounts = {
    requests,
    live,
    lifetimeSec: 3600,
    /** Over Zoho's limits: every token request answers "Access Denied". */
    deny: false,
    offline: false,
    /** A grant code as the API console's Self Client shows it, valid for `minutes`. */
    grantCode(minutes = 3): string {
      const code = `1000.grant${++serial}.b7c1d2e3f4a5`;
      codes.set(code, now() + minutes * 60_000);
      return code;
    },
    /** A refresh token Zoho issued earlier (e.g. pasted by the admin, or given by policy). */
    refreshToken(): string {
      const token = `1000.refresh${++serial}.9e8d7c6b5a4f3e2d`;
      refreshTokens.set(token, { revoked: false });
      return token;
    },
    /** The admin revokes the refresh token in Zoho (its access tokens stop working too). */
    revoke(token: string) {
      refreshTokens.set(token, { revoked: true });
      live.clear();
    },
    /** Token requests (of either grant) Zoho received. */
    refreshes: () => requests.filter((r) => r.body.get('grant_type') === 'refresh_token').length,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open();
    },
  };

  function answer(request: TokenRequest): Response {
    const { body } = request;
    if (request.method !== 'POST' || body.get('client_id') !== CLIENT_ID) return json(200, { error: 'invalid_client' });
    if (body.get('client_secret') !== CLIENT_SECRET) return json(200, { error: 'invalid_client_secret' });
    if (accounts.deny) {
      return json(200, {
        error_description: 'You have made too many requests continuously. Please try again after some time.',
        error: 'Access Denied',
        status: 'failure',
      });
    }
    const accessToken = `1000.access${++serial}.0a1b2c3d4e5f6a7b`;
    const issued = {
      access_token: accessToken,
      api_domain: 'https://www.zohoapis.com',
      token_type: 'Bearer',
      expires_in: accounts.lifetimeSec,
    };
    if (body.get('grant_type') === 'authorization_code') {
      const code = body.get('code') ?? '';
      const expiresAt = codes.get(code);
      if (expiresAt === undefined || expiresAt <= now()) return json(200, { error: 'invalid_code' });
      codes.delete(code);
      const refreshToken = accounts.refreshToken();
      live.add(accessToken);
      return json(200, { ...issued, refresh_token: refreshToken });
    }
    if (body.get('grant_type') === 'refresh_token') {
      const known = refreshTokens.get(body.get('refresh_token') ?? '');
      if (!known || known.revoked) return json(200, { error: 'invalid_code' });
      live.add(accessToken);
      return json(200, issued);
    }
    return json(200, { error: 'unsupported_grant_type' });
  }

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = urlOf(input);
    const request = {
      host: url.host,
      method: init?.method ?? 'GET',
      query: url.search,
      body: new URLSearchParams(typeof init?.body === 'string' ? init.body : ''),
    };
    if (accounts.offline) throw new TypeError('Failed to fetch');
    requests.push(request);
    if (gate) await gate;
    if (url.pathname !== '/oauth/v2/token') return json(404, { error: 'not found' });
    return answer(request);
  }

  /** Zoho Desk for the setup steps: /organizations and /myinfo for live access tokens. */
  function desk(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = urlOf(input);
    const token = new Headers(init?.headers).get('authorization')?.replace('Zoho-oauthtoken ', '') ?? '';
    if (url.host !== 'desk.zoho.com' || !live.has(token))
      return Promise.resolve(json(401, { errorCode: 'INVALID_OAUTH', message: 'invalid' }));
    if (url.pathname === '/api/v1/organizations') return Promise.resolve(json(200, { data: [PORTAL] }));
    if (url.pathname === '/api/v1/myinfo') return Promise.resolve(json(200, { id: '1892000000056007', emailId: ORG_EMAIL }));
    return Promise.resolve(json(404, { errorCode: 'URL_NOT_FOUND', message: '' }));
  }

  /** A record's tickets, for live access tokens only (INVALID_OAUTH otherwise, as Desk answers). */
  const sourceTokens: string[] = [];
  const ticketSource: TicketSource = {
    fingerprint: (record) => record.recordId,
    find(ready) {
      const token = (ready.credential as Credential & { accessToken?: string }).accessToken ?? '';
      sourceTokens.push(token);
      if (!live.has(token)) return Promise.reject(new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 }));
      return Promise.resolve({ tickets: tickets(0, 2), truncated: false });
    },
  };

  return { accounts, fetch, desk, ticketSource, sourceTokens };
}
