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
import { ClientIdSchema, EmailSchema, OAuthSecretSchema, ZscKeySchema } from '../shared/commands';
import { DATA_CENTRE_IDS, DATA_CENTRES, type DataCentreId } from '../shared/data-centres';
import { checkCrmAddress, MAX_CRM_ADDRESSES } from '../shared/crm-address';
import { DeskLinkError } from '../shared/errors';
import { DESK_CALLS_PER_MINUTE, LANGUAGES, type IgnoredPolicyValue, type ManagedField, type PolicyExpectation } from '../shared/protocol';
import { isTimeZone } from '../shared/time-zones';

/** One schema per policy key (names as in managed_schema.json), and what it expects, in the admin's words. */
const POLICY_FIELDS = {
  dataCenter: { schema: z.enum(DATA_CENTRE_IDS), expected: 'dataCentre' },
  zscKey: { schema: ZscKeySchema, expected: 'key' },
  email: { schema: EmailSchema.pipe(z.string().max(254)), expected: 'email' },
  /** The organisation credential: an admin's Self Client and its refresh token, all three or none. */
  clientId: { schema: ClientIdSchema, expected: 'key' },
  clientSecret: { schema: OAuthSecretSchema, expected: 'key' },
  refreshToken: { schema: OAuthSecretSchema, expected: 'key' },
  portalId: { schema: z.string().regex(/^\d{1,19}$/), expected: 'portalId' },
  language: { schema: z.enum(LANGUAGES), expected: 'language' },
  timeZone: { schema: z.string().min(1).max(64).refine(isTimeZone, 'unknown time zone'), expected: 'timeZone' },
  enabled: { schema: z.boolean(), expected: 'boolean' },
  /** false: no rep may create tickets from a record (no `New ticket`, and the broker refuses). */
  allowCreate: { schema: z.boolean(), expected: 'boolean' },
  /** Lock everything: also the settings the policy leaves to their stored values. */
  locked: { schema: z.boolean(), expected: 'boolean' },
  /** This browser's limit of Desk calls a minute, whatever the pages do. */
  deskCallsPerMinute: {
    schema: z.number().int().min(DESK_CALLS_PER_MINUTE.min).max(DESK_CALLS_PER_MINUTE.max),
    expected: 'callsPerMinute',
  },
  /**
   * Company CRM addresses (`https://crm.example.co.jp`): DeskLink runs there once the browser
   * grants each origin. One bad entry ignores the list, so a typo is shown rather than half applied.
   */
  crmHosts: {
    schema: z
      .array(z.string().max(300))
      .max(MAX_CRM_ADDRESSES)
      .transform((addresses, ctx) => {
        const hosts = addresses.map((address) => checkCrmAddress(address));
        if (hosts.some((check) => !check.ok)) ctx.addIssue({ code: 'custom', message: 'not a CRM address' });
        return [...new Set(hosts.flatMap((check) => (check.ok ? [check.host] : [])))];
      }),
    expected: 'crmAddresses',
  },
} as const satisfies Record<string, { schema: z.ZodType; expected: PolicyExpectation }>;

type Fields = typeof POLICY_FIELDS;
export type Policy = { -readonly [K in keyof Fields]?: z.output<Fields[K]['schema']> };
type PolicyKey = keyof Fields;

interface ParsedPolicy {
  policy: Policy;
  /**
   * Values present but invalid, ignored (Chrome drops what breaks the schema itself; Firefox
   * passes anything on): the options page and diagnostics list them, so a typo is not silent.
   */
  ignored: IgnoredPolicyValue[];
}

function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Policy = {};
  const ignored: IgnoredPolicyValue[] = [];
  if (typeof raw !== 'object' || raw === null) return { policy, ignored };
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(POLICY_FIELDS) as PolicyKey[]) {
    if (source[key] === undefined) continue;
    const parsed = POLICY_FIELDS[key].schema.safeParse(source[key]);
    if (parsed.success) (policy as Record<string, unknown>)[key] = parsed.data;
    else ignored.push({ key, expected: POLICY_FIELDS[key].expected });
  }
  // A key is useless without its email and the reverse: take both or neither. The same for the
  // organisation credential's three parts.
  dropUnlessTogether(policy, ignored, ['zscKey', 'email'], 'keyWithEmail');
  dropUnlessTogether(policy, ignored, ['clientId', 'clientSecret', 'refreshToken'], 'orgCredentialTogether');
  // One credential: the organisation credential, Zoho's documented way, wins over a ZSC key.
  if (policy.refreshToken !== undefined && policy.zscKey !== undefined) {
    for (const key of ['zscKey', 'email'] as const) {
      delete policy[key];
      ignored.push({ key, expected: 'oneCredential' });
    }
  }
  return { policy, ignored };
}

function dropUnlessTogether(policy: Policy, ignored: IgnoredPolicyValue[], keys: PolicyKey[], expected: PolicyExpectation): void {
  const given = keys.filter((key) => policy[key] !== undefined);
  if (given.length === 0 || given.length === keys.length) return;
  for (const key of given) {
    delete policy[key];
    ignored.push({ key, expected });
  }
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

/** A credential the policy provides. It stays in memory: never written to storage. */
export type PolicyCredential =
  | { kind: 'zsc'; key: string; email: string }
  /** The organisation credential; its Accounts server is the policy data centre's. */
  | { kind: 'org'; clientId: string; clientSecret: string; refreshToken: string };

/** The credential the policy provides, if any. */
export function policyCredential(policy: Policy): PolicyCredential | null {
  const { clientId, clientSecret, refreshToken } = policy;
  if (clientId !== undefined && clientSecret !== undefined && refreshToken !== undefined) {
    return { kind: 'org', clientId, clientSecret, refreshToken };
  }
  return policy.zscKey !== undefined && policy.email !== undefined ? { kind: 'zsc', key: policy.zscKey, email: policy.email } : null;
}

/** The Accounts host of a policy organisation credential: the data centre's. */
export function policyAccountsHost(dataCentre: DataCentreId): string {
  return DATA_CENTRES[dataCentre].accountsHost;
}

/** Every secret the policy holds, for scrubbing them from any text that leaves the background. */
export function policySecrets(policy: Policy): string[] {
  const credential = policyCredential(policy);
  if (!credential) return [];
  return credential.kind === 'zsc' ? [credential.key] : [credential.clientSecret, credential.refreshToken];
}

/**
 * With `locked`, nothing about the setup may change on this browser: saving a setup, signing in,
 * changing the portal, deactivating and changing settings are all refused, whatever the policy
 * itself sets.
 */
export async function refuseIfLocked(): Promise<void> {
  if ((await readPolicy()).policy.locked === true) throw new DeskLinkError({ code: 'POLICY_LOCKED', detail: 'locked' });
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
