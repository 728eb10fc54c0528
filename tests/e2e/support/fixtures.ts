/**
 * Playwright fixtures for DeskLink in real Chromium (Debian's, `CHROMIUM_PATH`), with the built
 * extension (`DESKLINK_OUT_DIR`, default `.output`) loaded and every Zoho host mapped to the
 * local sandbox. Firefox specs use ./firefox.ts instead.
 *
 *   import { test, expect } from './fixtures';
 *   test('panel lists tickets', async ({ connect, crmPage }) => {
 *     await connect();                                  // setup.save with KEYS.admin, portal A
 *     const page = await crmPage(RECORDS.contact);       // https://crm.zoho.com/crm/…/Contacts/…
 *     await expectInPanel(chromiumTab(page).panel(), 'tab', 'All 14');   // ./panel-chromium.ts, ./panel-steps.ts
 *   });
 *
 * Every test gets a fresh browser profile (about 1 s), so extension storage and IndexedDB start
 * empty. A spec file can share one browser among its tests instead (`test.use({ shareBrowser:
 * true })`): each test then starts with DeskLink deactivated (credential, settings, caches gone)
 * and closes its tabs when it ends. The sandbox is shared by the worker; its faults, request log
 * and concurrency limits are reset before each test. The panel is read through the panel driver
 * (./panel-driver.ts), never by its markup; browser-neutral panel scenarios use `panelWorld`.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index';
import { sandboxFixture } from './sandbox-fixture';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { SettingsView } from '../../../lib/shared/protocol';
import type { Request, ResponseOf } from '../../../lib/shared/commands';
import { launchChromium, extensionServiceWorker } from './chromium';
import { connectWith, resetSandbox, unwrap, type ConnectOptions } from './admin';
import { BrowserPool } from './browser-pool';
import { crmUrl, type CrmPageOptions } from './crm';
import { chromiumTab } from './panel-chromium';
import type { PanelWorld } from './panel-driver';

/** A running Chromium with DeskLink loaded. */
interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The tab the browser opened with; kept when a shared browser's tests close theirs. */
  firstPage: Page | undefined;
  closed: boolean;
}

async function launchSession(sandbox: Sandbox): Promise<ChromiumSession> {
  const context = await launchChromium(sandbox);
  const worker = await extensionServiceWorker(context);
  const session: ChromiumSession = { context, extensionId: new URL(worker.url()).host, firstPage: context.pages()[0], closed: false };
  context.on('close', () => (session.closed = true));
  return session;
}

const optionsUrl = (extensionId: string) => `chrome-extension://${extensionId}/options.html`;

/** Back to unconfigured through a tab of its own (closed again: an open options tab changes what `openOptionsPage` does). */
async function deactivate({ context, extensionId }: ChromiumSession): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(optionsUrl(extensionId));
    unwrap(await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ command: 'deactivate' })), 'deactivate');
    // A fresh profile has no language kept from a deactivation either.
    await page.evaluate(() => (globalThis as any).chrome.storage.local.remove('keptLanguage'));
  } finally {
    await page.close();
  }
}

interface WorkerFixtures {
  /** The Zoho sandbox (size 'test'), one per worker. */
  sandbox: Sandbox;
  chromiumPool: BrowserPool<ChromiumSession>;
}

interface TestFixtures {
  /** Option: share one browser among the tests of this spec file (each starts with DeskLink deactivated). */
  shareBrowser: boolean;
  chromiumSession: ChromiumSession;
  /** A persistent Chromium context with DeskLink loaded (fresh unless `shareBrowser`). */
  context: BrowserContext;
  /** DeskLink's background service worker. */
  sw: Worker;
  /** The extension id (32 letters a–p). */
  extensionId: string;
  /** Opens a new tab on `chrome-extension://<id>/options.html`. */
  openOptions: () => Promise<Page>;
  /** Sends an admin command from an options page and returns the broker's Response. */
  sendAdmin: <R extends Request>(request: R) => Promise<ResponseOf<R['command']>>;
  /** Sends any value as a runtime message from an options page (for protocol tests). */
  sendRaw: (message: unknown) => Promise<unknown>;
  /** Connects DeskLink to the sandbox (KEYS.admin, ADMIN_EMAIL, data centre com) via admin messages. */
  connect: (opts?: ConnectOptions) => Promise<SettingsView>;
  /** Opens a new tab on a sandbox CRM page: a path (`/crm/…`) or a record fixture. */
  crmPage: (target: string | RecordFixture, opts?: CrmPageOptions) => Promise<Page>;
  /** The browser-neutral panel scenarios' view of this browser. */
  panelWorld: PanelWorld;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  chromiumPool: [
    async ({ sandbox }, use) => {
      const pool = new BrowserPool<ChromiumSession>({
        launch: () => launchSession(sandbox),
        close: (session) => session.context.close(),
        alive: (session) => !session.closed,
      });
      await use(pool);
      await pool.release();
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  shareBrowser: [false, { option: true }],

  chromiumSession: async ({ chromiumPool, sandbox, shareBrowser }, use, testInfo) => {
    resetSandbox(sandbox);
    const { browser: session, reused } = await chromiumPool.acquire(shareBrowser ? testInfo.file : undefined);
    if (reused) await deactivate(session);
    await use(session);
    if (!shareBrowser) await chromiumPool.release();
    else for (const page of session.context.pages()) if (page !== session.firstPage) await page.close().catch(() => undefined);
  },

  context: async ({ chromiumSession }, use) => {
    await use(chromiumSession.context);
  },

  sw: async ({ context }, use) => {
    await use(await extensionServiceWorker(context));
  },

  extensionId: async ({ chromiumSession }, use) => {
    await use(chromiumSession.extensionId);
  },

  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(optionsUrl(extensionId));
      return page;
    });
  },

  sendRaw: async ({ openOptions }, use) => {
    // One background options tab per test carries every admin message (admin commands are
    // accepted only from the extension's own pages).
    let adminPage: Page | undefined;
    await use(async (message) => {
      adminPage ??= await openOptions();
      return adminPage.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
    });
  },

  sendAdmin: async ({ sendRaw }, use) => {
    await use((request) => sendRaw(request) as Promise<ResponseOf<(typeof request)['command']>>);
  },

  connect: async ({ sendAdmin }, use) => {
    await use((opts) => connectWith(sendAdmin, opts));
  },

  crmPage: async ({ context }, use) => {
    await use(async (target, opts) => {
      const page = await context.newPage();
      await page.goto(crmUrl(target, opts));
      return page;
    });
  },

  panelWorld: async ({ sandbox, connect, sendAdmin, crmPage, context, extensionId }, use) => {
    await use({
      sandbox,
      connect,
      sendAdmin,
      open: async (target, opts) => chromiumTab(await crmPage(target, opts)),
      optionsPageOpened: async () => {
        const page = await context.waitForEvent('page', {
          predicate: (opened) => opened.url().startsWith(optionsUrl(extensionId)),
          timeout: 10_000,
        });
        await expect(page.getByLabel('ZSC key').first()).toBeVisible();
      },
    });
  },
});

export { expect };
