/**
 * The panel driver in Firefox ESR (puppeteer-core over WebDriver BiDi). Firefox's own ARIA
 * locator does not look inside shadow roots, so elements are found with `byRole` (./firefox-role.ts),
 * which walks the page and its open shadow roots.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import { byRole } from './firefox-role';
import {
  auditHosts,
  countVisible,
  DESKLINK_NODES,
  HOST_TAG,
  LEFTOVER_HOST,
  PANEL_REGION,
  plantLeftoverHost,
  readRows,
  readTexts,
  type CrmTab,
  type PanelRegion,
} from './panel-driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function firefoxRegion(page: Page, name: string): PanelRegion {
  const selector = byRole('region', name);
  /** The region as it is now (CRM and record switches re-render it), or null. */
  const region = () => page.$(selector);
  /**
   * The element with this role and name inside the region, as puppeteer's locator acts on it: once
   * it is visible, in view and has kept its place for two frames (the panel moves when CRM renders
   * late, and a click computed before the move would land beside it).
   */
  const target = (role: string, name?: string | RegExp) => page.locator(`${selector} ${byRole(role, name)}`);
  const within = async <R>(read: (element: ElementHandle<Element>) => Promise<R>, absent: R): Promise<R> => {
    const element = await region();
    return element ? read(element) : absent;
  };
  return {
    count: async () => (await page.$$(selector)).length,
    text: async () => (await page.$$eval(selector, readTexts))[0] ?? '',
    attribute: (attribute) => within((element) => element.evaluate((el, a) => el.getAttribute(a), attribute), null),
    countOf: (role, name) => within((element) => element.$$eval(byRole(role, name), countVisible), 0),
    textsOf: (role) => within((element) => element.$$eval(byRole(role), readTexts), []),
    rows: () => within((element) => element.$$eval(byRole('row'), readRows), []),
    click: (role, name) => target(role, name).click(),
    focus: async (role, name) => (await target(role, name).waitHandle()).focus(),
    hoverAll: async (role) => {
      for (const element of await within((found) => found.$$(byRole(role)), [])) await element.hover();
    },
    evaluate: async (read, arg) =>
      (await (await page.waitForSelector(selector))!.evaluate(read as any, arg)) as Awaited<ReturnType<typeof read>>,
  };
}

export function firefoxTab(page: Page): CrmTab {
  return {
    panel: (name = PANEL_REGION) => firefoxRegion(page, name),
    evaluate: async (fn, arg) => (await page.evaluate(fn as any, arg)) as Awaited<ReturnType<typeof fn>>,
    clickPage: (role, name) => page.locator(byRole(role, name)).click(),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
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
    audit: async () => {
      await page.addScriptTag({ content: AXE_SOURCE });
      return page.evaluate(auditHosts, HOST_TAG);
    },
  };
}
