/**
 * The tickets panel on sandbox CRM record pages, written once and run in both browsers
 * (tests/e2e/panel.spec.ts in Chromium, tests/e2e/firefox-panel.spec.ts in Firefox ESR): the right
 * tickets for a Lead, a Contact and an Account; where the panel sits; record switches (pushState,
 * repeated, back and forward, a list view) with exactly one panel; Japanese and a non-UTC zone;
 * hostile payloads and hostile page CSS; CRM hotkeys; axe-core; states (disabled, not configured,
 * errors, offline cache). Each scenario starts with DeskLink unconfigured and reads the panel
 * through the driver (../support/panel-driver.ts), as a user meets it.
 */
import { expect } from '@playwright/test';
import { RECORDS, recordPath } from '../../sandbox/fixtures';
import { STANDBY_TAG, type CrmTab, type PanelWorld } from '../support/panel-driver';
import { cellOf, expectedNumbers, expectInPanel, expectTickets, numberOf, shownNumbers, switchTo } from '../support/panel-steps';
import { expectTokyoTimes } from '../support/times';

export interface Scenario {
  title: string;
  run: (world: PanelWorld) => Promise<void>;
}

export interface ScenarioGroup {
  title: string;
  scenarios: Scenario[];
}

const JAPANESE_REGION = 'Zoho Desk の問い合わせ';

const renderedPath = (tab: CrmTab) => tab.evaluate(() => document.documentElement.getAttribute('data-crm-rendered'), undefined);
const hotkeys = (tab: CrmTab) => tab.evaluate(() => (window as unknown as { __crmHotkeys: string[] }).__crmHotkeys, undefined);

