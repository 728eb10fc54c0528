/**
 * A record's identity from Zoho CRM's API, in Firefox ESR: every shared scenario
 * (./scenarios/crm-identity.ts, run in Chromium too). Each starts unconfigured.
 */
import { test } from './support/firefox';
import { CRM_IDENTITY_SCENARIOS } from './scenarios/crm-identity';
import { firefoxOptions } from './support/options-firefox';

// Each scenario signs in to Zoho: a browser of its own, without the last one's Zoho session.
test.use({ freshFirefox: true });

for (const scenario of CRM_IDENTITY_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) =>
    scenario.run({ ...panelWorld, openOptions: async () => firefoxOptions(await openOptions()) }),
  );
}
