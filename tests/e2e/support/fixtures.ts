/**
 * Playwright fixtures for DeskLink in real Chromium (Debian's, `CHROMIUM_PATH`), with the built
 * extension (`DESKLINK_OUT_DIR`, default `.output`) loaded and every Zoho host mapped to the
 * local sandbox. Firefox specs use ./firefox.ts instead.
 *
 *   import { test, expect } from './fixtures';
 *   test('panel lists tickets', async ({ connect, crmPage }) => {
 *     await connect();                                  // setup.save with KEYS.admin, portal A
 *     const page = await crmPage(RECORDS.contact);       // https://crm.zoho.com/crm/…/Contacts/…
 *     await expect(page.getByRole('region', { name: 'Zoho Desk tickets' })).toBeVisible();
 *   });
 *
 * Every test gets a fresh browser profile (about 1 s), so extension storage and IndexedDB start
 * empty. The sandbox is shared by the worker; its faults, request log and concurrency limits are
 * reset before each test. Playwright locators pierce the panel's open shadow root.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index';
import { sandboxFixture } from './sandbox-fixture';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { Request, ResponseOf, SettingsView } from '../../../lib/shared/messages';
import { launchChromium, extensionServiceWorker } from './chromium';
import { connectWith, resetSandbox, type ConnectOptions } from './admin';
import { crmUrl, type CrmPageOptions } from './crm';

export type { ConnectOptions, CrmPageOptions };

interface WorkerFixtures {
  /** The Zoho sandbox (size 'test'), one per worker. */
  sandbox: Sandbox;
}

interface TestFixtures {
  /** A fresh persistent Chromium context with DeskLink loaded. */
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
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  context: async ({ sandbox }, use) => {
    resetSandbox(sandbox);
    const context = await launchChromium(sandbox);
    await use(context);
    await context.close();
  },

  sw: async ({ context }, use) => {
    await use(await extensionServiceWorker(context));
  },

  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },

  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
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
});

export { expect };
