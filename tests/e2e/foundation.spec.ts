/**
 * Foundation, Chromium: DeskLink loads, its options page opens, and the content script puts the
 * "Zoho Desk tickets" region on a CRM Contact record page and nothing on a list view.
 */
import { test, expect } from './support/fixtures';
import { RECORDS } from '../sandbox/fixtures';
import { CONTACTS_LIST_PATH, LIST_ROW } from './support/pages';
import { chromiumTab } from './support/panel-chromium';
import { expectInPanel } from './support/panel-steps';

test('the extension loads: its service worker answers and the manifest is DeskLink', async ({ sw, sendAdmin }) => {
  expect(sw.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  const manifest = await sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
  expect(manifest.name).toBe('DeskLink');
  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false } });
});

test('the options page opens on the setup form', async ({ openOptions }) => {
  const page = await openOptions();
  await expect(page.getByLabel('Data center', { exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Sign in with Zoho', exact: true })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Client ID', exact: true })).toBeVisible();
});

test('unconfigured, a Contact record page shows the tickets region with the setup link', async ({ crmPage }) => {
  const page = await crmPage(RECORDS.contact);
  const region = chromiumTab(page).panel();
  await expectInPanel(region, 'link', 'Set up Zoho Desk integration');
  expect(await region.count()).toBe(1);
});

test('a Contacts list view shows no tickets region', async ({ crmPage }) => {
  const list = await crmPage(CONTACTS_LIST_PATH);
  await expect(list.locator(LIST_ROW).first()).toBeVisible();
  // Control: a record page opened after the list gets its region, so the list page's content
  // script has had at least as long to (wrongly) show one.
  const record = await crmPage(RECORDS.contact);
  await expect.poll(() => chromiumTab(record).panel().count()).toBe(1);
  expect(await chromiumTab(list).panel().count()).toBe(0);
});
