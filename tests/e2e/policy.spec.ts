/**
 * Enterprise policy in Chromium, installed as an organisation does: a JSON file in
 * /etc/chromium/policies/managed/ with DeskLink's values under `3rdparty.extensions.<id>` (the
 * id pinned by a manifest key on a copy of the build; ./support/policy-chromium.ts). Chromium
 * re-reads the folder while it runs, so a changed policy reaches open pages without a restart.
 * Needs root, as CI has. Each test has its own browser; the policy file goes after each test.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/policy-chromium';
import { RECORDS } from '../sandbox/fixtures';
import { chromiumTab } from './support/panel-chromium';
import { expectTickets } from './support/panel-steps';
import {
  ORG_CREDENTIAL_SHOWN,
  orgCredentialPolicy,
  PRESET,
  PRESET_LIMIT_SHOWN,
  PRESET_SHOWN,
  UNUSABLE_VALUE,
  UNUSABLE_VALUE_SHOWN,
  USABLE_SETTING_CONTROLS,
} from './support/policy-steps';

/** Chromium applies a changed policy file about five seconds after the change. */
const POLICY_CHANGE = { timeout: 20_000 };

const panel = (page: Page) => chromiumTab(page).panel();

test('a preset data center, key and portal connect DeskLink: tickets without set-up, the options page shows the policy and names the value it ignored', async ({
  policy,
  launch,
}) => {
  // No wrong-typed value here: Chromium drops a value that breaks managed_schema.json's type
  // before DeskLink can see it (chrome://policy then says "Not set."); Firefox shows one.
  policy.set({ ...PRESET, ...UNUSABLE_VALUE });
  const chromium = await launch();
  // Nobody opened the options page: the policy alone set DeskLink up.
  const tab = chromiumTab(await chromium.crmPage(RECORDS.contact));
  await expectTickets(tab, RECORDS.contact);
  // allowCreate: false: no rep may create tickets (the same key may, without the policy).
  expect(await tab.panel().countOf('button', 'New ticket')).toBe(0);

  const options = await chromium.openOptions();
  const connected = options.getByRole('region', { name: 'Connected to Zoho Desk' });
  for (const shown of PRESET_SHOWN) await expect(connected).toContainText(shown);
  await expect(connected.getByText('Managed by your organization')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Change portal' })).toBeDisabled();
  await expect(options.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
  await expect(options.getByRole('region', { name: 'Enterprise policy' }).getByRole('listitem')).toHaveText([UNUSABLE_VALUE_SHOWN]);
  await expect(options.getByRole('region', { name: 'Diagnostics' })).toContainText(PRESET_LIMIT_SHOWN);
});

test('an organisation credential by policy reaches tickets without anyone opening the options page, which shows it as the organisation’s', async ({
  policy,
  launch,
  sandbox,
}) => {
  policy.set(orgCredentialPolicy(sandbox));
  const chromium = await launch();
  await expectTickets(chromiumTab(await chromium.crmPage(RECORDS.contact)), RECORDS.contact);

  const options = await chromium.openOptions();
  const connected = options.getByRole('region', { name: 'Connected to Zoho Desk' });
  for (const shown of ORG_CREDENTIAL_SHOWN) await expect(connected).toContainText(shown);
  await expect(options.getByRole('button', { name: 'Deactivate' })).toBeDisabled();
});

test('locked: true, set while Chromium runs, disables every setting on the open options page, and the broker refuses a change', async ({
  policy,
  launch,
}) => {
  const chromium = await launch();
  await chromium.connect();
  const options = await chromium.openOptions();
  await expect(options.getByRole('checkbox', { name: 'Enable Zoho Desk integration' })).toBeEnabled();
  expect(await options.evaluate(USABLE_SETTING_CONTROLS)).not.toEqual([]);

  policy.set({ locked: true });
  await expect.poll(() => options.evaluate(USABLE_SETTING_CONTROLS), POLICY_CHANGE).toEqual([]);
  await expect(options.getByText('Managed by your organization').first()).toBeVisible();
  expect(await chromium.sendAdmin({ command: 'settings.update', enabled: false })).toMatchObject({
    ok: false,
    error: { code: 'POLICY_LOCKED' },
  });
});

test('locked: true with nothing set up: the set-up form says why, and none of its controls can be used', async ({ policy, launch }) => {
  policy.set({ locked: true });
  const chromium = await launch();
  const options = await chromium.openOptions();
  await expect(options.getByText(/it can only be set up by policy/)).toBeVisible();
  await expect(options.getByRole('radio', { name: 'ZSC key', exact: true })).toBeDisabled();
  await expect(options.getByRole('textbox', { name: 'Client ID', exact: true })).toBeDisabled();
  expect(await options.evaluate(USABLE_SETTING_CONTROLS)).toEqual([]);
});

test('enabled: false, set while Chromium runs, removes the panel from an open CRM tab', async ({ policy, launch }) => {
  const chromium = await launch();
  await chromium.connect();
  const crm = await chromium.crmPage(RECORDS.contact);
  await expectTickets(chromiumTab(crm), RECORDS.contact);

  policy.set({ enabled: false });
  await expect.poll(() => panel(crm).count(), POLICY_CHANGE).toBe(0);
  const options = await chromium.openOptions();
  const enable = options.getByRole('checkbox', { name: 'Enable Zoho Desk integration' });
  await expect(enable).not.toBeChecked();
  await expect(enable).toBeDisabled();
});
