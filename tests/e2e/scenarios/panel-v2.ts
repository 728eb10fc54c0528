/**
 * The rep's panel, second edition, written once and run in both browsers (panel-v2.spec.ts in
 * Chromium, firefox-panel-v2.spec.ts in Firefox ESR): open tickets first, sortable column
 * headers remembered in the browser, Search tickets, a ticket's latest thread in a preview
 * (keyboard, one request, Desk's HTML inert), Copy #<n>, View all in Zoho Desk, focus after
 * Show more, any width without sideways scrolling, Japanese words, and axe-core in every state.
 */
import { expect } from '@playwright/test';
import { RECORDS } from '../../sandbox/fixtures';
import type { CrmTab, PanelRegion, PanelWorld } from '../support/panel-driver';
import { cellOf, crmRendersAgain, expectInPanel, expectTickets, numberOf } from '../support/panel-steps';
import type { Scenario, ScenarioGroup } from './panel';

const JAPANESE_REGION = 'Zoho Desk の問い合わせ';

/** Each column header's name and aria-sort, in order. */
const sortState = (panel: PanelRegion) =>
  panel.evaluate(
    (region) =>
      [...region.querySelectorAll('[role="columnheader"]')].map((header) => [
        (header.textContent ?? '').trim(),
        header.getAttribute('aria-sort'),
      ]),
    undefined,
  );

/** The accessible name of what has the keyboard focus in the panel (aria-label, else its label's text, else its text). */
const focusedName = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const focused = region.ownerDocument.activeElement;
    const text = (focused as HTMLInputElement | null)?.labels?.[0]?.textContent ?? focused?.textContent;
    return focused ? (focused.getAttribute('aria-label') ?? (text ?? '').replace(/\s+/g, ' ').trim()) : null;
  }, undefined);

/** What the search box holds. */
const searchValue = (panel: PanelRegion) =>
  panel.evaluate((region) => region.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? null, undefined);

const numbers = async (panel: PanelRegion) => (await panel.rows()).map(numberOf);

/** Connects, opens the contact record and waits for its tickets: the tab, its panel and its first row's number. */
async function contactWithTickets({ connect, open }: PanelWorld) {
  await connect();
  const tab = await open(RECORDS.contact);
  const panel = tab.panel();
  await expectTickets(tab, RECORDS.contact);
  return { tab, panel, number: numberOf((await panel.rows())[0]!)! };
}

/** The panel frame's document: as wide as it lets its content be, and as wide as it is. */
const widths = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const root = region.ownerDocument.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  }, undefined);

/**
 * What each cell of the first ticket row shows in front of its value (CSS generated text, which
 * the accessibility tree does not carry), '' for nothing.
 */
const shownColumnNames = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const row = [...region.querySelectorAll('[role="row"]')].find((r) => r.querySelector('[role="cell"]'));
    return [...(row?.querySelectorAll('[role="cell"]') ?? [])].map((cell) => {
      const content = getComputedStyle(cell, '::before').content;
      if (content === 'none' || content === 'normal') return '';
      // What is drawn comes before " / " (after it: the text for assistive technology).
      const drawn = content.split(/\s\/\s/)[0] ?? '';
      return [...drawn.matchAll(/"([^"]*)"|attr\(([\w-]+)\)/g)].map((m) => m[1] ?? cell.getAttribute(m[2] ?? '') ?? '').join('');
    });
  }, undefined);

/** No violations, and axe looked inside (it checked the panel's links and buttons). */
async function expectAxeClean(tab: CrmTab, state: string) {
  const audit = await tab.audit();
  expect(audit.violations, `axe-core in the state: ${state}`).toEqual([]);
  expect(audit.checkedButtons, `buttons axe checked in the state: ${state}`).toBeGreaterThan(0);
}

