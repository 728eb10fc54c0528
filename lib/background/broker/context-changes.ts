/**
 * The signals after which the broker's kept context (settings and credential in force) may no
 * longer hold: a write through the credential store, and a storage change of the settings or
 * the policy.
 */
import type { CredentialStore } from '../credentials/store';
import { SETTINGS_STORAGE_KEYS } from '../settings/store';

/** `store`, calling `written` after each of its writes settles (a failed write may have written part). */
export function noticingWrites(store: CredentialStore, written: () => void): CredentialStore {
  const after = <T>(writing: Promise<T>): Promise<T> => {
    void writing.finally(written).catch(() => undefined);
    return writing;
  };
  return {
    get: () => store.get(),
    isRejected: (credential) => store.isRejected(credential),
    storage: () => store.storage(),
    save: (credential) => after(store.save(credential)),
    markRejected: (which) => after(store.markRejected(which)),
    clear: () => after(store.clear()),
  };
}

/** Whether a storage change may change the settings in force: the policy, or a stored settings key. */
export function changesSettings(changes: Record<string, unknown>, area: string): boolean {
  return area === 'managed' || (area === 'local' && SETTINGS_STORAGE_KEYS.some((key) => key in changes));
}
