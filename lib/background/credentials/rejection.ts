/**
 * The one rule for a credential Zoho refuses, applied to every call made with the credential in
 * force:
 * - a ZSC key (stored or from policy) Zoho Desk answers INVALID_OAUTH for is marked rejected
 *   before the error goes on, so no further call is made with it until it changes;
 * - an OAuth sign-in is renewed silently once and the call retried with the new token; a second
 *   refusal, or a renewal only the user can help, signs it out (SIGNED_OUT);
 * - the organisation credential (stored or from policy) gets its access token from Zoho Accounts
 *   first. Accounts refusing the refresh token (revoked, or the client's secret changed) marks
 *   it rejected and the call fails with ORG_CREDENTIAL_REVOKED. Desk refusing an access token has
 *   it replaced once (within the once-a-minute refresh limit) and the call retried; Desk
 *   refusing the replacement too marks the credential rejected.
 * A credential typed in the setup form is not in force: its calls do not go through here.
 */
import { DeskLinkError } from '../../shared/errors';
import type { OAuthRenewal } from '../oauth/renewal';
import type { OrgTokens } from '../oauth/org-tokens';
import type { Credential, OrgCredential } from './credential';
import type { CredentialStore } from './store';

/** Runs `call` with the credential in force (or its renewal), applying the rule. */
export type WithCredential = <T>(credential: Credential, call: (credential: Credential) => Promise<T>) => Promise<T>;

const isRejection = (error: unknown) => error instanceof DeskLinkError && error.code === 'INVALID_OAUTH';

interface RuleDeps {
  credentials: CredentialStore;
  renewal: OAuthRenewal;
  orgTokens: OrgTokens;
}

export function createRejectionRule({ credentials, renewal, orgTokens }: RuleDeps): WithCredential {
  const markRejected = (credential: Credential) => credentials.markRejected(credential).catch(() => undefined);

  /** The organisation credential with an access token attached; a refused refresh token marks it rejected. */
  async function withAccessToken(credential: OrgCredential): Promise<OrgCredential> {
    try {
      return { ...credential, accessToken: await orgTokens.accessToken(credential) };
    } catch (error) {
      if (error instanceof DeskLinkError && error.code === 'ORG_CREDENTIAL_REVOKED') await markRejected(credential);
      throw error;
    }
  }

  async function withOrg<T>(credential: OrgCredential, call: (credential: Credential) => Promise<T>): Promise<T> {
    const first = await withAccessToken(credential);
    try {
      return await call(first);
    } catch (error) {
      if (!isRejection(error)) throw error;
    }
    await orgTokens.discard(credential, first.accessToken!);
    const second = await withAccessToken(credential);
    try {
      return await call(second);
    } catch (error) {
      if (isRejection(error)) await markRejected(credential);
      throw error;
    }
  }

  return async (credential, call) => {
    if (credential.kind === 'org') return withOrg(credential, call);
    if (credential.kind === 'zsc') {
      try {
        return await call(credential);
      } catch (error) {
        if (isRejection(error)) await markRejected(credential);
        throw error;
      }
    }
    try {
      return await call(credential);
    } catch (error) {
      if (!isRejection(error)) throw error;
    }
    const renewed = await renewal.afterRejection(credential);
    try {
      return await call(renewed);
    } catch (error) {
      if (!isRejection(error)) throw error;
      await renewal.markSignedOut(renewed);
      throw new DeskLinkError({ code: 'SIGNED_OUT', detail: 'rejected again after renewal' });
    }
  };
}
