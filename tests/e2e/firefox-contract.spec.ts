/**
 * Zoho's published API as a user meets it, in Firefox ESR: the shared scenarios
 * (./scenarios/contract.ts, run in Chromium too). One browser serves the file, each scenario
 * starting with DeskLink deactivated; a scenario that leaves the background paused gets a
 * browser of its own.
 */
import { test } from './support/firefox';
import { CONTRACT_SCENARIOS } from './scenarios/contract';

for (const scenario of CONTRACT_SCENARIOS.filter((s) => !s.ownBrowser)) {
  test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
}

test.describe('in a browser of its own', () => {
  test.use({ freshFirefox: true });
  for (const scenario of CONTRACT_SCENARIOS.filter((s) => s.ownBrowser)) {
    test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  }
});
