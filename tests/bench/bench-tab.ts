/**
 * One CRM tab the bench drives, in Chromium (Playwright) or Firefox ESR (puppeteer-core over
 * WebDriver BiDi, launched by the e2e harness's launcher): the same probe (./page-probe.ts) and
 * the same floor (./floor.ts) run in both, so the two browsers' figures are taken the same way.
 *
 * Firefox runs no preload script in DeskLink's moz-extension panel frames, so there the probe's
 * frame half is installed through BiDi into every panel frame before each switch (it reports the
 * rows a frame shows as soon as it is installed; a spare frame is loaded before it is shown).
 */
import type { Page as ChromiumPage } from '@playwright/test';
import type { Frame as FirefoxFrame, Page as FirefoxPage } from 'puppeteer-core';
import type { GeneratedRecord } from '../sandbox/index';
import { crmUrl } from '../e2e/support/crm';
import { isPanelFrameUrl } from '../e2e/support/panel-driver';
import { floorSource, type FloorSample, type FloorStep } from './floor';
import { installProbe, type SwitchTiming } from './page-probe';

// tsx keeps function names with a `__name` helper; functions sent to the browser need it too.
export const NAME_SHIM = 'globalThis.__name ??= (f) => f;';
export const PROBE_SOURCE = `${NAME_SHIM}(${installProbe.toString()})();`;
export const SWITCH_TIMEOUT_MS = 20_000;

export type BrowserName = 'chromium' | 'firefox';

export interface Expectation {
  signature?: string;
  differentFrom?: string;
  /** A first visit in this browser: its whole list (./page-probe.ts). */
  whole?: boolean;
}

export interface BenchTab {
  readonly browser: BrowserName;
  /** The rows shown after the last switch (or first paint). */
  shown: string;
  switchTo(record: GeneratedRecord, expect: Expectation): Promise<SwitchTiming>;
  /** Waits for a freshly opened tab's whole list (its panel no longer busy). */
  waitForRows(): Promise<string>;
}

/**
 * Where the floor is taken: DeskLink's panel page in a tab of its own (top level, so it reads the
 * extension's own IndexedDB; a framed panel's storage is the CRM site's partition, which browsers
 * refuse or keep apart, and there its page never links to a content script and draws nothing).
 */
export interface FloorPage {
  sample(step: FloorStep): Promise<FloorSample>;
}

const probeCall = ([href, e]: readonly [string, Expectation & { timeoutMs: number }]) =>
  (window as unknown as { __deskLinkBench: { switchTo(h: string, x: unknown): Promise<SwitchTiming> } }).__deskLinkBench.switchTo(href, e);
/** The rows of a panel no longer busy (a first visit's whole list, not its first rows). */
const settledRows = () => (window as unknown as { __deskLinkBench?: { settled(): string | null } }).__deskLinkBench?.settled() ?? null;

export function chromiumTab(page: ChromiumPage): BenchTab {
  const tab: BenchTab = {
    browser: 'chromium',
    shown: '',
    async switchTo(record, expect) {
      const timing = await page.evaluate(probeCall, [crmUrl(record), { ...expect, timeoutMs: SWITCH_TIMEOUT_MS }] as const);
      tab.shown = timing.signature;
      return timing;
    },
    async waitForRows() {
      await page.waitForFunction(settledRows, undefined, { timeout: SWITCH_TIMEOUT_MS, polling: 50 });
      tab.shown = (await page.evaluate(settledRows))!;
      return tab.shown;
    },
  };
  return tab;
}

/** Chromium: the floor page comes to the front for each sample, then `crmPage` again. */
export async function chromiumFloorPage(floorPage: ChromiumPage, crmPage: ChromiumPage, extensionId: string): Promise<FloorPage> {
  await floorPage.goto(`chrome-extension://${extensionId}/panel.html`);
  // Back behind the CRM tab, whose switches are timed next (a background tab's frames are throttled).
  await crmPage.bringToFront();
  return {
    async sample(step) {
      await floorPage.bringToFront();
      const sample = await floorPage.evaluate<FloorSample>(floorSource(step));
      await crmPage.bringToFront();
      return sample;
    },
  };
}

export async function openChromiumTab(page: ChromiumPage, record: GeneratedRecord): Promise<BenchTab> {
  await page.addInitScript({ content: PROBE_SOURCE });
  await page.goto(crmUrl(record));
  const tab = chromiumTab(page);
  await page.bringToFront();
  await tab.waitForRows();
  return tab;
}

/** Frames that already run the probe (a frame CRM's re-render replaces comes as a new Frame). */
const probed = new WeakSet<FirefoxFrame>();

async function installInPanelFrames(page: FirefoxPage): Promise<void> {
  const fresh = page.frames().filter((frame) => frame !== page.mainFrame() && !frame.detached && !probed.has(frame));
  for (const frame of fresh) {
    const url = await frame.evaluate(() => location.href).catch(() => '');
    // A frame still on about:blank is looked at again next time.
    if (!isPanelFrameUrl(url)) {
      if (url && url !== 'about:blank') probed.add(frame);
      continue;
    }
    await frame.evaluate(PROBE_SOURCE).then(
      () => probed.add(frame),
      () => undefined,
    );
  }
}

/** Firefox: goto() on a moz-extension page never resolves; start it and wait for the document. */
export async function firefoxFloorPage(floorPage: FirefoxPage, crmPage: FirefoxPage, origin: string): Promise<FloorPage> {
  const url = `${origin}/panel.html`;
  floorPage.goto(url).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (!(await floorPage.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('Firefox: the floor page did not load');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The new tab came to the front: Firefox throttles the CRM tab's frames and timers behind it
  // (its next switch took a second).
  await crmPage.bringToFront();
  return {
    async sample(step) {
      await floorPage.bringToFront();
      const sample = (await floorPage.evaluate(floorSource(step))) as FloorSample;
      await crmPage.bringToFront();
      return sample;
    },
  };
}

export async function openFirefoxTab(page: FirefoxPage, record: GeneratedRecord): Promise<BenchTab & { page: FirefoxPage }> {
  await page.evaluateOnNewDocument(PROBE_SOURCE);
  await page.goto(crmUrl(record));
  const tab: BenchTab & { page: FirefoxPage } = {
    page,
    browser: 'firefox',
    shown: '',
    async switchTo(record, expect) {
      await installInPanelFrames(page);
      const timing = await page.evaluate(probeCall, [crmUrl(record), { ...expect, timeoutMs: SWITCH_TIMEOUT_MS }] as const);
      tab.shown = timing.signature;
      return timing;
    },
    async waitForRows() {
      const deadline = Date.now() + SWITCH_TIMEOUT_MS;
      for (;;) {
        await installInPanelFrames(page);
        const now = await page.evaluate(settledRows).catch(() => null);
        if (now) return (tab.shown = now);
        if (Date.now() > deadline) throw new Error('Firefox: no rows in the panel');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
  await page.bringToFront();
  await tab.waitForRows();
  return tab;
}
