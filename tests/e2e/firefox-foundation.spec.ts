/**
 * Foundation, Firefox ESR: DeskLink installs, its background answers, its options page opens,
 * and the content script puts the "Zoho Desk tickets" region on a CRM Contact record page and
 * nothing on a list view. One browser serves the file; nothing here configures DeskLink.
 */
import { test, expect, byRole } from './support/firefox';
import { RECORDS } from '../sandbox/fixtures';
import { CONTACTS_LIST_PATH, LIST_ROW } from './support/pages';
import { firefoxTab } from './support/panel-firefox';
import { expectInPanel } from './support/panel-steps';

test('the add-on loads: its background answers and the manifest is DeskLink', async ({ openOptions, sendAdmin }) => {
  const options = await openOptions();
  expect(await options.evaluate(() => (globalThis as any).browser.runtime.getManifest().name)).toBe('DeskLink');
  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false } });
});

test('the options page opens on the setup form', async ({ openOptions }) => {
  const page = await openOptions();
  expect(await page.waitForSelector(byRole('combobox', 'Data center'), { visible: true })).toBeTruthy();
  expect(await page.waitForSelector(byRole('radio', 'Sign in with Zoho'), { visible: true })).toBeTruthy();
  expect(await page.waitForSelector(byRole('textbox', 'Client ID'), { visible: true })).toBeTruthy();
});

test('unconfigured, a Contact record page shows the tickets region with the setup link', async ({ crmPage }) => {
  const page = await crmPage(RECORDS.contact);
  const region = firefoxTab(page).panel();
  await expectInPanel(region, 'link', 'Set up Zoho Desk integration');
  expect(await region.count()).toBe(1);
});

test('a Contacts list view shows no tickets region', async ({ crmPage }) => {
  const list = await crmPage(CONTACTS_LIST_PATH);
  await list.waitForSelector(LIST_ROW, { visible: true });
  // Control: a record page opened after the list gets its region first.
  const record = await crmPage(RECORDS.contact);
  await expect.poll(() => firefoxTab(record).panel().count()).toBe(1);
  expect(await firefoxTab(list).panel().count()).toBe(0);
});