const ticketsOfARecord: Scenario[] = [
  ...(['lead', 'contact', 'account'] as const).map((name): Scenario => ({
    title: `${name}: the panel lists its tickets`,
    async run({ connect, open }) {
      const record = RECORDS[name];
      await connect();
      const tab = await open(record);
      const panel = tab.panel();
      await expectTickets(tab, record);
      // Status tabs split the whole list.
      const counts = (await panel.textsOf('tab')).map((text) => Number(/(\d+)$/.exec(text)?.[1]));
      expect(counts).toHaveLength(4);
      expect(counts[1]! + counts[2]! + counts[3]!).toBe(counts[0]);
      // Exactly this record's tickets (by number), not merely as many.
      expect(await shownNumbers(panel)).toEqual(expectedNumbers(record));
      // Every row: its number, its subject linked to Desk in a new tab.
      const rows = await panel.rows();
      expect(rows).toHaveLength(record.expectedTickets.A);
      for (const row of rows) {
        expect(numberOf(row)).toMatch(/^#\d+$/);
        const links = row.flatMap((cell) => (cell.link ? [cell.link] : []));
        expect(links).toHaveLength(1);
        expect(links[0]!.href).toMatch(/^https:\/\/desk\.zoho\.com\//);
        expect(links[0]!.target).toBe('_blank');
        expect(links[0]!.rel).toMatch(/noopener/);
      }
      expect(await tab.hostCount()).toBe(1);
    },
  })),
  {
    title: 'a contact’s tickets found by email show while its linked Desk contact’s are fetched, then all of them',
    async run({ connect, open, sandbox }) {
      await connect();
      const record = RECORDS.contact;
      // The linked Desk contact's own tickets (two not found by email) come 3 s after the searches.
      sandbox.addFault({ host: 'desk.zoho.com', path: /^\/api\/v1\/contacts\/\d+\/tickets/, delayMs: 3000, times: 1 });
      const tab = await open(record);
      const panel = tab.panel();
      const looking = 'Looking for linked contacts’ tickets…';
      await expect.poll(() => panel.countOf('tab', `All ${record.expectedTickets.A - 2}`), { timeout: 20_000 }).toBe(1);
      expect(await panel.textsOf('status')).toContain(looking);
      expect(await panel.attribute('aria-busy')).toBe('true');
      expect(await panel.rows()).toHaveLength(10);
      await expectTickets(tab, record);
      await panel.click('button', 'Show more');
      await expect.poll(() => shownNumbers(panel)).toEqual(expectedNumbers(record));
      expect(await panel.textsOf('status')).not.toContain(looking);
      expect(await panel.attribute('aria-busy')).toBe('false');
    },
  },
  {
    title: 'a linked Desk contact’s tickets that fail to load leave the ones found by email, saying so; Refresh gets the rest',
    async run({ connect, open, sandbox }) {
      await connect();
      const record = RECORDS.contact;
      // Unavailable on every try (DeskLink retries a 503 a few times).
      const failing = sandbox.addFault({ host: 'desk.zoho.com', path: /^\/api\/v1\/contacts\/\d+\/tickets/, status: 503 });
      const tab = await open(record);
      const panel = tab.panel();
      await expect
        .poll(() => panel.textsOf('status'), { timeout: 40_000 })
        .toContain(
          'Showing the tickets found by email; those of the Zoho Desk contacts linked to this record could not be loaded (Zoho Desk could not be reached). Press Refresh to try again.',
        );
      expect(await panel.countOf('tab', `All ${record.expectedTickets.A - 2}`)).toBe(1);
      expect(await panel.attribute('aria-busy')).toBe('false');
      failing();
      await panel.click('button', 'Refresh');
      await expectTickets(tab, record);
      expect(await panel.textsOf('status')).not.toContainEqual(expect.stringMatching(/^Showing the tickets found by email/));
    },
  },
  {
    title: 'open tickets come first and closed ones last, newest change first among them; 10 at a time with Show more',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      await panel.click('button', 'Show more');
      await expect.poll(async () => (await panel.rows()).length).toBe(RECORDS.contact.expectedTickets.A);
      await expect.poll(() => panel.countOf('button', 'Show more')).toBe(0);
      const rows = await panel.rows();
      const closed = rows.map((row) => cellOf(row, 'Status')?.text === 'Status: Closed');
      // The contact has 4 closed tickets: all of them after every other one.
      expect(closed.filter(Boolean)).toHaveLength(4);
      expect(closed.indexOf(true)).toBe(rows.length - 4);
      const closedChanges = rows.slice(-4).map((row) => Date.parse(cellOf(row, 'Last modified')!.time!.datetime!));
      expect([...closedChanges].sort((a, b) => b - a)).toEqual(closedChanges);
    },
  },
  {
    title: 'a lead beyond Zoho’s search window says it shows the first 1,000',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.big);
      const panel = tab.panel();
      await expect.poll(() => panel.countOf('tab', 'All 1,000'), { timeout: 30_000 }).toBe(1);
      expect(await panel.text()).toMatch(/Showing the first 1,000 tickets/);
      await panel.click('button', 'Show more');
      await expect.poll(async () => (await panel.rows()).length).toBe(20);
    },
  },
  {
    title: 'the panel sits just before CRM’s first related list',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      expect(await tab.readHosts((hosts) => hosts.map((host) => host.nextElementSibling?.id ?? ''))).toEqual([
        expect.stringMatching(/^relatedList\d+$/),
      ]);
    },
  },
  ...(['legacy', 'norail'] as const).map((variant): Scenario => ({
    title: `the ${variant} page variant (no related-list anchors) gets the same panel at the top of the record`,
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact, { variant });
      await expectTickets(tab, RECORDS.contact);
      expect(await tab.hostCount()).toBe(1);
      expect(
        await tab.readHosts((hosts) =>
          hosts.map((host) => host === document.querySelector('lyte-tab-body.dv_content_tab_body')?.firstElementChild),
        ),
      ).toEqual([true]);
    },
  })),
  {
    title: 'the crmsandbox twin host gets the panel too',
    async run({ connect, open }) {
      await connect();
      await expectTickets(await open(RECORDS.lead, { crmSandbox: true }), RECORDS.lead);
    },
  },
  {
    title: 'a CRM page in another data centre than the configured one says so',
    async run({ connect, open }) {
      await connect();
      const panel = (await open(RECORDS.lead, { dc: 'eu' })).panel();
      await expect.poll(() => panel.text()).toMatch(/This CRM page is on crm\.zoho\.eu, but DeskLink is connected to desk\.zoho\.com/);
    },
  },
  {
    title: 'a contact without email says so, and with no Desk contact linked to it shows No tickets',
    async run({ connect, open }) {
      await connect();
      const panel = (await open(RECORDS.noEmail)).panel();
      await expect.poll(() => panel.text()).toContain('No tickets');
      expect(await panel.text()).toContain('No email address could be read on this page');
      expect(await panel.rows()).toHaveLength(0);
    },
  },
];

