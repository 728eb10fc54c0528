/**
 * The options page in Firefox ESR against the sandbox: the wizard's happy path, setup errors
 * that save nothing, and deactivation reaching an open CRM tab. One browser serves the file;
 * each test starts unconfigured (`reset`).
 */
import { test, expect, byRole, type Page } from './firefox';
import { ADMIN_EMAIL, KEYS, PORTALS, RECORDS } from '../sandbox/fixtures';

const REGION = byRole('region', 'Zoho Desk tickets');

test.beforeEach(async ({ reset }) => {
  await reset();
});

async function fillSetup(page: Page, dc: string, key: string, email: string): Promise<void> {
  await page.select(byRole('combobox', 'Data center'), dc);
  await page.type(byRole('textbox', 'ZSC key'), key);
  await page.type(byRole('textbox', 'Email'), email);
  await page.click(byRole('button', 'Next'));
}

const text = (page: Page, selector: string) => page.waitForSelector(selector, { visible: true }).then((el) => el!.evaluate((e) => e.textContent ?? ''));
const value = (page: Page, selector: string) => page.waitForSelector(selector).then((el) => el!.evaluate((e) => (e as HTMLSelectElement).value));

test('happy path: Next lists the portals with A preselected; Save connects and enables', async ({ openOptions, sendAdmin }) => {
  const page = await openOptions();
  await fillSetup(page, 'com', KEYS.admin, ADMIN_EMAIL);
  expect(await value(page, byRole('combobox', 'Portal'))).toBe(PORTALS.A.id);
  expect(await value(page, byRole('combobox', 'Time zone'))).toBe(PORTALS.A.timeZone);
  await page.click(byRole('button', 'Save'));
  await page.waitForSelector(byRole('checkbox', 'Enable Zoho Desk integration'), { visible: true });
  expect(await text(page, '[data-testid="connected-portal"]')).toBe(PORTALS.A.companyName);
  expect(await page.$eval('#enabled', (e) => (e as HTMLInputElement).checked)).toBe(true);

  const view = await sendAdmin({ command: 'settings.get' });
  expect(view).toMatchObject({ ok: true, data: { connected: true, enabled: true, email: ADMIN_EMAIL, portal: { id: PORTALS.A.id } } });
  const local = await page.evaluate(() => (globalThis as any).browser.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(KEYS.admin);
});

test('errors: the wrong data center is named, a revoked key is refused, and nothing is saved', async ({ openOptions, sendAdmin }) => {
  const page = await openOptions();
  await fillSetup(page, 'eu', KEYS.admin, ADMIN_EMAIL);
  expect(await text(page, byRole('alert'))).toContain('belongs to the United States data center (desk.zoho.com)');

  await page.select(byRole('combobox', 'Data center'), 'com');
  await page.$eval('#zsc-key', (e) => ((e as HTMLInputElement).value = ''));
  await page.type(byRole('textbox', 'ZSC key'), ' ');
  await page.click(byRole('button', 'Next'));
  await page.waitForFunction(() => document.querySelector('[role="alert"]')?.textContent?.includes('Enter the ZSC key'));

  const reopened = await openOptions();
  await fillSetup(reopened, 'com', KEYS.revoked, ADMIN_EMAIL);
  expect(await text(reopened, byRole('alert'))).toContain('Zoho Desk rejected this key');
  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false, credentialState: 'none' } });
});

test('Deactivate: after confirming, credential and cache are gone and the CRM tab shows the set-up link', async ({ connect, openOptions, crmPage, sendAdmin }) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  const region = await crm.waitForSelector(REGION, { visible: true });
  await expect.poll(() => region!.evaluate((e) => e.textContent ?? '')).toContain('All 14');
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });

  const page = await openOptions();
  await page.click(byRole('button', 'Deactivate'));
  const dialog = await page.waitForSelector(byRole('alertdialog', 'Deactivate DeskLink?'), { visible: true });
  await (await dialog!.$(byRole('button', 'Deactivate')))!.click();
  await page.waitForSelector(byRole('textbox', 'ZSC key'), { visible: true });

  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false, credentialState: 'none', portal: null } });
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { tickets: 0, records: 0 } } });
  await crm.waitForSelector(byRole('link', 'Set up Zoho Desk integration'), { visible: true });
});
