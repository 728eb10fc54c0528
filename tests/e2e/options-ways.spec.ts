/**
 * The ways to connect on the options page in Chromium: every shared scenario
 * (./scenarios/options-ways.ts, run in Firefox ESR too). Each starts unconfigured.
 */
import { test } from './support/fixtures';
import { WAYS_TO_CONNECT_SCENARIOS } from './scenarios/options-ways';
import { chromiumOptions } from './support/options';

for (const scenario of WAYS_TO_CONNECT_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => chromiumOptions(await openOptions()) });
  });
}
