/**
 * What the panel costs every CRM page, read from the built extension (no browser): the content
 * script carries no zod (validation happens in the broker) and stays small. The background
 * script is the control: it does carry zod, so the markers below would be found if bundled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { extensionDir, type BuildTarget } from './support/paths';

const TARGETS: BuildTarget[] = ['chrome-mv3', 'firefox-mv3'];
/** Strings every zod 4 bundle contains (class names and issue codes). */
const ZOD_MARKERS = ['ZodError', '$ZodType', 'invalid_type'];
/** The content script's budget (README Performance): JS + CSS, gzip. */
const BUDGET_GZIP_BYTES = 25 * 1024;

const built = (target: BuildTarget, file: string) => readFileSync(path.join(extensionDir(target), file), 'utf8');

for (const target of TARGETS) {
  test(`${target}: content-scripts/crm.js carries no zod and stays within ${BUDGET_GZIP_BYTES / 1024} KiB gzip`, () => {
    const crm = built(target, 'content-scripts/crm.js');
    const background = built(target, 'background.js');
    for (const marker of ZOD_MARKERS) {
      expect(background, `control: ${marker} in background.js`).toContain(marker);
      expect(crm, `${marker} in crm.js`).not.toContain(marker);
    }
    // Every file the content script brings (its styles live in the panel page now, so crm.js alone).
    const files = readdirSync(path.join(extensionDir(target), 'content-scripts'));
    const gzip = files.reduce((sum, file) => sum + gzipSync(built(target, `content-scripts/${file}`)).length, 0);
    console.log(`${target} ${files.join(' + ')}: ${gzip} bytes gzip`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
}
