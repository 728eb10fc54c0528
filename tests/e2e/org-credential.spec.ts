/**
 * The organisation credential on the options page in Chromium: every shared scenario
 * (./scenarios/options-org-credential.ts, run in Firefox ESR too). Each starts unconfigured.
 */
import { test } from './support/fixtures';
import { ORG_CREDENTIAL_SCENARIOS } from './scenarios/options-org-credential';
import { chromiumOptions } from './support/options';

for (const scenario of ORG_CREDENTIAL_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => chromiumOptions(await openOptions()) });
  });
}
