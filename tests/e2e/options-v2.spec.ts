/**
 * The options page's second edition in Chromium: every shared scenario
 * (./scenarios/options-v2.ts, run in Firefox ESR too). Each starts unconfigured.
 */
import { test } from './support/fixtures';
import { OPTIONS_V2_SCENARIOS } from './scenarios/options-v2';
import { chromiumOptions } from './support/options';

for (const scenario of OPTIONS_V2_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => chromiumOptions(await openOptions()) });
  });
}
