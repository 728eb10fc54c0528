/**
 * The Desk credential (ZSC key or OAuth token), kept in the extension's own IndexedDB.
 *
 * Why here and not storage.local/sync: content scripts can read those areas; the extension's
 * IndexedDB is reachable only from extension pages and the background. Only the background
 * calls these functions; no message response ever carries `key` or `accessToken`.
 * A policy-provided key is never stored; if Zoho rejects it, only its SHA-256 is remembered so
 * no further calls are made with it until the policy changes it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DataCentreId } from '../../shared/data-centres';

export const SECRETS_DB_NAME = 'desklink-secrets';
const SECRETS_DB_VERSION = 1;
const STORE = 'credential';
const KEY = 'current';
/** SHA-256 of the last secret Zoho rejected (covers a policy key, which is never stored). */
const REJECTED_KEY = 'rejectedSecretHash';

interface CredentialBase {
  dataCentre: DataCentreId;
  /** The email the credential belongs to (the ZSC key's email, or the signed-in agent's). */
  email: string;
  /** Zoho answered INVALID_OAUTH with this credential: make no further calls until it changes. */
  rejected?: boolean;
  savedAt: number;
}

export interface ZscCredential extends CredentialBase {
  kind: 'zsc';
  key: string;
}

export interface OAuthCredential extends CredentialBase {
  kind: 'oauth';
  accessToken: string;
  /** Epoch ms after which the token no longer works. */
  expiresAt: number;
  clientId: string;
  /** The client is multi-DC (sign-in started at accounts.zoho.com); `dataCentre` is the user's, from `location`. */
  multiDc?: boolean;
  /** Silent renewal needs the user (Zoho session over): no Desk call until a new sign-in. */
  signedOut?: boolean;
}

export type Credential = ZscCredential | OAuthCredential;
/** What callers save: `rejected` and `savedAt` are managed here. */
export type CredentialToSave = Omit<ZscCredential, 'rejected' | 'savedAt'> | Omit<OAuthCredential, 'rejected' | 'savedAt'>;

interface SecretsSchema extends DBSchema {
  [STORE]: { key: string; value: Credential | string };
}

let dbPromise: Promise<IDBPDatabase<SecretsSchema>> | null = null;
/** The IDBFactory the cached promise belongs to (tests swap factories between cases). */
let dbFactory: IDBFactory | null = null;

function db(): Promise<IDBPDatabase<SecretsSchema>> {
  if (!dbPromise || dbFactory !== globalThis.indexedDB) {
    dbFactory = globalThis.indexedDB;
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

/** The secret part, for comparing two credentials without looking at anything else. */
export function credentialSecret(credential: Credential): string {
  return credential.kind === 'zsc' ? credential.key : credential.accessToken;
}

function isCredential(value: Credential | string | undefined): value is Credential {
  return typeof value === 'object' && value !== null;
}

async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function getCredential(): Promise<Credential | null> {
  const stored = await (await db()).get(STORE, KEY);
  return isCredential(stored) ? stored : null;
}

/** Whether Zoho rejected this credential: flagged when stored, or its secret was the last rejected. */
export async function isCredentialRejected(credential: Credential): Promise<boolean> {
  if (credential.rejected) return true;
  const rejected = await (await db()).get(STORE, REJECTED_KEY);
  return typeof rejected === 'string' && rejected === (await hashSecret(credentialSecret(credential)));
}

/** Stores a (new) credential, after Zoho accepted it; a saved credential is never marked rejected. */
export async function saveCredential(credential: CredentialToSave): Promise<Credential> {
  const stored = { ...credential, savedAt: Date.now() } as Credential;
  // Saving follows a successful check with Zoho: any earlier rejection no longer holds.
  const tx = (await db()).transaction(STORE, 'readwrite');
  await Promise.all([tx.store.put(stored, KEY), tx.store.delete(REJECTED_KEY), tx.done]);
  return stored;
}

/**
 * Flags the stored credential as rejected by Zoho. With `which`, only when the stored one is still
 * that credential (a rejection that arrives after the admin saved a new key must not flag it).
 */
export async function markCredentialRejected(which?: Credential): Promise<void> {
  const whichHash = which ? await hashSecret(credentialSecret(which)) : null;
  const database = await db();
  const tx = database.transaction(STORE, 'readwrite');
  const current = await tx.store.get(KEY);
  if (isCredential(current) && !current.rejected && (!which || credentialSecret(which) === credentialSecret(current))) {
    await tx.store.put({ ...current, rejected: true }, KEY);
  }
  if (whichHash) await tx.store.put(whichHash, REJECTED_KEY);
  await tx.done;
}

/** Removes the credential and any memory of a rejected one (deactivate). */
export async function clearCredential(): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  await Promise.all([tx.store.delete(KEY), tx.store.delete(REJECTED_KEY), tx.done]);
}
