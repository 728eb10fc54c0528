/**
 * The Desk credential: a ZSC key, the OAuth token of `Sign in with Zoho`, or the organisation
 * credential (an admin's Self Client). Only the background holds it
 * (lib/background/credentials/store.ts); no message answer ever carries `key`, `accessToken`,
 * `clientSecret` or `refreshToken`.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';

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
  /** The `api_domain` Zoho named for the token: where CRM's REST API is asked (else the data centre's). */
  apiDomain?: string;
  /** Silent renewal needs the user (Zoho session over): no Desk call until a new sign-in. */
  signedOut?: boolean;
  /**
   * The scopes the agent consented to (Zoho's consent grants all or none). Absent for a sign-in
   * saved before the admin could choose: those asked for the Desk read scopes only.
   */
  scopes?: string[];
}

/**
 * The organisation credential: a Self Client's refresh token, which lasts until revoked and acts
 * as the admin who generated it. `email` is that admin's (myinfo); empty for a policy credential
 * nobody has set up on the options page.
 */
export interface OrgCredential extends CredentialBase {
  kind: 'org';
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The Accounts host the refresh token was issued by, where access tokens are asked for. */
  accountsHost: string;
  /** The access token of the call under way: attached in memory for that call, never saved. */
  accessToken?: string;
}

export type Credential = ZscCredential | OAuthCredential | OrgCredential;

type ToSave<C> = Omit<C, 'rejected' | 'savedAt'>;
/** What callers save: the store adds `savedAt`, and a saved credential is never rejected. */
export type CredentialToSave = ToSave<ZscCredential> | ToSave<OAuthCredential> | Omit<ToSave<OrgCredential>, 'accessToken'>;
/**
 * A stored credential ready to be saved again; `signedOut` goes too, as every save ends that
 * state unless it says otherwise, and so does an organisation credential's access token.
 */
type Savable<C extends Credential> = C extends OrgCredential
  ? Omit<C, 'rejected' | 'savedAt' | 'accessToken'>
  : C extends Credential
    ? Omit<C, 'rejected' | 'savedAt' | 'signedOut'>
    : never;

/**
 * The lasting secret, for telling two credentials apart without looking at anything else: the
 * key, the sign-in's token, and for the organisation credential its client and refresh token
 * together (its access tokens change; a corrected client secret is another credential).
 */
export function credentialSecret(credential: Credential): string {
  if (credential.kind === 'zsc') return credential.key;
  if (credential.kind === 'oauth') return credential.accessToken;
  return [credential.clientId, credential.clientSecret, credential.refreshToken].join('\n');
}

/** Every secret the credential holds, for scrubbing them from any text that leaves the background. */
export function credentialSecrets(credential: Credential): string[] {
  if (credential.kind !== 'org') return [credentialSecret(credential)];
  return [credential.clientSecret, credential.refreshToken, ...(credential.accessToken ? [credential.accessToken] : [])];
}

/** The token a Desk call sends; an organisation credential's is the access token attached for the call. */
export function deskToken(credential: Credential): string {
  if (credential.kind !== 'org') return credentialSecret(credential);
  if (!credential.accessToken)
    throw new DeskLinkError({ code: 'INTERNAL', detail: 'no access token attached to the organisation credential' });
  return credential.accessToken;
}

/**
 * A stored credential as it is saved again (renewed, signed out, accepted again): without the
 * store's bookkeeping, the states a save ends, and an organisation credential's access token
 * (client secret and refresh token stay, as they would in the store).
 */
export function savable<C extends Credential>(credential: C): Savable<C> {
  const {
    rejected: _rejected,
    savedAt: _savedAt,
    signedOut: _signedOut,
    accessToken: _accessToken,
    ...kept
  } = credential as C & { signedOut?: boolean; accessToken?: string };
  // A sign-in's access token is its credential: only the organisation credential's is dropped.
  return (credential.kind === 'oauth' ? { ...kept, accessToken: _accessToken } : kept) as unknown as Savable<C>;
}
