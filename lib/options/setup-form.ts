/**
 * Checks of the setup form's key and email, the same zod schema the broker applies
 * (CredentialInputSchema), turned into per-field message keys for the form.
 */
import { CredentialInputSchema, type CredentialInput } from '../shared/commands';

export interface CredentialFormErrors {
  key?: 'keyRequired';
  email?: 'emailInvalid';
}

type CredentialFormResult = { ok: true; credential: CredentialInput } | { ok: false; errors: CredentialFormErrors };

export function checkCredentialForm(key: string, email: string): CredentialFormResult {
  const parsed = CredentialInputSchema.safeParse({ kind: 'zsc', key, email: email.trim() });
  if (parsed.success) return { ok: true, credential: parsed.data };
  const errors: CredentialFormErrors = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'key') errors.key = 'keyRequired';
    if (issue.path[0] === 'email') errors.email = 'emailInvalid';
  }
  return { ok: false, errors };
}
