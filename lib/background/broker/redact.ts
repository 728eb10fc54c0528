/**
 * Belt and braces for the rule that the credential never reaches a content script or page:
 * every answer leaving the broker and every error written to storage.local is scrubbed of the
 * secrets DeskLink knows, should any text (a Zoho message quoting a header, a library error)
 * ever carry one. Typed answers never hold the secret in the first place.
 */
import { credentialSecret } from '../credentials/credential';
import type { CredentialStore } from '../credentials/store';
import { policyCredential, readPolicy } from '../policy';

const REDACTED = '[redacted]';
/** Shortest secret worth scrubbing: below this, replacing would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

/** The secrets in force: the stored credential's and the policy's key. */
export async function knownSecrets(credentials: CredentialStore): Promise<string[]> {
  const secrets: string[] = [];
  const [stored, { policy }] = await Promise.all([credentials.get().catch(() => null), readPolicy()]);
  if (stored) secrets.push(credentialSecret(stored));
  const fromPolicy = policyCredential(policy);
  if (fromPolicy) secrets.push(fromPolicy.key);
  return secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
}

function scrubText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}

/** A copy of `value` with every secret removed from every string (keys included); same value when clean. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [scrubText(k, secrets), walk(inner)]));
    }
    return v;
  };
  const text = JSON.stringify(value);
  return text !== undefined && secrets.some((s) => text.includes(s)) ? (walk(value) as T) : value;
}