const order: Scenario[] = [
  {
    title: 'a record with open, on-hold and closed tickets lists the closed ones last',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      // The first page holds only tickets that are not closed (the contact has 10 of them).
      expect((await panel.rows()).map((row) => cellOf(row, 'Status')?.text)).not.toContain('Status: Closed');
      expect(await sortState(panel)).toContainEqual(['Status', 'ascending']);
    },
  },
  {
    title: 'a column header sorts both ways with aria-sort, and the choice holds in a new tab',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      await panel.click('button', 'Ticket');
      await expect.poll(() => sortState(panel)).toContainEqual(['Ticket', 'descending']);
      const descending = await numbers(panel);
      expect(descending.map((n) => Number(n!.slice(1)))).toEqual(descending.map((n) => Number(n!.slice(1))).sort((a, b) => b - a));
      await panel.click('button', 'Ticket');
      await expect.poll(() => sortState(panel)).toContainEqual(['Ticket', 'ascending']);
      const ascending = await numbers(panel);
      expect(ascending.map((n) => Number(n!.slice(1)))).toEqual(ascending.map((n) => Number(n!.slice(1))).sort((a, b) => a - b));
      // Only one column says it sorts.
      expect((await sortState(panel)).filter(([, sort]) => sort !== null)).toHaveLength(1);

      const again = await open(RECORDS.contact);
      await expectTickets(again, RECORDS.contact);
      await expect.poll(() => sortState(again.panel())).toContainEqual(['Ticket', 'ascending']);
      expect(await numbers(again.panel())).toEqual(ascending);
      // Back to open first (the choice is the browser's, and the next scenarios share it).
      await again.panel().click('button', 'Status');
      await expect.poll(() => sortState(again.panel())).toContainEqual(['Status', 'ascending']);
    },
  },
  {
    title: 'Search tickets filters every fetched ticket by number or subject as the rep types',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      const firstPage = await numbers(panel);
      await panel.click('button', 'Show more');
      await expect.poll(async () => (await panel.rows()).length).toBe(RECORDS.contact.expectedTickets.A);
      // A ticket beyond the first ten rows.
      const later = (await panel.rows()).find((row) => !firstPage.includes(numberOf(row)))!;
      const wanted = numberOf(later)!;
      await panel.focus('searchbox', 'Search tickets');
      await tab.type(wanted);
      await expect.poll(() => numbers(panel)).toEqual([wanted]);
      expect(await panel.countOf('tab', 'All 1')).toBe(1);

      const subject = later.find((cell) => cell.link)!.link!.text;
      const word = subject.split(/\s+/).find((part) => part.length >= 4) ?? subject;
      await panel.click('searchbox', 'Search tickets');
      for (let i = 0; i < wanted.length; i++) await tab.press('Backspace');
      await tab.type(word.toUpperCase());
      await expect.poll(async () => (await numbers(panel)).includes(wanted)).toBe(true);
      for (const row of await panel.rows()) expect(row.find((cell) => cell.link)!.link!.text.toLowerCase()).toContain(word.toLowerCase());

      await tab.type(' zzzz-no-such-ticket');
      await expect.poll(() => panel.text()).toContain('No tickets match');
      expect(await panel.rows()).toHaveLength(0);
    },
  },
];

const accounts: Scenario[] = [
  {
    title: 'an account’s tickets show when each last changed, not their creation time',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.account);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.account);
      const changed = (await panel.rows()).map((row) => cellOf(row, 'Last modified')?.text ?? '');
      expect(changed).toHaveLength(RECORDS.account.expectedTickets.A);
      for (const text of changed) expect(text).not.toMatch(/^Last modified: Created/);
      // One search by the account's id brought the times: the list is still read in full.
      expect(sandbox.deskCalls({ path: '/api/v1/tickets/search' }).filter((call) => call.query.accountId)).toHaveLength(1);
    },
  },
];

