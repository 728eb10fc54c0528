/** The options page's picture of the setup (`SettingsView`): never the key itself. */
import type { SettingsView } from '../../shared/protocol';
import { deskToken } from '../credentials/credential';
import { effectiveCredential } from '../credentials/effective-credential';
import type { WithCredential } from '../credentials/rejection';
import type { CredentialStore } from '../credentials/store';
import type { SetupChecks } from '../desk/setup-checks';
import { signInScopes } from '../oauth/sign-in';
import { readPolicy } from '../policy';
import type { EffectiveSettings } from '../settings/overlay';
import { effectiveSettings, writePolicyPortal } from '../settings/store';

export interface SettingsViews {
  /** The view of `effective` (read now when not given). */
  view(effective?: EffectiveSettings): Promise<SettingsView>;
  /**
   * A portal named only by policy shows as its id until /organizations gives its name; learn it
   * once (best effort) and remember it beside the settings.
   */
  learnPolicyPortalName(settings: EffectiveSettings): Promise<EffectiveSettings>;
}

interface ViewDeps {
  credentials: CredentialStore;
  setup: SetupChecks;
  /** The rejection rule, which gets an organisation credential its access token. */
  withCredential: WithCredential;
}

export function createSettingsViews({ credentials, setup, withCredential }: ViewDeps): SettingsViews {
  return {
    async view(effective) {
      const settings = effective ?? (await effectiveSettings());
      const [credential, { policy, ignored }, storage] = await Promise.all([
        effectiveCredential(credentials, settings.dataCentre),
        readPolicy(),
        credentials.storage(),
      ]);
      const hasCredential = credential !== null;
      // A policy key is never stored, but its rejection is remembered (by its hash).
      const rejected = credential ? await credentials.isRejected(credential) : false;
      return {
        connected: hasCredential && settings.dataCentre !== null && settings.portal !== null,
        dataCentre: settings.dataCentre,
        email: hasCredential || settings.credentialSource === 'policy' ? settings.email : null,
        ...(hasCredential && settings.agent ? { agent: settings.agent } : {}),
        ...(credential?.kind === 'oauth' ? { grantedScopes: [...signInScopes(credential)] } : {}),
        portal: settings.portal ? { id: settings.portal.id, name: settings.portal.name } : null,
        enabled: settings.enabled,
        language: settings.language,
        timeZone: settings.timeZone,
        ...(settings.clock ? { clock: settings.clock } : {}),
        credentialState: !hasCredential
          ? 'none'
          : rejected
            ? 'rejected'
            : credential.kind === 'oauth' && credential.signedOut
              ? 'signedOut'
              : 'ok',
        authKind: credential?.kind ?? null,
        managed: settings.managed,
        ...(policy.locked === true ? { locked: true } : {}),
        policyIgnored: ignored,
        credentialStorage: storage,
      };
    },

    async learnPolicyPortalName(settings) {
      const portal = settings.portal;
      if (!portal || portal.name !== portal.id || !settings.managed.includes('portal') || !settings.dataCentre) return settings;
      const dataCentre = settings.dataCentre;
      const credential = await effectiveCredential(credentials, dataCentre);
      if (!credential || credential.kind === 'oauth') return settings;
      try {
        const portals =
          credential.kind === 'zsc'
            ? await setup.listPortals(dataCentre, credential.key)
            : await withCredential(credential, (current) => setup.listPortals(dataCentre, deskToken(current)));
        const found = portals.find((p) => p.id === portal.id);
        if (!found) return settings;
        const named = { id: found.id, name: found.companyName, portalName: found.portalName };
        await writePolicyPortal(named);
        return { ...settings, portal: named };
      } catch {
        return settings;
      }
    },
  };
}
