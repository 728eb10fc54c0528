/**
 * What the options page shows under diagnostics: the last Desk error (code, status, host, time —
 * never a secret) kept in storage.local, and the cache's state.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from '../../shared/errors';
import type { Diagnostics } from '../../shared/protocol';
import type { TicketCache } from '../cache/ticket-cache';
import type { CredentialStore } from '../credentials/store';
import { knownSecrets, redact } from './redact';

const LAST_ERROR_KEY = 'diagnostics.lastError';

type LastError = NonNullable<Diagnostics['lastError']>;

export interface DiagnosticsStore {
  /** Remembers a failed Desk call. Aborted calls are not failures. */
  record(error: ErrorInfo): Promise<void>;
  read(): Promise<Diagnostics>;
  clear(): Promise<void>;
}

async function readLastError(): Promise<LastError | null> {
  const stored = (await browser.storage.local.get(LAST_ERROR_KEY))[LAST_ERROR_KEY] as LastError | undefined;
  return stored && typeof stored === 'object' && typeof stored.code === 'string' ? stored : null;
}

export function createDiagnostics({
  credentials,
  cache,
  now,
}: {
  credentials: CredentialStore;
  cache: TicketCache;
  now: () => number;
}): DiagnosticsStore {
  return {
    async record(error) {
      if (error.code === 'ABORTED') return;
      const stored: LastError = { code: error.code, at: now() };
      if (error.status !== undefined) stored.status = error.status;
      if (error.host !== undefined) stored.host = error.host;
      if (error.retryAfterSec !== undefined) stored.retryAfterSec = error.retryAfterSec;
      if (error.detail !== undefined) stored.detail = error.detail.slice(0, 300);
      try {
        // storage.local is readable by content scripts: no secret may reach it, whatever Zoho said.
        await browser.storage.local.set({ [LAST_ERROR_KEY]: redact(stored, await knownSecrets(credentials)) });
      } catch (e) {
        console.warn('DeskLink could not record the last error', e);
      }
    },
    async read() {
      const [lastError, stats] = await Promise.all([readLastError(), cache.stats()]);
      return { lastError, cache: { ...cache.availability(), ...stats } };
    },
    async clear() {
      await browser.storage.local.remove(LAST_ERROR_KEY);
    },
  };
}
