/**
 * The commands of `Sign in with Zoho`:
 * - `oauth.redirectUri`: what to register in Zoho's API console for this browser;
 * - `oauth.signIn`: the consent window, the agent's portals and email; the token waits in
 *   storage.session (lib/background/oauth/pending.ts) until `Save` stores it as the credential;
 * - `oauth.reauthorize`: after the sign-in expired for good, a new consent for the same agent.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import type { PortalChoice } from '../../shared/protocol';
import { savable } from '../credentials/credential';
import { savePendingSignIn } from '../oauth/pending';
import { signIn, signInScopes } from '../oauth/sign-in';
import { ALL_FEATURES, scopesFor } from '../../shared/scopes';
import { policyCredential, readPolicy, refuseIfLocked } from '../policy';
import { readStoredSettings } from '../settings/store';
import type { HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';

type OAuthCommand = 'oauth.redirectUri' | 'oauth.signIn' | 'oauth.reauthorize';

async function assertNoPolicyKey(): Promise<{ dataCenter?: DataCentreId }> {
  const { policy } = await readPolicy();
  if (policyCredential(policy)) throw new DeskLinkError({ code: 'POLICY_LOCKED', detail: 'credential' });
  return policy;
}

const otherDataCentre = (dataCentre: DataCentreId) =>
  new DeskLinkError({ code: 'OAUTH_FAILED', detail: `signed in on the ${dataCentre} data centre`, dataCentre });

export function createOAuthHandlers({
  credentials,
  setup,
  views,
  oauthBrowser,
  now,
}: Pick<BrokerParts, 'credentials' | 'setup' | 'views' | 'oauthBrowser' | 'now'>): Pick<HandlersFrom<'extension'>, OAuthCommand> {
  const flow = () => ({ launch: oauthBrowser.launch, redirectUri: oauthBrowser.redirectUri(), now });

  /** myinfo of the first portal that answers: the signed-in agent's email (the same in every portal). */
  async function agentEmail(dataCentre: DataCentreId, token: string, portals: PortalChoice[]): Promise<string> {
    let lastError: unknown = new DeskLinkError({ code: 'NO_PORTALS' });
    for (const portal of [...portals].sort((a, b) => Number(b.isDefault) - Number(a.isDefault))) {
      try {
        return (await setup.whoAmI(dataCentre, token, portal.id)).email;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  return {
    'oauth.redirectUri': () => Promise.resolve({ redirectUri: oauthBrowser.redirectUri() }),

    'oauth.signIn': async (request) => {
      await refuseIfLocked();
      const policy = await assertNoPolicyKey();
      const multiDc = request.multiDc ?? false;
      const scopes = scopesFor(request.features ?? ALL_FEATURES);
      const token = await signIn(
        { dataCentre: policy.dataCenter ?? request.dataCentre, clientId: request.clientId, multiDc, scopes },
        flow(),
      );
      if (policy.dataCenter && token.dataCentre !== policy.dataCenter) throw otherDataCentre(token.dataCentre);
      const portals = await setup.listPortals(token.dataCentre, token.accessToken);
      const email = await agentEmail(token.dataCentre, token.accessToken, portals);
      await savePendingSignIn({
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        dataCentre: token.dataCentre,
        clientId: request.clientId.trim(),
        multiDc,
        ...(token.accountsHost ? { accountsHost: token.accountsHost } : {}),
        ...(token.apiDomain ? { apiDomain: token.apiDomain } : {}),
        email,
        scopes,
      });
      return { dataCentre: token.dataCentre, email, portals };
    },

    'oauth.reauthorize': async () => {
      await assertNoPolicyKey();
      const [stored, settings] = await Promise.all([credentials.get(), readStoredSettings()]);
      if (stored?.kind !== 'oauth' || !settings?.portal) throw new DeskLinkError({ code: 'NOT_CONFIGURED' });
      const token = await signIn(
        { dataCentre: stored.dataCentre, clientId: stored.clientId, multiDc: stored.multiDc ?? false, scopes: signInScopes(stored) },
        flow(),
      );
      if (token.dataCentre !== stored.dataCentre) throw otherDataCentre(token.dataCentre);
      // The same agent must come back: another Zoho user would silently change whose tickets are read.
      const { email } = await setup.whoAmI(token.dataCentre, token.accessToken, settings.portal.id);
      if (email.trim().toLowerCase() !== stored.email.trim().toLowerCase()) throw new DeskLinkError({ code: 'EMAIL_MISMATCH' });
      await credentials.save({
        ...savable(stored),
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        ...(token.accountsHost ? { accountsHost: token.accountsHost } : {}),
        ...(token.apiDomain ? { apiDomain: token.apiDomain } : {}),
      });
      return views.view();
    },
  };
}
