/**
 * The credential in force: the policy's (a key and email, or an organisation credential) when
 * the policy gives one (built in memory on each use, never written anywhere), else the stored one.
 */
import type { DataCentreId } from '../../shared/data-centres';
import { policyAccountsHost, policyCredential, readPolicy, type PolicyCredential } from '../policy';
import type { Credential } from './credential';
import type { CredentialStore } from './store';

/**
 * A policy credential as the broker uses it. An organisation credential asks the data centre's
 * Accounts server; whose it is (its email) the settings say once set up, so it has none here.
 */
export function fromPolicy(credential: PolicyCredential, dataCentre: DataCentreId): Credential {
  if (credential.kind === 'zsc') return { kind: 'zsc', key: credential.key, email: credential.email, dataCentre, savedAt: 0 };
  return { ...credential, accountsHost: policyAccountsHost(dataCentre), email: '', dataCentre, savedAt: 0 };
}

/**
 * `dataCentre` may still be being read: the policy and the stored credential are read meanwhile
 * (the stored one, and its failure, count only when the policy gives none).
 */
export async function effectiveCredential(
  credentials: CredentialStore,
  dataCentre: DataCentreId | null | Promise<DataCentreId | null>,
): Promise<Credential | null> {
  const stored = credentials.get();
  stored.catch(() => undefined);
  // A failed read of the data centre is the caller's to see; here it matters only with a policy credential.
  Promise.resolve(dataCentre).catch(() => undefined);
  const policy = policyCredential((await readPolicy()).policy);
  if (policy) {
    const centre = await dataCentre;
    return centre ? fromPolicy(policy, centre) : null;
  }
  return stored;
}
