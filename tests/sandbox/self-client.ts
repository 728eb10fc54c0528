/**
 * Zoho's Self Client, as an admin meets it in the API console and a program at
 * `POST /oauth/v2/token`: one Self Client per user, registered in the user's data centre (its
 * client id and secret); grant codes generated for some scopes and, when Desk asks, one portal,
 * living a few minutes and working once; refresh tokens that live until revoked; at most 10
 * access tokens per refresh token in 10 minutes. The generating user is the resource owner:
 * every token acts as that user. Access tokens are minted by the caller (Accounts' one token
 * table, which Desk asks who a token is).
 */
import { randomBytes } from 'node:crypto';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { OAUTH_USERS, type OAuthUser } from './fixtures';
import type { PortalKey } from './generate/model';
import { isKnownScope } from './scopes';

export interface SelfClientRequest {
  /** Who generates the code in the API console: the tokens act as this user. */
  user: OAuthUser;
  /** The portal picked when the console asks (Desk scopes); tokens then read that portal only. */
  portal?: PortalKey;
  /** Comma-separated in the console; Desk and CRM scopes may be mixed. */
  scopes: readonly string[];
  /** The code's "time duration": 3 minutes unless chosen, up to 10. */
  codeMinutes?: number;
  /**
   * Multi-DC enabled for the client in the console: the client is then known at every data
   * centre's Accounts host (its codes and refresh tokens still live in the user's only).
   */
  multiDc?: boolean;
}

export interface SelfClientGrant {
  clientId: string;
  clientSecret: string;
  /** The grant code, shown once in the console. */
  code: string;
  /** Epoch ms after which the code answers invalid_code. */
  codeExpiresAt: number;
  /** Zoho's `location` of the user's data centre. */
  location: string;
  /** Where the code must be exchanged: `https://accounts.zoho.<dc>`. */
  accountsServer: string;
  /** What the token answer names as `api_domain`. */
  apiDomain: string;
}

/** One call of the token endpoint, as the sandbox answered it. */
export interface TokenRequestLogEntry {
  at: number;
  /** The Accounts host asked. */
  host: string;
  /** `authorization_code`, `refresh_token`, `revoke` (the revoke endpoint), or what was sent. */
  grantType: string;
  clientId: string;
  /** Where the parameters came: the form body, the query string, both or neither. */
  paramsIn: 'body' | 'query' | 'both' | 'none';
  /** `issued`, `revoked`, or the `error` the body carried. */
  outcome: string;
}

export interface RefreshTokenRecord {
  refreshToken: string;
  clientId: string;
  user: OAuthUser;
  portal?: PortalKey;
  scopes: readonly string[];
  revoked: boolean;
}

/** What a token answer carries: the JSON body (HTTP 200 either way, as Zoho answers). */
export type TokenAnswer = Record<string, string | number>;

export type MintAccessToken = (grant: {
  user: OAuthUser;
  clientId: string;
  scopes: readonly string[];
  portal?: PortalKey;
  refreshToken: string;
}) => {
  token: string;
  expiresIn: number;
};

interface SelfClient {
  clientId: string;
  clientSecret: string;
  user: OAuthUser;
  location: string;
  multiDc: boolean;
}

interface GrantCode {
  clientId: string;
  user: OAuthUser;
  portal?: PortalKey;
  scopes: readonly string[];
  expiresAt: number;
  used: boolean;
}

interface RefreshToken extends RefreshTokenRecord {
  location: string;
  /** When each access token from this refresh token was issued (the code exchange's included). */
  issuedAt: number[];
}

/**
 * Access tokens per refresh token within ACCESS_WINDOW_MS (Zoho's "10 per 10 minutes"); [GUESS]
 * the code exchange's token counts, the window slides. Not modelled: Zoho's other limits (20
 * refresh tokens per user, grant codes per client, active access tokens per refresh token).
 */
