/**
 * The options page in Chromium against the sandbox: the setup wizard as an admin drives it,
 * each error a person can run into (and that nothing is saved then), and accessibility.
 */
import { test, expect } from './support/fixtures';
import { ADMIN_EMAIL, KEYS, LIMITED_EMAIL, PORTALS } from '../sandbox/fixtures';
import { axeViolations, chooseWay, expectEmptySetupForm, extensionStorage, fillSetup, zscKeyField } from './support/options';

test('happy path: key and email, Next, portal A preselected, Save connects and enables', async ({ openOptions, sw }) => {
  const page = await openOptions();
  await expect(page.getByRole('heading', { name: 'Connect Zoho Desk' })).toBeVisible();
  // The key is a secret: not shown on screen while typed.
  await chooseWay(page, 'ZSC key');
  await expect(zscKeyField(page)).toHaveAttribute('type', 'password');
  expect(await axeViolations(page)).toEqual([]);

  await fillSetup(page, { key: KEYS.admin, email: ADMIN_EMAIL });
  const portal = page.getByLabel('Portal', { exact: true });
  await expect(portal).toHaveValue(PORTALS.A.id);
  await expect(portal.locator('option')).toHaveText([/Zylker Inc\./, /Zylker Japan 株式会社/]);
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue(PORTALS.A.timeZone);
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
  expect(await axeViolations(page)).toEqual([]);
  // Nothing is stored before Save.
  expect((await extensionStorage(sw)).credential).toBeNull();

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('connected-portal')).toHaveText(PORTALS.A.companyName);
  // Whom the key acts as: the Desk user's name, then the email the key was entered with.
  await expect(page.getByTestId('connected-email')).toContainText(`(${ADMIN_EMAIL})`);
  await expect(page.getByTestId('connected-data-center')).toContainText('desk.zoho.com');
  await expect(page.getByRole('checkbox', { name: 'Enable Zoho Desk integration' })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);

  const stored = await extensionStorage(sw);
  expect(stored.credential).toMatchObject({ kind: 'zsc', key: KEYS.admin, email: ADMIN_EMAIL });
  expect(JSON.stringify(stored.local)).not.toContain(KEYS.admin);
  expect(stored.local.settings).toMatchObject({ enabled: true, portal: { id: PORTALS.A.id }, dataCentre: 'com' });

  await page.reload();
  await expect(page.getByTestId('connected-portal')).toHaveText(PORTALS.A.companyName);
});

test('choosing portal B moves the time zone to the portal’s own; Japanese is saved and shown', async ({ openOptions }) => {
  const page = await openOptions();
  await fillSetup(page, { key: KEYS.admin, email: ADMIN_EMAIL.toLowerCase() });
  await page.getByLabel('Portal', { exact: true }).selectOption(PORTALS.B.id);
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue(PORTALS.B.timeZone);
  await page.getByLabel('Language', { exact: true }).selectOption('ja');
  // The page speaks the chosen language at once, before Save stores it.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('checkbox', { name: 'Zoho Desk 連携を有効にする' })).toBeChecked();
  await expect(page.getByTestId('connected-portal')).toHaveText(PORTALS.B.companyName);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('errors are specific, in an alert, and save nothing', () => {
  test('empty key and malformed email', async ({ openOptions, sandbox }) => {
    const page = await openOptions();
    await fillSetup(page, { key: '   ', email: 'admin@zylker' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Enter the ZSC key');
    await expect(alert).toContainText('Enter the email address the key belongs to');
    expect(await axeViolations(page)).toEqual([]);
    expect(sandbox.deskCalls()).toEqual([]);
    await expectEmptySetupForm(page);
  });

  for (const [name, key, text] of [
    ['a key without the needed scope', KEYS.noScope, 'lacks a permission'],
    ['a key that reaches no portal', KEYS.noPortals, 'reaches no Zoho Desk portal'],
    ['a revoked key', KEYS.revoked, 'Zoho Desk rejected this key in the United States data center'],
  ] as const) {
    test(name, async ({ openOptions, sw }) => {
      const page = await openOptions();
      await fillSetup(page, { key, email: ADMIN_EMAIL });
      await expect(page.getByRole('alert')).toContainText(text);
      await expect(page.getByLabel('Portal', { exact: true })).toHaveCount(0);
      expect((await extensionStorage(sw)).credential).toBeNull();
      await expectEmptySetupForm(page);
    });
  }

  test('the wrong data center: the alert names the one where the key works', async ({ openOptions, sw }) => {
    const page = await openOptions();
    await fillSetup(page, { dc: 'eu', key: KEYS.admin, email: ADMIN_EMAIL });
    await expect(page.getByRole('alert')).toContainText('belongs to the United States data center (desk.zoho.com)');
    expect((await extensionStorage(sw)).credential).toBeNull();
    await expectEmptySetupForm(page);
  });

  test('a portal the key cannot read (limited key, portal C)', async ({ openOptions, sw }) => {
    const page = await openOptions();
    await fillSetup(page, { key: KEYS.limited, email: LIMITED_EMAIL });
    await page.getByLabel('Portal', { exact: true }).selectOption(PORTALS.C.id);
    // Portal C has no time zone of its own: the browser's is the default.
    const browserZone = await sw.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue(browserZone);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toContainText(`cannot read the portal “${PORTALS.C.companyName}”`);
    const stored = await extensionStorage(sw);
    expect(stored.credential).toBeNull();
    expect(stored.local.settings).toBeUndefined();
    await expectEmptySetupForm(page);
  });

  test('an email that is not the key’s (refused at Next)', async ({ openOptions, sw }) => {
    const page = await openOptions();
    await fillSetup(page, { key: KEYS.admin, email: 'someone.else@zylker.com' });
    await expect(page.getByRole('alert')).toContainText('another Zoho Desk user than someone.else@zylker.com');
    await expect(page.getByLabel('Portal', { exact: true })).toHaveCount(0);
    expect((await extensionStorage(sw)).credential).toBeNull();
    await expectEmptySetupForm(page);
  });

  test('network failure', async ({ openOptions, context, sw }) => {
    const page = await openOptions();
    // The connection to Zoho Desk fails below HTTP (no answer at all).
    await context.route('https://desk.zoho.com/**', (route) => route.abort('internetdisconnected'));
    await fillSetup(page, { key: KEYS.admin, email: ADMIN_EMAIL });
    await expect(page.getByRole('alert')).toContainText('could not be reached');
    expect((await extensionStorage(sw)).credential).toBeNull();
    await context.unroute('https://desk.zoho.com/**');
    await expectEmptySetupForm(page);
  });
});
