/**
 * The credential in force: the policy's key and email when the policy gives them (built in
 * memory on each use, never written anywhere), else the stored one.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { policyCredential, readPolicy } from '../policy';
import type { Credential } from './credential';
import type { CredentialStore } from './store';

export async function effectiveCredential(credentials: CredentialStore, dataCentre: DataCentreId | null): Promise<Credential | null> {
  const fromPolicy = policyCredential((await readPolicy()).policy);
  if (fromPolicy) {
    return dataCentre ? { kind: 'zsc', key: fromPolicy.key, email: fromPolicy.email, dataCentre, savedAt: 0 } : null;
  }
  return credentials.get();
}
