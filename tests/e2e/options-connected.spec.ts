/**
 * The options page once connected, in Chromium against the sandbox, with a CRM record open in
 * another tab: the enable switch, change of portal and deactivation reach the panel without a
 * reload, and the cache and credential follow.
 */
import { test, expect } from './support/fixtures';
import type { Page } from '@playwright/test';
import { ADMIN_EMAIL, PORTALS, RECORDS } from '../sandbox/fixtures';
import { axeViolations, extensionStorage } from './support/options';
import { chromiumTab } from './support/panel-chromium';
import { expectInPanel } from './support/panel-steps';

/** DeskLink's panel in a CRM tab, read through the panel driver. */
const panel = (page: Page) => chromiumTab(page).panel();

test('the enable switch hides and brings back the panel on an open CRM tab, without a reload', async ({
  connect,
  openOptions,
  crmPage,
  sandbox,
}) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  await expectInPanel(panel(crm), 'tab', /^All 14/);

  const options = await openOptions();
  const enable = options.getByRole('checkbox', { name: 'Enable Zoho Desk integration' });
  await enable.uncheck();
  await expect.poll(() => panel(crm).count()).toBe(0);

  // Off means nothing fetched, even for a fresh page.
  sandbox.clearLog();
  const other = await crmPage(RECORDS.lead);
  await expect(other.locator('body')).toContainText(RECORDS.lead.name);
  expect(await panel(other).count()).toBe(0);
  expect(sandbox.deskCalls()).toEqual([]);

  await enable.check();
  await expectInPanel(panel(crm), 'tab', /^All 14/);
});

test('Change portal: confirmation, then portal B; the old portal’s links leave the cache and the panel at Save', async ({
  connect,
  openOptions,
  crmPage,
  sw,
}) => {
  await connect({ portal: 'A' });
  const crm = await crmPage(RECORDS.contact);
  const region = panel(crm);
  await expectInPanel(region, 'tab', /^All 14/);
  expect((await extensionStorage(sw)).ticketPortals).toContain(PORTALS.A.id);

  const options = await openOptions();
  await options.getByRole('button', { name: 'Change portal' }).click();
  const dialog = options.getByRole('alertdialog', { name: 'Change the portal?' });
  await expect(dialog).toContainText('removed from this browser');
  await expect(dialog).toContainText('Zoho Desk keeps all its data');
  expect(await axeViolations(options)).toEqual([]);
  await dialog.getByRole('button', { name: 'Change portal' }).click();

  // The portal step runs again with the stored key, from the current portal; nothing is dropped before Save.
  const portal = options.getByLabel('Portal', { exact: true });
  await expect(portal).toHaveValue(PORTALS.A.id);
  expect((await extensionStorage(sw)).ticketPortals).toContain(PORTALS.A.id);

  await portal.selectOption(PORTALS.B.id);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('connected-portal')).toHaveText(PORTALS.B.companyName);
  await expectInPanel(region, 'tab', /^All 3/);
  const stored = await extensionStorage(sw);
  expect(stored.ticketPortals).toEqual([PORTALS.B.id]);
});

test('Deactivate: confirmation; credential, settings and cache gone; the CRM page shows the set-up link', async ({
  connect,
  openOptions,
  crmPage,
  sw,
}) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  const region = panel(crm);
  await expectInPanel(region, 'tab', /^All 14/);

  const options = await openOptions();
  await options.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = options.getByRole('alertdialog', { name: 'Deactivate DeskLink?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(options.getByTestId('connected-portal')).toHaveText(PORTALS.A.companyName);

  await options.getByRole('button', { name: 'Deactivate' }).click();
  await options.getByRole('alertdialog', { name: 'Deactivate DeskLink?' }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(options.getByRole('radiogroup', { name: 'How to connect' })).toBeVisible();

  const stored = await extensionStorage(sw);
  expect(stored.credential).toBeNull();
  expect(stored.ticketPortals).toEqual([]);
  expect(stored.local.settings).toBeUndefined();
  await expectInPanel(region, 'link', 'Set up Zoho Desk integration');
  await crm.reload();
  await expectInPanel(panel(crm), 'link', 'Set up Zoho Desk integration');
});

test('diagnostics: last Desk error with host, cache size, Clear cache, Test connection', async ({
  connect,
  openOptions,
  crmPage,
  sandbox,
}) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  await expectInPanel(panel(crm), 'tab', /^All 14/);

  const options = await openOptions();
  await expect(options.getByTestId('cache-size')).toContainText(/[1-9]\d* tickets for 1 records/);
  sandbox.addFault({ host: 'desk.zoho.com', path: '/api/v1/myinfo', errorCode: 'INVALID_OAUTH', times: 1 });
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('alert')).toContainText('rejected');
  await expect(options.getByTestId('last-error')).toContainText('INVALID_OAUTH from desk.zoho.com');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connection works' })).toContainText(
    `${PORTALS.A.companyName}, signed in as ${ADMIN_EMAIL}`,
  );
  await options.getByRole('button', { name: 'Clear cache' }).click();
  await expect(options.getByTestId('cache-size')).toHaveText('Empty');
  expect(await axeViolations(options)).toEqual([]);
});
