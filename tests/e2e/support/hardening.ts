import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A Chromium profile folder whose IndexedDB cannot open, as in a broken profile: the folder
 * Chromium keeps every origin's databases in is a file. Opening then fails with
 * "UnknownError: Internal error opening backing store for indexedDB.open.".
 */
export function brokenIndexedDbProfile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desklink-broken-idb-'));
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'IndexedDB'), 'not a folder');
  return dir;
}
