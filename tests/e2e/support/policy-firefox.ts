/**
 * Firefox ESR under a real enterprise policy, installed as an organisation deploys DeskLink:
 * `distribution/policies.json` force-installs the add-on (`ExtensionSettings`, from a file the
 * harness packs; ESR accepts it unsigned with `xpinstall.signatures.required` off) and gives it
 * its `3rdparty` values. Firefox reads policies.json once, at start, so the file exists only
 * while Firefox starts (./policy-files.ts), and a policy change needs a restart: `restart`
 * quits Firefox and starts it again on the same profile, where DeskLink stays installed with
 * its settings, credential and cache.
 *
 *   test('…', async ({ startFirefox }) => {
 *     const firefox = await startFirefox({ enabled: false });   // null: installed, no values
 *     await firefox.restart({ locked: true });
 *   });
 *
 * The profile and the browser go when the test ends, pass or fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Request, ResponseOf } from '../../../lib/shared/commands';
import type { SettingsView } from '../../../lib/shared/protocol';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { Sandbox } from '../../sandbox/index';
import { connectWith, resetSandbox, type ConnectOptions } from './admin';
import { crmUrl } from './crm';
import { FIREFOX_EXTENSION_ORIGIN, FIREFOX_EXTENSION_UUID, GECKO_ID, guardHandleTransfers } from './firefox-browser';
import { extensionDir, firefoxPath } from './paths';
import { removeFirefoxPolicies, writeFirefoxPolicies, type PolicyValues } from './policy-files';
import { sandboxFixture } from './sandbox-fixture';
import { packXpi } from './xpi';

const OPTIONS_URL = `${FIREFOX_EXTENSION_ORIGIN}/options.html`;

/**
 * Opens DeskLink's options page in `page` once its document has loaded. goto() never resolves
 * for moz-extension:// pages, so the page is asked where it is. Right after start the add-on
 * may still be installing, when the address does not load: the navigation then starts again
 * (never while it is under way, which a busy machine can make slow).
 */
async function loadOptions(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  let navigated = 0;
  for (;;) {
    // While a document is replaced, Firefox's BiDi may fail an evaluation outright: ask again.
    const [href, state] = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
    if (href === OPTIONS_URL && state === 'complete') return;
    if (Date.now() > deadline)
      throw new Error(`DeskLink's options page did not load (${OPTIONS_URL}, at ${href}): was the add-on installed?`);
    if (href !== OPTIONS_URL && Date.now() - navigated > 5_000) {
      navigated = Date.now();
      page.goto(OPTIONS_URL).catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Closes Firefox; one that does not quit within seconds is killed, so a test's teardown cannot hang. */
async function closeFirefox(browser: Browser): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      browser.process()?.kill('SIGKILL');
      resolve();
    }, 15_000);
  });
  await Promise.race([browser.close().catch(() => {}), killed]);
  clearTimeout(timer);
}

/** A running Firefox with DeskLink installed by policy, and what the policy tests do with it. */
export interface PolicyFirefox {
  readonly browser: Browser;
  /** A new tab on DeskLink's options page, loaded. */
  openOptions(): Promise<Page>;
  /** A new tab on a sandbox CRM page, loaded. */
  crmPage(target: string | RecordFixture): Promise<Page>;
  /** Sets DeskLink up as an admin would on the options page (admin messages; see ./admin.ts). */
  connect(opts?: ConnectOptions): Promise<SettingsView>;
  sendAdmin<R extends Request>(request: R): Promise<ResponseOf<R['command']>>;
  /** Quits Firefox and starts it on the same profile under `values` (null: no DeskLink values). */
  restart(values: PolicyValues | null): Promise<void>;
}

interface Launch {
  sandbox: Sandbox;
  xpi: string;
  profile: string;
}

async function launch({ sandbox, xpi, profile }: Launch, values: PolicyValues | null): Promise<Browser> {
  writeFirefoxPolicies({
    ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: `file://${xpi}` } },
    ...(values ? { '3rdparty': { Extensions: { [GECKO_ID]: values } } } : {}),
  });
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'network.socket.forcePort': `443=${sandbox.port}`,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        // The packed test build is unsigned; Firefox ESR (not release) honours this.
        'xpinstall.signatures.required': false,
      },
    });
    guardHandleTransfers((await browser.pages())[0]!.mainFrame());
    return browser;
  } finally {
    // Read at start: from here on the running Firefox keeps the policy, and no other browser sees it.
    removeFirefoxPolicies();
  }
}

function policyFirefox(where: Launch, first: Browser): PolicyFirefox {
  let browser = first;
  let adminPage: Page | undefined;
  const newPage = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };
  const openOptions = async () => {
    const page = await newPage();
    await loadOptions(page);
    return page;
  };
  const sendAdmin = async <R extends Request>(request: R) => {
    adminPage ??= await openOptions();
    return (await adminPage.evaluate((m) => (globalThis as any).browser.runtime.sendMessage(m), request as any)) as ResponseOf<
      R['command']
    >;
  };
  return {
    get browser() {
      return browser;
    },
    openOptions,
    crmPage: async (target) => {
      const page = await newPage();
      await page.goto(crmUrl(target));
      return page;
    },
    connect: (opts) => connectWith(sendAdmin, opts),
    sendAdmin,
    restart: async (values) => {
      adminPage = undefined;
      await closeFirefox(browser);
      browser = await launch(where, values);
    },
  };
}

interface WorkerFixtures {
  sandbox: Sandbox;
  /** The Firefox build packed as an .xpi, for the policy's force-install. */
  xpi: string;
}

interface TestFixtures {
  /** Starts Firefox with DeskLink installed by policy and `values` as its policy (null: none); once per test. */
  startFirefox: (values: PolicyValues | null) => Promise<PolicyFirefox>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: sandboxFixture,

  xpi: [
    // Playwright reads a fixture's dependencies from its first parameter's destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'desklink-xpi-'));
      const xpi = path.join(dir, 'desklink.xpi');
      packXpi(extensionDir('firefox-mv3'), xpi);
      await use(xpi);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  startFirefox: async ({ sandbox, xpi }, use) => {
    resetSandbox(sandbox);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'desklink-policy-profile-'));
    let running: PolicyFirefox | undefined;
    try {
      await use(async (values) => {
        if (running) throw new Error('startFirefox() once per test');
        running = policyFirefox({ sandbox, xpi, profile }, await launch({ sandbox, xpi, profile }, values));
        return running;
      });
    } finally {
      if (running) await closeFirefox(running.browser);
      removeFirefoxPolicies();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

export { expect };
