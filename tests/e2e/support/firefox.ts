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
 *     await expectInPanel(firefoxTab(page).panel(), 'tab', 'All 14');   // ./panel-firefox.ts, ./panel-steps.ts
 *   });
 *
 * - Pages are puppeteer `Page`s: `page.waitForSelector`, `page.$`, `page.$$`, `page.evaluate`,
 *   `page.click`. Find things with `byRole(role, name)` (name: exact string or RegExp; it looks
 *   inside shadow roots, which puppeteer's own `::-p-aria` does not do in Firefox). The panel is
 *   read through the panel driver (./panel-driver.ts), never by its markup.
 * - Assert with Playwright's `expect` on values; for things that appear later use
 *   `await page.waitForSelector(...)` or `await expect.poll(() => page.evaluate(...)).toBe(...)`.
 * - Profiles: Firefox takes 3–4 s to start, so ONE browser (fresh profile) serves all tests of
 *   a spec file, and a new one starts for the next file. Each test on a reused browser starts
 *   with DeskLink deactivated (the admin `deactivate` command: credential, settings, caches
 *   gone). A test that needs a browser of its own opts in
 *   with `test.use({ freshFirefox: true })` (per file or per describe block).
 * - Tabs a test opens through `newPage`/`crmPage`/`openOptions` are closed after it.
 * - Browser-neutral panel scenarios use `panelWorld` (./panel-driver.ts).
 * - Never `await page.goto('moz-extension://…')`: it never resolves in Firefox. `openOptions()`
 *   starts the navigation and waits for the document instead.
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, Page, Target } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/index';
import { sandboxFixture } from './sandbox-fixture';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { SettingsView } from '../../../lib/shared/protocol';
import type { Request, ResponseOf } from '../../../lib/shared/commands';
import { connectWith, resetSandbox, unwrap, type ConnectOptions } from './admin';
import { crmUrl, type CrmPageOptions } from './crm';
import { BrowserPool } from './browser-pool';
import { FIREFOX_EXTENSION_ORIGIN, launchFirefox } from './firefox-browser';
import { byRole } from './firefox-role';
import { firefoxTab } from './panel-firefox';
import type { PanelWorld } from './panel-driver';

export type { Page };
export { byRole };

/** Chooses a way in the radio group `How to connect` by its visible label, once the form shows it. */
export async function chooseWay(page: Page, name: string): Promise<void> {
  await (await page.waitForSelector(byRole('radio', name), { visible: true }))!.click();
}

interface WorkerFixtures {
  sandbox: Sandbox;
  firefoxPool: BrowserPool<Browser>;
}

