/**
 * The panel driver in Firefox ESR (puppeteer-core over WebDriver BiDi). The panel is a frame of
 * DeskLink's panel page inside a closed shadow root: page scripts cannot reach it, but BiDi lists
 * it among the tab's browsing contexts, so the panel is found there (by the address its document
 * reports: puppeteer's own record of a frame's URL can stay `about:blank` for extension frames)
 * and read inside it with `byRole` (./firefox-role.ts). Clicks, hovers and keys are real input
 * events (BiDi `input.performActions`).
 *
 * The frame loads again whenever CRM re-renders the section holding the host: every call finds
 * it afresh, and an action that met a frame being replaced tries again on the new one.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { byRole } from './firefox-role';
import {
  auditShownPanel,
  holdKey,
  countVisible,
  DESKLINK_NODES,
  frameFitsPanel,
  HOST_TAG,
  hostHoldsStill,
  isFrameGone,
  isPanelFrameUrl,
  LEFTOVER_HOST,
  PANEL_REGION,
  plantLeftoverHost,
  pointInView,
  readRows,
  readTexts,
  type CrmTab,
  type PanelRegion,
} from './panel-driver';

/** How long an action waits for the panel frame and its element (puppeteer's default in these specs). */
const ACTION_TIMEOUT_MS = 10_000;

/**
 * How long one attempt waits before the frame is looked up again: a locator keeps waiting on the
 * frame it was made for, and the frame CRM's late render replaced never shows the element.
 */
const ATTEMPT_TIMEOUT_MS = 2_000;

const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The panel frame of this tab as it is now, if the page shows a panel. DeskLink keeps a second
 * panel frame loaded for the next record, seen through one transparent pixel (one pixel tall): the
 * shown one is taller than that.
 */
async function panelFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const { url, height } = await frame.evaluate(() => ({ url: location.href, height: innerHeight })).catch(() => ({ url: '', height: 0 }));
    if (isPanelFrameUrl(url) && height > 1) return frame;
  }
  return undefined;
}

function firefoxRegion(page: Page, name: string): PanelRegion {
  const selector = byRole('region', name);

  /** A read of the region now; `absent` when the tab shows no panel. A frame replaced mid-read is read again. */
  const read = async <R>(reader: (region: ElementHandle<Element>) => Promise<R>, absent: R): Promise<R> => {
    for (let attempt = 0; ; attempt += 1) {
      const frame = await panelFrame(page);
      try {
        const region = frame ? await frame.$(selector) : null;
        return region ? await reader(region) : absent;
      } catch (error) {
        // Puppeteer may list a frame CRM's re-render discarded for a moment longer.
        if (!isFrameGone(error) || attempt >= 40) throw error;
        await pause(50);
      }
    }
  };

  /** Acts in the panel frame once it is there, on the current frame if it is replaced meanwhile. */
  const act = async (action: (frame: Frame, timeout: number) => Promise<void>): Promise<void> => {
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    for (;;) {
      const frame = await panelFrame(page);
      const left = deadline - Date.now();
      if (frame) {
        try {
          return await action(frame, Math.max(1, Math.min(left, ATTEMPT_TIMEOUT_MS)));
        } catch (error) {
          if (!(isFrameGone(error) || isTimeout(error)) || Date.now() >= deadline) throw error;
        }
      } else if (left <= 0) {
        throw new Error(`No DeskLink panel frame in the tab within ${ACTION_TIMEOUT_MS} ms`);
      }
      await pause(50);
    }
  };

  /**
   * The element with this role and name inside the region, as puppeteer's locator acts on it: once
   * it is visible, in view and has kept its place for two frames (the panel moves when CRM renders
   * late, and a click computed before the move would land beside it).
   */
  const target = (frame: Frame, role: string, name: string | RegExp | undefined, timeout: number) =>
    frame.locator(`${selector} ${byRole(role, name)}`).setTimeout(timeout);

  return {
    count: () => read(() => Promise.resolve(1), 0),
    text: () => read((region) => region.evaluate(readTextOf), ''),
    attribute: (attribute) => read((region) => region.evaluate((element, a) => element.getAttribute(a), attribute), null),
    countOf: (role, name) => read((region) => region.$$eval(byRole(role, name), countVisible), 0),
    textsOf: (role) => read((region) => region.$$eval(byRole(role), readTexts), []),
    rows: () => read((region) => region.$$eval(byRole('row'), readRows), []),
    click: (role, name) =>
      act(async (frame, timeout) => {
        await frame.evaluate(frameFitsPanel);
        await page.evaluate(hostHoldsStill, HOST_TAG);
        await target(frame, role, name, timeout).click();
      }),
    focus: (role, name) => act(async (frame, timeout) => (await target(frame, role, name, timeout).waitHandle()).focus()),
    hoverAll: (role) =>
      act(async (frame) => {
        const region = await frame.$(selector);
        for (const element of region ? await region.$$(byRole(role)) : []) await element.hover();
      }),
    wheel: (deltaY) =>
      act(async (frame, timeout) => {
        const region = await frame.waitForSelector(selector, { timeout });
        const box = await region!.boundingBox();
        if (!box) throw new Error('The panel region has no box');
        const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
        const { x, y } = pointInView(box, viewport);
        await page.mouse.move(x, y);
        await page.mouse.wheel({ deltaY });
      }),
    evaluate: async (reader, arg) => {
      let result: Awaited<ReturnType<typeof reader>> | undefined;
      await act(async (frame, timeout) => {
        const region = await frame.waitForSelector(selector, { timeout });
        result = (await region!.evaluate(reader as any, arg)) as Awaited<ReturnType<typeof reader>>;
      });
      return result!;
    },
  };
}

/** The region's rendered text, whitespace collapsed (self-contained: it runs in the frame). */
function readTextOf(element: Element): string {
  return ((element as HTMLElement).innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function firefoxTab(page: Page): CrmTab {
  return {
    panel: (name = PANEL_REGION) => firefoxRegion(page, name),
    evaluate: async (fn, arg) => (await page.evaluate(fn as any, arg)) as Awaited<ReturnType<typeof fn>>,
    clickPage: (role, name) => page.locator(byRole(role, name)).click(),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    hold: (key, whileHeld) => holdKey(page.keyboard, key, whileHeld),
    resize: (width) => page.setViewport({ width, height: 900 }),
    type: (text) => page.keyboard.type(text),
    back: async () => void (await page.goBack()),
    forward: async () => void (await page.goForward()),
    onDialog: (listener) =>
      page.on('dialog', (dialog) => {
        listener(dialog.message());
        void dialog.dismiss();
      }),
    hostCount: async () => (await page.$$(HOST_TAG)).length,
    readHosts: (read) => page.$$eval(HOST_TAG, read),
    addLeftoverHost: () => page.evaluate(plantLeftoverHost, HOST_TAG),
    leftoverHostCount: async () => (await page.$$(LEFTOVER_HOST)).length,
    removeDeskLinkNodes: () => page.evaluate((css) => document.querySelectorAll(css).forEach((node) => node.remove()), DESKLINK_NODES),
    audit: () =>
      auditShownPanel(
        () => panelFrame(page),
        (frame, script) => frame.evaluate(script),
      ),
  };
}
