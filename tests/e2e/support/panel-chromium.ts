/**
 * The panel driver in Chromium (Playwright). The panel is a frame of DeskLink's panel page inside
 * a closed shadow root: page scripts cannot reach it, but the DevTools protocol lists it in the
 * tab's frame tree like any frame, so the panel is found there (`page.frames()`, by its address)
 * and read by role and name inside it. Clicks, hovers and keys are real input events.
 *
 * The frame loads again whenever CRM re-renders the section holding the host: every call finds
 * it afresh, and an action that met a frame being replaced tries again on the new one.
 */
import type { Frame, Locator, Page } from '@playwright/test';
import {
  auditShownPanel,
  holdKey,
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
  type AccessibleName,
  type CrmTab,
  type PanelRegion,
} from './panel-driver';

/** How long an action waits for the panel frame and its element, as Playwright's own actions would. */
const ACTION_TIMEOUT_MS = 10_000;

type Role = Parameters<Page['getByRole']>[0];

/** Exact names match the whole accessible name; patterns match part of it. */
const byName = (name: AccessibleName | undefined) => (name === undefined ? {} : { name, exact: typeof name === 'string' });

/**
 * The panel frame of this tab as it is now, if the page shows a panel. DeskLink keeps a second
 * panel frame loaded for the next record, seen through one transparent pixel (one pixel tall): the
 * shown one is taller than that.
 */
async function panelFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame.isDetached() || !isPanelFrameUrl(frame.url())) continue;
    if ((await frame.evaluate(() => innerHeight).catch(() => 0)) > 1) return frame;
  }
  return undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chromiumRegion(page: Page, name: string): PanelRegion {
  const regionIn = (frame: Frame) => frame.getByRole('region', { name, exact: true });

  /** A read of the region now; `absent` when the tab shows no panel. A frame replaced mid-read is read again. */
  const read = async <R>(reader: (region: Locator) => Promise<R>, absent: R): Promise<R> => {
    for (let attempt = 0; ; attempt += 1) {
      const frame = await panelFrame(page);
      if (!frame) return absent;
      try {
        return await reader(regionIn(frame));
      } catch (error) {
        // Playwright may list a frame CRM's re-render discarded for a moment longer.
        if (!isFrameGone(error) || attempt >= 40) throw error;
        await pause(50);
      }
    }
  };

  /** Acts on the region once the panel frame is there, on the current frame if it is replaced meanwhile. */
  const act = async (action: (region: Locator, timeout: number) => Promise<void>): Promise<void> => {
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    for (;;) {
      const frame = await panelFrame(page);
      const left = deadline - Date.now();
      if (frame) {
        try {
          return await action(regionIn(frame), Math.max(1, left));
        } catch (error) {
          if (!isFrameGone(error) || Date.now() >= deadline) throw error;
        }
      } else if (left <= 0) {
        throw new Error(`No DeskLink panel frame in the tab within ${ACTION_TIMEOUT_MS} ms`);
      }
      await pause(50);
    }
  };

  /** The element to act on: the one with that name, or the first of its role. */
  const target = (region: Locator, role: string, name?: AccessibleName): Locator => {
    const all = region.getByRole(role as Role, byName(name));
    return name === undefined ? all.first() : all;
  };

  return {
    count: () => read((region) => region.count(), 0),
    text: () => read(async (region) => (await region.evaluateAll(readTexts))[0] ?? '', ''),
    attribute: (attribute) => read(async (region) => ((await region.count()) === 0 ? null : region.getAttribute(attribute)), null),
    countOf: (role, name) =>
      read(
        (region) =>
          region
            .getByRole(role as Role, byName(name))
            .filter({ visible: true })
            .count(),
        0,
      ),
    textsOf: (role) => read((region) => region.getByRole(role as Role).evaluateAll(readTexts), []),
    rows: () => read((region) => region.getByRole('row').evaluateAll(readRows), []),
    click: (role, name) =>
      act(async (region, timeout) => {
        await region.evaluate(frameFitsPanel, undefined, { timeout });
        await page.evaluate(hostHoldsStill, HOST_TAG);
        await target(region, role, name).click({ timeout });
      }),
    focus: (role, name) => act((region, timeout) => target(region, role, name).focus({ timeout })),
    hoverAll: (role) =>
      act(async (region, timeout) => {
        for (const element of await region.getByRole(role as Role).all()) await element.hover({ timeout });
      }),
    wheel: (deltaY) =>
      act(async (region, timeout) => {
        const box = await region.boundingBox({ timeout });
        if (!box) throw new Error('The panel region has no box');
        const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
        const { x, y } = pointInView(box, viewport);
        await page.mouse.move(x, y);
        await page.mouse.wheel(0, deltaY);
      }),
    // Playwright types the argument as it serialises it; ours are plain values.
    evaluate: async (reader, arg) => {
      let result: Awaited<ReturnType<typeof reader>> | undefined;
      await act(async (region, timeout) => {
        result = await region.evaluate(reader as any, arg, { timeout });
      });
      return result!;
    },
  };
}

export function chromiumTab(page: Page): CrmTab {
  return {
    panel: (name = PANEL_REGION) => chromiumRegion(page, name),
    evaluate: (fn, arg) => page.evaluate(fn as any, arg),
    clickPage: (role, name) => page.getByRole(role as Role, byName(name)).click(),
    press: (key) => page.keyboard.press(key),
    hold: (key, whileHeld) => holdKey(page.keyboard, key, whileHeld),
    resize: (width) => page.setViewportSize({ width, height: 900 }),
    type: (text) => page.keyboard.type(text),
    back: async () => void (await page.goBack()),
    forward: async () => void (await page.goForward()),
    onDialog: (listener) =>
      page.on('dialog', (dialog) => {
        listener(dialog.message());
        void dialog.dismiss();
      }),
    hostCount: () => page.locator(HOST_TAG).count(),
    readHosts: (read) => page.locator(HOST_TAG).evaluateAll(read),
    addLeftoverHost: () => page.evaluate(plantLeftoverHost, HOST_TAG),
    leftoverHostCount: () => page.locator(LEFTOVER_HOST).count(),
    removeDeskLinkNodes: () => page.evaluate((css) => document.querySelectorAll(css).forEach((node) => node.remove()), DESKLINK_NODES),
    audit: () =>
      auditShownPanel(
        () => panelFrame(page),
        (frame, script) => frame.evaluate(script),
      ),
  };
}
