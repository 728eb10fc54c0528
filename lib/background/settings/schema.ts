/**
 * The stored settings' shape: one zod schema, versioned. An older stored value is migrated
 * (lib/background/settings/migrations.ts) before it is checked.
 */
import { z } from 'zod';
import { DATA_CENTRE_IDS } from '../../shared/data-centres';
import { CLOCKS, LANGUAGES } from '../../shared/protocol';
import { migrateSettings } from './migrations';

const SETTINGS_VERSION = 1;

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
  /** The Desk user the credential acts as, from myinfo at `Save` (absent: saved before DeskLink asked). */
  agent: z
    .object({
      name: z.string().max(200).nullable(),
      /** myinfo's rolePermissionType. */
      role: z.string().max(64).nullable(),
    })
    .optional(),
  authKind: z.enum(['zsc', 'oauth', 'org']),
  /** null between `Change portal` and the next `Save`. */
  portal: PortalSchema.nullable(),
  enabled: z.boolean(),
  language: z.enum(LANGUAGES),
  timeZone: z.string().min(1).max(64),
  /** 12- or 24-hour times; absent: the language's habit. */
  clock: z.enum(CLOCKS).optional(),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

/** The stored value in the current version (migrated), or null when unusable. */
export function parseStoredSettings(raw: unknown): { settings: StoredSettings; migrated: boolean } | null {
  const migration = migrateSettings(raw, SETTINGS_VERSION);
  if (!migration) return null;
  const parsed = StoredSettingsSchema.safeParse(migration.value);
  return parsed.success ? { settings: parsed.data, migrated: migration.migrated } : null;
}