const preview: Scenario[] = [
  {
    title: 'Preview opens the latest message under the row and Escape closes it, by keyboard; one Desk call',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      const first = (await panel.rows())[0]!;
      const number = numberOf(first)!;
      const subject = first.find((cell) => cell.link)!.link!.text;
      sandbox.clearLog();
      await panel.focus('button', `Preview ${number}`);
      await tab.press('Enter');
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      // The sandbox's latest thread is the ticket's description, which holds its subject.
      await expect.poll(() => panel.text()).toContain(`Latest message`);
      expect(await panel.text()).toContain(subject);
      const times = await panel.evaluate(
        (region, name) =>
          [...(region.querySelector(`[aria-label="${name}"]`)?.querySelectorAll('time') ?? [])].map((time) =>
            time.getAttribute('datetime'),
          ),
        `Ticket ${number} preview`,
      );
      expect(times.length).toBeGreaterThan(0);
      for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // Still one row per ticket.
      expect(await panel.rows()).toHaveLength(10);

      await tab.press('Escape');
      await expect.poll(() => panel.countOf('region', `Ticket ${number} preview`)).toBe(0);
      expect(await focusedName(panel)).toBe(`Preview ${number}`);
      // Opened again: from what the panel already has, not another Desk call.
      await tab.press('Enter');
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      expect(await panel.text()).toContain(subject);
      expect(sandbox.deskCalls({ path: /\/latestThread$/ })).toHaveLength(1);
    },
  },
  {
    title: 'Space held on Preview already asks Desk; released, the preview opens with what came back; one Desk call',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      const number = numberOf((await panel.rows())[1]!)!;
      sandbox.clearLog();
      await panel.focus('button', `Preview ${number}`);
      await tab.hold(' ', async () => {
        // A button clicks when Space is released: until then nothing opens, but the question left.
        await expect.poll(() => sandbox.deskCalls({ path: /\/latestThread$/ }).length).toBe(1);
        expect(await panel.countOf('region', `Ticket ${number} preview`)).toBe(0);
      });
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      expect(sandbox.deskCalls({ path: /\/latestThread$/ })).toHaveLength(1);
    },
  },
  {
    title: 'a thread whose HTML carries scripts shows as text: no dialog, no element from Desk',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.hostile);
      const dialogs: string[] = [];
      tab.onDialog((message) => dialogs.push(message));
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.hostile);
      for (const row of await panel.rows()) {
        const number = numberOf(row)!;
        await panel.click('button', `Preview ${number}`);
        await expectInPanel(panel, 'region', `Ticket ${number} preview`);
        await expect.poll(() => panel.text()).not.toContain('Loading the latest message');
      }
      expect(await panel.text()).toContain('onerror=alert(1)');
      const injected = await panel.evaluate(
        (region) => region.querySelectorAll('section[aria-label] :is(img, script, iframe, svg:not(.dl-icon), b, object, embed)').length,
        undefined,
      );
      expect(injected).toBe(0);
      expect(dialogs).toEqual([]);
    },
  },
  {
    title: 'opening a preview never shows a scroll bar inside the panel, not even for a frame while it grows',
    async run(world) {
      const { panel, number } = await contactWithTickets(world);
      // From now on, every layout of the panel's document and every frame notes the width of its scroll bar.
      await panel.evaluate((region) => {
        const view = region.ownerDocument.defaultView! as Window & { widestScrollBar?: number };
        const root = region.ownerDocument.documentElement;
        view.widestScrollBar = 0;
        const note = () => (view.widestScrollBar = Math.max(view.widestScrollBar!, view.innerWidth - root.clientWidth));
        new ResizeObserver(note).observe(root);
        const everyFrame = () => {
          note();
          view.requestAnimationFrame(everyFrame);
        };
        everyFrame();
      }, undefined);
      await panel.click('button', `Preview ${number}`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      const widest = await panel.evaluate(
        (region) =>
          new Promise<number>((resolve) => {
            const view = region.ownerDocument.defaultView! as Window & { widestScrollBar?: number };
            // A few frames more: the host sizes the frame a frame or two after the panel grew.
            let frames = 5;
            const wait = () => (--frames > 0 ? view.requestAnimationFrame(wait) : resolve(view.widestScrollBar ?? -1));
            wait();
          }),
        undefined,
      );
      expect(widest, 'the widest scroll bar the panel had while the preview opened').toBe(0);
    },
  },
];

