/** The options page in Firefox ESR (puppeteer-core) behind the browser-neutral driver (./options-driver.ts). */
import type { Page } from 'puppeteer-core';
import { byRole } from './firefox-role';
import { focusedFieldLabel, type OptionsPage } from './options-driver';

export function firefoxOptions(page: Page): OptionsPage {
  const shown = async (role: string, name?: string) => (await page.waitForSelector(byRole(role, name), { visible: true }))!;
  return {
    choose: async (label) => (await shown('radio', label)).click(),
    select: async (label, value) => {
      await shown('combobox', label);
      await page.select(byRole('combobox', label), value);
    },
    // Password inputs count as text boxes for this role query, as for a screen reader's field list.
    fill: async (label, value) => (await shown('textbox', label)).type(value),
    click: async (name) => (await shown('button', name)).click(),
    regionText: async (name) => (await shown('region', name)).evaluate((region) => region.textContent ?? ''),
    alertText: async () => (await shown('alert')).evaluate((alert) => alert.textContent ?? ''),
    focusedLabel: () => page.evaluate(focusedFieldLabel),
    setChecked: async (label, on) => {
      const box = await shown('checkbox', label);
      if ((await box.evaluate((input) => (input as HTMLInputElement).checked)) !== on) await box.click();
    },
    signInWithZoho: async (decision) => {
      await (await shown('button', 'Sign in with Zoho')).click();
      // Firefox opens the consent page in a popup window: a browsing context of its own.
      const target = await page.browser().waitForTarget((t) => t.url().includes('/oauth/v2/auth?'), { timeout: 15_000 });
      const consent = await target.page();
      if (!consent) throw new Error('the consent window has no page');
      await (await consent.waitForSelector(byRole('button', decision), { visible: true }))!.click();
    },
  };
}
