/**
 * Playwright fixtures for DeskLink in real Firefox ESR. Playwright cannot drive Firefox ESR
 * with an extension, so the browser is puppeteer-core over WebDriver BiDi; the test runner,
 * `expect` and reporting stay Playwright's. Specs named `tests/e2e/firefox-*.spec.ts` run in
 * the `firefox` project (playwright.config.ts).
 *
 * How to write a Firefox spec:
 *
 *   import { test, expect, byRole } from './firefox';
 *   test('panel shows tickets', async ({ connect, crmPage }) => {
 *     await connect();
 *     const page = await crmPage(RECORDS.contact);
 *     const region = await page.waitForSelector(byRole('region', 'Zoho Desk tickets'));
 *     expect(await region!.evaluate((el) => el.textContent)).toContain('All 14');
 *   });
 *
 * - Pages are puppeteer `Page`s: `page.waitForSelector`, `page.$`, `page.$$`, `page.evaluate`,
 *   `page.click`. Find things with `byRole(role, name)` (name: exact string or RegExp; it looks
 *   inside shadow roots, which puppeteer's own `::-p-aria` does not do in Firefox) or with the
 *   `>>>` deep combinator (`'desklink-panel >>> table'`).
 * - Assert with Playwright's `expect` on values; for things that appear later use
 *   `await page.waitForSelector(...)` or `await expect.poll(() => page.evaluate(...)).toBe(...)`.
 * - Profiles: Firefox takes 3–4 s to start, so ONE browser (fresh profile) serves all tests of
 *   a spec file, and a new one starts for the next file. Extension storage and IndexedDB carry
 *   over between tests of a file: call `reset()` (the admin `deactivate` command) in a
 *   `beforeEach` when a test needs an unconfigured DeskLink, or opt into a browser of its own
 *   with `test.use({ freshFirefox: true })` (per file or per describe block).
 * - Tabs a test opens through `newPage`/`crmPage`/`openOptions` are closed after it.
 * - Never `await page.goto('moz-extension://…')`: it never resolves in Firefox. `openOptions()`
 *   starts the navigation and waits for the document instead.
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/index';
import { sandboxFixture } from './sandbox-fixture';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { Request, ResponseOf, SettingsView } from '../../../lib/shared/messages';
import { connectWith, resetSandbox, type ConnectOptions } from './admin';
import { crmUrl, type CrmPageOptions } from './crm';
import { FIREFOX_EXTENSION_ORIGIN, launchFirefox } from './firefox-browser';
import { byRole } from './firefox-role';

export type { ConnectOptions, CrmPageOptions, Page };
export { FIREFOX_EXTENSION_ORIGIN, byRole };

/** One Firefox at a time, reused across the tests of one spec file. */
class FirefoxPool {
  private browser: Browser | undefined;
  private owner: string | undefined;
  constructor(private readonly sandbox: Sandbox) {}

  /** The browser for this test: reused when `owner` matches, else a fresh one. */
  async acquire(owner: string | undefined): Promise<Browser> {
    if (this.browser && owner !== undefined && owner === this.owner && this.browser.connected) return this.browser;
    await this.close();
    this.browser = await launchFirefox(this.sandbox);
    this.owner = owner;
    return this.browser;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.owner = undefined;
    await browser?.close().catch(() => {});
  }
}

interface WorkerFixtures {
  sandbox: Sandbox;
  firefoxPool: FirefoxPool;
}

interface TestFixtures {
  /** Option: a browser (and profile) of this test's own instead of the spec file's shared one. */
  freshFirefox: boolean;
  /** Firefox ESR with DeskLink installed. */
  firefox: Browser;
  /** `moz-extension://<fixed uuid>` */
  extensionOrigin: string;
  /** A new tab, closed after the test. */
  newPage: () => Promise<Page>;
  /** A new tab on DeskLink's options page, once its document has loaded. */
  openOptions: () => Promise<Page>;
  /** Sends an admin command from an options page and returns the broker's Response. */
  sendAdmin: <R extends Request>(request: R) => Promise<ResponseOf<R['command']>>;
  sendRaw: (message: unknown) => Promise<unknown>;
  /** Connects DeskLink to the sandbox (KEYS.admin, ADMIN_EMAIL, data centre com). */
  connect: (opts?: ConnectOptions) => Promise<SettingsView>;
  /** Back to unconfigured: the admin `deactivate` command (credential, settings, caches gone). */
  reset: () => Promise<void>;
  /** A new tab on a sandbox CRM page (a path or a record fixture), loaded. */
  crmPage: (target: string | RecordFixture, opts?: CrmPageOptions) => Promise<Page>;
}

/**
 * Waits until `page` shows `url`, fully loaded. While the page navigates away from about:blank,
 * Firefox's BiDi can fail an evaluation outright (a ProtocolError such as "right-hand side of
 * 'in' should be an object, got null") instead of waiting: such a failure is retried until the
 * deadline; a real timeout is not.
 */
async function untilLoaded(page: Page, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForFunction(
        (expected) => location.href === expected && document.readyState === 'complete',
        { timeout: Math.max(1, deadline - Date.now()) },
        url,
      );
      return;
    } catch (error) {
      const transient =
        error instanceof Error && /Protocol error/.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`);
      if (!transient || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  firefoxPool: [
    async ({ sandbox }, use) => {
      const pool = new FirefoxPool(sandbox);
      await use(pool);
      await pool.close();
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  freshFirefox: [false, { option: true }],

  firefox: async ({ firefoxPool, sandbox, freshFirefox }, use, testInfo) => {
    resetSandbox(sandbox);
    // A fresh test gets its own browser and leaves no owner, so the next test starts another.
    const browser = await firefoxPool.acquire(freshFirefox ? undefined : testInfo.file);
    await use(browser);
    if (freshFirefox) await firefoxPool.close();
  },

  extensionOrigin: async ({}, use) => {
    await use(FIREFOX_EXTENSION_ORIGIN);
  },

  newPage: async ({ firefox }, use) => {
    const pages: Page[] = [];
    await use(async () => {
      const page = await firefox.newPage();
      // Match Playwright's expect timeout rather than puppeteer's 30 s, so a miss fails quickly.
      page.setDefaultTimeout(10_000);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.close().catch(() => {});
  },

  openOptions: async ({ newPage, extensionOrigin }, use) => {
    await use(async () => {
      const page = await newPage();
      const url = `${extensionOrigin}/options.html`;
      // goto() to a moz-extension:// page never resolves in Firefox; the document does load.
      page.goto(url).catch(() => {});
      await untilLoaded(page, url, 15_000);
      return page;
    });
  },

  sendRaw: async ({ openOptions }, use) => {
    let adminPage: Page | undefined;
    await use(async (message) => {
      adminPage ??= await openOptions();
      return adminPage.evaluate((m) => (globalThis as any).browser.runtime.sendMessage(m), message as any);
    });
  },

  sendAdmin: async ({ sendRaw }, use) => {
    await use((request) => sendRaw(request) as Promise<ResponseOf<(typeof request)['command']>>);
  },

  connect: async ({ sendAdmin }, use) => {
    await use((opts) => connectWith(sendAdmin, opts));
  },

  reset: async ({ sendAdmin }, use) => {
    await use(async () => {
      const response = await sendAdmin({ command: 'deactivate' });
      if (!response.ok) throw new Error(`deactivate failed: ${JSON.stringify(response.error)}`);
    });
  },

  crmPage: async ({ newPage }, use) => {
    await use(async (target, opts) => {
      const page = await newPage();
      await page.goto(crmUrl(target, opts));
      return page;
    });
  },
});

export { expect };
