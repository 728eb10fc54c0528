/**
 * Where the Desk credential is kept: the extension's own IndexedDB.
 *
 * Why here and not storage.local/sync: content scripts can read those areas; the extension's
 * IndexedDB is reachable only from extension pages and the background.
 * A policy-provided key is never stored; if Zoho rejects it, only its SHA-256 is remembered so
 * no further calls are made with it until the policy changes it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { credentialSecret, type Credential, type CredentialToSave } from './credential';

const SECRETS_DB_NAME = 'desklink-secrets';
const SECRETS_DB_VERSION = 1;
const STORE = 'credential';
const KEY = 'current';
/** SHA-256 of the last secret Zoho rejected (covers a policy key, which is never stored). */
const REJECTED_KEY = 'rejectedSecretHash';

interface SecretsSchema extends DBSchema {
  [STORE]: { key: string; value: Credential | string };
}

export interface CredentialStore {
  get(): Promise<Credential | null>;
  /** Whether Zoho rejected this credential: flagged when stored, or its secret was the last rejected. */
  isRejected(credential: Credential): Promise<boolean>;
  /** Stores a (new) credential, after Zoho accepted it; a saved credential is never marked rejected. */
  save(credential: CredentialToSave): Promise<Credential>;
  /**
   * Remembers that Zoho rejected `which`, and flags the stored credential when it is still that
   * one (a rejection that arrives after the admin saved a new key must not flag it).
   */
  markRejected(which: Credential): Promise<void>;
  /** Removes the credential and any memory of a rejected one (deactivate). */
  clear(): Promise<void>;
}

function isCredential(value: Credential | string | undefined): value is Credential {
  return typeof value === 'object' && value !== null;
}

async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createCredentialStore(now: () => number): CredentialStore {
  let dbPromise: Promise<IDBPDatabase<SecretsSchema>> | null = null;

  function db(): Promise<IDBPDatabase<SecretsSchema>> {
    if (!dbPromise) {
      const opening = openDB<SecretsSchema>(SECRETS_DB_NAME, SECRETS_DB_VERSION, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) database.createObjectStore(STORE);
        },
        blocking() {
          void opening.then((d) => d.close());
          dbPromise = null;
        },
        terminated() {
          dbPromise = null;
        },
      });
      // A failed open must not stick: the next call tries again.
      opening.catch(() => {
        if (dbPromise === opening) dbPromise = null;
      });
      dbPromise = opening;
    }
    return dbPromise;
  }

  return {
    async get() {
      const stored = await (await db()).get(STORE, KEY);
      return isCredential(stored) ? stored : null;
    },

    async isRejected(credential) {
      if (credential.rejected) return true;
      const rejected = await (await db()).get(STORE, REJECTED_KEY);
      return typeof rejected === 'string' && rejected === (await hashSecret(credentialSecret(credential)));
    },

    async save(credential) {
      const stored = { ...credential, savedAt: now() } as Credential;
      // Saving follows a successful check with Zoho: any earlier rejection no longer holds.
      const tx = (await db()).transaction(STORE, 'readwrite');
      await Promise.all([tx.store.put(stored, KEY), tx.store.delete(REJECTED_KEY), tx.done]);
      return stored;
    },

    async markRejected(which) {
      const whichHash = await hashSecret(credentialSecret(which));
      const tx = (await db()).transaction(STORE, 'readwrite');
      const current = await tx.store.get(KEY);
      if (isCredential(current) && !current.rejected && credentialSecret(which) === credentialSecret(current)) {
        await tx.store.put({ ...current, rejected: true }, KEY);
      }
      await tx.store.put(whichHash, REJECTED_KEY);
      await tx.done;
    },

    async clear() {
      const tx = (await db()).transaction(STORE, 'readwrite');
      await Promise.all([tx.store.delete(KEY), tx.store.delete(REJECTED_KEY), tx.done]);
    },
  };
}
