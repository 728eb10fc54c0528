/**
 * Zoho's published API as a user meets it, written once and run in both browsers
 * (tests/e2e/contract.spec.ts in Chromium, tests/e2e/firefox-contract.spec.ts in Firefox ESR):
 * an Account's tickets over three pages of Zoho's list, a ticket Zoho sends with nulls beside
 * normal ones, a UK record whose tickets come from desk.zoho.uk, and Zoho's error codes in their
 * own words. The sandbox varies every answer within what Zoho's files allow (its seed is printed).
 * Each scenario starts with DeskLink unconfigured and reads the panel through the driver.
 */
import { expect } from '@playwright/test';
import { ALL_READ_SCOPES, keyWithScopes } from '../../sandbox/desk/access';
import { ADMIN_EMAIL, KEYS, OAUTH_USERS, PORTALS, RECORDS } from '../../sandbox/fixtures';
import { unwrap } from '../support/admin';
import type { PanelWorld } from '../support/panel-driver';
import { cellOf, expectInPanel, expectTickets } from '../support/panel-steps';

export interface ContractScenario {
  title: string;
  /**
   * Needs a browser of its own: the scenario leaves the background in a state a deactivation
   * does not undo (a portal whose API credits are spent stays paused until Zoho renews them).
   */
  ownBrowser?: true;
  run: (world: PanelWorld) => Promise<void>;
}

