/**
 * Enterprise policy in Firefox ESR, installed as an organisation does: `policies.json` in the
 * `distribution` folder of the Firefox installation force-installs DeskLink and gives it its
 * values under `3rdparty.Extensions.desklink@desklink.app` (./support/policy-firefox.ts).
 * Firefox reads that file only when it starts, so a changed policy takes a restart: these tests
 * restart Firefox on the same profile. Needs root, as CI has. The policy file exists only while
 * Firefox starts; each test's browser and profile go after it.
 */
import { test, expect } from './support/policy-firefox';
import { byRole } from './support/firefox-role';
import { RECORDS } from '../sandbox/fixtures';
import { firefoxTab } from './support/panel-firefox';
import { expectTickets } from './support/panel-steps';
import type { Page } from 'puppeteer-core';
import {
  PRESET,
  PRESET_LIMIT_SHOWN,
  PRESET_SHOWN,
  UNUSABLE_VALUE,
  ORG_CREDENTIAL_SHOWN,
  orgCredentialPolicy,
  UNUSABLE_VALUE_SHOWN,
  USABLE_SETTING_CONTROLS,
  WRONG_TYPE,
  WRONG_TYPE_SHOWN,
} from './support/policy-steps';

/** The text of the element `selector` finds, once it is there. */
const textOf = async (page: Page, selector: string) =>
  (await page.waitForSelector(selector, { visible: true }))!.evaluate((element) => (element.textContent ?? '').replace(/\s+/g, ' '));

const isDisabled = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as HTMLButtonElement | HTMLInputElement).disabled);

test('a preset data center, key and portal connect DeskLink: tickets without set-up, the options page shows the policy and names the values it ignored', async ({
  startFirefox,
}) => {
  const firefox = await startFirefox({ ...PRESET, ...UNUSABLE_VALUE, ...WRONG_TYPE });
  // Nobody opened the options page: the policy alone installed and set DeskLink up.
  const tab = firefoxTab(await firefox.crmPage(RECORDS.contact));
  await expectTickets(tab, RECORDS.contact);
  // allowCreate: false: no rep may create tickets (the same key may, without the policy).
  expect(await tab.panel().countOf('button', 'New ticket')).toBe(0);

  const options = await firefox.openOptions();
  const connected = await textOf(options, byRole('region', 'Connected to Zoho Desk'));
  for (const shown of [...PRESET_SHOWN, 'Managed by your organization']) expect(connected).toContain(shown);
  expect(await isDisabled(options, byRole('button', 'Change portal'))).toBe(true);
  expect(await isDisabled(options, byRole('button', 'Deactivate'))).toBe(true);
  const notes = await textOf(options, byRole('region', 'Enterprise policy'));
  expect(notes).toContain(UNUSABLE_VALUE_SHOWN);
  expect(notes).toContain(WRONG_TYPE_SHOWN);
  await expect.poll(() => textOf(options, byRole('region', 'Diagnostics'))).toContain(PRESET_LIMIT_SHOWN);
});

test('an organisation credential by policy reaches tickets without anyone opening the options page, which shows it as the organisation’s', async ({
  startFirefox,
  sandbox,
}) => {
  const firefox = await startFirefox(orgCredentialPolicy(sandbox));
  await expectTickets(firefoxTab(await firefox.crmPage(RECORDS.contact)), RECORDS.contact);

  const options = await firefox.openOptions();
  await expect.poll(() => textOf(options, byRole('region', 'Connected to Zoho Desk'))).toContain(ORG_CREDENTIAL_SHOWN[0]);
  const connected = await textOf(options, byRole('region', 'Connected to Zoho Desk'));
  for (const shown of ORG_CREDENTIAL_SHOWN) expect(connected).toContain(shown);
  expect(await isDisabled(options, byRole('button', 'Deactivate'))).toBe(true);
});

test('locked: true disables every setting on the options page once Firefox restarts under it, and the broker refuses a change', async ({
  startFirefox,
}) => {
  const firefox = await startFirefox(null);
  await firefox.connect();
  const before = await firefox.openOptions();
  await before.waitForSelector(byRole('checkbox', 'Enable Zoho Desk integration'), { visible: true });
  expect(await before.evaluate(USABLE_SETTING_CONTROLS)).not.toEqual([]);

  await firefox.restart({ locked: true });
  const options = await firefox.openOptions();
  await options.waitForSelector(byRole('checkbox', 'Enable Zoho Desk integration'), { visible: true });
  expect(await options.evaluate(USABLE_SETTING_CONTROLS)).toEqual([]);
  expect(await textOf(options, byRole('region', 'Connected to Zoho Desk'))).toContain('Managed by your organization');
  expect(await firefox.sendAdmin({ command: 'settings.update', enabled: false })).toMatchObject({
    ok: false,
    error: { code: 'POLICY_LOCKED' },
  });
});

test('locked: true with nothing set up: the set-up form says why, and none of its controls can be used', async ({ startFirefox }) => {
  const firefox = await startFirefox({ locked: true });
  const options = await firefox.openOptions();
  await options.waitForSelector(byRole('radio', 'ZSC key'), { visible: true });
  expect(await options.evaluate(() => document.body.innerText)).toContain('it can only be set up by policy');
  expect(await options.evaluate(USABLE_SETTING_CONTROLS)).toEqual([]);
});

test('enabled: false removes the panel from CRM pages once Firefox restarts under it', async ({ startFirefox, sandbox }) => {
  const firefox = await startFirefox(null);
  await firefox.connect();
  await expectTickets(firefoxTab(await firefox.crmPage(RECORDS.contact)), RECORDS.contact);

  await firefox.restart({ enabled: false });
  // The policy is in force before the CRM page opens: the options page shows it.
  const options = await firefox.openOptions();
  const enable = byRole('checkbox', 'Enable Zoho Desk integration');
  await options.waitForSelector(enable, { visible: true });
  expect(await options.$eval(enable, (box) => [(box as HTMLInputElement).checked, (box as HTMLInputElement).disabled])).toEqual([
    false,
    true,
  ]);
  sandbox.clearLog();
  const crm = await firefox.crmPage(RECORDS.contact);
  await crm.waitForFunction((name) => document.body.textContent?.includes(name), {}, RECORDS.contact.name);
  expect(await firefoxTab(crm).panel().count()).toBe(0);
  expect(sandbox.deskCalls()).toEqual([]);
});
