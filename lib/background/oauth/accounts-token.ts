/**
 * Zoho Accounts' token endpoint for a Self Client (the organisation credential):
 * `POST https://<accounts host>/oauth/v2/token` with a form-encoded body, either
 * `grant_type=authorization_code` (a grant code, exchanged once for a refresh token) or
 * `grant_type=refresh_token` (an access token, which lasts about an hour). The client secret
 * and the tokens travel in the body, never in the URL. Zoho answers its own errors as
 * `{"error": "..."}`, often with HTTP 200; over its limits it says "Access Denied".
 */
import { ACCOUNTS_HOSTS } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';

export interface SelfClient {
  accountsHost: string;
  clientId: string;
  clientSecret: string;
}

type TokenGrant = { type: 'authorization_code'; code: string } | { type: 'refresh_token'; refreshToken: string };

export interface AccountsToken {
  accessToken: string;
  /** Epoch ms after which Zoho no longer accepts the access token. */
  expiresAt: number;
  /** Only in the answer to a grant code. */
  refreshToken?: string;
}

const TIMEOUT_MS = 30_000;
/** What Zoho documents for an access token when an answer does not say. */
const DEFAULT_LIFETIME_SEC = 3600;

const unavailable = (host: string, detail: string, status?: number) =>
  new DeskLinkError({ code: 'ACCOUNTS_UNAVAILABLE', host, detail, ...(status !== undefined ? { status } : {}) });

/** Zoho's `error` as DeskLink's code: a refused credential, a refused grant code, a limit, or something else. */
function refusal(error: string, grant: TokenGrant, host: string, status: number): DeskLinkError {
  const said = error.slice(0, 100);
  if (/access denied/i.test(error)) return new DeskLinkError({ code: 'ACCOUNTS_LIMITED', host, status, detail: said });
  // Zoho says invalid_code for a grant code that expired or was used, and for a refresh token it no longer knows.
  if (error === 'invalid_code' && grant.type === 'authorization_code')
    return new DeskLinkError({ code: 'GRANT_CODE_INVALID', host, status, detail: said });
  if (/^(invalid_code|invalid_client|invalid_client_secret|invalid_token|invalid_grant|unauthorized_client)$/.test(error)) {
    return new DeskLinkError({ code: 'ORG_CREDENTIAL_REVOKED', host, status, detail: said });
  }
  return unavailable(host, `Zoho Accounts answered ${said}`, status);
}

/** Seconds an access token lives: Zoho's `expires_in` (older answers gave milliseconds, with `expires_in_sec`). */
function lifetimeSec(body: Record<string, unknown>): number {
  const seconds = [body.expires_in_sec, body.expires_in].find((v): v is number => typeof v === 'number' && v > 0);
  if (seconds === undefined) return DEFAULT_LIFETIME_SEC;
  return seconds > 86_400 ? Math.floor(seconds / 1000) : seconds;
}

export async function requestAccountsToken(
  deps: { fetch: typeof fetch; now: () => number },
  client: SelfClient,
  grant: TokenGrant,
): Promise<AccountsToken> {
  const host = client.accountsHost;
  // The client secret goes to Zoho's own Accounts hosts only.
  if (!ACCOUNTS_HOSTS.includes(host))
    throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'accountsServer: not a Zoho Accounts server' });
  const body = new URLSearchParams({ grant_type: grant.type, client_id: client.clientId, client_secret: client.clientSecret });
  if (grant.type === 'authorization_code') body.set('code', grant.code);
  else body.set('refresh_token', grant.refreshToken);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let status: number;
  let text: string;
  try {
    const response = await deps.fetch(`https://${host}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
      signal: controller.signal,
      credentials: 'omit', // the client authenticates; never the admin's Zoho cookies
      cache: 'no-store',
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw unavailable(
      host,
      controller.signal.aborted ? 'no answer in time' : cause instanceof Error ? cause.message.slice(0, 200) : 'fetch failed',
    );
  } finally {
    clearTimeout(timer);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw status === 429 ? new DeskLinkError({ code: 'ACCOUNTS_LIMITED', host, status }) : unavailable(host, 'not JSON', status);
  }
  const answer = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  if (typeof answer.error === 'string') throw refusal(answer.error, grant, host, status);
  if (status === 429) throw new DeskLinkError({ code: 'ACCOUNTS_LIMITED', host, status });
  if (status < 200 || status > 299) throw unavailable(host, `HTTP ${status}`, status);
  if (typeof answer.access_token !== 'string' || answer.access_token === '') throw unavailable(host, 'no access_token', status);
  const refreshToken = typeof answer.refresh_token === 'string' && answer.refresh_token !== '' ? answer.refresh_token : undefined;
  if (grant.type === 'authorization_code' && !refreshToken) throw unavailable(host, 'no refresh_token for the grant code', status);
  return {
    accessToken: answer.access_token,
    expiresAt: deps.now() + lifetimeSec(answer) * 1000,
    ...(refreshToken ? { refreshToken } : {}),
  };
}