const recordSwitches: Scenario[] = [
  {
    title: 'switching to a record without tickets shows "No tickets" in the one panel',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      await switchTo(tab, RECORDS.noTickets);
      // The empty list's message is the panel's last words, with what was searched.
      await expect.poll(() => panel.text()).toMatch(/No tickets Searched Zoho Desk for mia\.schultz@initech\.example\.$/);
      expect(await panel.rows()).toHaveLength(0);
      expect(await tab.hostCount()).toBe(1);
      expect(await panel.count()).toBe(1);
      // CRM replaced its content (the panel with it): the panel is mounted again in the new
      // content, before its first related list.
      await expect.poll(() => renderedPath(tab)).toBe(recordPath(RECORDS.noTickets));
      await expect
        .poll(() =>
          tab.readHosts((hosts) =>
            hosts.map((host) => [host.closest('#crmContent') !== null, /^relatedList\d+$/.test(host.nextElementSibling?.id ?? '')]),
          ),
        )
        .toEqual([[true, true]]);
    },
  },
  {
    title: 'repeated quick switches end on the last record, with one panel',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
      for (const record of [RECORDS.contact, RECORDS.account, RECORDS.noTickets, RECORDS.lead, RECORDS.account])
        await switchTo(tab, record);
      await expectTickets(tab, RECORDS.account);
      expect(await tab.hostCount()).toBe(1);
    },
  },
  {
    title: 'back and forward show each record’s own tickets',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      await switchTo(tab, RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
      await tab.back();
      await expectTickets(tab, RECORDS.contact);
      await tab.forward();
      await expectTickets(tab, RECORDS.lead);
      expect(await tab.hostCount()).toBe(1);
    },
  },
  {
    title: 'back on a record shown moments ago: its own rows, which work at once (Preview opens the latest message)',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      // The rep reads each record for a moment: long enough for DeskLink to have the next frame waiting.
      const nextFrameWaits = () => tab.evaluate((tag) => document.querySelector(tag) !== null, STANDBY_TAG);
      await expect.poll(nextFrameWaits).toBe(true);
      await switchTo(tab, RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
      await expect.poll(nextFrameWaits).toBe(true);
      await switchTo(tab, RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      const number = numberOf((await panel.rows())[0]!)!;
      await panel.click('button', `Preview ${number}`);
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      expect(await tab.hostCount()).toBe(1);
    },
  },
  {
    title: 'leaving for a list view removes the panel; a record brings it back',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      await tab.clickPage('link', 'Back');
      await expect.poll(() => tab.panel().count()).toBe(0);
      await switchTo(tab, RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
    },
  },
  {
    title: 'a panel host left by an older version is removed',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      expect(await tab.addLeftoverHost()).toBe(1);
      // Put in beside the shown panel's ancestors: seen and removed at once, the panel kept.
      await expect.poll(() => tab.leftoverHostCount()).toBe(0);
      await expectTickets(tab, RECORDS.contact);
      expect(await tab.hostCount()).toBe(1);
      await switchTo(tab, RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
      expect(await tab.leftoverHostCount()).toBe(0);
      expect(await tab.hostCount()).toBe(1);
    },
  },
];

