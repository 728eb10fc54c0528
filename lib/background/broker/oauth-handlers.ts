/**
 * The ADMIN commands of `Sign in with Zoho` (issue 7) and the OAuth side of `setup.save`:
 * - `oauth.redirectUri`: what to register in Zoho's API console for this browser;
 * - `oauth.signIn`: the consent window, the agent's portals and email; the token waits in
 *   storage.session (lib/background/oauth/pending.ts) until `Save` stores it as the credential;
 * - `oauth.reauthorize`: after the sign-in expired for good, a new consent for the same agent.
 */
import { getCredential, saveCredential, type OAuthCredential } from '../credentials/credential';
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import type { DataOf, RequestOf } from '../../shared/commands';
import type { PortalChoice } from '../../shared/protocol';
import { signIn } from '../oauth/sign-in';
import { clearPendingSignIn, readPendingSignIn, savePendingSignIn, type PendingSignIn } from '../oauth/pending';
import { policyCredential, readPolicy } from '../policy';
import { readStoredSettings } from '../settings/store';
import { listPortals, whoAmI } from '../desk/setup-checks';
import { settingsView } from './settings-view';
import { getOAuthBrowser } from './oauth-renewal';

/** The browser side as oauth-renewal.ts holds it (tests replace it there). */
const browserSide = () => {
  const current = getOAuthBrowser();
  return { launch: current.launch, redirectUri: current.redirectUri(), now: current.now };
};

/** myinfo of the first portal that answers: the signed-in agent's email (the same in every portal). */
async function agentEmail(dataCentre: DataCentreId, token: string, portals: PortalChoice[]): Promise<string> {
  let lastError: unknown = new DeskLinkError({ code: 'NO_PORTALS' });
  for (const portal of [...portals].sort((a, b) => Number(b.isDefault) - Number(a.isDefault))) {
    try {
      return await whoAmI(dataCentre, token, portal.id);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function assertNoPolicyKey(): Promise<{ dataCenter?: DataCentreId }> {
  const { policy } = await readPolicy();
  if (policyCredential(policy)) throw new DeskLinkError({ code: 'POLICY_LOCKED', detail: 'credential' });
  return policy;
}

async function oauthSignIn(request: RequestOf<'oauth.signIn'>): Promise<DataOf<'oauth.signIn'>> {
  const policy = await assertNoPolicyKey();
  const multiDc = request.multiDc ?? false;
  const token = await signIn({ dataCentre: policy.dataCenter ?? request.dataCentre, clientId: request.clientId, multiDc }, browserSide());
  if (policy.dataCenter && token.dataCentre !== policy.dataCenter) {
    throw new DeskLinkError({
      code: 'OAUTH_FAILED',
      detail: `signed in on the ${token.dataCentre} data centre`,
      dataCentre: token.dataCentre,
    });
  }
  const portals = await listPortals(token.dataCentre, token.accessToken);
  const email = await agentEmail(token.dataCentre, token.accessToken, portals);
  await savePendingSignIn({
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    dataCentre: token.dataCentre,
    clientId: request.clientId.trim(),
    multiDc,
    email,
  });
  return { dataCentre: token.dataCentre, email, portals };
}

/** The pending sign-in for `setup.save` / `setup.listPortals` with `{kind:'oauth'}`. */
export async function pendingSignIn(dataCentre: DataCentreId): Promise<PendingSignIn> {
  const pending = await readPendingSignIn(getOAuthBrowser().now());
  if (!pending) throw new DeskLinkError({ code: 'SIGNED_OUT', detail: 'no sign-in waiting to be saved' });
  if (pending.dataCentre !== dataCentre)
    throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'dataCentre: not the signed-in agent’s', dataCentre: pending.dataCentre });
  return pending;
}

/** `Save` after `Sign in with Zoho`: the pending token becomes the stored credential. */
export async function storePendingSignIn(pending: PendingSignIn): Promise<void> {
  const { accessToken, expiresAt, dataCentre, clientId, multiDc, email } = pending;
  await saveCredential({ kind: 'oauth', accessToken, expiresAt, dataCentre, clientId, multiDc, email });
  await clearPendingSignIn();
}

async function reauthorize(): Promise<DataOf<'oauth.reauthorize'>> {
  await assertNoPolicyKey();
  const [stored, settings] = await Promise.all([getCredential(), readStoredSettings()]);
  if (stored?.kind !== 'oauth' || !settings?.portal) throw new DeskLinkError({ code: 'NOT_CONFIGURED' });
  const credential: OAuthCredential = stored;
  const token = await signIn(
    { dataCentre: credential.dataCentre, clientId: credential.clientId, multiDc: credential.multiDc ?? false },
    browserSide(),
  );
  if (token.dataCentre !== credential.dataCentre) {
    throw new DeskLinkError({
      code: 'OAUTH_FAILED',
      detail: `signed in on the ${token.dataCentre} data centre`,
      dataCentre: token.dataCentre,
    });
  }
  // The same agent must come back: another Zoho user would silently change whose tickets are read.
  const email = await whoAmI(token.dataCentre, token.accessToken, settings.portal.id);
  if (email.trim().toLowerCase() !== credential.email.trim().toLowerCase()) throw new DeskLinkError({ code: 'EMAIL_MISMATCH' });
  const { rejected: _rejected, savedAt: _savedAt, signedOut: _signedOut, ...kept } = credential;
  await saveCredential({ ...kept, accessToken: token.accessToken, expiresAt: token.expiresAt });
  return settingsView();
}

export const oauthHandlers = {
  'oauth.redirectUri': async (): Promise<DataOf<'oauth.redirectUri'>> => ({ redirectUri: getOAuthBrowser().redirectUri() }),
  'oauth.signIn': oauthSignIn,
  'oauth.reauthorize': reauthorize,
};
