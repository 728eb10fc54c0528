/**
 * The ways to connect on the options page in Firefox ESR: every shared scenario
 * (./scenarios/options-ways.ts, run in Chromium too). Each starts unconfigured.
 */
import { test } from './support/firefox';
import { WAYS_TO_CONNECT_SCENARIOS } from './scenarios/options-ways';
import { firefoxOptions } from './support/options-firefox';

for (const scenario of WAYS_TO_CONNECT_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) => {
    if (scenario.slow) test.slow();
    return scenario.run({ ...panelWorld, openOptions: async () => firefoxOptions(await openOptions()) });
  });
}