const kept: Scenario[] = [
  {
    title: 'CRM rendering the record again keeps what the rep was doing: an open preview, the search and the keyboard in it',
    async run(world) {
      const { sandbox } = world;
      const { tab, panel, number } = await contactWithTickets(world);
      await panel.click('button', `Preview ${number}`);
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      sandbox.clearLog();
      await panel.focus('searchbox', 'Search tickets');
      // Half typed when CRM renders again.
      const typed = number.slice(0, -1);
      await tab.type(typed);
      await expect.poll(() => searchValue(panel)).toBe(typed);

      await crmRendersAgain(tab);

      await expect.poll(() => searchValue(panel)).toBe(typed);
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      // The keyboard is still in the search box: the rep types on where they stopped.
      await expect.poll(() => focusedName(panel)).toBe('Search tickets');
      await tab.type(number.slice(-1));
      await expect.poll(() => searchValue(panel)).toBe(number);
      expect(await numbers(panel)).toEqual([number]);
      // Shown again from what the extension already has: no Desk call.
      expect(sandbox.deskCalls({ path: /\/latestThread$/ })).toEqual([]);
    },
  },
];

const intoDesk: Scenario[] = [
  {
    title: 'Copy #<n> copies with one click and says Copied beside it',
    async run(world) {
      const { panel, number } = await contactWithTickets(world);
      expect(await panel.text()).not.toContain('Copied');
      await panel.click('button', `Copy ${number}`);
      await expect.poll(async () => (await panel.rows())[0]!.map((cell) => cell.text).join(' ')).toContain('Copied');
    },
  },
  {
    title: 'View all in Zoho Desk opens the contact’s page in Desk, and the account’s on an account',
    async run({ connect, open }) {
      await connect();
      const contact = await open(RECORDS.contact);
      await expectTickets(contact, RECORDS.contact);
      await expectInPanel(contact.panel(), 'link', 'View all in Zoho Desk');
      const contactLink = await contact.panel().evaluate((region) => {
        const link = [...region.querySelectorAll('a')].find((a) => a.textContent === 'View all in Zoho Desk');
        return { href: link?.getAttribute('href'), target: link?.getAttribute('target'), rel: link?.getAttribute('rel') };
      }, undefined);
      expect(contactLink.href).toMatch(/^https:\/\/desk\.zoho\.com\/.*Contacts/);
      expect(contactLink.target).toBe('_blank');
      expect(contactLink.rel).toMatch(/noopener/);

      const account = await open(RECORDS.account);
      await expectTickets(account, RECORDS.account);
      await expectInPanel(account.panel(), 'link', 'View all in Zoho Desk');
      const accountHref = await account
        .panel()
        .evaluate(
          (region) => [...region.querySelectorAll('a')].find((a) => a.textContent === 'View all in Zoho Desk')?.getAttribute('href'),
          undefined,
        );
      expect(accountHref).toMatch(/^https:\/\/desk\.zoho\.com\/.*Accounts/);
    },
  },
];

