/** The options page in Firefox ESR (puppeteer-core) behind the browser-neutral driver (./options-driver.ts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { KeyInput, Page } from 'puppeteer-core';
import { byRole } from './firefox-role';
import { focusedElement, focusedFieldLabel, labelledDescription, labelledValue, visualSystem, type OptionsPage } from './options-driver';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Presses `Shift+Tab`-style chords (modifiers held while the last key is pressed). */
async function chord(page: Page, combo: string): Promise<void> {
  const keys = combo.split('+') as KeyInput[];
  const last = keys.pop()!;
  for (const key of keys) await page.keyboard.down(key);
  await page.keyboard.press(last);
  for (const key of keys.reverse()) await page.keyboard.up(key);
}

export function firefoxOptions(page: Page): OptionsPage {
  const shown = async (role: string, name?: string) => (await page.waitForSelector(byRole(role, name), { visible: true }))!;
  const labelled = async (label: string) => {
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('label')].some((l) => (l.textContent ?? '').trim() === text),
      {},
      label,
    );
  };
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
    focused: () => page.evaluate(focusedElement),
    value: async (label) => {
      await labelled(label);
      return (await page.evaluate(labelledValue, label)) ?? '';
    },
    description: async (label) => {
      await labelled(label);
      return (await page.evaluate(labelledDescription, label)) ?? '';
    },
    mainText: async () => (await shown('main')).evaluate((main) => main.textContent ?? ''),
    clickInDialog: async (dialog, button) =>
      (await (await shown('alertdialog', dialog)).waitForSelector(byRole('button', button)))!.click(),
    dialogText: async (name) => (await shown('alertdialog', name)).evaluate((dialog) => dialog.textContent ?? ''),
    link: async (name) =>
      (await shown('link', name)).evaluate((link) => ({
        href: link.getAttribute('href') ?? '',
        target: link.getAttribute('target') ?? '',
      })),
    press: async (...keys) => {
      for (const key of keys) await chord(page, key);
    },
    type: (text) => page.keyboard.type(text),
    visual: () => page.evaluate(visualSystem),
    axe: async () => {
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => (await (globalThis as any).axe.run()).violations);
      return violations.map((v: any) => ({ id: v.id, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
    },
  };
}
