/**
 * A failed setup command in words the admin can act on, naming what they chose: the data centre
 * and its Desk host (a key from another data centre is the usual mistake), the key's email, the
 * portal.
 */
import { DATA_CENTRES, type DataCentreId } from '../shared/data-centres';
import type { ErrorInfo } from '../shared/errors';
import { setupErrorMessage } from '../shared/i18n/options';
import type { CredentialInput } from '../shared/commands';
import type { Language } from '../shared/protocol';

interface SetupAttempt {
  dataCentre: DataCentreId;
  /** The email the key belongs to, as far as the page knows it. */
  email?: string | null;
  portalName?: string;
  /** The credential tried: a sign-in or Self Client is a Zoho user's, a key is a key. */
  way?: CredentialInput['kind'];
}

export function setupFailure(error: ErrorInfo, language: Language, { dataCentre, email, portalName, way }: SetupAttempt): string {
  return setupErrorMessage(error, {
    language,
    dataCentre,
    deskHost: DATA_CENTRES[dataCentre].deskHost,
    ...(email ? { email } : {}),
    ...(portalName !== undefined ? { portalName } : {}),
    ...(way === 'oauth' || way === 'org' ? { zohoUser: true } : {}),
  });
}

/** The email a ZSC key was entered with at step 1; none for a sign-in (Zoho names the agent). */
export function enteredEmail(credential: CredentialInput | undefined): string | null {
  return credential?.kind === 'zsc' ? credential.email : null;
}

/**
 * Desk refused an entered ZSC key in the data centre chosen (not one of another data centre):
 * current Zoho Desk accounts connect by signing in or by an organisation credential, which the
 * form then offers.
 */
export function keyRejected(error: ErrorInfo, credential: CredentialInput | undefined, dataCentre: DataCentreId): boolean {
  if (credential?.kind !== 'zsc') return false;
  if (error.code !== 'INVALID_OAUTH' && error.code !== 'UNAUTHORIZED') return false;
  return !error.dataCentre || error.dataCentre === dataCentre;
}
