/**
 * Migrations of the stored settings, one step per version: `STEPS[n]` turns a version-n value
 * into version n+1. A value without `version` is version 0: the first release's flat shape, before
 * settings were versioned (kept so an early install upgrades instead of losing its setup).
 */
import { z } from 'zod';

/** The first release's shape: no version, US spelling, portal fields flat, id sometimes a number. */
const SettingsV0Schema = z.object({
  dataCenter: z.string(),
  email: z.string(),
  portalId: z.union([z.string(), z.number()]).optional(),
  companyName: z.string().optional(),
  portalName: z.string().optional(),
  enabled: z.boolean().optional(),
  language: z.string().optional(),
  timezone: z.string().optional(),
});

/** A numeric id above 2^53 has already lost digits: unusable, so the admin picks the portal again. */
function portalIdOf(id: string | number | undefined): string | null {
  if (typeof id === 'string') return /^\d{1,19}$/.test(id) ? id : null;
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? String(id) : null;
  return null;
}

function v0ToV1(value: unknown): unknown {
  const old = SettingsV0Schema.parse(value);
  const portalId = portalIdOf(old.portalId);
  return {
    version: 1,
    dataCentre: old.dataCenter,
    email: old.email,
    authKind: 'zsc', // the first release knew only ZSC keys
    portal: portalId ? { id: portalId, name: old.companyName ?? old.portalName ?? portalId, portalName: old.portalName ?? '' } : null,
    enabled: old.enabled ?? true,
    language: old.language?.toLowerCase().startsWith('ja') ? 'ja' : 'en',
    timeZone: old.timezone || 'UTC',
  };
}

const STEPS: Record<number, (value: unknown) => unknown> = { 0: v0ToV1 };

function versionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const version = (value as { version?: unknown }).version;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

/**
 * Brings a stored value up to `target`. Returns null when it cannot: not an object, a step fails,
 * or the value is from a newer DeskLink (a downgrade: left untouched, never rewritten).
 */
export function migrateSettings(value: unknown, target: number): { value: unknown; migrated: boolean } | null {
  let version = versionOf(value);
  if (version === null || version > target) return null;
  let current = value;
  try {
    while (version < target) {
      const step = STEPS[version];
      if (!step) return null;
      current = step(current);
      version += 1;
    }
  } catch {
    return null;
  }
  return { value: current, migrated: current !== value };
}
