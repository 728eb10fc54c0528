/**
 * The settings in force: enterprise policy values win over stored ones, which win over the
 * browser's defaults. Pure: lib/background/settings/store.ts reads what it combines.
 */
import type { DataCentreId } from '../../shared/data-centres';
import type { Clock, Language, ManagedField } from '../../shared/protocol';
import { managedFields, policyCredential, type Policy } from '../policy';
import type { Portal, StoredSettings } from './schema';

export interface EffectiveSettings {
  dataCentre: DataCentreId | null;
  email: string | null;
  /** The Desk user `email` belongs to, as myinfo named it at `Save`; null when not known. */
  agent: { name: string | null; role: string | null } | null;
  authKind: 'zsc' | 'oauth' | 'org' | null;
  /** null: no portal chosen (never set up, or between `Change portal` and `Save`). */
  portal: Portal | null;
  enabled: boolean;
  language: Language;
  timeZone: string;
  /** 12- or 24-hour times (absent: the language's habit). */
  clock?: Clock;
  /**
   * Where the credential is: `policy` (key and email, or the organisation credential, from the
   * policy, held in memory only),
   * `stored` (the background's IndexedDB), or null (none).
   */
  credentialSource: 'policy' | 'stored' | null;
  /** Reps may create tickets, unless the policy turns it off (`allowCreate: false`). */
  allowCreate: boolean;
  /** Fields fixed by policy ("Managed by your organization"). */
  managed: ManagedField[];
}

/** The policy names a portal by id; its name comes from whatever knows that id, else the id. */
function portalNamed(id: string, known: (Portal | null | undefined)[]): Portal {
  return known.find((portal) => portal?.id === id) ?? { id, name: id, portalName: '' };
}

/** `policyPortal`: the name learnt for the portal a policy names (from /organizations). */
export function overlaySettings(
  stored: StoredSettings | null,
  policy: Policy,
  defaults: { language: Language; timeZone: string },
  policyPortal: Portal | null = null,
): EffectiveSettings {
  const credential = policyCredential(policy);
  const portal = policy.portalId === undefined ? (stored?.portal ?? null) : portalNamed(policy.portalId, [stored?.portal, policyPortal]);
  // An organisation credential names no email: whose it is, setup learnt (myinfo) and stored.
  const email = (credential?.kind === 'zsc' ? credential.email : undefined) ?? stored?.email ?? null;
  const effective: Omit<EffectiveSettings, 'managed'> = {
    dataCentre: policy.dataCenter ?? stored?.dataCentre ?? null,
    email,
    // A policy key for another user makes the stored name someone else's.
    agent: stored?.agent && stored.email === email ? stored.agent : null,
    authKind: credential?.kind ?? stored?.authKind ?? null,
    portal,
    enabled: policy.enabled ?? stored?.enabled ?? true,
    language: policy.language ?? stored?.language ?? defaults.language,
    timeZone: policy.timeZone ?? stored?.timeZone ?? defaults.timeZone,
    ...(stored?.clock ? { clock: stored.clock } : {}),
    credentialSource: credential ? 'policy' : stored ? 'stored' : null,
    allowCreate: policy.allowCreate !== false,
  };
  const has = { dataCentre: effective.dataCentre !== null, credential: effective.credentialSource !== null, portal: portal !== null };
  return { ...effective, managed: managedFields(policy, has) };
}
