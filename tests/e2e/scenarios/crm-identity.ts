/**
 * Who a record is, from Zoho CRM's REST API when the sign-in holds CRM's read scopes, written
 * once and run in both browsers (tests/e2e/crm-identity.spec.ts in Chromium,
 * tests/e2e/firefox-crm-identity.spec.ts in Firefox ESR): the admin signs in with Zoho on the
 * options page (the CRM box ticked or not) and a rep opens a record. With the scopes, a Contact
 * whose page shows an old email still shows the tickets of the email CRM holds; without them the
 * page's email is searched and CRM's API is never called; a UK organisation's record shows its
 * panel, its identity read from www.zohoapis.uk.
 */
import { expect } from '@playwright/test';
import type { DataCentreId } from '../../../lib/shared/data-centres';
import { DATA_CENTRES } from '../../../lib/shared/data-centres';
import { OAUTH_CLIENT_ID, RECORDS, type OAuthUser } from '../../sandbox/fixtures';
import type { OptionsWorld } from '../support/options-driver';
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

/** The emails every Desk ticket search asked for. */
const searchedEmails = (world: OptionsWorld) => world.sandbox.deskCalls({ path: '/api/v1/tickets/search' }).map((call) => call.query.email);

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
