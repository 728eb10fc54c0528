/**
 * DeskLink's settings: one zod schema, versioned, stored in `storage.local` under `settings`.
 * Nothing secret lives here (the credential is in the background's IndexedDB, lib/background/credentials/credential.ts),
 * so content scripts may watch this key to learn about changes without a reload
 * (lib/shared/settings-watch.ts, which also reports policy changes).
 *
 * `effectiveSettings()` is what the product runs on: the stored settings overlaid with the
 * enterprise policy (lib/background/policy.ts), whose values always win.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { DATA_CENTRE_IDS, type DataCentreId } from '../../shared/data-centres';
import { browserLanguage } from '../../shared/i18n';
import { LANGUAGES, type Language, type ManagedField } from '../../shared/protocol';
import { managedFields, policyCredential, readPolicy, type Policy } from '../policy';
import { migrateSettings } from './migrations';
import { browserTimeZone } from '../../shared/time-zones';
import { SETTINGS_KEY } from '../../shared/settings-watch';

export { SETTINGS_KEY };
export const SETTINGS_VERSION = 1;
/** storage.local: name of the portal a policy names, learnt from /organizations (not secret). */
export const POLICY_PORTAL_KEY = 'policyPortal';

export const PortalSchema = z.object({
  id: z.string().regex(/^\d{1,19}$/),
  /** companyName from /organizations, shown to people. */
  name: z.string().max(500),
  /** portalName (URL slug). */
  portalName: z.string().max(200),
  /** Desk edition: sets how many calls may be in flight at once (Free 5 … Enterprise 25). */
  edition: z.string().max(64).nullable().optional(),
});
export type Portal = z.infer<typeof PortalSchema>;

export const StoredSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  dataCentre: z.enum(DATA_CENTRE_IDS),
  /** The email the credential belongs to (ZSC key's email, or the signed-in agent's). */
  email: z.string().max(254),
  authKind: z.enum(['zsc', 'oauth']),
  /** null between `Change portal` and the next `Save`. */
  portal: PortalSchema.nullable(),
  enabled: z.boolean(),
  language: z.enum(LANGUAGES),
  timeZone: z.string().min(1).max(64),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** The stored value in the current version (migrated), or null when absent or unusable. */
export function parseStoredSettings(raw: unknown): { settings: StoredSettings; migrated: boolean } | null {
  const migration = migrateSettings(raw, SETTINGS_VERSION);
  if (!migration) return null;
  const parsed = StoredSettingsSchema.safeParse(migration.value);
  return parsed.success ? { settings: parsed.data, migrated: migration.migrated } : null;
}

/**
 * The stored settings, or null when nothing is connected (or the stored value is unusable).
 * An older version is migrated and written back, so every reader sees the current shape.
 */
export async function readStoredSettings(): Promise<StoredSettings | null> {
  const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (raw === undefined) return null;
  const result = parseStoredSettings(raw);
  if (result?.migrated) await writeStoredSettings(result.settings);
  return result?.settings ?? null;
}

export async function writeStoredSettings(settings: StoredSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: StoredSettingsSchema.parse(settings) });
}

export async function clearStoredSettings(): Promise<void> {
  await browser.storage.local.remove([SETTINGS_KEY, POLICY_PORTAL_KEY]);
}

/** The browser's UI language as one of ours (the default before anything is chosen). */
export function defaultLanguage(): Language {
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = globalThis.navigator?.language;
  }
  return browserLanguage(ui);
}

export interface EffectiveSettings {
  dataCentre: DataCentreId | null;
  email: string | null;
  authKind: 'zsc' | 'oauth' | null;
  /** null: no portal chosen (never set up, or between `Change portal` and `Save`). */
  portal: Portal | null;
  enabled: boolean;
  language: Language;
  timeZone: string;
  /**
   * Where the credential is: `policy` (key and email from the policy, held in memory only;
   * see lib/background/credentials/effective-credential.ts), `stored` (lib/background/credentials/credential.ts), or null (none).
   */
  credentialSource: 'policy' | 'stored' | null;
  /** Fields fixed by policy ("Managed by your organization"). */
  managed: ManagedField[];
}

/** Pure overlay: policy values win over stored ones, which win over the browser's defaults. */
export function overlaySettings(
  stored: StoredSettings | null,
  policy: Policy,
  defaults: { language: Language; timeZone: string },
  policyPortal: Portal | null = null,
): EffectiveSettings {
  const credential = policyCredential(policy);
  const portal = policy.portalId === undefined ? (stored?.portal ?? null) : portalNamed(policy.portalId, [stored?.portal, policyPortal]);
  const effective: Omit<EffectiveSettings, 'managed'> = {
    dataCentre: policy.dataCenter ?? stored?.dataCentre ?? null,
    email: credential?.email ?? stored?.email ?? null,
    authKind: credential ? 'zsc' : (stored?.authKind ?? null),
    portal,
    enabled: policy.enabled ?? stored?.enabled ?? true,
    language: policy.language ?? stored?.language ?? defaults.language,
    timeZone: policy.timeZone ?? stored?.timeZone ?? defaults.timeZone,
    credentialSource: credential ? 'policy' : stored ? 'stored' : null,
  };
  const has = { dataCentre: effective.dataCentre !== null, credential: effective.credentialSource !== null, portal: portal !== null };
  return { ...effective, managed: managedFields(policy, has) };
}

/** The policy names a portal by id; its name comes from whatever knows that id, else the id. */
function portalNamed(id: string, known: (Portal | null | undefined)[]): Portal {
  return known.find((portal) => portal?.id === id) ?? { id, name: id, portalName: '' };
}

export async function readPolicyPortal(): Promise<Portal | null> {
  const parsed = PortalSchema.safeParse((await browser.storage.local.get(POLICY_PORTAL_KEY))[POLICY_PORTAL_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writePolicyPortal(portal: Portal): Promise<void> {
  await browser.storage.local.set({ [POLICY_PORTAL_KEY]: PortalSchema.parse(portal) });
}

/** The settings in force now: stored settings overlaid with the enterprise policy. */
export async function effectiveSettings(): Promise<EffectiveSettings> {
  const [stored, { policy }, policyPortal] = await Promise.all([readStoredSettings(), readPolicy(), readPolicyPortal()]);
  return overlaySettings(stored, policy, { language: defaultLanguage(), timeZone: browserTimeZone() }, policyPortal);
}
