/**
 * The sandbox's self-signed certificate: every Zoho host it answers is in the SANs, so a browser
 * told to ignore certificate errors (Chromium flag, Firefox acceptInsecureCerts) accepts it for
 * any of them. Generated with `openssl` once per SAN list and cached in os.tmpdir() (valid
 * 2 days; regenerated after 1), so repeated starts (one per test worker) are fast.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCert {
  key: string;
  cert: string;
}

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const inProcess = new Map<string, KeyAndCert>();

function readCached(dir: string): KeyAndCert | undefined {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) return undefined;
  if (Date.now() - statSync(certFile).mtimeMs > MAX_AGE_MS) return undefined;
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

function generate(hosts: readonly string[], dir: string): void {
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=desklink-sandbox',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'pipe' },
  );
}

/** Key and certificate whose SANs are exactly `hosts` (order-insensitive). */
export function certificateFor(hosts: readonly string[]): KeyAndCert {
  const sorted = [...new Set(hosts)].sort();
  const hash = createHash('sha256').update(sorted.join(',')).digest('hex').slice(0, 16);
  const memo = inProcess.get(hash);
  if (memo) return memo;

  const cacheDir = join(tmpdir(), `desklink-sandbox-cert-${hash}`);
  let found = readCached(cacheDir);
  if (!found) {
    // Generate into a private temp dir, then move it into place; a concurrent start that wins
    // the race simply leaves us reading its copy. The temp dir never outlives this call.
    const work = mkdtempSync(join(tmpdir(), 'desklink-sandbox-cert-tmp-'));
    try {
      generate(sorted, work);
      found = { key: readFileSync(join(work, 'key.pem'), 'utf8'), cert: readFileSync(join(work, 'cert.pem'), 'utf8') };
      rmSync(cacheDir, { recursive: true, force: true });
      try {
        renameSync(work, cacheDir);
      } catch {
        // another process put its copy there first: ours is equally good, keep using it
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  inProcess.set(hash, found);
  return found;
}