const layout: Scenario[] = [
  {
    title: 'in windows 566 (a 320 px panel), 900 and 1,920 px wide the panel never scrolls sideways',
    async run(world) {
      const { tab, panel, number } = await contactWithTickets(world);
      await panel.click('button', `Preview ${number}`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      // The sandbox CRM page keeps about 246 px beside the panel (its record rail and margins).
      for (const [window, panelWidth] of [
        [566, 320],
        [900, 654],
        [1920, 1674],
      ] as const) {
        await tab.resize(window);
        // Less the page's own scroll bar where the browser draws one.
        await expect
          .poll(async () => (await widths(panel)).clientWidth, `the panel in a ${window} px window`)
          .toBeGreaterThanOrEqual(panelWidth - 20);
        expect((await widths(panel)).clientWidth).toBeLessThanOrEqual(panelWidth);
        const { scrollWidth, clientWidth } = await widths(panel);
        expect(scrollWidth, `scrollWidth of a ${panelWidth} px panel`).toBe(clientWidth);
        // The number, subject, status and due date keep a box of their own.
        const row = (await panel.rows())[0]!;
        for (const column of ['Ticket', 'Status', 'Due date']) expect(cellOf(row, column), column).toBeDefined();
        expect(row.some((cell) => cell.link)).toBe(true);
        expect(await panel.countOf('region', `Ticket ${number} preview`)).toBe(1);
      }
    },
  },
  {
    title: 'the mouse wheel over the panel scrolls CRM’s record, as over CRM’s own fields',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await tab.resize(1280);
      await expectTickets(tab, RECORDS.contact);
      // CRM scrolls the record inside its own box, not the window.
      const recordScroll = () =>
        tab.evaluate(() => document.querySelector('lyte-tab-body.dv_content_tab_body')?.scrollTop ?? null, undefined);
      expect(await recordScroll()).toBe(0);
      await panel.wheel(200);
      await expect.poll(recordScroll).toBeGreaterThan(0);
      const scrolledDown = (await recordScroll())!;
      await panel.wheel(-100);
      await expect.poll(recordScroll).toBeLessThan(scrolledDown);
    },
  },
  {
    title: 'focus moves to the first new row after Show more',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      await panel.click('button', 'Show more');
      await expect.poll(async () => (await panel.rows()).length).toBe(RECORDS.contact.expectedTickets.A);
      const eleventh = numberOf((await panel.rows())[10]!)!;
      await expect.poll(() => focusedName(panel)).toContain(eleventh);
    },
  },
  {
    title: 'axe-core finds nothing: list, sorted, searched, no match, preview, and the card layout',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      await expectAxeClean(tab, 'list');
      await panel.click('button', 'Priority');
      await expect.poll(() => sortState(panel)).toContainEqual(['Priority', 'descending']);
      await expectAxeClean(tab, 'sorted by priority');
      await panel.click('button', 'Status');
      await expect.poll(() => sortState(panel)).toContainEqual(['Status', 'ascending']);
      const number = numberOf((await panel.rows())[0]!)!;
      await panel.click('button', `Preview ${number}`);
      await expect.poll(() => panel.text()).toContain('Latest message');
      await expectAxeClean(tab, 'preview open');
      await panel.click('button', `Copy ${number}`);
      await expectAxeClean(tab, 'copied');
      await panel.focus('searchbox', 'Search tickets');
      await tab.type('zzzz-no-such-ticket');
      await expect.poll(() => panel.text()).toContain('No tickets match');
      await expectAxeClean(tab, 'no match');

      await tab.resize(600);
      await expect.poll(async () => (await widths(panel)).clientWidth).toBeLessThan(400);
      await panel.click('searchbox', 'Search tickets');
      for (let i = 0; i < 'zzzz-no-such-ticket'.length; i++) await tab.press('Backspace');
      await expect.poll(async () => (await panel.rows()).length).toBe(10);
      // Cards: each value but the number and subject shows its column's name, to the eye only.
      expect(await shownColumnNames(panel)).toEqual(['', '', 'Status: ', 'Priority: ', 'Due date: ', 'Last modified: ', 'Assignee: ']);
      expect(await panel.countOf('cell', /^Status:/)).toBe(0);
      // The preview opened before the search is open again with its row.
      await expectInPanel(panel, 'region', `Ticket ${number} preview`);
      await expectAxeClean(tab, 'cards with a preview');
      await tab.resize(1280);
      await expect.poll(() => shownColumnNames(panel)).toEqual(['', '', '', '', '', '', '']);
    },
  },
];

