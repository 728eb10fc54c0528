/**
 * The setup wizard's commands (`Next`, `Save`, `Change portal`). Nothing is written before every
 * check has passed, so a failed step leaves no trace.
 */
import type { CredentialInput } from '../../shared/commands';
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { isTimeZone } from '../../shared/time-zones';
import { credentialSecret } from '../credentials/credential';
import { pendingSignInFor, storePendingSignIn, type PendingSignIn } from '../oauth/pending';
import { policyCredential, readPolicy, refuseIfLocked } from '../policy';
import { effectiveSettings, readStoredSettings, writePolicyPortal, writeStoredSettings } from '../settings/store';
import type { Handler, HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';

type SetupCommand = 'setup.listPortals' | 'setup.save' | 'portal.change';

interface UsableCredential {
  token: string;
  email: string;
  kind: 'zsc' | 'oauth';
  /** `input`: typed in the form now (saved only on a successful Save). */
  source: 'policy' | 'input' | 'stored';
  /** `Sign in with Zoho` before `Save`: stored as the credential on a successful Save. */
  pending?: PendingSignIn;
}

const notConfigured = () => new DeskLinkError({ code: 'NOT_CONFIGURED' });

export function requireTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'timeZone: not an IANA time zone' });
  return timeZone;
}

export function createSetupHandlers({
  credentials,
  cache,
  setup,
  renewal,
  views,
  now,
}: Pick<BrokerParts, 'credentials' | 'cache' | 'setup' | 'renewal' | 'views' | 'now'>): Pick<HandlersFrom<'extension'>, SetupCommand> {
  /** The policy's key wins; then the key typed in the form (or the Zoho sign-in just made); then the stored one. */
  async function credentialFor(input: CredentialInput | undefined, dataCentre?: DataCentreId): Promise<UsableCredential> {
    const fromPolicy = policyCredential((await readPolicy()).policy);
    if (fromPolicy) return { token: fromPolicy.key, email: fromPolicy.email, kind: 'zsc', source: 'policy' };
    if (input?.kind === 'zsc') return { token: input.key, email: input.email, kind: 'zsc', source: 'input' };
    if (input?.kind === 'oauth') {
      const pending = await pendingSignInFor(dataCentre ?? 'com', now());
      return { token: pending.accessToken, email: pending.email, kind: 'oauth', source: 'input', pending };
    }
    // An OAuth token close to expiry is renewed silently first.
    const stored = await renewal.fresh(await credentials.get());
    if (!stored) throw notConfigured();
    return { token: credentialSecret(stored), email: stored.email, kind: stored.kind, source: 'stored' };
  }

  const save: Handler<'setup.save'> = async (request) => {
    await refuseIfLocked();
    const { policy } = await readPolicy();
    const dataCentre: DataCentreId = policy.dataCenter ?? request.dataCentre;
    const portalId = policy.portalId ?? request.portalId;
    const timeZone = requireTimeZone(policy.timeZone ?? request.timeZone);
    const credential = await credentialFor(request.credential, dataCentre);
    const portal = await setup.verifyPortal(dataCentre, credential.token, portalId, credential.email);

    const previous = await readStoredSettings();
    if (credential.pending) await storePendingSignIn(credentials, credential.pending);
    else if (credential.source === 'input') {
      await credentials.save({ kind: 'zsc', key: credential.token, email: credential.email, dataCentre });
    }
    const named = { id: portal.id, name: portal.companyName, portalName: portal.portalName, edition: portal.edition };
    await writeStoredSettings({
      version: 1,
      dataCentre,
      email: credential.email,
      authKind: credential.kind,
      portal: named,
      enabled: true,
      language: policy.language ?? request.language,
      timeZone,
    });
    if (credential.source === 'policy') await writePolicyPortal(named);
    // Another portal's cached links must not linger: choosing a new portal dissociates the old one's.
    if (previous?.portal && previous.portal.id !== portal.id) await cache.clearPortal(previous.portal.id);
    return views.view();
  };

  return {
    'setup.listPortals': async (request) => {
      const { policy } = await readPolicy();
      const dataCentre = policy.dataCenter ?? request.dataCentre;
      const credential = await credentialFor(request.credential, dataCentre);
      return { portals: await setup.listPortals(dataCentre, credential.token) };
    },
    'setup.save': save,
    'portal.change': async () => {
      await refuseIfLocked();
      const effective = await effectiveSettings();
      if (effective.managed.includes('portal')) throw new DeskLinkError({ code: 'POLICY_LOCKED', detail: 'portal' });
      const stored = await readStoredSettings();
      if (!stored) throw notConfigured();
      if (stored.portal) {
        await cache.clearPortal(stored.portal.id);
        await writeStoredSettings({ ...stored, portal: null });
      }
      const credential = await credentialFor(undefined);
      return { portals: await setup.listPortals(effective.dataCentre ?? stored.dataCentre, credential.token) };
    },
  };
}
