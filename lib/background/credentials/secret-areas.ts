/**
 * The two places the credential can live, behind one small interface: the extension's IndexedDB
 * (kept across browser sessions) and storage.session (memory only, gone with the browser
 * session). Neither is readable by content scripts: IndexedDB is per origin, and storage.session
 * is the trusted one (../trusted-session.ts).
 */
import { openDB, type DBSchema } from 'idb';
import { trustedSessionArea } from '../trusted-session';
import type { Credential } from './credential';

type SecretValue = Credential | string;

export interface SecretArea {
  get(key: string): Promise<SecretValue | undefined>;
  /** Writes `put` and removes `remove`, together where the area allows. */
  write(put: Record<string, SecretValue>, remove: string[]): Promise<void>;
}

const SECRETS_DB_NAME = 'desklink-secrets';
const SECRETS_DB_VERSION = 1;
const STORE = 'credential';
/** An open that neither succeeds nor fails (a connection blocking it) must not hang every panel. */
const OPEN_TIMEOUT_MS = 10_000;

interface SecretsSchema extends DBSchema {
  [STORE]: { key: string; value: SecretValue };
}

/**
 * The IndexedDB area, once its database is open; rejects when it cannot open (no IndexedDB, a
 * private window, a broken profile, an open that hangs). `onClosed`: the browser closed the
 * connection (another version wants to upgrade, or it ended abnormally): open again on next use.
 */
export async function indexedDbArea({ onClosed }: { onClosed: () => void }): Promise<SecretArea> {
  if (!(globalThis as { indexedDB?: IDBFactory }).indexedDB) throw new DOMException('IndexedDB is not available', 'NotSupportedError');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const opening = openDB<SecretsSchema>(SECRETS_DB_NAME, SECRETS_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(STORE);
    },
    blocking() {
      onClosed();
      void opening.then((d) => d.close());
    },
    terminated: onClosed,
  });
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DOMException('opening IndexedDB timed out', 'TimeoutError')), OPEN_TIMEOUT_MS);
  });
  let db;
  try {
    db = await Promise.race([opening, timeout]);
  } catch (error) {
    // Should the open still succeed later, nobody uses that connection.
    void opening.then(
      (late) => late.close(),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    get: (key) => db.get(STORE, key),
    async write(put, remove) {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([
        ...Object.entries(put).map(([key, value]) => tx.store.put(value, key)),
        ...remove.map((key) => tx.store.delete(key)),
        tx.done,
      ]);
    },
  };
}

const SESSION_PREFIX = 'secrets.';

export function sessionArea(): SecretArea {
  let trusted: ReturnType<typeof trustedSessionArea> | null = null;
  const area = () => (trusted ??= trustedSessionArea());
  return {
    async get(key) {
      const name = SESSION_PREFIX + key;
      return (await (await area()).get(name))[name] as SecretValue | undefined;
    },
    async write(put, remove) {
      const session = await area();
      const entries = Object.entries(put);
      if (entries.length > 0) await session.set(Object.fromEntries(entries.map(([key, value]) => [SESSION_PREFIX + key, value])));
      if (remove.length > 0) await session.remove(remove.map((key) => SESSION_PREFIX + key));
    },
  };
}
