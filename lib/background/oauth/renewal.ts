/**
 * Keeping a Zoho sign-in alive without the user: the access token lives one hour and Zoho gives
 * no refresh token to a client-based app, so the broker asks `/oauth/v2/auth/refresh` through a
 * window-less `launchWebAuthFlow`:
 * - before use, when less than five minutes remain (`fresh`);
 * - once after Zoho answered INVALID_OAUTH (`afterRejection`; lib/background/credentials/rejection.ts).
 * When only the user can help (Zoho session over, grant not for the session), the credential is
 * marked `signedOut`: the panel says `Sign in again` and no Desk call is made until a new
 * sign-in. Renewals are shared (one at a time per token) so many tabs cause one renewal.
 *
 * A renewal may not switch users: the answer must carry the state sent (renewSilently) and the
 * renewed token must read Desk as the same agent (myinfo), or the sign-in is marked signed out.
 * Renewal runs on whoever is signed in to Zoho in this browser at the time, which may be someone
 * else than the agent who set DeskLink up.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { savable, type Credential, type OAuthCredential } from '../credentials/credential';
import type { CredentialStore } from '../credentials/store';
import { isDueForRenewal } from './expiry';
import { renewSilently, signInScopes } from './sign-in';
import type { WebAuthLauncher } from './web-auth';

/** The browser's side of Zoho's sign-in: `identity.launchWebAuthFlow` and its redirect URI. */
export interface OAuthBrowser {
  launch: WebAuthLauncher;
  redirectUri: () => string;
}

interface RenewalDeps {
  credentials: CredentialStore;
  oauthBrowser: OAuthBrowser;
  now: () => number;
  /** The email of the Desk agent a token reads Desk as (myinfo). */
  agentOf: (dataCentre: DataCentreId, accessToken: string) => Promise<string>;
}

export interface OAuthRenewal {
  /**
   * The credential to decide on and call Desk with: an OAuth token with less than five minutes
   * left is renewed first. A failed renewal leaves the credential as it is (marked `signedOut`
   * when it needs the user); the caller's state logic then says what the panel shows.
   */
  fresh(credential: Credential | null): Promise<Credential | null>;
  /**
   * After Zoho answered INVALID_OAUTH for `credential`: the renewed credential (renewing once,
   * unless another request already did), or SIGNED_OUT.
   */
  afterRejection(credential: OAuthCredential): Promise<OAuthCredential>;
  /** Marks the stored sign-in as needing the user, if it is still this one. */
  markSignedOut(credential: OAuthCredential): Promise<OAuthCredential>;
}

/** After a renewal failed for a reason other than the user (offline), wait before trying again. */
const RETRY_AFTER_FAILURE_MS = 30_000;

const signedOut = (detail?: string) => new DeskLinkError({ code: 'SIGNED_OUT', ...(detail ? { detail } : {}) });

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createOAuthRenewal({ credentials, oauthBrowser, now, agentOf }: RenewalDeps): OAuthRenewal {
  let lastFailure: { token: string; at: number } | null = null;
  const running = new Map<string, Promise<OAuthCredential>>();

  async function markSignedOut(credential: OAuthCredential): Promise<OAuthCredential> {
    const current = await credentials.get();
    if (current?.kind !== 'oauth' || current.accessToken !== credential.accessToken) return credential;
    return (await credentials.save({ ...savable(current), signedOut: true })) as OAuthCredential;
  }

  async function renew(credential: OAuthCredential): Promise<OAuthCredential> {
    try {
      const token = await renewSilently(
        {
          clientId: credential.clientId,
          dataCentre: credential.dataCentre,
          multiDc: credential.multiDc ?? false,
          ...(credential.accountsHost ? { accountsHost: credential.accountsHost } : {}),
          scopes: signInScopes(credential),
        },
        { launch: oauthBrowser.launch, redirectUri: oauthBrowser.redirectUri(), now },
      );
      const agent = await agentOf(token.dataCentre, token.accessToken).catch((error: unknown) => {
        // Desk refusing the new token outright is as good as another user's; anything else (offline) is tried again later.
        throw error instanceof DeskLinkError && error.code === 'INVALID_OAUTH' ? signedOut('the renewed token was refused') : error;
      });
      if (!sameEmail(agent, credential.email)) throw signedOut('renewed for another Zoho user');
      const current = await credentials.get();
      // Deactivated or replaced meanwhile: the new token belongs to nothing stored.
      if (current?.kind !== 'oauth' || current.accessToken !== credential.accessToken) throw signedOut('sign-in replaced');
      lastFailure = null;
      return (await credentials.save({
        ...savable(current),
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        ...(token.apiDomain ? { apiDomain: token.apiDomain } : {}),
      })) as OAuthCredential;
    } catch (error) {
      if (error instanceof DeskLinkError && error.code === 'SIGNED_OUT') {
        await markSignedOut(credential);
        throw error;
      }
      lastFailure = { token: credential.accessToken, at: now() };
      throw error;
    }
  }

  /** One renewal per token at a time, whoever asks. */
  function renewShared(credential: OAuthCredential): Promise<OAuthCredential> {
    let renewal = running.get(credential.accessToken);
    if (!renewal) {
      renewal = renew(credential).finally(() => running.delete(credential.accessToken));
      running.set(credential.accessToken, renewal);
    }
    return renewal;
  }

  return {
    async fresh(credential) {
      if (!credential || credential.kind !== 'oauth' || credential.signedOut || credential.rejected) return credential;
      const at = now();
      if (!isDueForRenewal(credential, at)) return credential;
      if (lastFailure?.token === credential.accessToken && at - lastFailure.at < RETRY_AFTER_FAILURE_MS) return credential;
      try {
        return await renewShared(credential);
      } catch {
        return (await credentials.get()) ?? credential;
      }
    },

    async afterRejection(credential) {
      const current = await credentials.get();
      if (current?.kind === 'oauth' && current.accessToken !== credential.accessToken && !current.signedOut) return current;
      try {
        return await renewShared(credential);
      } catch (error) {
        if (error instanceof DeskLinkError && error.code === 'SIGNED_OUT') throw error;
        // Renewal could not even be tried (offline): the rejected token must not be used again.
        await markSignedOut(credential);
        throw signedOut(error instanceof Error ? error.message : undefined);
      }
    },

    markSignedOut,
  };
}