export const ACCESS_TOKENS_PER_WINDOW = 10;
const ACCESS_WINDOW_MS = 10 * 60_000;
const MAX_CODE_MINUTES = 10;

/**
 * Error bodies. Documented: `Access Denied` with HTTP 200 past the limit (Zoho's "Kaizen #43"
 * post; one public client records a 400 instead); `invalid_client` and `invalid_code` (Zoho's
 * OAuth pages and API guides). Seen live and recorded in public clients, not documented:
 * `invalid_client_secret` for a wrong secret, `invalid_code` for a revoked or unknown refresh
 * token, `invalid_client` for a client asked at another data centre, the limit's description
 * text, and HTTP 200 for every error. [GUESS] `unsupported_grant_type` for another grant type.
 */
export const TOKEN_ERRORS = {
  invalidClient: { error: 'invalid_client' },
  invalidSecret: { error: 'invalid_client_secret' },
  invalidCode: { error: 'invalid_code' },
  unsupportedGrant: { error: 'unsupported_grant_type' },
  accessDenied: {
    error_description: 'You have made too many requests continuously. Please try again after some time.',
    error: 'Access Denied',
    status: 'failure',
  },
} as const satisfies Record<string, TokenAnswer>;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const upper = (length: number) => Array.from(randomBytes(length), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 36]!).join('');
const dataCentreOf = (location: string) => Object.values(DATA_CENTRES).find((dc) => dc.location === location)!;

