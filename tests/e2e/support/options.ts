/** Shared steps of the options-page specs (Chromium): the wizard as a person drives it, and axe. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { focusedElement, focusedFieldLabel, labelledDescription, labelledValue, visualSystem, type OptionsPage } from './options-driver';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface SetupInput {
  dc?: string;
  key: string;
  email: string;
}

/** Chooses a way in the radio group `How to connect` by its visible label. */
export async function chooseWay(page: Page, name: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'How to connect' }).getByRole('radio', { name, exact: true }).check();
}

/** The `ZSC key` field (a password input, which the accessibility tree lists as a text box), not the way of that name. */
export const zscKeyField = (page: Page) => page.getByRole('textbox', { name: 'ZSC key', exact: true });

/** Step 1: data center, the ZSC key way, key, email, `Next`. */
export async function fillSetup(page: Page, { dc = 'com', key, email }: SetupInput): Promise<void> {
  await page.getByLabel('Data center', { exact: true }).selectOption(dc);
  await chooseWay(page, 'ZSC key');
  await zscKeyField(page).fill(key);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Runs axe-core on the page as it is; returns the violations (ids and targets) for a readable diff. */
export async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated (not a <script> tag): the extension page's CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => (await (globalThis as any).axe.run()).violations);
  return violations.map((v: any) => ({ id: v.id, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
}

/** What the extension's own IndexedDB holds: the credential and the cached tickets' portals. */
export async function extensionStorage(
  sw: Worker,
): Promise<{ credential: unknown; ticketPortals: string[]; local: Record<string, unknown> }> {
  return sw.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const all = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    // Open only databases that exist: opening creates one, empty, and would break the extension's upgrade.
    const names = (await indexedDB.databases()).map((d) => d.name);
    let credential: unknown = null;
    if (names.includes('desklink-secrets')) {
      const secrets = await open('desklink-secrets');
      credential = (await all(secrets, 'credential'))[0] ?? null;
      secrets.close();
    }
    let ticketPortals: string[] = [];
    if (names.includes('desklink-cache')) {
      const cache = await open('desklink-cache');
      ticketPortals = [...new Set(((await all(cache, 'tickets')) as { portalId: string }[]).map((t) => t.portalId))];
      cache.close();
    }
    const local = await (globalThis as any).chrome.storage.local.get(null);
    return { credential, ticketPortals, local };
  });
}

/** The setup form is back, empty: what a reload shows after a failed attempt. */
export async function expectEmptySetupForm(page: Page): Promise<void> {
  await page.reload();
  await chooseWay(page, 'ZSC key');
  await expect(zscKeyField(page)).toHaveValue('');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
}

/** The options page in Chromium behind the browser-neutral driver (./options-driver.ts). */
export function chromiumOptions(page: Page): OptionsPage {
  return {
    // By the radio's own name: the group's name is in the page's language.
    choose: (label) => page.getByRole('radio', { name: label, exact: true }).check(),
    select: async (label, value) => {
      await page.getByLabel(label, { exact: true }).selectOption(value);
    },
    // A text or password field: the `ZSC key` option of `How to connect` shares the key field's name.
    fill: (label, value) => page.getByRole('textbox', { name: label, exact: true }).fill(value),
    click: (name) => page.getByRole('button', { name, exact: true }).click(),
    regionText: async (name) => {
      const region = page.getByRole('region', { name, exact: true });
      await region.waitFor();
      return (await region.textContent()) ?? '';
    },
    alertText: async () => {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      return (await alert.textContent()) ?? '';
    },
    focusedLabel: () => page.evaluate(focusedFieldLabel),
    setChecked: (label, on) => page.getByRole('checkbox', { name: label, exact: true }).setChecked(on),
    signInWithZoho: async (decision) => {
      // launchWebAuthFlow's consent window is a page of the same context.
      const consentOpened = page.context().waitForEvent('page');
      await page.getByRole('button', { name: 'Sign in with Zoho', exact: true }).click();
      const consent = await consentOpened;
      await consent.getByRole('button', { name: decision, exact: true }).click();
    },
    focused: () => page.evaluate(focusedElement),
    value: async (label) => {
      await page.getByLabel(label, { exact: true }).first().waitFor();
      return (await page.evaluate(labelledValue, label)) ?? '';
    },
    description: async (label) => {
      await page.getByLabel(label, { exact: true }).first().waitFor();
      return (await page.evaluate(labelledDescription, label)) ?? '';
    },
    mainText: async () => (await page.getByRole('main').textContent()) ?? '',
    clickInDialog: (dialog, button) =>
      page.getByRole('alertdialog', { name: dialog, exact: true }).getByRole('button', { name: button, exact: true }).click(),
    dialogText: async (name) => {
      const dialog = page.getByRole('alertdialog', { name, exact: true });
      await dialog.waitFor();
      return (await dialog.textContent()) ?? '';
    },
    link: async (name) => {
      const link = page.getByRole('link', { name, exact: true });
      await link.waitFor();
      return { href: (await link.getAttribute('href')) ?? '', target: (await link.getAttribute('target')) ?? '' };
    },
    press: async (...keys) => {
      for (const key of keys) await page.keyboard.press(key);
    },
    type: (text) => page.keyboard.type(text),
    visual: () => page.evaluate(visualSystem),
    axe: () => axeViolations(page),
  };
}
