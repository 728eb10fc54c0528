/**
 * Enterprise policy: what an organisation fixes through the browser (Chrome `storage.managed`
 * with public/managed_schema.json; Firefox `policies.json` → `3rdparty.Extensions.<id>`).
 *
 * Read fresh on every use (no copy to go stale), each field checked on its own: Chrome drops
 * values that break the schema, Firefox checks nothing, so a bad field is ignored here rather
 * than spoiling the rest. No policy is a no-op: Chrome answers {}, Firefox rejects.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { DATA_CENTRE_IDS } from '../shared/data-centres';
import { LANGUAGES, type ManagedField } from '../shared/protocol';
import { isTimeZone } from '../shared/time-zones';

/** One schema per policy key (names as in managed_schema.json). */
const POLICY_FIELD_SCHEMAS = {
  dataCenter: z.enum(DATA_CENTRE_IDS),
  zscKey: z.string().trim().min(1).max(4096),
  email: z.email().max(254),
  portalId: z.string().regex(/^\d{1,19}$/),
  language: z.enum(LANGUAGES),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'unknown time zone'),
  enabled: z.boolean(),
  /** Lock everything: also the settings the policy leaves to their stored values. */
  locked: z.boolean(),
} as const;

type Fields = typeof POLICY_FIELD_SCHEMAS;
export type Policy = { -readonly [K in keyof Fields]?: z.infer<Fields[K]> };
type PolicyKey = keyof Fields;

interface ParsedPolicy {
  policy: Policy;
  /** Keys present but invalid (ignored), for the admin's diagnostics. */
  ignored: PolicyKey[];
}

function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const ignored: PolicyKey[] = [];
  if (typeof raw !== 'object' || raw === null) return { policy, ignored };
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(POLICY_FIELD_SCHEMAS) as PolicyKey[]) {
    if (source[key] === undefined) continue;
    const parsed = POLICY_FIELD_SCHEMAS[key].safeParse(source[key]);
    if (parsed.success) (policy as Record<string, unknown>)[key] = parsed.data;
    else ignored.push(key);
  }
  // A key is useless without its email and the reverse: take both or neither.
  if ((policy.zscKey === undefined) !== (policy.email === undefined)) {
    for (const key of ['zscKey', 'email'] as const) {
      if (policy[key] !== undefined) {
        delete policy[key];
        ignored.push(key);
      }
    }
  }
  return { policy, ignored };
}

/** The policy in force now; {} when there is none or managed storage is missing. */
export async function readPolicy(): Promise<ParsedPolicy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    // Firefox without a policy: "Managed storage manifest not found"; some browsers lack the area.
    return { policy: {}, ignored: [] };
  }
}

/** The credential the policy provides, if any. It stays in memory: never written to storage. */
export function policyCredential(policy: Policy): { key: string; email: string } | null {
  return policy.zscKey !== undefined && policy.email !== undefined ? { key: policy.zscKey, email: policy.email } : null;
}

/**
 * Fields the admin cannot change here. A field is managed when the policy sets it; `locked`
 * also freezes the rest that already has a value (`has` says which do), so a locked, complete
 * setup cannot be changed, deactivated or switched to another portal.
 */
export function managedFields(policy: Policy, has: Record<'dataCentre' | 'credential' | 'portal', boolean>): ManagedField[] {
  const managed = new Set<ManagedField>();
  if (policy.dataCenter !== undefined) managed.add('dataCentre');
  if (policyCredential(policy)) managed.add('credential');
  if (policy.portalId !== undefined) managed.add('portal');
  if (policy.language !== undefined) managed.add('language');
  if (policy.timeZone !== undefined) managed.add('timeZone');
  if (policy.enabled !== undefined) managed.add('enabled');
  if (policy.locked) {
    for (const field of ['language', 'timeZone', 'enabled'] as const) managed.add(field);
    for (const field of ['dataCentre', 'credential', 'portal'] as const) if (has[field]) managed.add(field);
  }
  return [...managed];
}
