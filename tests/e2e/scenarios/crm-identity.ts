/**
 * Who a record is, from Zoho CRM's REST API when the sign-in holds CRM's read scopes, written
 * once and run in both browsers (tests/e2e/crm-identity.spec.ts in Chromium,
 * tests/e2e/firefox-crm-identity.spec.ts in Firefox ESR): the admin signs in with Zoho on the
 * options page (the CRM box ticked or not) and a rep opens a record. With the scopes, a Contact
 * whose page shows an old email still shows the tickets of the email CRM holds; without them the
 * page's email is searched and CRM's API is never called; a UK organisation's record shows its
 * panel, its identity read from www.zohoapis.uk. With the scopes the panel also asks as soon as the
 * address names the record: its tickets show while CRM's page still loads it, the page's reading
 * later makes no second search, a record left before CRM answered costs no Desk call, New
 * ticket pressed meanwhile gets its fields once the page shows the record, and Refresh pressed
 * meanwhile asks Desk again with CRM's email. A CRM API that never
 * answers costs the panel its deadline, after which the page's email is searched; a ZSC key saved
 * after the sign-in searches the page's email, not CRM's remembered one, and a repeat view asks
 * Desk nothing.
 */
import { expect } from '@playwright/test';
import type { DataCentreId } from '../../../lib/shared/data-centres';
import { DATA_CENTRES } from '../../../lib/shared/data-centres';
import { OAUTH_CLIENT_ID, RECORDS, recordPath, type OAuthUser, type RecordFixture } from '../../sandbox/fixtures';
import type { OptionsWorld } from '../support/options-driver';
import type { CrmTab } from '../support/panel-driver';
import { cellOf, expectInPanel } from '../support/panel-steps';

interface CrmIdentityScenario {
  title: string;
  run: (world: OptionsWorld) => Promise<void>;
}

const READ_CRM = 'Read the record’s name and emails from Zoho CRM';

/** The admin signs in with Zoho as `user` (CRM box as `readCrm`), keeps the portal offered, and saves. */
async function signInAndSave(
  world: OptionsWorld,
  { user, dataCentre, readCrm }: { user: OAuthUser; dataCentre: DataCentreId; readCrm: boolean },
) {
  world.sandbox.oauth.reset();
  world.sandbox.oauth.setUser(user);
  const options = await world.openOptions();
  await options.select('Data center', dataCentre);
  await options.fill('Client ID', OAUTH_CLIENT_ID);
  await options.setChecked(READ_CRM, readCrm);
  await options.signInWithZoho('Accept');
  await options.click('Save');
  await options.regionText('Connected to Zoho Desk');
}

/** CRM REST calls the sandbox answered, on any data centre's API host. */
const crmApiCalls = (world: OptionsWorld) => world.sandbox.log.filter((entry) => entry.host.startsWith('www.zohoapis.'));

/** CRM REST calls for this record (any API version's path). */
const crmReadsOf = (world: OptionsWorld, record: RecordFixture) =>
  crmApiCalls(world).filter((entry) => entry.path.endsWith(`/${record.module}/${record.recordId}`));

/** The emails every Desk ticket search asked for (one search may ask for several). */
const searchedEmails = (world: OptionsWorld) =>
  world.sandbox.deskCalls({ path: '/api/v1/tickets/search' }).flatMap((call) => call.query.email?.split(',') ?? []);

/** The request CRM's own page makes for the record's data before it draws the record. */
const crmPageRequest = (record: RecordFixture) => `/crm/v2.2/${record.module}/${record.recordId}`;

/** CRM's page never gets the record it asks its own server for: it stays on its loading state. */
const crmPageNeverShows = (world: OptionsWorld, record: RecordFixture) =>
  world.sandbox.addFault({ host: 'crm.zoho.com', path: crmPageRequest(record), body: 'hang' });

/** What CRM's own page shows where it draws the record: its loading text until it has rendered one. */
const crmContentText = (tab: CrmTab) => tab.evaluate(() => document.getElementById('crmContent')?.innerText.trim() ?? '', undefined);

/** The record CRM's page has drawn (its path), or null while it still loads the first one. */
const renderedPath = (tab: CrmTab) => tab.evaluate(() => document.documentElement.getAttribute('data-crm-rendered'), undefined);

