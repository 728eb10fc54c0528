/**
 * Where the Desk credential is kept: the extension's own IndexedDB.
 *
 * Why there and not storage.local/sync: content scripts can read those areas; the extension's
 * IndexedDB is reachable only from extension pages and the background.
 * When IndexedDB cannot open (a Firefox private window, a broken profile), the credential is
 * kept in storage.session instead, which content scripts cannot read either: DeskLink keeps
 * working until the browser closes, and `storage()` says so (the options page warns).
 * A policy-provided key is never stored; if Zoho rejects it, only its SHA-256 is remembered so
 * no further calls are made with it until the policy changes it.
 */
import type { CredentialStorage } from '../../shared/protocol';
import { credentialSecret, type Credential, type CredentialToSave } from './credential';
import { sha256Hex } from '../trusted-session';
import { indexedDbArea, sessionArea, type SecretArea } from './secret-areas';

const KEY = 'current';
/** SHA-256 of the last secret Zoho rejected (covers a policy key, which is never stored). */
const REJECTED_KEY = 'rejectedSecretHash';

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
  /** Where the credential is kept in this worker: IndexedDB, or storage.session and why. */
  storage(): Promise<CredentialStorage>;
}

function isCredential(value: Credential | string | undefined): value is Credential {
  return typeof value === 'object' && value !== null;
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`.slice(0, 200);
  return String(error).slice(0, 200);
}

interface Areas {
  /** Where writes go. */
  primary: SecretArea;
  /** Read when the primary has nothing: what an earlier worker kept in storage.session. */
  fallback: SecretArea | null;
  storage: CredentialStorage;
}

export function createCredentialStore(now: () => number): CredentialStore {
  const session = sessionArea();
  let chosen: Promise<Areas> | null = null;
  /** Reads and writes run one at a time: a rejection and a save never interleave. */
  let queue: Promise<unknown> = Promise.resolve();

  function areas(): Promise<Areas> {
    chosen ??= indexedDbArea({ onClosed: () => (chosen = null) }).then(
      (db): Areas => ({ primary: db, fallback: session, storage: { persistent: true } }),
      (error: unknown): Areas => {
        console.warn('DeskLink keeps the credential for this browser session only: IndexedDB cannot open', error);
        return { primary: session, fallback: null, storage: { persistent: false, reason: describe(error) } };
      },
    );
    return chosen;
  }

  function serial<T>(work: (areas: Areas) => Promise<T>): Promise<T> {
    const run = queue.then(async () => work(await areas()));
    queue = run.catch(() => undefined);
    return run;
  }

  async function read({ primary, fallback }: Areas, key: string): Promise<Credential | string | undefined> {
    // Both asked at once (every panel request reads here); the fallback's answer, or its
    // failure, counts only when the primary has none.
    const second = fallback ? Promise.resolve().then(() => fallback.get(key)) : undefined;
    second?.catch(() => undefined);
    return (await primary.get(key)) ?? (await second);
  }

  /** Writes to the primary area; a copy an earlier worker left in storage.session goes. */
  async function write({ primary, fallback }: Areas, put: Record<string, Credential | string>, remove: string[]): Promise<void> {
    await primary.write(put, remove);
    await fallback?.write({}, [...Object.keys(put), ...remove]);
  }

  async function current(areas: Areas): Promise<Credential | null> {
    const stored = await read(areas, KEY);
    return isCredential(stored) ? stored : null;
  }

  return {
    get: () => serial(current),

    isRejected: async (credential) => {
      if (credential.rejected) return true;
      const [rejected, hash] = await Promise.all([serial((a) => read(a, REJECTED_KEY)), sha256Hex(credentialSecret(credential))]);
      return typeof rejected === 'string' && rejected === hash;
    },

    save: (credential) =>
      serial(async (a) => {
        const stored = { ...credential, savedAt: now() } as Credential;
        // Saving follows a successful check with Zoho: any earlier rejection no longer holds.
        await write(a, { [KEY]: stored }, [REJECTED_KEY]);
        return stored;
      }),

    markRejected: async (which) => {
      const whichHash = await sha256Hex(credentialSecret(which));
      await serial(async (a) => {
        const stored = await current(a);
        const put: Record<string, Credential | string> = { [REJECTED_KEY]: whichHash };
        if (stored && !stored.rejected && credentialSecret(which) === credentialSecret(stored)) put[KEY] = { ...stored, rejected: true };
        await write(a, put, []);
      });
    },

    clear: () => serial((a) => write(a, {}, [KEY, REJECTED_KEY])),

    storage: async () => (await areas()).storage,
  };
}
