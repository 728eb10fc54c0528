/**
 * `npm run zip` (run by `npm test` in place of a bare build): the Chrome zip and the Firefox zip
 * hold exactly the built extensions, and the Firefox sources zip for AMO review holds what
 * rebuilds the add-on and nothing else. Reads files only; no browser.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { OUT_DIR, extensionDir, type BuildTarget } from './support/paths';
import { readZip } from './support/zip';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function zipAt(kind: 'chrome' | 'firefox' | 'sources') {
  const file = path.join(OUT_DIR, `desklink-${version}-${kind}.zip`);
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run zip\` (with the same DESKLINK_OUT_DIR) first.`);
  return readZip(file);
}

/** Every file under `dir`, as zip entry names (`a/b.js`). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

const STORE_ZIPS: [kind: 'chrome' | 'firefox', target: BuildTarget][] = [
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv3'],
];

for (const [kind, target] of STORE_ZIPS) {
  test(`the ${kind} zip holds exactly the ${target} build`, () => {
    const zip = zipAt(kind);
    const dir = extensionDir(target);
    expect(zip.names.filter((name) => !name.endsWith('/')).sort()).toEqual(filesUnder(dir).sort());
    expect(JSON.parse(zip.text('manifest.json') ?? '{}')).toEqual(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  });
}

test('the sources zip holds what rebuilds the add-on, and no tests, sandbox, reports or screenshots', () => {
  const { names } = zipAt('sources');
  for (const needed of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'wxt.config.ts',
    'entrypoints/background.ts',
    'lib/shared/data-centres.ts',
    'public/_locales/en/messages.json',
    'public/icon/128.png',
  ]) {
    expect(names, needed).toContain(needed);
  }
  expect(names.some((name) => name.startsWith('components/'))).toBe(true);
  // Top-level files (package.json, README.md, …) plus the product's source folders only.
  const SOURCE_FOLDERS = new Set(['entrypoints', 'components', 'lib', 'public']);
  const strays = names.filter((name) => name.includes('/') && !SOURCE_FOLDERS.has(name.split('/')[0]!));
  expect(strays).toEqual([]);
});