const honest: Scenario[] = [
  {
    title: 'a busy Zoho Desk: a countdown, then the tickets; busy again past 30 s, the rows stay and the panel says it stopped',
    async run({ connect, open, sandbox }) {
      await connect();
      const busy = (retryAfterSec: number, times = 1) =>
        sandbox.addFault({
          host: 'desk.zoho.com',
          path: '/api/v1/tickets/search',
          status: 429,
          errorCode: 'TOO_MANY_REQUESTS',
          retryAfterSec,
          times,
        });
      busy(6);
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expect
        .poll(() => panel.textsOf('status'), { timeout: 20_000 })
        .toContainEqual(expect.stringMatching(/^Zoho Desk is busy; trying again in [1-6] s$/));
      await expectTickets(tab, RECORDS.contact);
      const fetchedAt = Date.now();
      // Refresh asks Desk again once the rows are 10 s old (sooner, it shows the rows it just fetched).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, fetchedAt + 10_500 - Date.now())));
      busy(12);
      busy(20);
      await panel.click('button', 'Refresh');
      await expect.poll(() => panel.textsOf('status')).toContainEqual(expect.stringMatching(/^Zoho Desk is busy; trying again in \d+ s$/));
      expect(await panel.rows()).toHaveLength(10);
      // 12 s, then 20 s more would pass 30 s: it stops and says so, with the rows.
      await expect
        .poll(() => panel.text(), { timeout: 25_000 })
        .toContain('Zoho Desk is busy. Zoho Desk is still busy, so DeskLink stopped trying. Press Refresh in a minute.');
      expect(await panel.text()).toMatch(/Saved (now|\d+ (seconds?|minutes?) ago)/);
      expect(await panel.rows()).toHaveLength(10);
      expect(await panel.countOf('status', /trying again/)).toBe(0);
    },
  },
  {
    title: 'No tickets names the emails it searched',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.noTickets);
      await expect.poll(() => tab.panel().text()).toContain('No tickets');
      expect(await tab.panel().text()).toContain(`Searched Zoho Desk for ${RECORDS.noTickets.emails[0]}.`);
      await expectAxeClean(tab, 'no tickets');
    },
  },
];

const japanese: Scenario[] = [
  {
    title: 'Japanese: search, sort, preview and copy in Japanese words',
    async run({ connect, open }) {
      await connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
      const tab = await open(RECORDS.japanese);
      const panel = tab.panel(JAPANESE_REGION);
      await expectTickets(tab, RECORDS.japanese, { region: JAPANESE_REGION, all: 'すべて' });
      expect(await panel.countOf('searchbox', '問い合わせを検索')).toBe(1);
      // Zoho Desk's own word for a ticket throughout, and "just now" as Japanese says it.
      expect(await panel.text()).not.toContain('チケット');
      expect(await panel.text()).toMatch(/たった今更新|前に更新/);
      expect(await sortState(panel)).toContainEqual(['ステータス', 'ascending']);
      const number = numberOf((await panel.rows())[0]!)!;
      await panel.click('button', `${number} をプレビュー`);
      await expectInPanel(panel, 'region', `問い合わせ ${number} のプレビュー`);
      await expect.poll(() => panel.text()).toContain('最新のメッセージ');
      await panel.click('button', `${number} をコピー`);
      await expect.poll(() => panel.text()).toContain('コピーしました');
      await expectAxeClean(tab, 'Japanese preview');
    },
  },
];

export const PANEL_V2_SCENARIOS: ScenarioGroup[] = [
  { title: 'order, sort and search', scenarios: order },
  { title: 'accounts', scenarios: accounts },
  { title: 'preview', scenarios: preview },
  { title: 'CRM renders the record again', scenarios: kept },
  { title: 'into Desk', scenarios: intoDesk },
  { title: 'layout, focus and axe', scenarios: layout },
  { title: 'honest states', scenarios: honest },
  { title: 'Japanese', scenarios: japanese },
];
