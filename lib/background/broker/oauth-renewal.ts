/**
 * Keeping a Zoho sign-in alive without the user (issue 7, requirement 2): the access token lives
 * one hour and Zoho gives no refresh token, so the broker asks `/oauth/v2/auth/refresh` through
 * a window-less `launchWebAuthFlow`:
 * - before use, when less than five minutes remain;
 * - once after Zoho answers INVALID_OAUTH (then the call is retried once with the new token).
 * When only the user can help (Zoho session over, grant not for the session), the credential is
 * marked `signedOut`: the panel says `Sign in again` and no Desk call is made until a new
 * sign-in. Renewals are shared (one at a time per token) so many tabs cause one renewal.
 */
import { getCredential, saveCredential, type Credential, type OAuthCredential } from '../credentials/credential';
import { DeskLinkError } from '../../shared/errors';
import { isDueForRenewal } from '../oauth/expiry';
import { renewSilently } from '../oauth/sign-in';
import { launchWebAuthFlow, redirectUri, type WebAuthLauncher } from '../oauth/web-auth';
import type { ReadyContext } from './context';
import type { TicketSource } from './ticket-source';

export interface OAuthBrowser {
  launch: WebAuthLauncher;
  redirectUri: () => string;
  now: () => number;
}

let oauthBrowser: OAuthBrowser = { launch: launchWebAuthFlow, redirectUri, now: () => Date.now() };

export function getOAuthBrowser(): OAuthBrowser {
  return oauthBrowser;
}

/** Replaces the browser side (unit tests); returns the previous one. */
export function setOAuthBrowser(next: Partial<OAuthBrowser>): OAuthBrowser {
  const previous = oauthBrowser;
  oauthBrowser = { ...oauthBrowser, ...next };
  return previous;
}

/** After a renewal failed for a reason other than the user (offline), wait before trying again. */
const RETRY_AFTER_FAILURE_MS = 30_000;
let lastFailure: { token: string; at: number } | null = null;
const running = new Map<string, Promise<OAuthCredential>>();

const signedOut = (detail?: string) => new DeskLinkError({ code: 'SIGNED_OUT', ...(detail ? { detail } : {}) });

function withoutBookkeeping(credential: OAuthCredential) {
  const { rejected: _rejected, savedAt: _savedAt, ...rest } = credential;
  return rest;
}

/** Marks the stored sign-in as needing the user, if it is still this one. */
export async function markSignedOut(credential: OAuthCredential): Promise<OAuthCredential> {
  const current = await getCredential();
  if (current?.kind !== 'oauth' || current.accessToken !== credential.accessToken) return credential;
  return (await saveCredential({ ...withoutBookkeeping(current), signedOut: true })) as OAuthCredential;
}

async function renew(credential: OAuthCredential): Promise<OAuthCredential> {
  try {
    const token = await renewSilently(
      { clientId: credential.clientId, dataCentre: credential.dataCentre },
      { launch: oauthBrowser.launch, redirectUri: oauthBrowser.redirectUri(), now: oauthBrowser.now },
    );
    const current = await getCredential();
    // Deactivated or replaced meanwhile: the new token belongs to nothing stored.
    if (current?.kind !== 'oauth' || current.accessToken !== credential.accessToken) throw signedOut('sign-in replaced');
    lastFailure = null;
    const { signedOut: _was, ...kept } = withoutBookkeeping(current);
    return (await saveCredential({ ...kept, accessToken: token.accessToken, expiresAt: token.expiresAt })) as OAuthCredential;
  } catch (error) {
    if (error instanceof DeskLinkError && error.code === 'SIGNED_OUT') {
      await markSignedOut(credential);
      throw error;
    }
    lastFailure = { token: credential.accessToken, at: oauthBrowser.now() };
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

/**
 * The credential to decide on and call Desk with: an OAuth token with less than five minutes
 * left is renewed first. A failed renewal leaves the credential as it is (marked `signedOut`
 * when it needs the user); the caller's state logic then says what the panel shows.
 */
export async function withFreshToken(credential: Credential | null): Promise<Credential | null> {
  if (!credential || credential.kind !== 'oauth' || credential.signedOut || credential.rejected) return credential;
  const now = oauthBrowser.now();
  if (!isDueForRenewal(credential, now)) return credential;
  if (lastFailure?.token === credential.accessToken && now - lastFailure.at < RETRY_AFTER_FAILURE_MS) return credential;
  try {
    return await renewShared(credential);
  } catch {
    return (await getCredential()) ?? credential;
  }
}

/**
 * After Zoho answered INVALID_OAUTH for `credential`: the renewed credential (renewing once,
 * unless another request already did), or SIGNED_OUT.
 */
export async function renewAfterRejection(credential: OAuthCredential): Promise<OAuthCredential> {
  const current = await getCredential();
  if (current?.kind === 'oauth' && current.accessToken !== credential.accessToken && !current.signedOut) return current;
  try {
    return await renewShared(credential);
  } catch (error) {
    if (error instanceof DeskLinkError && error.code === 'SIGNED_OUT') throw error;
    // Renewal could not even be tried (offline): the rejected token must not be used again.
    await markSignedOut(credential);
    throw signedOut(error instanceof Error ? error.message : undefined);
  }
}

const isInvalidOAuth = (error: unknown) => error instanceof DeskLinkError && error.code === 'INVALID_OAUTH';

/**
 * A ticket source that, for an OAuth sign-in, answers Zoho's INVALID_OAUTH with one silent
 * renewal and one retry; a second INVALID_OAUTH (or a failed renewal) is SIGNED_OUT.
 */
export function withOAuthRenewal(inner: TicketSource): TicketSource {
  return {
    fingerprint: (record, identity) => inner.fingerprint(record, identity),
    async find(ready: ReadyContext, record, identity, signal) {
      const credential = ready.credential;
      if (credential.kind !== 'oauth') return inner.find(ready, record, identity, signal);
      try {
        return await inner.find(ready, record, identity, signal);
      } catch (error) {
        if (!isInvalidOAuth(error)) throw error;
      }
      const renewed = await renewAfterRejection(credential);
      try {
        return await inner.find({ ...ready, credential: renewed }, record, identity, signal);
      } catch (error) {
        if (!isInvalidOAuth(error)) throw error;
        await markSignedOut(renewed);
        throw signedOut('rejected again after renewal');
      }
    },
  };
}
