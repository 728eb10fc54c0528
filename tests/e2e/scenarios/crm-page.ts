/**
 * Every record a rep opens, written once and run in both browsers (crm-page.spec.ts in Chromium,
 * firefox-crm-page.spec.ts in Firefox ESR): a contact whose email fields render only once scrolled
 * into view, a masked email, a contact without email matched by its CRM link, a Deal (its
 * contact's and its account's tickets, each row saying whose, in English and Japanese, also on a
 * crmsandbox host), and the `Zoho Desk tickets` item in CRM's related-list rail.
 */
import { expect } from '@playwright/test';
import { DEAL, dealPath, RECORDS } from '../../sandbox/fixtures';
import type { CrmTab, PanelRegion } from '../support/panel-driver';
import { cellOf, expectTickets } from '../support/panel-steps';
import type { Scenario, ScenarioGroup } from './panel';

const NO_EMAIL_NOTE =
  'No email address could be read on this page, so DeskLink shows the tickets of the Zoho Desk contacts linked to this Zoho CRM record.';
const MASKED_NOTE =
  'The email address is masked on this page, so DeskLink shows the tickets of the Zoho Desk contacts linked to this Zoho CRM record.';

/** The CRM page's scroll position (CRM scrolls its content box, not the window). */
const scrollTop = (tab: CrmTab) => tab.evaluate(() => document.querySelector('lyte-tab-body')?.scrollTop ?? -1, undefined);

/** The subjects of the shown rows (with whose ticket each is, on a deal). */
const subjects = async (panel: PanelRegion) => (await panel.rows()).map((row) => cellOf(row, 'Subject')?.text ?? '');

/** Emails DeskLink sent Zoho Desk in searches. */
const searchedEmails = (world: Parameters<Scenario['run']>[0]) =>
  world.sandbox
    .deskCalls({ path: /\/search$/ })
    .map((call) => call.query.email)
    .filter((email): email is string => email !== undefined);

const readers: Scenario[] = [
  {
    title: 'a contact whose email renders only once scrolled into view: its linked tickets first, all of them once the rep scrolls',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact, { variant: 'lazy' });
      const panel = tab.panel();
      await expect.poll(() => panel.text()).toContain(NO_EMAIL_NOTE);
      // Until then: the tickets of the Desk contact linked to the record (3 of its 14).
      await expect.poll(async () => (await panel.rows()).length).toBe(3);
      // DeskLink scrolled nothing to read the field.
      expect(await scrollTop(tab)).toBe(0);
      // The rep scrolls down to the email fields.
      await tab.evaluate(() => document.querySelector('#mouseArea__Email')!.scrollIntoView({ block: 'center' }), undefined);
      await expectTickets(tab, RECORDS.contact);
      await expect.poll(() => panel.text()).not.toContain(NO_EMAIL_NOTE);
    },
  },
  {
    title: 'a masked email is never searched: the panel says so and shows the linked contact’s tickets',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.contact, { variant: 'masked' });
      const panel = tab.panel();
      await expect.poll(() => panel.text()).toContain(MASKED_NOTE);
      await expect.poll(async () => (await panel.rows()).length).toBe(3);
      expect(searchedEmails(world).filter((email) => email.includes('*'))).toEqual([]);
      expect(world.sandbox.deskCalls({ path: '/api/v1/tickets/search' })).toHaveLength(0);
    },
  },
  {
    title: 'the record’s own email when live components also show other people’s in a related list and the timeline',
    async run(world) {
      await world.connect();
      const tab = await world.open(RECORDS.contact, { variant: 'pagewide' });
      await expect.poll(async () => (await tab.panel().rows()).length).toBeGreaterThan(0);
      const searched = searchedEmails(world).join(',');
      expect(searched).toContain(RECORDS.contact.emails[0]);
      expect(searched).not.toContain('decoy.example');
    },
  },
  {
    title: 'a contact without email is matched by its CRM link, not by a namesake',
    async run({ connect, open }) {
      await connect();
      const panel = (await open(RECORDS.linked)).panel();
      await expect.poll(() => panel.text()).toContain(NO_EMAIL_NOTE);
      await expect.poll(async () => (await panel.rows()).length).toBe(RECORDS.linked.expectedTickets.A);
      expect((await subjects(panel)).join()).not.toContain('Not the Fabrikam Tomasz');
    },
  },
];

