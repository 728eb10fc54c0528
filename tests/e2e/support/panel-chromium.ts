/**
 * The panel driver in Chromium (Playwright). Playwright's role locators pierce open shadow roots,
 * so the panel is found like any element of the page: `getByRole('region', { name })`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import {
  auditHosts,
  DESKLINK_NODES,
  HOST_TAG,
  LEFTOVER_HOST,
  PANEL_REGION,
  plantLeftoverHost,
  readRows,
  readTexts,
  type AccessibleName,
  type CrmTab,
  type PanelRegion,
} from './panel-driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Exact names match the whole accessible name; patterns match part of it. */
const byName = (name: AccessibleName | undefined) => (name === undefined ? {} : { name, exact: typeof name === 'string' });

function chromiumRegion(page: Page, name: string): PanelRegion {
  const region = page.getByRole('region', { name, exact: true });
  /** The element to act on: the one with that name, or the first of its role. */
  const target = (role: string, name?: AccessibleName): Locator => {
    const all = region.getByRole(role as Parameters<Page['getByRole']>[0], byName(name));
    return name === undefined ? all.first() : all;
  };
  const ofRole = (role: string) => region.getByRole(role as Parameters<Page['getByRole']>[0]);
  return {
    count: () => region.count(),
    text: async () => (await region.evaluateAll(readTexts))[0] ?? '',
    attribute: async (attribute) => ((await region.count()) === 0 ? null : region.getAttribute(attribute)),
    countOf: (role, name) =>
      region
        .getByRole(role as Parameters<Page['getByRole']>[0], byName(name))
        .filter({ visible: true })
        .count(),
    textsOf: (role) => ofRole(role).evaluateAll(readTexts),
    rows: () => ofRole('row').evaluateAll(readRows),
    click: (role, name) => target(role, name).click(),
    focus: (role, name) => target(role, name).focus(),
    hoverAll: async (role) => {
      for (const element of await ofRole(role).all()) await element.hover();
    },
    // Playwright types the argument as it serialises it; ours are plain values.
    evaluate: (read, arg) => region.evaluate(read as any, arg),
  };
}

export function chromiumTab(page: Page): CrmTab {
  return {
    panel: (name = PANEL_REGION) => chromiumRegion(page, name),
    evaluate: (fn, arg) => page.evaluate(fn as any, arg),
    clickPage: (role, name) => page.getByRole(role as Parameters<Page['getByRole']>[0], byName(name)).click(),
    press: (key) => page.keyboard.press(key),
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
    audit: async () => {
      await page.addScriptTag({ content: AXE_SOURCE });
      return page.evaluate(auditHosts, HOST_TAG);
    },
  };
}