export function createSelfClientBook(mint: MintAccessToken) {
  const clients = new Map<string, SelfClient>();
  const codes = new Map<string, GrantCode>();
  const refreshTokens = new Map<string, RefreshToken>();
  const log: TokenRequestLogEntry[] = [];

  /** The client as the Accounts host of `location` knows it (a client lives in its user's data centre). */
  function clientAt(clientId: string, location: string): SelfClient | undefined {
    const client = clients.get(clientId);
    return client && (client.location === location || client.multiDc) ? client : undefined;
  }

  /** Client id and secret, checked first as Zoho does. */
  function authenticate(params: URLSearchParams, location: string): { client: SelfClient } | { refused: TokenAnswer } {
    const client = clientAt(params.get('client_id') ?? '', location);
    if (!client) return { refused: TOKEN_ERRORS.invalidClient };
    if (params.get('client_secret') !== client.clientSecret) return { refused: TOKEN_ERRORS.invalidSecret };
    return { client };
  }

  function accessAnswer(refresh: RefreshToken, now: number): TokenAnswer {
    const { token, expiresIn } = mint({ ...refresh });
    refresh.issuedAt.push(now);
    return { access_token: token, api_domain: dataCentreOf(refresh.location).apiDomain, token_type: 'Bearer', expires_in: expiresIn };
  }

  function exchangeCode(client: SelfClient, params: URLSearchParams, location: string, now: number): TokenAnswer {
    const code = codes.get(params.get('code') ?? '');
    if (!code || code.used || code.clientId !== client.clientId || code.expiresAt <= now || client.location !== location)
      return TOKEN_ERRORS.invalidCode;
    code.used = true;
    const refresh: RefreshToken = {
      refreshToken: `1000.${hex(16)}.${hex(16)}`,
      clientId: client.clientId,
      user: code.user,
      ...(code.portal ? { portal: code.portal } : {}),
      scopes: code.scopes,
      revoked: false,
      location,
      issuedAt: [],
    };
    refreshTokens.set(refresh.refreshToken, refresh);
    const { access_token, api_domain, token_type, expires_in } = accessAnswer(refresh, now);
    return {
      access_token: access_token!,
      refresh_token: refresh.refreshToken,
      api_domain: api_domain!,
      token_type: token_type!,
      expires_in: expires_in!,
    };
  }

  function refresh(client: SelfClient, params: URLSearchParams, location: string, now: number): TokenAnswer {
    const found = refreshTokens.get(params.get('refresh_token') ?? '');
    if (!found || found.revoked || found.clientId !== client.clientId || found.location !== location) return TOKEN_ERRORS.invalidCode;
    found.issuedAt = found.issuedAt.filter((at) => at > now - ACCESS_WINDOW_MS);
    if (found.issuedAt.length >= ACCESS_TOKENS_PER_WINDOW) return TOKEN_ERRORS.accessDenied;
    return accessAnswer(found, now);
  }

  return {
    /** The API console: the user's Self Client (created on first use) and a fresh grant code. */
    selfClient(request: SelfClientRequest, now = Date.now()): SelfClientGrant {
      const unknown = request.scopes.filter((scope) => !isKnownScope(scope));
      if (request.scopes.length === 0 || unknown.length) throw new Error(`Enter a valid scope: ${unknown.join(',') || '(none)'}`);
      const minutes = request.codeMinutes ?? 3;
      if (!(minutes > 0 && minutes <= MAX_CODE_MINUTES))
        throw new Error(`a grant code lives 1 to ${MAX_CODE_MINUTES} minutes, not ${minutes}`);
      const { location } = OAUTH_USERS[request.user];
      let client = [...clients.values()].find((c) => c.user === request.user);
      if (!client) {
        client = { clientId: `1000.${upper(30)}`, clientSecret: hex(21), user: request.user, location, multiDc: false };
        clients.set(client.clientId, client);
      }
      if (request.multiDc !== undefined) client.multiDc = request.multiDc;
      const code = `1000.${hex(16)}.${hex(16)}`;
      const expiresAt = now + minutes * 60_000;
      codes.set(code, {
        clientId: client.clientId,
        user: request.user,
        ...(request.portal ? { portal: request.portal } : {}),
        scopes: [...request.scopes],
        expiresAt,
        used: false,
      });
      const dc = dataCentreOf(location);
      return {
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        code,
        codeExpiresAt: expiresAt,
        location,
        accountsServer: `https://${dc.accountsHost}`,
        apiDomain: dc.apiDomain,
      };
    },

    /** `POST /oauth/v2/token` at the Accounts host of `location`. */
    token(params: URLSearchParams, location: string, now = Date.now()): TokenAnswer {
      const checked = authenticate(params, location);
      if ('refused' in checked) return checked.refused;
      const { client } = checked;
      const grantType = params.get('grant_type');
      if (grantType === 'authorization_code') return exchangeCode(client, params, location, now);
      if (grantType === 'refresh_token') return refresh(client, params, location, now);
      return TOKEN_ERRORS.unsupportedGrant;
    },

    /** Revokes a refresh token (the revoke endpoint, or the user in Zoho Accounts); false when unknown. */
    revoke(refreshToken: string, location?: string): boolean {
      const found = refreshTokens.get(refreshToken);
      if (!found || (location !== undefined && found.location !== location)) return false;
      found.revoked = true;
      return true;
    },

    isRevoked: (refreshToken: string): boolean => refreshTokens.get(refreshToken)?.revoked ?? false,

    refreshTokens(filter: { clientId?: string; user?: OAuthUser } = {}): RefreshTokenRecord[] {
      return [...refreshTokens.values()]
        .filter((r) => (!filter.clientId || r.clientId === filter.clientId) && (!filter.user || r.user === filter.user))
        .map(({ refreshToken, clientId, user, portal, scopes, revoked }) => ({
          refreshToken,
          clientId,
          user,
          ...(portal ? { portal } : {}),
          scopes,
          revoked,
        }));
    },

    record(entry: TokenRequestLogEntry): void {
      log.push(entry);
    },

    requests: (): TokenRequestLogEntry[] => [...log],

    reset(): void {
      clients.clear();
      codes.clear();
      refreshTokens.clear();
      log.length = 0;
    },
  };
}

export type SelfClientBook = ReturnType<typeof createSelfClientBook>;
