/**
 * The tickets panel in Firefox ESR (puppeteer-core over WebDriver BiDi): a representative subset
 * of tests/e2e/panel.spec.ts — the right tickets for a Contact, Lead and Account; a switch to a
 * record without tickets with one panel; back and forward; Japanese with a non-UTC zone; hostile
 * payloads inert; typing in the panel reaches no CRM hotkey.
 */
import { test, expect, byRole, type Page } from './support/firefox';
import { RECORDS, recordPath, type RecordFixture } from '../sandbox/fixtures';
import { expectedTickets, getDataset } from '../sandbox/data';
import { expectTokyoTimes } from './support/times';

const REGION = byRole('region', 'Zoho Desk tickets');
const ROWS = 'desklink-panel >>> tbody tr';

const hostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('desklink-panel').length);
const switchTo = (page: Page, record: RecordFixture) =>
  page.evaluate((path) => (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate(path), recordPath(record));
const panelText = (page: Page) =>
  page.evaluate(() => document.querySelector('desklink-panel')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

/** `#<ticketNumber>` of every ticket the sandbox holds for the record in portal A, sorted. */
function expectedNumbers(record: RecordFixture): string[] {
  const dataset = getDataset('test');
  return expectedTickets(dataset, dataset.crmById.get(record.recordId)!, 'A')
    .map((ticket) => `#${ticket.ticketNumber}`)
    .sort();
}

/** Every ticket number the panel lists, after `Show more` until all rows are shown, sorted. */
async function shownNumbers(page: Page): Promise<string[]> {
  for (let more = await page.$(byRole('button', 'Show more')); more; more = await page.$(byRole('button', 'Show more'))) {
    const before = (await page.$$(ROWS)).length;
    await more.click();
    await expect.poll(async () => (await page.$$(ROWS)).length).toBeGreaterThan(before);
  }
  return (
    await page.$$eval('desklink-panel >>> tbody tr .dl-number span:not(.dl-vh)', (els) => els.map((el) => el.textContent ?? ''))
  ).sort();
}

async function expectTickets(page: Page, record: RecordFixture, allLabel = 'All') {
  const total = record.expectedTickets.A;
  await page.waitForSelector(byRole('tab', `${allLabel} ${total}`), { visible: true, timeout: 20_000 });
  expect(await page.$$(ROWS)).toHaveLength(Math.min(total, 10));
}

test('contact: the panel lists its tickets, 10 then Show more', async ({ connect, crmPage }) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  await expectTickets(page, RECORDS.contact);
  const links = await page.$$eval('desklink-panel >>> tbody tr a', (as) =>
    as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
  );
  for (const [href, target, rel] of links) {
    expect(href).toMatch(/^https:\/\/desk\.zoho\.com\//);
    expect(target).toBe('_blank');
    expect(rel).toContain('noopener');
  }
  await page.waitForSelector(byRole('button', 'Show more'));
  // Exactly this record's tickets (by number), not merely as many.
  expect(await shownNumbers(page)).toEqual(expectedNumbers(RECORDS.contact));
  expect(await page.$$(ROWS)).toHaveLength(RECORDS.contact.expectedTickets.A);
  expect(await hostCount(page)).toBe(1);
});

test('lead and account: each gets its own tickets', async ({ connect, crmPage }) => {
  await connect();
  for (const record of [RECORDS.lead, RECORDS.account]) {
    const page = await crmPage(record);
    await expectTickets(page, record);
    expect(await shownNumbers(page)).toEqual(expectedNumbers(record));
  }
});

test('switching to a record without tickets shows "No tickets" in the one panel', async ({ connect, crmPage }) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  await expectTickets(page, RECORDS.contact);
  await switchTo(page, RECORDS.noTickets);
  await expect.poll(() => panelText(page)).toContain('No tickets');
  expect(await page.$$(ROWS)).toHaveLength(0);
  expect(await hostCount(page)).toBe(1);
  expect(await page.$$(REGION)).toHaveLength(1);
  // CRM replaced its content (the panel with it): the panel is mounted again in the new
  // content, before its first related list.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('desklink-panel')].map((host) => [
          host.closest('#crmContent') !== null,
          /^relatedList\d+$/.test(host.nextElementSibling?.id ?? ''),
        ]),
      ),
    )
    .toEqual([[true, true]]);
});

