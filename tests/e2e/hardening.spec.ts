/**
 * Hardening in Chromium: the page-script scenarios both browsers share (./scenarios/hardening.ts);
 * then what only Chromium lets a test do: messages sent from DeskLink's own content-script world
 * (a record the tab does not show is refused), and a profile whose IndexedDB cannot open
 * (DeskLink keeps working for the session and says so); and the key-characters message.
 */
import { rmSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import { CRM_ORG, RECORDS, type RecordFixture } from '../sandbox/fixtures';
import { HARDENING_SCENARIOS } from './scenarios/hardening';
import { connectWith } from './support/admin';
import { extensionServiceWorker, launchChromium } from './support/chromium';
import { crmUrl } from './support/crm';
import { chooseWay, zscKeyField } from './support/options';
import { contentWorld } from './support/content-world';
import { brokenIndexedDbProfile } from './support/hardening';
import { chromiumTab } from './support/panel-chromium';
import { expectTickets, switchTo } from './support/panel-steps';
import type { Request } from '../../lib/shared/commands';
import type { Response } from '../../lib/shared/protocol';

for (const scenario of HARDENING_SCENARIOS) {
  test(scenario.title, ({ panelWorld }) => {
    if (scenario.timeoutMs) test.setTimeout(scenario.timeoutMs);
    return scenario.run(panelWorld);
  });
}

/** A tickets.get as the content script builds it. */
const ticketsGet = (record: RecordFixture): Request => ({
  command: 'tickets.get',
  record: { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: CRM_ORG, module: record.module, recordId: record.recordId },
  identity: { emails: [...record.emails], name: record.name },
  mode: 'refresh',
});

test('a tab asks only about the record it shows: another record id, module, org or host is refused, with no Desk call', async ({
  connect,
  crmPage,
  extensionId,
  sandbox,
}) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  await expectTickets(chromiumTab(page), RECORDS.contact);
  const world = await contentWorld(page, extensionId);
  sandbox.clearLog();
  const refused = { ok: false, error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.get' } };
  const contact = ticketsGet(RECORDS.contact) as Extract<Request, { command: 'tickets.get' }>;
  for (const record of [
    { ...contact.record, recordId: RECORDS.lead.recordId },
    { ...contact.record, module: 'Leads' as const, recordId: RECORDS.lead.recordId },
    { ...contact.record, orgSegment: 'org99999999' },
    { ...contact.record, crmHost: 'crm.zoho.eu', dataCentre: 'eu' as const },
  ]) {
    expect(await world.send({ ...contact, record })).toEqual(refused);
  }
  expect(sandbox.deskCalls()).toEqual([]);

  // CRM switches records in the page: the tab now shows the lead, and the contact is the one refused.
  await switchTo(chromiumTab(page), RECORDS.lead);
  await expectTickets(chromiumTab(page), RECORDS.lead);
  expect(await world.send(ticketsGet(RECORDS.contact))).toEqual(refused);
  expect(await world.send(ticketsGet(RECORDS.lead))).toMatchObject({ ok: true });
});

test('a key with characters Zoho keys never have: its own message at once, and no request to Zoho', async ({ openOptions, sandbox }) => {
  const page = await openOptions();
  sandbox.clearLog();
  await page.getByLabel('Data center', { exact: true }).selectOption('com');
  // Pasted with a zero-width space inside and a letter outside ASCII.
  await chooseWay(page, 'ZSC key');
  await zscKeyField(page).fill('1000.zsc.3f9a\u200B1c.adm\u00efn');
  await page.getByLabel('Email', { exact: true }).fill("o'brien+crm@Zylker.com");
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toContainText('The key contains characters Zoho keys never have');
  await expect(zscKeyField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  expect(sandbox.deskCalls()).toEqual([]);
});

test('IndexedDB cannot open (a broken profile): the options page loads and says why, the key lasts the session, the panel works uncached', async ({
  sandbox,
}) => {
  const profile = brokenIndexedDbProfile();
  const context = await launchChromium(sandbox, { userDataDir: profile });
  try {
    const extensionId = new URL((await extensionServiceWorker(context)).url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Connect Zoho Desk' })).toBeVisible();
    const warning = options.getByRole('alert');
    await expect(warning).toContainText('The key is kept only until the browser closes');
    await expect(warning).toContainText('UnknownError');

    const send = (request: Request) =>
      options.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), request) as Promise<Response<unknown>>;
    await connectWith(send);
    const crm = await context.newPage();
    await crm.goto(crmUrl(RECORDS.contact));
    await expectTickets(chromiumTab(crm), RECORDS.contact);

    await options.reload();
    await expect(options.getByTestId('connected-portal')).toBeVisible();
    await expect(options.getByRole('alert')).toContainText('The key is kept only until the browser closes');
    await expect(options.getByTestId('cache-size')).toContainText('Not available (UnknownError');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
