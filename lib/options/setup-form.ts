/**
 * Checks of the setup form's credentials, the same zod schema the broker applies
 * (CredentialInputSchema), turned into per-field message keys for the form. A key or secret
 * with characters no Zoho key has gets its own message, before any network call.
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

/** What the organisation credential's fields hold, as typed. */
export interface OrgCredentialFields {
  clientId: string;
  clientSecret: string;
  grantCode: string;
  refreshToken: string;
}

export interface OrgCredentialErrors {
  clientId?: 'orgClientIdRequired' | 'orgCharacters';
  clientSecret?: 'clientSecretRequired' | 'orgCharacters';
  /** Neither or both of the grant code and the refresh token, or one with characters Zoho never uses. */
  code?: 'grantOrRefresh' | 'orgCharacters';
}

type OrgCredentialResult = { ok: true; credential: CredentialInput } | { ok: false; errors: OrgCredentialErrors };

/** The organisation credential: client id and secret with exactly one of a grant code and a refresh token. */
export function checkOrgCredentialForm({ clientId, clientSecret, grantCode, refreshToken }: OrgCredentialFields): OrgCredentialResult {
  const code = grantCode.trim();
  const token = refreshToken.trim();
  const errors: OrgCredentialErrors = {};
  if (clientId.trim() === '') errors.clientId = 'orgClientIdRequired';
  if (clientSecret.trim() === '') errors.clientSecret = 'clientSecretRequired';
  if ((code === '') === (token === '')) errors.code = 'grantOrRefresh';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = CredentialInputSchema.safeParse({
    kind: 'org',
    clientId,
    clientSecret,
    ...(code ? { grantCode: code } : { refreshToken: token }),
  });
  if (parsed.success) return { ok: true, credential: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'clientId' || field === 'clientSecret') errors[field] = 'orgCharacters';
    else errors.code = 'orgCharacters';
  }
  return { ok: false, errors };
}
