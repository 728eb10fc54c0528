/**
 * `web-ext lint` of the Firefox build: no errors, and no warning the README does not explain.
 * The only accepted warning is UNSAFE_VAR_ASSIGNMENT at Preact's own `dangerouslySetInnerHTML`
 * code path (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`), which ships in every bundle
 * that renders with Preact: the first test checks each such warning points at exactly that
 * statement, whichever bundle holds it; the second keeps the explanation true by checking
 * DeskLink's sources never take that path.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { extensionDir } from './support/paths';

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}
interface LintReport {
  summary: { errors: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

/**
 * Preact's renderer, minified: `t.innerHTML=f.__html` (variable names vary by bundle). web-ext
 * reports the assignment's line and column, both counted from 1 (as ESLint does).
 */
const PREACT_INNER_HTML = /^[\w$]+\.innerHTML=[\w$]+\.__html\b/;

/** The source a warning points at, from its line and column on. */
function sourceAt(dir: string, { file, line, column }: LintMessage): string {
  if (!file || line === undefined || column === undefined) return '';
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  return lines[line - 1]?.slice(column - 1, column + 59) ?? '';
}

/** Warnings explained in README.md ("web-ext lint warnings"), by code: what the flagged source must be. */
const EXPLAINED: Record<string, RegExp> = {
  UNSAFE_VAR_ASSIGNMENT: PREACT_INNER_HTML,
};

test('web-ext lint: 0 errors, and only the warnings the README explains', () => {
  test.setTimeout(90_000);
  const webExt = path.resolve('node_modules/.bin/web-ext');
  const out = execFileSync(webExt, ['lint', '--source-dir', extensionDir('firefox-mv3'), '--no-config-discovery', '--output', 'json'], {
    encoding: 'utf8',
  });
  const report = JSON.parse(out) as LintReport;
  expect(report.errors).toEqual([]);
  const dir = extensionDir('firefox-mv3');
  const unexplained = report.warnings
    .map((warning) => ({ ...warning, source: sourceAt(dir, warning) }))
    .filter((warning) => !EXPLAINED[warning.code]?.test(warning.source));
  expect(unexplained).toEqual([]);
  // One at most per bundle: a second in the same file would be another assignment.
  const files = report.warnings.map((warning) => warning.file);
  expect(new Set(files).size).toBe(files.length);
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
