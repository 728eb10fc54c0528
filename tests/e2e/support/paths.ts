/**
 * Where the harness finds the built extension and the browsers, with errors that say what to do.
 * The built extension comes from `DESKLINK_OUT_DIR` (default `.output`), the same variable
 * wxt.config.ts reads, so `DESKLINK_OUT_DIR=.output-me npx wxt build` pairs with
 * `DESKLINK_OUT_DIR=.output-me npx playwright test`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const OUT_DIR = path.resolve(process.env.DESKLINK_OUT_DIR || '.output');

export type BuildTarget = 'chrome-mv3' | 'firefox-mv3';

/** Absolute folder of a built extension; throws when it has not been built. */
export function extensionDir(target: BuildTarget): string {
  const dir = path.join(OUT_DIR, target);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const flag = target === 'firefox-mv3' ? ' -b firefox --mv3' : '';
    throw new Error(
      `No built extension at ${dir}: run \`npm run build\` (or \`npx wxt build${flag}\` with the same DESKLINK_OUT_DIR) first.`,
    );
  }
  return dir;
}

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p))
    throw new Error(`Chromium not found at ${p}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  return p;
}

export function firefoxPath(): string {
  const p = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(p))
    throw new Error(`Firefox not found at ${p}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  return p;
}
