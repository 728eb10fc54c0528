/**
 * A company's own CRM address, as an admin meets it on the options page, written once and run in
 * both browsers (tests/e2e/crm-domains.spec.ts in Chromium, tests/e2e/firefox-crm-domains.spec.ts
 * in Firefox ESR). The sandbox serves the same CRM record pages on crm.example.co.jp as on
 * crm.zoho.com. Until the admin adds the address, DeskLink does not run there; added (and
 * allowed by the browser), the record shows its tickets; removed, the panel goes from the open tab
 * and does not come back on a new one. An address that is not https, has a path, or is Zoho's own
 * is refused with a sentence saying why.
 */
import { expect } from '@playwright/test';
import { RECORDS } from '../../sandbox/fixtures';
import { COMPANY_CRM_HOSTS } from '../../sandbox/index';
import type { OptionsWorld } from '../support/options-driver';
import { expectInPanel } from '../support/panel-steps';

export interface CrmDomainWorld extends OptionsWorld {
  /** The admin will answer the browser's permission prompt for `origin` with Allow. */
  answerPromptWithAllow: (origin: string) => Promise<void>;
}

interface CrmDomainScenario {
  title: string;
  run: (world: CrmDomainWorld) => Promise<void>;
}

const HOST = COMPANY_CRM_HOSTS[0]!;
const SECTION = 'Company CRM addresses';

/** A tab on Zoho's own CRM host whose panel shows proves DeskLink had time to run in the tabs opened before it. */
async function zohoPanelShows(world: CrmDomainWorld): Promise<void> {
  await expectInPanel((await world.open(RECORDS.contact)).panel(), 'tab', /^All 14/);
}

export const CRM_DOMAIN_SCENARIOS: readonly CrmDomainScenario[] = [
  {
    title: 'a company CRM address added on the options page shows the panel on its records; removed, the panel no longer shows there',
    run: async (world) => {
      await world.connect();
      const before = await world.open(RECORDS.contact, { host: HOST });
      await zohoPanelShows(world);
      expect(await before.hostCount()).toBe(0);

      const options = await world.openOptions();
      await world.answerPromptWithAllow(`https://${HOST}/*`);
      await options.fill('CRM address', `https://${HOST}/`);
      await options.click('Add address');
      await expect.poll(() => options.regionText(SECTION)).toContain(`Added ${HOST}.`);
      expect(await options.regionText(SECTION)).toContain(`https://${HOST} The panel shows on this address.`);

      const tab = await world.open(RECORDS.contact, { host: HOST });
      await expectInPanel(tab.panel(), 'tab', /^All 14/);

      await options.click(`Remove ${HOST}`);
      await expect.poll(() => options.regionText(SECTION)).toContain(`Removed ${HOST}. DeskLink no longer runs there.`);
      expect(await options.regionText(SECTION)).toContain('No company address added.');
      // The open tab's panel goes without a reload, and a new tab gets none.
      await expect.poll(() => tab.hostCount()).toBe(0);
      const after = await world.open(RECORDS.contact, { host: HOST });
      await zohoPanelShows(world);
      expect(await after.hostCount()).toBe(0);

      // Not an address DeskLink takes: said why, nothing added.
      await options.fill('CRM address', `http://${HOST}/crm/org1`);
      await options.click('Add address');
      expect(await options.alertText()).toBe('The address must start with https://.');
      expect(await options.regionText(SECTION)).toContain('No company address added.');
    },
  },
];
