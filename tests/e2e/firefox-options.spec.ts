/**
 * The options page in Firefox ESR against the sandbox: the wizard's happy path, each setup error
 * (none saves anything), the enable switch, change of portal and deactivation reaching an open
 * CRM tab. One browser serves the file; each test starts unconfigured (the harness deactivates
 * DeskLink between tests).
 */
import { test, expect, byRole, chooseWay, type Page } from './support/firefox';
import { ADMIN_EMAIL, KEYS, LIMITED_EMAIL, PORTALS, RECORDS } from '../sandbox/fixtures';
import { firefoxTab } from './support/panel-firefox';
import { expectInPanel } from './support/panel-steps';

/** DeskLink's panel in a CRM tab, read through the panel driver. */
const panel = (page: Page) => firefoxTab(page).panel();

async function fillSetup(page: Page, dc: string, key: string, email: string): Promise<void> {
  // The form shows once the broker has answered settings.get, which may come after the page's load (a worker starting).
  await page.waitForSelector(byRole('combobox', 'Data center'), { visible: true });
  await page.select(byRole('combobox', 'Data center'), dc);
  await chooseWay(page, 'ZSC key');
  await page.type(byRole('textbox', 'ZSC key'), key);
  await page.type(byRole('textbox', 'Email'), email);
  await page.click(byRole('button', 'Next'));
}

const text = (page: Page, selector: string) =>
  page.waitForSelector(selector, { visible: true }).then((el) => el!.evaluate((e) => e.textContent ?? ''));
const value = (page: Page, selector: string) =>
  page.waitForSelector(selector).then((el) => el!.evaluate((e) => (e as HTMLSelectElement).value));
const alertText = (page: Page) => text(page, byRole('alert'));

type SendAdmin = Parameters<Parameters<typeof test>[2]>[0]['sendAdmin'];

/** Nothing was saved: the broker is not connected, and a new options page shows an empty setup form. */
async function expectNothingSaved(sendAdmin: SendAdmin, openOptions: () => Promise<Page>): Promise<void> {
  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({
    ok: true,
    data: { connected: false, credentialState: 'none', portal: null },
  });
  const fresh = await openOptions();
  await chooseWay(fresh, 'ZSC key');
  expect(await value(fresh, byRole('textbox', 'ZSC key'))).toBe('');
  expect(await value(fresh, byRole('textbox', 'Email'))).toBe('');
  expect(await fresh.$(byRole('combobox', 'Portal'))).toBeNull();
}

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

test('errors: empty key and malformed email are flagged before any Desk call', async ({ openOptions, sendAdmin, sandbox }) => {
  const page = await openOptions();
  sandbox.clearLog();
  await fillSetup(page, 'com', '   ', 'admin@zylker');
  await page.waitForFunction(() =>
    document.querySelector('[role="alert"]')?.textContent?.includes('Enter the email address the key belongs to'),
  );
  expect(await alertText(page)).toContain('Enter the ZSC key');
  expect(sandbox.deskCalls()).toEqual([]);
  await expectNothingSaved(sendAdmin, openOptions);
});

for (const [name, key, words] of [
  ['a key without the needed scope', KEYS.noScope, 'lacks a permission'],
  ['a key that reaches no portal', KEYS.noPortals, 'reaches no Zoho Desk portal'],
] as const) {
  test(`errors: ${name}`, async ({ openOptions, sendAdmin }) => {
    const page = await openOptions();
    await fillSetup(page, 'com', key, ADMIN_EMAIL);
    expect(await alertText(page)).toContain(words);
    expect(await page.$(byRole('combobox', 'Portal'))).toBeNull();
    await expectNothingSaved(sendAdmin, openOptions);
  });
}

test('errors: network failure (the connection to Zoho Desk drops)', async ({ openOptions, sendAdmin, sandbox }) => {
  sandbox.addFault({ host: 'desk.zoho.com', body: 'reset' });
  const page = await openOptions();
  await fillSetup(page, 'com', KEYS.admin, ADMIN_EMAIL);
  expect(await alertText(page)).toContain('could not be reached');
  expect(await page.$(byRole('combobox', 'Portal'))).toBeNull();
  sandbox.clearFaults();
  await expectNothingSaved(sendAdmin, openOptions);
});

