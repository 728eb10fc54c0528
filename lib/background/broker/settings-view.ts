/** The options page's picture of the setup (`SettingsView`): never the key itself. */
import { isCredentialRejected } from '../credentials/credential';
import type { SettingsView } from '../../shared/protocol';
import { effectiveSettings, writePolicyPortal, type EffectiveSettings } from '../settings/store';
import { effectiveCredential } from '../credentials/effective-credential';
import { listPortals } from '../desk/setup-checks';

export async function settingsView(effective?: EffectiveSettings): Promise<SettingsView> {
  const settings = effective ?? (await effectiveSettings());
  const credential = await effectiveCredential(settings.dataCentre);
  const hasCredential = credential !== null;
  // A policy key is never stored, but its rejection is remembered (lib/background/credentials/credential.ts).
  const rejected = credential ? await isCredentialRejected(credential) : false;
  return {
    connected: hasCredential && settings.dataCentre !== null && settings.portal !== null,
    dataCentre: settings.dataCentre,
    email: hasCredential || settings.credentialSource === 'policy' ? settings.email : null,
    portal: settings.portal ? { id: settings.portal.id, name: settings.portal.name } : null,
    enabled: settings.enabled,
    language: settings.language,
    timeZone: settings.timeZone,
    credentialState: !hasCredential
      ? 'none'
      : rejected
        ? 'rejected'
        : credential.kind === 'oauth' && credential.signedOut
          ? 'signedOut'
          : 'ok',
    authKind: credential?.kind ?? null,
    managed: settings.managed,
  };
}

/**
 * A portal named only by policy shows as its id until /organizations gives its name; learn it
 * once (best effort) and remember it beside the settings.
 */
export async function learnPolicyPortalName(settings: EffectiveSettings): Promise<EffectiveSettings> {
  const portal = settings.portal;
  if (!portal || portal.name !== portal.id || !settings.managed.includes('portal') || !settings.dataCentre) return settings;
  const credential = await effectiveCredential(settings.dataCentre);
  if (!credential || credential.kind !== 'zsc') return settings;
  try {
    const found = (await listPortals(settings.dataCentre, credential.key)).find((p) => p.id === portal.id);
    if (!found) return settings;
    const named = { id: found.id, name: found.companyName, portalName: found.portalName };
    await writePolicyPortal(named);
    return { ...settings, portal: named };
  } catch {
    return settings;
  }
}