export const CONTRACT_SCENARIOS: readonly ContractScenario[] = [
  {
    title: 'an Account with 250 tickets shows All 250: its ticket list is read page by page to the end',
    async run({ connect, open, sandbox }) {
      await connect();
      const tab = await open(RECORDS.bigAccount);
      const panel = tab.panel();
      await expect.poll(() => panel.countOf('tab', 'All 250'), { timeout: 30_000 }).toBe(1);
      expect(await panel.rows()).toHaveLength(10);
      const counts = (await panel.textsOf('tab')).map((text) => Number(/(\d+)$/.exec(text)?.[1]));
      expect(counts[1]! + counts[2]! + counts[3]!).toBe(250);
      // Zoho's account list counts `from` from 1 and (in its older files) gives at most 99 a page:
      // each page asked for explicitly, starting where the last one ended, until the list ends.
      const pages = sandbox
        .deskCalls({ path: /^\/api\/v1\/accounts\/\d+\/tickets$/ })
        .filter((call) => call.status === 200)
        .map((call) => ({ from: Number(call.query.from), limit: Number(call.query.limit) }))
        .sort((a, b) => a.from - b.from);
      expect(pages[0]?.from).toBe(1);
      for (const [i, page] of pages.entries()) {
        expect(page.limit).toBeGreaterThan(0);
        expect(page.limit).toBeLessThanOrEqual(99);
        if (i > 0) expect(page.from).toBe(pages[i - 1]!.from + pages[i - 1]!.limit);
      }
      expect(pages).toHaveLength(Math.ceil(250 / pages[0]!.limit));
    },
  },
  {
    title: 'a ticket Zoho sends with no subject, status, assignee or due date shows beside the normal ones',
    async run({ connect, open }) {
      await connect();
      const tab = await open(RECORDS.sparse);
      const panel = tab.panel();
      await expectTickets(tab, RECORDS.sparse);
      // A status Zoho did not name counts under All only.
      expect(await panel.textsOf('tab')).toEqual(['All 3', 'Open 1', 'On hold 0', 'Closed 1']);
      const rows = await panel.rows();
      const subject = (row: (typeof rows)[number]) => cellOf(row, 'Subject')?.text;
      const sparse = rows.filter((row) => subject(row) === 'Subject: (no subject)');
      expect(sparse).toHaveLength(1);
      expect(cellOf(sparse[0]!, 'Status')?.text).toBe('Status: Unknown status');
      expect(cellOf(sparse[0]!, 'Due date')?.text).toBe('Due date: —');
      expect(cellOf(sparse[0]!, 'Assignee')?.text).toBe('Assignee: —');
      // Still a ticket of Desk: its number, and its link there.
      expect(cellOf(sparse[0]!, 'Ticket')?.text).toMatch(/^Ticket: #\d+$/);
      expect(cellOf(sparse[0]!, 'Subject')?.link?.href).toMatch(/^https:\/\/desk\.zoho\.com\//);
      const others = rows.filter((row) => row !== sparse[0]);
      expect(others.map(subject).sort()).toEqual(['Subject: Invoice copy, please', 'Subject: Thanks for the quick fix']);
      for (const row of others) expect(cellOf(row, 'Status')?.text).not.toBe('Status: Unknown status');
    },
  },
  {
    title: 'a UK record on crm.zoho.uk shows its tickets from desk.zoho.uk',
    async run({ sendAdmin, open, sandbox }) {
      const portal = PORTALS.U;
      unwrap(
        await sendAdmin({
          command: 'setup.save',
          dataCentre: 'uk',
          credential: { kind: 'zsc', key: KEYS.ukAdmin, email: OAUTH_USERS.ukAdmin.email },
          portalId: portal.id,
          language: 'en',
          timeZone: portal.timeZone,
        }),
        'setup.save',
      );
      sandbox.clearLog();
      const tab = await open(RECORDS.ukContact, { dc: 'uk' });
      const panel = tab.panel();
      const total = RECORDS.ukContact.expectedTickets.U;
      await expectInPanel(panel, 'tab', `All ${total}`, { timeout: 20_000 });
      const rows = await panel.rows();
      expect(rows).toHaveLength(total);
      for (const row of rows) expect(cellOf(row, 'Subject')?.link?.href).toMatch(/^https:\/\/desk\.zoho\.uk\//);
      expect(await panel.text()).not.toMatch(/This CRM page is on/);
      const hosts = new Set(sandbox.deskCalls().map((call) => call.host));
      expect([...hosts]).toEqual(['desk.zoho.uk']);
    },
  },
  {
    title: 'LICENSE_ACCESS_LIMITED: the panel says an agent or light agent licence is needed',
    async run({ connect, open, sandbox }) {
      await connect();
      sandbox.addFault({ host: 'desk.zoho.com', path: '/api/v1/', errorCode: 'LICENSE_ACCESS_LIMITED' });
      const panel = (await open(RECORDS.lead)).panel();
      await expect
        .poll(() => panel.text(), { timeout: 20_000 })
        .toContain(
          'The Zoho user of the saved key or sign-in has no agent licence in this Zoho Desk portal. Reading tickets needs a Zoho Desk agent or light agent licence: ask your Zoho Desk admin.',
        );
      expect(await panel.rows()).toHaveLength(0);
    },
  },
  {
    title: 'SCOPE_MISMATCH: a key without Desk.search.READ gets the panel naming the scopes to add',
    async run({ sendAdmin, open }) {
      // Portals and the agent need no search scope, so the key passes setup; the first search is refused.
      const key = keyWithScopes(ALL_READ_SCOPES.filter((scope) => scope !== 'Desk.search.READ'));
      unwrap(
        await sendAdmin({
          command: 'setup.save',
          dataCentre: 'com',
          credential: { kind: 'zsc', key, email: ADMIN_EMAIL },
          portalId: PORTALS.A.id,
          language: 'en',
          timeZone: PORTALS.A.timeZone,
        }),
        'setup.save',
      );
      const panel = (await open(RECORDS.lead)).panel();
      await expect
        .poll(() => panel.text(), { timeout: 20_000 })
        .toMatch(
          /lacks a scope Zoho Desk asks for here: (Desk\.\w+\.READ, )*Desk\.search\.READ(, Desk\.\w+\.READ)*\. An admin must add it/,
        );
      expect(await panel.rows()).toHaveLength(0);
    },
  },
  {
    title: 'THRESHOLD_EXCEEDED: the panel says the day’s API credits are spent, and DeskLink stops asking Desk',
    ownBrowser: true,
    async run({ connect, open, sandbox }) {
      await connect();
      // Zoho's answer once the day's credits are spent, with two hours until they are renewed.
      sandbox.addFault({ host: 'desk.zoho.com', path: '/api/v1/', errorCode: 'THRESHOLD_EXCEEDED', retryAfterSec: 7200 });
      const words =
        'This Zoho Desk portal has used up its API credits for today. DeskLink makes no Desk calls until Zoho renews them, in about 2 h; cached tickets are shown when available.';
      const first = (await open(RECORDS.lead)).panel();
      await expect.poll(() => first.text(), { timeout: 20_000 }).toContain(words);
      // Another record, with Desk answering again: the portal stays paused, without a call.
      sandbox.clearFaults();
      sandbox.clearLog();
      const second = (await open(RECORDS.contact)).panel();
      await expect.poll(() => second.text(), { timeout: 20_000 }).toContain(words);
      expect(await second.rows()).toHaveLength(0);
      expect(sandbox.deskCalls()).toEqual([]);
    },
  },
];
