/**
 * Belt and braces for the rule that the credential never reaches a content script or page:
 * every answer leaving the broker is scrubbed of the secrets DeskLink knows, should any text (a
 * Zoho message quoting a header, a library error) ever carry one. Typed answers never hold the
 * secret in the first place, content scripts never get an error's free text at all, and
 * storage.local never holds it.
 *
 * Error texts are cut to a length (Zoho's message to 300 characters) before they get here, which
 * may cut a quoted key in two: the half left would not match the whole key. So an error's free
 * text loses every run of 6 or more characters that also occurs in a secret, wherever the cut fell.
 */
import { credentialSecrets } from '../credentials/credential';
import type { CredentialStore } from '../credentials/store';
import { policySecrets, readPolicy } from '../policy';

const REDACTED = '[redacted]';
/** Shortest secret worth scrubbing: below this, replacing would mangle ordinary text. */
const MIN_SECRET_LENGTH = 8;

/**
 * The secrets kept in storage: the stored credential's (an organisation credential's client
 * secret and refresh token included) and the policy's.
 */
export async function storedSecrets(credentials: CredentialStore): Promise<string[]> {
  const [stored, { policy }] = await Promise.all([credentials.get().catch(() => null), readPolicy()]);
  return [...(stored ? credentialSecrets(stored) : []), ...policySecrets(policy)];
}

/** The secrets in force: the stored ones and `accessTokens` (the organisation credential's access tokens this worker holds). */
export function knownSecrets(stored: readonly string[], accessTokens: readonly string[] = []): string[] {
  return [...accessTokens, ...stored].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

function scrubText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}

/** Shortest run of a secret's characters removed from an error's free text. */
const SECRET_RUN = 6;

/** `text` without any run of SECRET_RUN or more characters found in a secret (a cut key included). */
export function scrubSecretRuns(text: string, secrets: readonly string[]): string {
  const grams = new Set<string>();
  for (const secret of secrets) for (let i = 0; i + SECRET_RUN <= secret.length; i++) grams.add(secret.slice(i, i + SECRET_RUN));
  if (grams.size === 0) return text;
  const hidden = new Array<boolean>(text.length).fill(false);
  let found = false;
  for (let i = 0; i + SECRET_RUN <= text.length; i++) {
    if (!grams.has(text.slice(i, i + SECRET_RUN))) continue;
    found = true;
    hidden.fill(true, i, i + SECRET_RUN);
  }
  if (!found) return text;
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    if (!hidden[i]) clean += text[i];
    else if (i === 0 || !hidden[i - 1]) clean += REDACTED;
  }
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