interface TestFixtures {
  /** Option: a browser (and profile) of this test's own instead of the spec file's shared one. */
  freshFirefox: boolean;
  /** Firefox ESR with DeskLink installed. */
  firefox: Browser;
  /** A new tab, closed after the test. */
  newPage: () => Promise<Page>;
  /** A new tab on DeskLink's options page, once its document has loaded. */
  openOptions: () => Promise<Page>;
  /** Sends an admin command from an options page and returns the broker's Response. */
  sendAdmin: <R extends Request>(request: R) => Promise<ResponseOf<R['command']>>;
  sendRaw: (message: unknown) => Promise<unknown>;
  /** Connects DeskLink to the sandbox (KEYS.admin, ADMIN_EMAIL, data centre com). */
  connect: (opts?: ConnectOptions) => Promise<SettingsView>;
  /** A new tab on a sandbox CRM page (a path or a record fixture), loaded. */
  crmPage: (target: string | RecordFixture, opts?: CrmPageOptions) => Promise<Page>;
  /** The browser-neutral panel scenarios' view of this browser. */
  panelWorld: PanelWorld;
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
      const cause = error instanceof Error ? error.cause : undefined;
      const transient = error instanceof Error && /Protocol error/.test(`${error.message} ${cause instanceof Error ? cause.message : ''}`);
      if (!transient || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const OPTIONS_URL = `${FIREFOX_EXTENSION_ORIGIN}/options.html`;

/** Opens DeskLink's options page in `page` and waits for its document (goto() never resolves there). */
async function loadOptions(page: Page): Promise<void> {
  page.goto(OPTIONS_URL).catch(() => {});
  await untilLoaded(page, OPTIONS_URL, 15_000);
}

/** Back to unconfigured through a tab of its own, closed again (a test starts with no tab open). */
async function deactivate(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  try {
    await loadOptions(page);
    unwrap(await page.evaluate(() => (globalThis as any).browser.runtime.sendMessage({ command: 'deactivate' })), 'deactivate');
    // A fresh profile has no language kept from a deactivation either.
    await page.evaluate(() => (globalThis as any).browser.storage.local.remove('keptLanguage'));
  } finally {
    await page.close().catch(() => {});
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  firefoxPool: [
    async ({ sandbox }, use) => {
      const pool = new BrowserPool<Browser>({
        launch: () => launchFirefox(sandbox),
        close: (browser) => browser.close(),
        alive: (browser) => browser.connected,
      });
      await use(pool);
      await pool.release();
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  freshFirefox: [false, { option: true }],

  firefox: async ({ firefoxPool, sandbox, freshFirefox }, use, testInfo) => {
    resetSandbox(sandbox);
    // A fresh test gets its own browser and leaves no owner, so the next test starts another.
    const { browser, reused } = await firefoxPool.acquire(freshFirefox ? undefined : testInfo.file);
    if (reused) await deactivate(browser);
    await use(browser);
    if (freshFirefox) await firefoxPool.release();
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

  openOptions: async ({ newPage }, use) => {
    await use(async () => {
      const page = await newPage();
      await loadOptions(page);
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

  crmPage: async ({ newPage }, use) => {
    await use(async (target, opts) => {
      const page = await newPage();
      await page.goto(crmUrl(target, opts));
      return page;
    });
  },

  panelWorld: async ({ sandbox, connect, sendAdmin, crmPage, firefox }, use) => {
    await use({
      sandbox,
      connect,
      sendAdmin,
      open: async (target, opts) => firefoxTab(await crmPage(target, opts)),
      optionsPageOpened: async () => {
        // Only tabs opened from now on (this runs before the click). Puppeteer reports the tab the
        // add-on opens, but its page.url() stays about:blank: ask the page itself.
        const opened: Target[] = [];
        const onCreated = (target: Target) => opened.push(target);
        firefox.on('targetcreated', onCreated);
        try {
          // Each target's answer is bounded: one that never answers (a frame torn down while
          // asked) must not hold the search past the tab that did open.
          const within = <T>(ms: number, promise: Promise<T>, otherwise: T) =>
            Promise.race([promise.catch(() => otherwise), new Promise<T>((resolve) => setTimeout(() => resolve(otherwise), ms))]);
          const seen = new Map<Target, string>();
          const address = async (target: Target) => {
            const page = await within(1_000, target.page(), null);
            const href = page
              ? await within(
                  1_000,
                  page.evaluate(() => location.href),
                  '',
                )
              : '';
            seen.set(target, href);
            return { page, href };
          };
          let options: Page | null = null;
          const found = async () => {
            for (const target of opened) {
              const { page, href } = await address(target);
              if (href === OPTIONS_URL) options = page;
            }
            return options !== null;
          };
          // Generous: the add-on opens the tab through its worker, slow on a busy machine.
          await expect
            .poll(found, { timeout: 20_000 })
            .toBe(true)
            .catch((error: Error) => {
              const addresses = opened.map((target) => `${target.type()} ${seen.get(target) || target.url()}`).join(', ');
              throw new Error(`No tab on DeskLink's options page (${opened.length} opened meanwhile: ${addresses})`, { cause: error });
            });
          // It shows the set-up form.
          const keyControls = async () =>
            (await options!.$$(byRole('textbox', /ZSC key/))).length + (await options!.$$(byRole('radio', /ZSC key/))).length;
          await expect.poll(keyControls).toBeGreaterThan(0);
          await options!.close();
        } finally {
          firefox.off('targetcreated', onCreated);
        }
      },
    });
  },
});

export { expect };
