/**
 * A sign-in between `Sign in with Zoho` and `Save`: the token and who it belongs to, kept in
 * `storage.session` (memory only, gone with the browser session, and — with access level
 * TRUSTED_CONTEXTS, Chrome's default, set again where the API exists — not readable by content
 * scripts; Firefox never exposes storage.session to them). The worker may restart in between,
 * so it cannot live in a variable.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import type { CredentialStore } from '../credentials/store';
import { trustedSessionArea } from '../trusted-session';

const PENDING_KEY = 'oauthPendingSignIn';

export interface PendingSignIn {
  accessToken: string;
  expiresAt: number;
  dataCentre: DataCentreId;
  clientId: string;
  multiDc: boolean;
  /** The `accounts-server` Zoho named at sign-in. */
  accountsHost?: string;
  /** The `api_domain` Zoho named at sign-in (CRM's REST API for this token). */
  apiDomain?: string;
  /** The signed-in agent's email (myinfo). */
  email: string;
  /** What the consent asked for (and Zoho granted: all or nothing). */
  scopes: string[];
}

export async function savePendingSignIn(pending: PendingSignIn): Promise<void> {
  await (await trustedSessionArea()).set({ [PENDING_KEY]: pending });
}

/** The pending sign-in if there is one that has not expired. */
async function readPendingSignIn(now: number): Promise<PendingSignIn | null> {
  const value = (await (await trustedSessionArea()).get(PENDING_KEY))[PENDING_KEY] as PendingSignIn | undefined;
  if (!value || typeof value.accessToken !== 'string' || value.expiresAt <= now) return null;
  return value;
}

export async function clearPendingSignIn(): Promise<void> {
  await (await trustedSessionArea()).remove(PENDING_KEY);
}

/** The pending sign-in for `setup.save` / `setup.listPortals` with `{kind:'oauth'}` on `dataCentre`. */
export async function pendingSignInFor(dataCentre: DataCentreId, now: number): Promise<PendingSignIn> {
  const pending = await readPendingSignIn(now);
  if (!pending) throw new DeskLinkError({ code: 'SIGNED_OUT', detail: 'no sign-in waiting to be saved' });
  if (pending.dataCentre !== dataCentre)
    throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'dataCentre: not the signed-in agent’s', dataCentre: pending.dataCentre });
  return pending;
}

/** `Save` after `Sign in with Zoho`: the pending token becomes the stored credential. */
export async function storePendingSignIn(credentials: CredentialStore, pending: PendingSignIn): Promise<void> {
  const { accessToken, expiresAt, dataCentre, clientId, multiDc, accountsHost, apiDomain, email, scopes } = pending;
  await credentials.save({
    kind: 'oauth',
    accessToken,
    expiresAt,
    dataCentre,
    clientId,
    multiDc,
    ...(accountsHost ? { accountsHost } : {}),
    ...(apiDomain ? { apiDomain } : {}),
    email,
    // A sign-in pending across an update that predates the choice has none (Desk read scopes).
    ...(Array.isArray(scopes) ? { scopes } : {}),
  });
  await clearPendingSignIn();
}
