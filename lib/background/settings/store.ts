/**
 * DeskLink's settings in `storage.local` under `settings`. Nothing secret lives here (the
 * credential is in the background's IndexedDB), so content scripts may watch this key to learn
 * about changes without a reload (lib/shared/settings-watch.ts, which also reports policy changes).
 *
 * `effectiveSettings()` is what the product runs on: the stored settings overlaid with the
 * enterprise policy (lib/background/policy.ts), whose values always win.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { browserLanguage } from '../../shared/i18n';
import { LANGUAGES, type Language } from '../../shared/protocol';
import { SETTINGS_KEY } from '../../shared/settings-watch';
import { browserTimeZone } from '../../shared/time-zones';
import { readPolicy } from '../policy';
import { overlaySettings, type EffectiveSettings } from './overlay';
import { parseStoredSettings, PortalSchema, StoredSettingsSchema, type Portal, type StoredSettings } from './schema';

/** storage.local: name of the portal a policy names, learnt from /organizations (not secret). */
const POLICY_PORTAL_KEY = 'policyPortal';

/**
 * storage.local: the language of the settings last cleared. Deactivating forgets everything
 * else, but an admin who set the page to Japanese should not find it in English afterwards.
 */
const KEPT_LANGUAGE_KEY = 'keptLanguage';
const LanguageSchema = z.enum(LANGUAGES);

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

/** Forgets the settings and the policy portal's name; their language stays the default. */
export async function clearStoredSettings(): Promise<void> {
  const language = (await readStoredSettings())?.language;
  if (language) await browser.storage.local.set({ [KEPT_LANGUAGE_KEY]: language });
  await browser.storage.local.remove([SETTINGS_KEY, POLICY_PORTAL_KEY]);
}

/** The storage.local keys the settings in force are read from (with the policy). */
export const SETTINGS_STORAGE_KEYS: readonly string[] = [SETTINGS_KEY, POLICY_PORTAL_KEY, KEPT_LANGUAGE_KEY];

async function readKeptLanguage(): Promise<Language | null> {
  const parsed = LanguageSchema.safeParse((await browser.storage.local.get(KEPT_LANGUAGE_KEY))[KEPT_LANGUAGE_KEY]);
  return parsed.success ? parsed.data : null;
}

/** The browser's UI language as one of ours (the default before anything is chosen). */
function defaultLanguage(): Language {
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = globalThis.navigator?.language;
  }
  return browserLanguage(ui);
}

async function readPolicyPortal(): Promise<Portal | null> {
  const parsed = PortalSchema.safeParse((await browser.storage.local.get(POLICY_PORTAL_KEY))[POLICY_PORTAL_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writePolicyPortal(portal: Portal): Promise<void> {
  await browser.storage.local.set({ [POLICY_PORTAL_KEY]: PortalSchema.parse(portal) });
}

/** The settings in force now: stored settings overlaid with the enterprise policy. */
export async function effectiveSettings(): Promise<EffectiveSettings> {
  const [stored, { policy }, policyPortal, keptLanguage] = await Promise.all([
    readStoredSettings(),
    readPolicy(),
    readPolicyPortal(),
    readKeptLanguage(),
  ]);
  const defaults = { language: keptLanguage ?? defaultLanguage(), timeZone: browserTimeZone() };
  return overlaySettings(stored, policy, defaults, policyPortal);
}
