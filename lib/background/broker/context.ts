/**
 * What every panel command needs to know: the settings in force (stored + enterprise policy) and
 * the credential in force (policy key, else the stored one). Read once and kept in this worker's
 * memory (a record switch should not wait on four storage reads) until something may have changed
 * them: a credential write, a change of the stored settings or the policy, any command of an
 * extension page (the only writers of settings) that is not only a read, and `panel.config` (which
 * a page asks after it saw a change, so the answer it gets is never the kept one). A new worker
 * starts with nothing kept.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import type { PanelState } from '../../shared/protocol';
import type { Credential } from '../credentials/credential';
import { effectiveCredential } from '../credentials/effective-credential';
import type { CredentialStore } from '../credentials/store';
import { isExpired } from '../oauth/expiry';
import type { OAuthRenewal } from '../oauth/renewal';
import type { EffectiveSettings } from '../settings/overlay';
import type { Portal } from '../settings/schema';
import { effectiveSettings } from '../settings/store';
import { keptRead } from './kept-read';

interface BrokerContext {
  settings: EffectiveSettings;
  credential: Credential | null;
  state: PanelState;
}

/** A connected, enabled, usable configuration: what a Desk call needs. */
export interface ReadyContext {
  settings: EffectiveSettings;
  credential: Credential;
  dataCentre: DataCentreId;
  portal: Portal;
  portalId: string;
}

export type LoadContext = (options?: { fresh?: boolean }) => Promise<BrokerContext>;

interface ContextLoader {
  load: LoadContext;
  /** What is kept may no longer hold: the next load reads again. */
  forget(): void;
}

interface ContextReads {
  settings: EffectiveSettings;
  inForce: Credential | null;
  rejected: boolean;
}

function panelState(settings: EffectiveSettings, credential: Credential | null, rejected: boolean, now: number): PanelState {
  if (!settings.dataCentre || !credential) return 'unconfigured';
  if (!settings.enabled) return 'disabled';
  if (!settings.portal) return 'unconfigured';
  if (rejected) return 'rejected';
  if (credential.kind === 'oauth' && (credential.signedOut || isExpired(credential, now))) return 'signedOut';
  return 'ready';
}

export function createContextLoader(deps: { credentials: CredentialStore; renewal: OAuthRenewal; now: () => number }): ContextLoader {
  async function read(): Promise<ContextReads> {
    // The settings and the credential are read at once: every panel request waits on both.
    const reading = effectiveSettings();
    const [settings, inForce] = await Promise.all([
      reading,
      effectiveCredential(
        deps.credentials,
        reading.then((read) => read.dataCentre),
      ),
    ]);
    return { settings, inForce, rejected: inForce ? await deps.credentials.isRejected(inForce) : false };
  }

  const reads = keptRead(read);
  return {
    forget: reads.forget,
    load: async ({ fresh = false } = {}) => {
      const { settings, inForce, rejected } = await reads.get(fresh);
      // An OAuth token close to expiry is renewed silently before anyone decides on it.
      const credential = await deps.renewal.fresh(inForce);
      const rejectedNow = credential === inForce ? rejected : credential ? await deps.credentials.isRejected(credential) : false;
      return { settings, credential, state: panelState(settings, credential, rejectedNow, deps.now()) };
    },
  };
}

const STATE_ERRORS = {
  unconfigured: 'NOT_CONFIGURED',
  disabled: 'DISABLED',
  rejected: 'CREDENTIAL_REJECTED',
  signedOut: 'SIGNED_OUT',
} as const;

/** The context when Desk may be called, else the typed error saying why not (no call is made). */
export function requireReady({ settings, credential, state }: BrokerContext): ReadyContext {
  if (state !== 'ready' || !settings.portal || !settings.dataCentre || !credential) {
    throw new DeskLinkError({ code: STATE_ERRORS[state === 'ready' ? 'unconfigured' : state] });
  }
  return { settings, credential, dataCentre: settings.dataCentre, portal: settings.portal, portalId: settings.portal.id };
}
