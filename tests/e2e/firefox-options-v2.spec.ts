/**
 * The options page's second edition in Firefox ESR: every shared scenario
 * (./scenarios/options-v2.ts, run in Chromium too). Each starts unconfigured.
 */
import { test } from './support/firefox';
import { OPTIONS_V2_SCENARIOS } from './scenarios/options-v2';
import { firefoxOptions } from './support/options-firefox';

for (const scenario of OPTIONS_V2_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => firefoxOptions(await openOptions()) });
  });
}
