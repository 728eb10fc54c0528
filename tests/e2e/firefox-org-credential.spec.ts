/**
 * The organisation credential on the options page in Firefox ESR: every shared scenario
 * (./scenarios/options-org-credential.ts, run in Chromium too). Each starts unconfigured.
 */
import { test } from './support/firefox';
import { ORG_CREDENTIAL_SCENARIOS } from './scenarios/options-org-credential';
import { firefoxOptions } from './support/options-firefox';

for (const scenario of ORG_CREDENTIAL_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => firefoxOptions(await openOptions()) });
  });
}
