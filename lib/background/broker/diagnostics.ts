/**
 * What the options page shows under diagnostics: the last Desk error (code, status, host, time —
 * never a secret) kept in storage.local, and the cache's state.
 */
import { browser } from 'wxt/browser';
import { cacheAvailability, cacheStats } from '../cache';
import type { ErrorInfo } from '../../shared/errors';
import type { Diagnostics } from '../../shared/protocol';
import { knownSecrets, redact } from './redact';

export const LAST_ERROR_KEY = 'diagnostics.lastError';

type LastError = NonNullable<Diagnostics['lastError']>;

/** Remembers a failed Desk call. Aborted calls are not failures. */
export async function recordDeskError(error: ErrorInfo, at = Date.now()): Promise<void> {
  if (error.code === 'ABORTED') return;
  const stored: LastError = { code: error.code, at };
  if (error.status !== undefined) stored.status = error.status;
  if (error.host !== undefined) stored.host = error.host;
  if (error.retryAfterSec !== undefined) stored.retryAfterSec = error.retryAfterSec;
  if (error.detail !== undefined) stored.detail = error.detail.slice(0, 300);
  try {
    // storage.local is readable by content scripts: no secret may reach it, whatever Zoho said.
    await browser.storage.local.set({ [LAST_ERROR_KEY]: redact(stored, await knownSecrets()) });
  } catch (e) {
    console.warn('DeskLink could not record the last error', e);
  }
}

export async function readLastError(): Promise<LastError | null> {
  const stored = (await browser.storage.local.get(LAST_ERROR_KEY))[LAST_ERROR_KEY] as LastError | undefined;
  return stored && typeof stored === 'object' && typeof stored.code === 'string' ? stored : null;
}

export async function clearLastError(): Promise<void> {
  await browser.storage.local.remove(LAST_ERROR_KEY);
}

export async function readDiagnostics(): Promise<Diagnostics> {
  const [lastError, stats] = await Promise.all([readLastError(), cacheStats()]);
  return { lastError, cache: { ...cacheAvailability(), ...stats } };
}
