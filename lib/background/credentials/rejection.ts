/**
 * The one rule for a credential Zoho Desk refuses (INVALID_OAUTH), applied to every call made
 * with the credential in force:
 * - a ZSC key (stored or from policy) is marked rejected before the error goes on, so no further
 *   call is made with it until it changes;
 * - an OAuth sign-in is renewed silently once and the call retried with the new token; a second
 *   refusal, or a renewal only the user can help, signs it out (SIGNED_OUT).
 * A credential typed in the setup form is not in force: its calls do not go through here.
 */
import { DeskLinkError } from '../../shared/errors';
import type { OAuthRenewal } from '../oauth/renewal';
import type { Credential } from './credential';
import type { CredentialStore } from './store';

/** Runs `call` with the credential in force (or its renewal), applying the rule. */
export type WithCredential = <T>(credential: Credential, call: (credential: Credential) => Promise<T>) => Promise<T>;

const isRejection = (error: unknown) => error instanceof DeskLinkError && error.code === 'INVALID_OAUTH';

export function createRejectionRule({ credentials, renewal }: { credentials: CredentialStore; renewal: OAuthRenewal }): WithCredential {
  return async (credential, call) => {
    if (credential.kind === 'zsc') {
      try {
        return await call(credential);
      } catch (error) {
        if (isRejection(error)) await credentials.markRejected(credential).catch(() => undefined);
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
