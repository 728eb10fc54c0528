/**
 * Checks of the setup form's key and email, the same zod schema the broker applies
 * (CredentialInputSchema), turned into per-field message keys for the form. A key with
 * characters no Zoho key has gets its own message, before any network call.
 */
import { CredentialInputSchema, type CredentialInput } from '../shared/commands';
import { KEY_CHARACTERS_ISSUE } from '../shared/zsc-key';

export interface CredentialFormErrors {
  key?: 'keyRequired' | 'keyCharacters';
  email?: 'emailInvalid';
}

type CredentialFormResult = { ok: true; credential: CredentialInput } | { ok: false; errors: CredentialFormErrors };

export function checkCredentialForm(key: string, email: string): CredentialFormResult {
  const parsed = CredentialInputSchema.safeParse({ kind: 'zsc', key, email: email.trim() });
  if (parsed.success) return { ok: true, credential: parsed.data };
  const errors: CredentialFormErrors = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'key') errors.key = issue.message === KEY_CHARACTERS_ISSUE ? 'keyCharacters' : 'keyRequired';
    if (issue.path[0] === 'email') errors.email = 'emailInvalid';
  }
  return { ok: false, errors };
}
