/**
 * Access tokens for the organisation credential (a Self Client's refresh token), asked of Zoho
 * Accounts by the background itself:
 * - a token is reused until a minute before it expires;
 * - one request at a time per refresh token: every tab and caller waiting meanwhile gets its answer;
 * - at most one refresh a minute per refresh token, whatever happens (failures, restarts of the
 *   worker, Desk refusing a token): Zoho limits the access tokens a refresh token may have, and a
 *   credential given to a whole team by policy shares those limits across every browser. Asked
 *   again sooner, the answer is ACCOUNTS_LIMITED with the seconds to wait, and no call is made;
 * - Zoho's "Access Denied" (over its limits, sent with HTTP 200) is ACCOUNTS_LIMITED too, and
 *   doubles the wait each time in a row, up to ten minutes (Zoho counts over ten minutes).
 * A refused refresh token (revoked, or the client's secret changed) is ORG_CREDENTIAL_REVOKED;
 * the caller applies the rejection rule.
 */
import { DeskLinkError } from '../../shared/errors';
import { requestAccountsToken, type AccountsToken, type SelfClient } from './accounts-token';
import { exchangedRefreshToken, rememberExchange } from './exchanged-codes';
import { dropOrgAccessTokens, readOrgTokenState, stateKeyOf, writeOrgTokenState, type OrgTokenState } from './org-token-state';

/** A token with less than this left is not handed out: a Desk call must not outlive it. */
const REUSE_MARGIN_MS = 60_000;
const MIN_REFRESH_INTERVAL_MS = 60_000;
const MAX_WAIT_MS = 10 * 60_000;

interface OrgClient extends SelfClient {
  refreshToken: string;
}

export interface OrgTokens {
  /** An access token for `client`: the one held while it has more than a minute left, else a new one. */
  accessToken(client: OrgClient): Promise<string>;
  /** Desk refused `accessToken`: it is not handed out again (the next one still waits for its minute). */
  discard(client: OrgClient, accessToken: string): Promise<void>;
  /**
   * The refresh token for a Self Client grant code: exchanged once (a code works once; one
   * exchange at a time serves every caller), then remembered for this browser session, so `Save`
   * after `Next` finds it. The access token that comes with it is kept for reuse.
   */
  exchange(client: SelfClient, grantCode: string): Promise<string>;
  /** The access tokens this worker holds, for scrubbing them from any text that leaves the background. */
  held(): string[];
  /** Deactivation: no access token is kept (the once-a-minute limit still holds). */
  forgetAccessTokens(): Promise<void>;
}

/** How long after the last request the next may be sent: a minute, doubled for each "Access Denied" in a row. */
function waitAfter(state: OrgTokenState): number {
  return Math.min(MIN_REFRESH_INTERVAL_MS * 2 ** (state.denied ?? 0), MAX_WAIT_MS);
}

const limited = (waitMs: number, detail: string) =>
  new DeskLinkError({ code: 'ACCOUNTS_LIMITED', retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)), detail });

export function createOrgTokens({ fetch, now }: { fetch: typeof globalThis.fetch; now: () => number }): OrgTokens {
  const running = new Map<string, Promise<string>>();
  const exchanging = new Map<string, Promise<string>>();
  const held = new Map<string, string>();

  function keep(key: string, token: AccountsToken, lastAttemptAt: number): OrgTokenState {
    held.set(key, token.accessToken);
    return { accessToken: token.accessToken, expiresAt: token.expiresAt, lastAttemptAt, denied: 0 };
  }

  async function exchangeOnce(client: SelfClient, grantCode: string): Promise<string> {
    const known = await exchangedRefreshToken(client.clientId, grantCode);
    if (known) return known;
    const at = now();
    const token = await requestAccountsToken({ fetch, now }, client, { type: 'authorization_code', code: grantCode });
    const refreshToken = token.refreshToken!;
    const key = await stateKeyOf(refreshToken);
    await writeOrgTokenState(key, keep(key, token, at));
    await rememberExchange(client.clientId, grantCode, refreshToken);
    return refreshToken;
  }

  async function obtain(client: OrgClient): Promise<string> {
    const key = await stateKeyOf(client.refreshToken);
    const state = await readOrgTokenState(key);
    const at = now();
    if (state.accessToken && state.expiresAt !== undefined && state.expiresAt - at > REUSE_MARGIN_MS) {
      held.set(key, state.accessToken);
      return state.accessToken;
    }
    if (state.lastAttemptAt !== undefined) {
      const wait = state.lastAttemptAt + waitAfter(state) - at;
      if (wait > 0) throw limited(wait, 'a new access token was asked for less than the wait ago');
    }
    // Written before the request: should the worker die meanwhile, the next one still waits.
    await writeOrgTokenState(key, { ...state, lastAttemptAt: at });
    try {
      const token = await requestAccountsToken({ fetch, now }, client, { type: 'refresh_token', refreshToken: client.refreshToken });
      await writeOrgTokenState(key, keep(key, token, at));
      return token.accessToken;
    } catch (error) {
      if (error instanceof DeskLinkError && error.code === 'ACCOUNTS_LIMITED') {
        const denied = { ...state, lastAttemptAt: at, denied: (state.denied ?? 0) + 1 };
        await writeOrgTokenState(key, denied);
        throw limited(waitAfter(denied), error.info.detail ?? 'Access Denied');
      }
      throw error;
    }
  }

  return {
    accessToken(client) {
      let pending = running.get(client.refreshToken);
      if (!pending) {
        pending = obtain(client).finally(() => running.delete(client.refreshToken));
        running.set(client.refreshToken, pending);
      }
      return pending;
    },

    async discard(client, accessToken) {
      const key = await stateKeyOf(client.refreshToken);
      const state = await readOrgTokenState(key);
      if (state.accessToken !== accessToken) return;
      const { accessToken: _dropped, expiresAt: _expiry, ...rest } = state;
      await writeOrgTokenState(key, rest);
    },

    exchange(client, grantCode) {
      const name = `${client.clientId}\n${grantCode}`;
      let pending = exchanging.get(name);
      if (!pending) {
        pending = exchangeOnce(client, grantCode).finally(() => exchanging.delete(name));
        exchanging.set(name, pending);
      }
      return pending;
    },

    held: () => [...held.values()],

    forgetAccessTokens: dropOrgAccessTokens,
  };
}