const languageTimeZoneAndSafety: Scenario[] = [
  {
    title: 'Japanese with Asia/Tokyo: Japanese names and every time in Tokyo time',
    async run({ connect, open }) {
      await connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
      const tab = await open(RECORDS.japanese);
      const panel = tab.panel(JAPANESE_REGION);
      await expectTickets(tab, RECORDS.japanese, { region: JAPANESE_REGION, all: 'すべて' });
      expect(await panel.attribute('lang')).toBe('ja');
      expect(await panel.countOf('button', '更新')).toBe(1);
      expect(await panel.text()).toMatch(/(たった今|前に)更新(\s|$)/);
      const times = (await panel.rows()).flatMap((row) => {
        const time = cellOf(row, '最終更新')?.time;
        return time ? [[time.datetime!, time.text] as const] : [];
      });
      expect(times).toHaveLength(RECORDS.japanese.expectedTickets.A);
      expectTokyoTimes(times);
    },
  },
  {
    title: 'hostile subjects, names and statuses stay text: no dialog, no injected elements',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.hostile);
      const panel = tab.panel();
      const dialogs: string[] = [];
      tab.onDialog((message) => dialogs.push(message));
      await expectTickets(tab, RECORDS.hostile);
      const text = await panel.text();
      expect(text).toContain('<img src=x onerror=alert(1)>');
      expect(text).toContain('<script>alert(1)</script>');
      // Everything the panel draws: the body of its own document (the panel page's head holds its
      // script); DeskLink's own icons are its only drawings.
      const injected = await panel.evaluate(
        (region) =>
          [
            ...(region.closest('body') ?? (region.getRootNode() as ParentNode)).querySelectorAll(
              'img, script, svg:not(.dl-icon), iframe, b, object, embed',
            ),
          ].map((el) => el.outerHTML),
        undefined,
      );
      expect(injected).toEqual([]);
      // Point at every cell: no payload handler exists to run.
      await panel.hoverAll('cell');
      expect(dialogs).toEqual([]);
    },
  },
  {
    title: 'typing in the panel reaches no CRM hotkey',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      // Control: the page's hotkey recorder hears typing outside the panel.
      await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
      await tab.press('e');
      await expect.poll(() => hotkeys(tab)).toEqual(['e']);
      await tab.evaluate(() => ((window as unknown as { __crmHotkeys: string[] }).__crmHotkeys = []), undefined);
      await panel.focus('button', 'Refresh');
      await tab.type('ce/x');
      await panel.focus('tab', /^Open/);
      await tab.type('n/');
      await panel.focus('link');
      await tab.type('e');
      expect(await hotkeys(tab)).toEqual([]);
    },
  },
  {
    title: 'hostile page CSS does not change the panel, and the panel does not restyle CRM',
    async run({ connect, open, sendAdmin }) {
      await connect();
      const look = (tab: CrmTab) =>
        tab.panel().evaluate((region) => {
          const pick = (el: Element | null) => {
            const s = getComputedStyle(el!);
            return [
              s.display,
              s.fontSize,
              s.fontFamily,
              s.fontStyle,
              s.color,
              s.borderTopWidth,
              s.paddingTop,
              s.letterSpacing,
              s.lineHeight,
            ].join('|');
          };
          return [region, ...['h2', 'table', 'td', 'button', '[role=tab]', 'a'].map((css) => region.querySelector(css))].map(pick);
        }, undefined);
      const plain = await open(RECORDS.contact);
      await expectTickets(plain, RECORDS.contact);
      const hostile = await open(RECORDS.contact, { css: 'hostile' });
      await expectTickets(hostile, RECORDS.contact);
      expect(await look(hostile)).toEqual(await look(plain));

      // CRM's own elements look the same with and without DeskLink's nodes.
      const crmLook = () =>
        plain.evaluate(
          () =>
            ['body', '#crmNextGenTopMenu', '.dv_title', '.dv_fieldLabel', '.dv_relatedSection', '.dv_relatedSection h3'].map((css) => {
              const s = getComputedStyle(document.querySelector(css)!);
              return [s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.marginTop, s.paddingTop, s.display].join('|');
            }),
          undefined,
        );
      const withPanel = await crmLook();
      // Removed by hand, the panel would come back at once (it keeps its place): disabling takes it away.
      await sendAdmin({ command: 'settings.update', enabled: false });
      await expect.poll(() => plain.hostCount()).toBe(0);
      await plain.removeDeskLinkNodes();
      expect(await crmLook()).toEqual(withPanel);
    },
  },
  {
    title: 'axe-core finds no violations in the panel (tickets and set-up states)',
    async run({ connect, open }) {
      const unconfigured = await open(RECORDS.contact);
      await expect.poll(() => unconfigured.panel().countOf('link', 'Set up Zoho Desk integration')).toBe(1);
      const setUp = await unconfigured.audit();
      expect(setUp.violations).toEqual([]);
      // axe really looked inside the panel: it checked the set-up link there.
      expect(setUp.checkedLinks).toBe(1);
      await connect();
      const tab = await open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      const tickets = await tab.audit();
      expect(tickets.violations).toEqual([]);
      // The 10 subject links and View all in Zoho Desk, the tabs, Refresh and Show more were all checked inside the panel.
      expect(tickets.checkedLinks).toBe(11);
      expect(tickets.checkedButtons).toBeGreaterThanOrEqual(6);
    },
  },
];

