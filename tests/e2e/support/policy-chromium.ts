/**
 * Chromium under a real managed policy (/etc/chromium/policies/managed, ./policy-files.ts).
 * Chrome keys an extension's policy by its id, and an unpacked build's id is a hash of its
 * folder, so the harness pins the id: it copies the build and adds a manifest `key` to the copy
 * only (the product build has none), and derives the id from that key as Chrome does: SHA-256 of
 * the DER public key, its first 32 hex digits written with the letters a–p.
 *
 *   test('…', async ({ policy, launch }) => {
 *     policy.set({ enabled: false });        // written before the browser starts…
 *     const chromium = await launch();
 *     policy.set({ locked: true });          // …or while it runs: Chrome re-reads it a few seconds later
 *   });
 *
 * Each test gets its own browser (it starts in about a second; a policy change takes Chrome
 * about five). The policy file is removed after the test, pass or fail.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Request, ResponseOf } from '../../../lib/shared/commands';
import type { SettingsView } from '../../../lib/shared/protocol';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { Sandbox } from '../../sandbox/index';
import { connectWith, resetSandbox, type ConnectOptions } from './admin';
import { chromiumArgs, extensionServiceWorker } from './chromium';
import { crmUrl } from './crm';
import { chromiumPath, extensionDir } from './paths';
import { removeChromiumPolicy, writeChromiumPolicy, type PolicyValues } from './policy-files';
import { sandboxFixture } from './sandbox-fixture';

/** The extension id Chrome gives a manifest `key` (base64 DER SubjectPublicKeyInfo). */
function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

interface PinnedBuild {
  dir: string;
  extensionId: string;
}

/** A copy of the Chrome build with a fresh manifest `key`, and the id that key gives. */
function pinBuild(): PinnedBuild {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desklink-pinned-'));
  cpSync(extensionDir('chrome-mv3'), dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, extensionId: extensionIdOf(der) };
}

/** A running Chromium with the pinned DeskLink, and what the policy tests do with it. */
export interface PolicyChromium {
  context: BrowserContext;
  extensionId: string;
  /** A new tab on DeskLink's options page. */
  openOptions(): Promise<Page>;
  /** A new tab on a sandbox CRM page. */
  crmPage(target: string | RecordFixture): Promise<Page>;
  /** Sets DeskLink up as an admin would on the options page (admin messages; see ./admin.ts). */
  connect(opts?: ConnectOptions): Promise<SettingsView>;
  sendAdmin<R extends Request>(request: R): Promise<ResponseOf<R['command']>>;
}

async function launchPinned(sandbox: Sandbox, pinned: PinnedBuild): Promise<PolicyChromium> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(pinned.dir, sandbox),
  });
  const running = new URL((await extensionServiceWorker(context)).url()).host;
  if (running !== pinned.extensionId) {
    await context.close();
    throw new Error(`Chromium gave DeskLink the id ${running}; its manifest key gives ${pinned.extensionId}`);
  }
  const optionsUrl = `chrome-extension://${pinned.extensionId}/options.html`;
  const openOptions = async () => {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    return page;
  };
  let adminPage: Page | undefined;
  const sendAdmin = async <R extends Request>(request: R) => {
    adminPage ??= await openOptions();
    return (await adminPage.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), request)) as ResponseOf<R['command']>;
  };
  return {
    context,
    extensionId: pinned.extensionId,
    openOptions,
    crmPage: async (target) => {
      const page = await context.newPage();
      await page.goto(crmUrl(target));
      return page;
    },
    connect: (opts) => connectWith(sendAdmin, opts),
    sendAdmin,
  };
}

interface WorkerFixtures {
  sandbox: Sandbox;
  pinnedBuild: PinnedBuild;
}

interface TestFixtures {
  /** The managed policy of the pinned DeskLink: `set` writes it (the browser need not run yet). */
  policy: { set(values: PolicyValues): void };
  /** Starts Chromium with the pinned DeskLink (once per test); closed after the test. */
  launch: () => Promise<PolicyChromium>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  pinnedBuild: [
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pinned = pinBuild();
      await use(pinned);
      rmSync(pinned.dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  policy: async ({ pinnedBuild }, use) => {
    try {
      await use({ set: (values) => writeChromiumPolicy(pinnedBuild.extensionId, values) });
    } finally {
      removeChromiumPolicy();
    }
  },

  // Depends on `policy`, so the browser closes before the policy file goes.
  launch: async ({ sandbox, pinnedBuild, policy }, use) => {
    void policy;
    resetSandbox(sandbox);
    let running: PolicyChromium | undefined;
    try {
      await use(async () => {
        if (running) throw new Error('launch() once per test');
        running = await launchPinned(sandbox, pinnedBuild);
        return running;
      });
    } finally {
      await running?.context.close();
    }
  },
});

export { expect };
