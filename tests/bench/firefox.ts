/**
 * Firefox ESR for the bench: the e2e harness's launcher (DeskLink's `firefox-mv3` build as a
 * temporary add-on, every host pointed at the sandbox), DeskLink connected through its options
 * page, and CRM tabs with the bench probe. Its profile turns off Firefox's rounding of page
 * timers to whole milliseconds (see below).
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Response } from '../../lib/shared/protocol';
import type { Request } from '../../lib/shared/commands';
import { connectWith } from '../e2e/support/admin';
import type { SandboxAddress } from '../e2e/support/chromium';
import { FIREFOX_EXTENSION_ORIGIN, launchFirefox } from '../e2e/support/firefox-browser';
import type { OptionsPage } from '../e2e/support/options-driver';
import { firefoxOptions } from '../e2e/support/options-firefox';
import type { GeneratedRecord } from '../sandbox/index';
import { firefoxFloorPage, openFirefoxTab, type BenchTab, type FloorPage } from './bench-tab';

export interface FirefoxBench {
  version: string;
  send: (request: Request) => Promise<Response<unknown>>;
  openTab: (record: GeneratedRecord) => Promise<BenchTab & { page: Page }>;
  /** The floor page (./bench-tab.ts), bringing `crmPage` back to the front after each sample. */
  floorPage: (crmPage: Page) => Promise<FloorPage>;
  /** A new options page, as the admin drives it (the e2e tests' driver), and its close. */
  openOptions: () => Promise<{ page: OptionsPage; close: () => Promise<void> }>;
  close: () => Promise<void>;
}

const OPTIONS_URL = `${FIREFOX_EXTENSION_ORIGIN}/options.html`;

/** goto() on a moz-extension page never resolves in Firefox: start it and wait for the document. */
async function loadOptions(page: Page): Promise<void> {
  page.goto(OPTIONS_URL).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page.evaluate((url) => location.href === url && document.readyState === 'complete', OPTIONS_URL).catch(() => false); // BiDi may fail an evaluation while the page leaves about:blank
    if (ready) return;
    if (Date.now() > deadline) throw new Error('Firefox: DeskLink options page did not load');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startFirefoxBench(sandbox: SandboxAddress, portal: 'A' = 'A'): Promise<FirefoxBench> {
  // Firefox rounds performance.now() to whole milliseconds by default (Chromium's reads to a few
  // microseconds): figures of a few ms would move in whole-ms steps beside Chromium's.
  const browser: Browser = await launchFirefox(sandbox, { prefs: { 'privacy.reduceTimerPrecision': false } });
  try {
    const options = await browser.newPage();
    await loadOptions(options);
    const send = (request: Request) =>
      options.evaluate((m) => (globalThis as any).browser.runtime.sendMessage(m), request as any) as Promise<Response<unknown>>;
    await connectWith(send, { portal, language: 'en' });
    return {
      version: await browser.version(),
      send,
      openTab: async (record) => openFirefoxTab(await browser.newPage(), record),
      floorPage: async (crmPage) => firefoxFloorPage(await browser.newPage(), crmPage, FIREFOX_EXTENSION_ORIGIN),
      openOptions: async () => {
        const page = await browser.newPage();
        await loadOptions(page);
        return { page: firefoxOptions(page), close: () => page.close() };
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