const states: Scenario[] = [
  {
    title: 'not configured: "Set up Zoho Desk integration" opens the options page',
    async run({ open, optionsPageOpened }) {
      const panel = (await open(RECORDS.contact)).panel();
      const opened = optionsPageOpened();
      await panel.click('link', 'Set up Zoho Desk integration');
      await opened;
    },
  },
  {
    title: 'disabled: no panel at all; enabling and disabling apply without a reload',
    async run({ connect, open, sendAdmin }) {
      await connect({ enabled: false });
      const tab = await open(RECORDS.contact);
      await expect.poll(() => renderedPath(tab)).not.toBeNull();
      expect(await tab.panel().count()).toBe(0);
      await sendAdmin({ command: 'settings.update', enabled: true });
      await expectTickets(tab, RECORDS.contact);
      await sendAdmin({ command: 'settings.update', enabled: false });
      await expect.poll(() => tab.panel().count()).toBe(0);
      expect(await tab.hostCount()).toBe(0);
    },
  },
  {
    title: 'a language change reaches an open tab without a reload',
    async run({ connect, open, sendAdmin }) {
      await connect();
      const tab = await open(RECORDS.lead);
      await expectTickets(tab, RECORDS.lead);
      await sendAdmin({ command: 'settings.update', language: 'ja' });
      await expect.poll(() => tab.panel(JAPANESE_REGION).countOf('tab', `すべて ${RECORDS.lead.expectedTickets.A}`)).toBe(1);
    },
  },
  {
    title: 'Desk failing with nothing cached: an alert that says what to do',
    async run({ connect, open, sandbox }) {
      await connect();
      sandbox.addFault({ host: 'desk.zoho.com', path: /^\/api\/v1\/(tickets|contacts)/, status: 500, errorCode: 'INTERNAL_SERVER_ERROR' });
      const panel = (await open(RECORDS.lead)).panel();
      await expect.poll(() => panel.textsOf('alert'), { timeout: 30_000 }).toEqual([expect.stringMatching(/try again/i)]);
      expect(await panel.rows()).toHaveLength(0);
    },
  },
  {
    title: 'Refresh while Desk is unreachable keeps the cached rows and says how old they are',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.lead);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.lead);
      sandbox.addFault({ host: 'desk.zoho.com', path: /^\/api\/v1\//, status: 503 });
      // Refresh asks Desk again once the rows are 10 s old (sooner, it shows the rows it just fetched).
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      await panel.click('button', 'Refresh');
      await expect
        .poll(() => panel.textsOf('status'), { timeout: 30_000 })
        .toContainEqual(expect.stringMatching(/could not be reached|saved/));
      expect(await panel.rows()).toHaveLength(RECORDS.lead.expectedTickets.A);
    },
  },
];

export const PANEL_SCENARIOS: readonly ScenarioGroup[] = [
  { title: 'tickets of a record', scenarios: ticketsOfARecord },
  { title: 'record switches', scenarios: recordSwitches },
  { title: 'language, time zone and safety', scenarios: languageTimeZoneAndSafety },
  { title: 'states', scenarios: states },
];