test('back and forward show each record’s own tickets', async ({ connect, crmPage }) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  await expectTickets(page, RECORDS.contact);
  await switchTo(page, RECORDS.lead);
  await expectTickets(page, RECORDS.lead);
  await page.goBack();
  await expectTickets(page, RECORDS.contact);
  await page.goForward();
  await expectTickets(page, RECORDS.lead);
  expect(await hostCount(page)).toBe(1);
});

test('Japanese with Asia/Tokyo: Japanese names and every time in Tokyo time', async ({ connect, crmPage }) => {
  await connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
  const page = await crmPage(RECORDS.japanese);
  await expectTickets(page, RECORDS.japanese, 'すべて');
  const region = await page.waitForSelector(byRole('region', 'Zoho Desk のチケット'));
  expect(await region!.evaluate((el) => el.getAttribute('lang'))).toBe('ja');
  const times = await page.$$eval('desklink-panel >>> .dl-modified time', (els) =>
    els.map((el) => [el.getAttribute('datetime')!, el.textContent!] as const),
  );
  expect(times).toHaveLength(RECORDS.japanese.expectedTickets.A);
  expectTokyoTimes(times);
});

test('hostile payloads stay text: no dialog, no injected elements', async ({ connect, crmPage }) => {
  await connect();
  const page = await crmPage(RECORDS.hostile);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await expectTickets(page, RECORDS.hostile);
  const text = await panelText(page);
  expect(text).toContain('<img src=x onerror=alert(1)>');
  expect(text).toContain('<script>alert(1)</script>');
  const injected = await page.evaluate(
    () => [...document.querySelector('desklink-panel')!.shadowRoot!.querySelectorAll('img, script, svg, iframe, b, object, embed')].length,
  );
  expect(injected).toBe(0);
  for (const cell of await page.$$('desklink-panel >>> tbody td')) await cell.hover();
  expect(dialogs).toEqual([]);
});

test('typing in the panel reaches no CRM hotkey', async ({ connect, crmPage }) => {
  await connect();
  const page = await crmPage(RECORDS.lead);
  await expectTickets(page, RECORDS.lead);
  const hotkeys = () => page.evaluate(() => (window as unknown as { __crmHotkeys: string[] }).__crmHotkeys);
  // Control: typing outside the panel is heard by the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('e');
  await expect.poll(hotkeys).toEqual(['e']);
  await page.evaluate(() => ((window as unknown as { __crmHotkeys: string[] }).__crmHotkeys = []));
  await (await page.waitForSelector(byRole('button', 'Refresh')))!.focus();
  await page.keyboard.type('ce/x');
  await (await page.waitForSelector(byRole('tab', /^Open/)))!.focus();
  await page.keyboard.type('n/');
  await (await page.waitForSelector('desklink-panel >>> tbody tr a'))!.focus();
  await page.keyboard.type('e');
  expect(await hotkeys()).toEqual([]);
});

test('not configured: "Set up Zoho Desk integration" opens the options page', async ({ reset, crmPage, openOptions, extensionOrigin }) => {
  await reset();
  const page = await crmPage(RECORDS.contact);
  const link = await page.waitForSelector(byRole('link', 'Set up Zoho Desk integration'), { visible: true });
  await link!.click();
  // Puppeteer over BiDi does not report tabs the add-on opens; ask the browser from an extension page.
  const admin = await openOptions();
  const optionsTabs = () =>
    admin.evaluate(async (url) => {
      const api = (globalThis as any).browser;
      const self = await api.tabs.getCurrent();
      const tabs: { id: number; url?: string }[] = await api.tabs.query({});
      return tabs.filter((tab) => tab.url === url && tab.id !== self.id).length;
    }, `${extensionOrigin}/options.html`);
  await expect.poll(optionsTabs).toBe(1);
});