test('errors: a portal the key cannot read (limited key, portal C)', async ({ openOptions, sendAdmin }) => {
  const page = await openOptions();
  await fillSetup(page, 'com', KEYS.limited, LIMITED_EMAIL);
  await page.waitForSelector(byRole('combobox', 'Portal'), { visible: true });
  await page.select(byRole('combobox', 'Portal'), PORTALS.C.id);
  await page.click(byRole('button', 'Save'));
  expect(await alertText(page)).toContain(`cannot read the portal “${PORTALS.C.companyName}”`);
  await expectNothingSaved(sendAdmin, openOptions);
});

test('errors: an email that is not the key’s (refused at Next)', async ({ openOptions, sendAdmin }) => {
  const page = await openOptions();
  await fillSetup(page, 'com', KEYS.admin, 'someone.else@zylker.com');
  expect(await alertText(page)).toContain('another Zoho Desk user than someone.else@zylker.com');
  expect(await page.$(byRole('combobox', 'Portal'))).toBeNull();
  await expectNothingSaved(sendAdmin, openOptions);
});

test('the enable switch hides and brings back the panel on an open CRM tab, without a reload', async ({
  connect,
  openOptions,
  crmPage,
  sandbox,
}) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  await expectInPanel(panel(crm), 'tab', 'All 14');

  const page = await openOptions();
  await page.click(byRole('checkbox', 'Enable Zoho Desk integration'));
  await expect.poll(() => panel(crm).count()).toBe(0);

  // Off means nothing fetched, even for a fresh page.
  sandbox.clearLog();
  const other = await crmPage(RECORDS.lead);
  await other.waitForFunction((name) => document.body.textContent?.includes(name), {}, RECORDS.lead.name);
  expect(await panel(other).count()).toBe(0);
  expect(sandbox.deskCalls()).toEqual([]);

  await page.click(byRole('checkbox', 'Enable Zoho Desk integration'));
  await expectInPanel(panel(crm), 'tab', 'All 14');
});

test('Change portal: confirmation, then portal B; the old portal’s links leave the cache and the panel at Save', async ({
  connect,
  openOptions,
  crmPage,
  sendAdmin,
}) => {
  await connect({ portal: 'A' });
  const crm = await crmPage(RECORDS.contact);
  await expectInPanel(panel(crm), 'tab', 'All 14');
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });

  const page = await openOptions();
  await page.click(byRole('button', 'Change portal'));
  const dialog = await page.waitForSelector(byRole('alertdialog', 'Change the portal?'), { visible: true });
  const words = await dialog!.evaluate((e) => e.textContent ?? '');
  expect(words).toContain('removed from this browser');
  expect(words).toContain('Zoho Desk keeps all its data');
  await (await dialog!.$(byRole('button', 'Change portal')))!.click();

  // The portal step runs again with the stored key, from the current portal; nothing is dropped before Save.
  await page.waitForSelector(byRole('combobox', 'Portal'), { visible: true });
  expect(await value(page, byRole('combobox', 'Portal'))).toBe(PORTALS.A.id);
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });

  await page.select(byRole('combobox', 'Portal'), PORTALS.B.id);
  await page.click(byRole('button', 'Save'));
  await page.waitForSelector(byRole('checkbox', 'Enable Zoho Desk integration'), { visible: true });
  expect(await text(page, '[data-testid="connected-portal"]')).toBe(PORTALS.B.companyName);
  await expectInPanel(panel(crm), 'tab', 'All 3');
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });
});

test('Deactivate: after confirming, credential and cache are gone and the CRM tab shows the set-up link', async ({
  connect,
  openOptions,
  crmPage,
  sendAdmin,
}) => {
  await connect();
  const crm = await crmPage(RECORDS.contact);
  await expect.poll(() => panel(crm).text()).toContain('All 14');
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { records: 1 } } });

  const page = await openOptions();
  await page.click(byRole('button', 'Deactivate'));
  const dialog = await page.waitForSelector(byRole('alertdialog', 'Deactivate DeskLink?'), { visible: true });
  await (await dialog!.$(byRole('button', 'Deactivate')))!.click();
  await page.waitForSelector(byRole('radiogroup', 'How to connect'), { visible: true });

  expect(await sendAdmin({ command: 'settings.get' })).toMatchObject({
    ok: true,
    data: { connected: false, credentialState: 'none', portal: null },
  });
  expect(await sendAdmin({ command: 'diagnostics.get' })).toMatchObject({ ok: true, data: { cache: { tickets: 0, records: 0 } } });
  await expectInPanel(panel(crm), 'link', 'Set up Zoho Desk integration');
});
