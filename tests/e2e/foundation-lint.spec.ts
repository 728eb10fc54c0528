/**
 * `web-ext lint` of the Firefox build: no errors, and no warning the README does not explain.
 * The only accepted warning is UNSAFE_VAR_ASSIGNMENT from Preact's own
 * `dangerouslySetInnerHTML` code path, which ships in every Preact bundle; the second test
 * keeps that explanation true by checking DeskLink's sources never take that path.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { extensionDir } from './support/paths';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  summary: { errors: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

/** Warnings explained in README.md ("web-ext lint warnings"), by code, with the bundles they may come from. */
const EXPLAINED: Record<string, RegExp> = {
  UNSAFE_VAR_ASSIGNMENT: /^(content-scripts\/crm\.js|chunks\/options-[\w-]+\.js)$/,
};

test('web-ext lint: 0 errors, and only the warnings the README explains', () => {
  test.setTimeout(90_000);
  const webExt = path.resolve('node_modules/.bin/web-ext');
  const out = execFileSync(webExt, ['lint', '--source-dir', extensionDir('firefox-mv3'), '--no-config-discovery', '--output', 'json'], {
    encoding: 'utf8',
  });
  const report = JSON.parse(out) as LintReport;
  expect(report.errors).toEqual([]);
  const unexplained = report.warnings.filter((w) => !EXPLAINED[w.code]?.test(w.file ?? ''));
  expect(unexplained).toEqual([]);
});

test('DeskLink sources never assign innerHTML (so the lint warning is only Preact library code)', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(name)) sources.push(file);
    }
  };
  for (const dir of ['entrypoints', 'components', 'lib']) walk(path.resolve(dir));
  expect(sources.length).toBeGreaterThan(10);
  const offenders = sources.filter((file) =>
    /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