const deals: Scenario[] = [
  {
    title: 'a deal lists its contact’s and its account’s tickets once each, each row saying whose',
    async run({ connect, open }) {
      await connect();
      const tab = await open(dealPath(DEAL));
      const panel = tab.panel();
      await expect.poll(async () => (await panel.rows()).length).toBe(DEAL.expectedTickets.all);
      const shown = await subjects(panel);
      expect(shown.filter((subject) => subject.endsWith(DEAL.contact.name))).toHaveLength(DEAL.expectedTickets.contact);
      expect(shown.filter((subject) => subject.endsWith('Account'))).toHaveLength(DEAL.expectedTickets.account);
      expect(await tab.hostCount()).toBe(1);
    },
  },
  {
    title: 'a deal on a crmsandbox host, in Japanese: the account’s tickets say 取引先',
    async run({ connect, open }) {
      await connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
      const panel = (await open(dealPath(DEAL), { crmSandbox: true })).panel('Zoho Desk の問い合わせ');
      await expect.poll(async () => (await panel.rows()).length).toBe(DEAL.expectedTickets.all);
      const shown = (await panel.rows()).map((row) => row.find((cell) => cell.text.startsWith('件名'))?.text ?? '');
      expect(shown.filter((subject) => subject.endsWith('取引先'))).toHaveLength(DEAL.expectedTickets.account);
      expect(shown.filter((subject) => subject.endsWith(DEAL.contact.name))).toHaveLength(DEAL.expectedTickets.contact);
    },
  },
];

/** Whether the panel's document has its focus on the region or inside it. */
const panelHasFocus = (panel: PanelRegion) =>
  panel.evaluate((region) => {
    const active = region.ownerDocument.activeElement;
    return active === region || region.contains(active);
  }, undefined);

const rail: Scenario[] = [
  {
    title: 'the rail item shows the open count, and a rep’s click scrolls to the panel and focuses it; a page script’s click does nothing',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.contact);
      // 8 of the contact's tickets are open.
      const railText = () =>
        tab.evaluate(() => [...document.querySelectorAll('.dv_leftRail li')].map((li) => (li.textContent ?? '').trim()), undefined);
      await expect.poll(railText).toContain('Zoho Desk tickets 8');
      // Beside CRM's own related lists, before its "Add Related List".
      const items = await railText();
      expect(items.indexOf('Zoho Desk tickets 8')).toBe(items.indexOf('Add Related List') - 1);
      // The rep has scrolled to the end of the record: the panel is out of view above.
      await tab.evaluate(() => {
        const box = document.querySelector('lyte-tab-body')!;
        box.scrollTop = box.scrollHeight;
      }, undefined);
      const below = await scrollTop(tab);
      expect(below).toBeGreaterThan(0);
      expect(await tab.readHosts((hosts) => hosts[0]!.getBoundingClientRect().bottom)).toBeLessThan(105);
      // A page script pressing the item changes nothing.
      await tab.evaluate(() => {
        document.querySelector<HTMLButtonElement>('[data-desklink="rail"] button')!.click();
      }, undefined);
      expect(await scrollTop(tab)).toBe(below);
      expect(await panelHasFocus(panel)).toBe(false);
      await tab.clickPage('button', /^Zoho Desk tickets/);
      await expect.poll(() => panelHasFocus(panel)).toBe(true);
      expect(await scrollTop(tab)).toBeLessThan(below);
      const hostTop = await tab.readHosts((hosts) => hosts[0]!.getBoundingClientRect().top);
      expect(hostTop).toBeGreaterThanOrEqual(0);
      expect(hostTop).toBeLessThan(300);
    },
  },
  {
    title: 'without a rail the panel shows as always and nothing else is added',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.contact, { variant: 'norail' });
      await expectTickets(tab, RECORDS.contact);
      expect(await tab.evaluate(() => document.querySelectorAll('[data-desklink="rail"]').length, undefined)).toBe(0);
    },
  },
];

export const CRM_PAGE_SCENARIOS: ScenarioGroup[] = [
  { title: 'reading the record', scenarios: readers },
  { title: 'deals', scenarios: deals },
  { title: 'the rail', scenarios: rail },
];
