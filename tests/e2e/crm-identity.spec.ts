/**
 * A record's identity from Zoho CRM's API, in Chromium: every shared scenario
 * (./scenarios/crm-identity.ts, run in Firefox ESR too). Each starts unconfigured.
 */
import { test } from './support/fixtures';
import { CRM_IDENTITY_SCENARIOS } from './scenarios/crm-identity';
import { chromiumOptions } from './support/options';

for (const scenario of CRM_IDENTITY_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) =>
    scenario.run({ ...panelWorld, openOptions: async () => chromiumOptions(await openOptions()) }),
  );
}
