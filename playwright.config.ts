import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in real browsers: `chromium` runs every tests/e2e/*.spec.ts except the
 * `firefox-*` ones, which run in Firefox ESR (puppeteer-core over WebDriver BiDi, see
 * tests/e2e/support/firefox.ts). Scenarios both browsers share live in tests/e2e/scenarios/ and
 * are run by one spec per browser. Both read the build from DESKLINK_OUT_DIR (default .output).
 * One worker: the machine has 2 cores and a browser with the extension takes seconds to start.
 */
const FIREFOX_SPEC = /(^|[\\/])firefox-[^\\/]*\.spec\.ts$/;

// Playwright empties its output folder when a run starts, so parallel runs with their own build
// folder (DESKLINK_OUT_DIR=.output-<name>) also get their own results folder (test-results-<name>).
const runName = path.basename(process.env.DESKLINK_OUT_DIR || '.output').replace(/^\.?output-?/, '');

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Generous: browsers start slowly on a busy shared machine. No test asserts on timing.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./tests/e2e/support/summary-reporter.ts']],
  // The policy specs write system-wide policy files (and remove them after each test); before and
  // after a run, whatever a crashed run left goes, so no other spec's browser starts under it.
  globalSetup: './tests/e2e/support/remove-leftover-policies.ts',
  globalTeardown: './tests/e2e/support/remove-leftover-policies.ts',
  outputDir: runName ? `test-results-${runName}` : 'test-results',
  // Recording a trace of every test costs time on this 2-core machine: locally keep the trace
  // of a failure; on CI (one retry) record only the retry of a failed test.
  use: { trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', testMatch: /\.spec\.ts$/, testIgnore: FIREFOX_SPEC },
    { name: 'firefox', testMatch: FIREFOX_SPEC },
  ],
});