export const CRM_IDENTITY_SCENARIOS: readonly CrmIdentityScenario[] = [
  {
    title: 'with Zoho CRM read scopes, a Contact whose page shows an old email shows the tickets of the email CRM holds',
    async run(world) {
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        const record = RECORDS.movedContact;
        const panel = (await world.open(record)).panel();
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        const subjects = (await panel.rows()).map((row) => cellOf(row, 'Subject')?.text ?? '').join('\n');
        expect(subjects).toContain('Renewal quote for 2027');
        expect(subjects).toContain('Onboarding call notes');
        // CRM's API was asked for this record, with only the fields needed.
        const calls = crmApiCalls(world);
        expect(calls.map((call) => [call.host, call.path, call.status])).toContainEqual([
          'www.zohoapis.com',
          `/crm/v8/Contacts/${record.recordId}`,
          200,
        ]);
        expect(calls[0]!.query.fields?.split(',')).toEqual(expect.arrayContaining(['Email', 'Secondary_Email']));
        expect(searchedEmails(world)).toContain(record.emails[0]);
        // The admin's diagnostics say where the customer was read.
        // Diagnostics fill in after the page shows: read them once they have.
        const options = await world.openOptions();
        await expect.poll(() => options.regionText('Diagnostics')).toContain('Read from Zoho CRM’s API');
      } finally {
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'without Zoho CRM read scopes, the email the page shows is searched and CRM’s API is not called',
    async run(world) {
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: false });
        world.sandbox.clearLog();
        const record = RECORDS.movedContact;
        const panel = (await world.open(record)).panel();
        await expect.poll(() => panel.text(), { timeout: 20_000 }).toContain('No tickets');
        expect(await panel.rows()).toHaveLength(0);
        expect(searchedEmails(world)).toEqual(expect.arrayContaining([record.pageEmails[0]]));
        expect(searchedEmails(world)).not.toContain(record.emails[0]);
        expect(crmApiCalls(world)).toHaveLength(0);
        const options = await world.openOptions();
        await expect.poll(() => options.regionText('Diagnostics')).toContain('Read from the page');
        expect(await options.regionText('Diagnostics')).toContain('the sign-in holds no Zoho CRM read scope for this module');
      } finally {
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'with Zoho CRM read scopes, the panel shows the record’s tickets while CRM’s page is still loading it, with one Desk search',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        crmPageNeverShows(world, record);
        const tab = await world.open(record);
        const panel = tab.panel();
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        const subjects = (await panel.rows()).map((row) => cellOf(row, 'Subject')?.text ?? '').join('\n');
        expect(subjects).toContain('Renewal quote for 2027');
        // Read after the rows: CRM's page has still drawn neither the record nor the email it shows.
        expect(await crmContentText(tab)).toBe('Loading...');
        expect(await renderedPath(tab)).toBeNull();
        expect(searchedEmails(world)).toEqual([record.emails[0]]);
        expect(crmReadsOf(world, record)).toHaveLength(1);
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: '… and once CRM’s page shows the record, no second search is made',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        // CRM's API answers after its page has shown the record and the panel has read it there:
        // a search made for the page's reading would reach Desk before the rows show.
        world.sandbox.addFault({ host: 'www.zohoapis.com', delayMs: 3_000 });
        const tab = await world.open(record);
        const panel = tab.panel();
        await expect.poll(() => renderedPath(tab)).toBe(recordPath(record));
        expect(await crmContentText(tab)).toContain(record.pageEmails[0]);
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        expect(searchedEmails(world)).toEqual([record.emails[0]]);
        expect(crmReadsOf(world, record)).toHaveLength(1);
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'New ticket pressed while the rows show before CRM’s page shows the record: its fields come once the page does',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        // CRM's page gets its record seconds after DeskLink has shown the rows.
        world.sandbox.addFault({ host: 'crm.zoho.com', path: crmPageRequest(record), delayMs: 3_000 });
        const tab = await world.open(record);
        const panel = tab.panel();
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        expect(await renderedPath(tab)).toBeNull();
        await panel.click('button', 'New ticket');
        await expectInPanel(panel, 'dialog', 'New ticket');
        await expect.poll(() => renderedPath(tab), { timeout: 20_000 }).toBe(recordPath(record));
        await expectInPanel(panel, 'textbox', 'Subject', { timeout: 20_000 });
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'Refresh pressed while cached rows show before CRM’s page shows the record asks Desk again with CRM’s email',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        crmPageNeverShows(world, record);
        await expectInPanel((await world.open(record)).panel(), 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        // Refresh asks Desk about a record at most once in ten seconds (sooner it answers with the
        // rows just fetched): the rep opens the record again, in another tab, after those.
        await new Promise((resolve) => setTimeout(resolve, 10_500));
        const tab = await world.open(record);
        const panel = tab.panel();
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        expect(searchedEmails(world)).toEqual([record.emails[0]]);
        // Desk's next answer is slowed so the press shows.
        world.sandbox.addFault({ host: 'desk.zoho.com', delayMs: 1_500 });
        await panel.click('button', 'Refresh');
        await expect.poll(() => panel.textsOf('status')).toContain('Checking Zoho Desk for changes…');
        await expect.poll(() => searchedEmails(world)).toEqual([record.emails[0], record.emails[0]]);
        await expect.poll(() => panel.textsOf('status')).not.toContain('Checking Zoho Desk for changes…');
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.A}`);
        expect(await renderedPath(tab)).toBeNull();
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'a record the rep leaves before CRM answers costs no Desk call',
    async run(world) {
      const left = RECORDS.noTickets;
      // The record before it in CRM's list: its page's `Previous record` arrow leads there.
      const next = RECORDS.contact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        // Every CRM read takes seconds. The next record's is asked after the left one's, so by the
        // time its rows show, the left record's answer has come and whatever it led to has reached Desk.
        world.sandbox.addFault({ host: 'www.zohoapis.com', delayMs: 4_000 });
        const tab = await world.open(left);
        // The rep reads the record while CRM's API is asked who it is, and moves on before it answers.
        await expect.poll(() => crmReadsOf(world, left).length, { timeout: 20_000 }).toBe(1);
        await expect.poll(() => renderedPath(tab)).toBe(recordPath(left));
        await tab.clickPage('link', 'Previous record');
        expect(crmReadsOf(world, left)[0]!.status).toBe(0);
        await expectInPanel(tab.panel(), 'tab', `All ${next.expectedTickets.A}`, { timeout: 20_000 });
        await expect.poll(() => crmReadsOf(world, left)[0]!.status).not.toBe(0);
        expect(searchedEmails(world)).toEqual(expect.arrayContaining([next.emails[0]]));
        for (const email of left.emails) expect(searchedEmails(world)).not.toContain(email);
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'with Zoho CRM read scopes, a CRM API that never answers: the panel goes on with the page’s email',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        world.sandbox.clearLog();
        world.sandbox.addFault({ host: 'www.zohoapis.com', body: 'hang' });
        const panel = (await world.open(record)).panel();
        // The page's email has no tickets; CRM's newer one would have shown two.
        await expect.poll(() => panel.text(), { timeout: 30_000 }).toContain('No tickets');
        expect(searchedEmails(world)).toContain(record.pageEmails[0]);
        expect(searchedEmails(world)).not.toContain(record.emails[0]);
        expect(crmReadsOf(world, record)).toHaveLength(1);
        const options = await world.openOptions();
        await expect.poll(() => options.regionText('Diagnostics')).toContain('did not answer in time');
      } finally {
        world.sandbox.clearFaults();
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title:
      'connected again with a ZSC key after a CRM sign-in: the page’s email’s tickets, not CRM’s remembered one’s, and a second view asks Desk nothing',
    async run(world) {
      const record = RECORDS.movedContact;
      try {
        await signInAndSave(world, { user: 'admin', dataCentre: 'com', readCrm: true });
        await expectInPanel((await world.open(record)).panel(), 'tab', `All ${record.expectedTickets.A}`, { timeout: 20_000 });
        await world.connect();
        world.sandbox.clearLog();
        // A key cannot read CRM: the page's email, whose list is empty, not CRM's remembered one.
        const first = (await world.open(record)).panel();
        await expect.poll(() => first.text(), { timeout: 20_000 }).toContain('No tickets');
        expect(searchedEmails(world)).not.toContain(record.emails[0]);
        const calls = world.sandbox.deskCalls().length;
        const again = (await world.open(record)).panel();
        await expect.poll(() => again.text(), { timeout: 20_000 }).toContain('No tickets');
        expect(world.sandbox.deskCalls()).toHaveLength(calls);
        expect(crmApiCalls(world)).toHaveLength(0);
      } finally {
        world.sandbox.oauth.reset();
      }
    },
  },
  {
    title: 'a UK organisation’s record shows its panel: identity from www.zohoapis.uk, tickets from desk.zoho.uk',
    async run(world) {
      try {
        await signInAndSave(world, { user: 'ukAdmin', dataCentre: 'uk', readCrm: true });
        world.sandbox.clearLog();
        const record = RECORDS.ukContact;
        const panel = (await world.open(record, { dc: 'uk' })).panel();
        await expectInPanel(panel, 'tab', `All ${record.expectedTickets.U}`, { timeout: 20_000 });
        for (const row of await panel.rows()) expect(cellOf(row, 'Subject')?.link?.href).toMatch(/^https:\/\/desk\.zoho\.uk\//);
        expect([...new Set(world.sandbox.deskCalls().map((call) => call.host))]).toEqual([DATA_CENTRES.uk.deskHost]);
        expect(crmApiCalls(world).map((call) => [call.host, call.path, call.status])).toContainEqual([
          'www.zohoapis.uk',
          `/crm/v8/Contacts/${record.recordId}`,
          200,
        ]);
      } finally {
        world.sandbox.oauth.reset();
      }
    },
  },
];
