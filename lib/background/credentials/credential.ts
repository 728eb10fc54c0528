/**
 * The Desk credential: a ZSC key or the OAuth token of `Sign in with Zoho`. Only the background
 * holds it (lib/background/credentials/store.ts); no message answer ever carries `key` or
 * `accessToken`.
 */
import type { DataCentreId } from '../../shared/data-centres';

interface CredentialBase {
  dataCentre: DataCentreId;
  /** The email the credential belongs to (the ZSC key's email, or the signed-in agent's). */
  email: string;
  /** Zoho answered INVALID_OAUTH with this credential: make no further calls until it changes. */
  rejected?: boolean;
  savedAt: number;
}

interface ZscCredential extends CredentialBase {
  kind: 'zsc';
  key: string;
}

export interface OAuthCredential extends CredentialBase {
  kind: 'oauth';
  accessToken: string;
  /** Epoch ms after which the token no longer works. */
  expiresAt: number;
  clientId: string;
  /** The client is multi-DC (sign-in started at accounts.zoho.com); `dataCentre` is the user's, from `location`. */
  multiDc?: boolean;
  /** The `accounts-server` of the sign-in: where the user's Zoho session lives, asked when renewal at the client's own server needs the user. */
  accountsHost?: string;
  /** Silent renewal needs the user (Zoho session over): no Desk call until a new sign-in. */
  signedOut?: boolean;
}

export type Credential = ZscCredential | OAuthCredential;

/** What callers save: the store adds `savedAt`, and a saved credential is never rejected. */
export type CredentialToSave = Omit<ZscCredential, 'rejected' | 'savedAt'> | Omit<OAuthCredential, 'rejected' | 'savedAt'>;
/** A stored credential ready to be saved again; `signedOut` goes too, as every save ends that state unless it says otherwise. */
type Savable<C extends Credential> = C extends Credential ? Omit<C, 'rejected' | 'savedAt' | 'signedOut'> : never;

/** The secret part, for comparing two credentials without looking at anything else. */
export function credentialSecret(credential: Credential): string {
  return credential.kind === 'zsc' ? credential.key : credential.accessToken;
}

/**
 * A stored credential as it is saved again (renewed, signed out, accepted again): without the
 * store's bookkeeping and without the states a save ends.
 */
export function savable<C extends Credential>(credential: C): Savable<C> {
  const { rejected: _rejected, savedAt: _savedAt, signedOut: _signedOut, ...kept } = credential as C & { signedOut?: boolean };
  return kept as unknown as Savable<C>;
}
