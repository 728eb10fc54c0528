/**
 * DeskLink's settings: one zod schema, versioned, stored in `storage.local` under `settings`.
 * Nothing secret lives here (the credential is in the background's IndexedDB, lib/credential.ts),
 * so content scripts may watch this key to learn about changes without a reload.
 *
 * Owner of the policy overlay (enterprise `storage.managed`) and migrations: the options issue.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { DATA_CENTRE_IDS } from './crm/data-centres';
import { LANGUAGES } from './messages';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const PortalSchema = z.object({
  id: z.string().regex(/^\d{1,19}$/),
  /** companyName from /organizations, shown to people. */
  name: z.string().max(500),
  /** portalName (URL slug). */
  portalName: z.string().max(200),
});

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

/** The stored settings, or null when nothing is connected (or the stored value is unusable). */
export async function readStoredSettings(): Promise<StoredSettings | null> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return null;
  const parsed = StoredSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function writeStoredSettings(settings: StoredSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: StoredSettingsSchema.parse(settings) });
}

export async function clearStoredSettings(): Promise<void> {
  await browser.storage.local.remove(SETTINGS_KEY);
}
