/**
 * Zoho's published API as a user meets it, in Chromium: the shared scenarios (./scenarios/contract.ts,
 * run in Firefox ESR too). They share one browser, each starting with DeskLink deactivated; a
 * scenario that leaves the background paused gets a browser of its own.
 */
import { test } from './support/fixtures';
import { CONTRACT_SCENARIOS } from './scenarios/contract';

test.use({ shareBrowser: true });

for (const scenario of CONTRACT_SCENARIOS.filter((s) => !s.ownBrowser)) {
  test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
}

test.describe('in a browser of its own', () => {
  test.use({ shareBrowser: false });
  for (const scenario of CONTRACT_SCENARIOS.filter((s) => s.ownBrowser)) {
    test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  }
});
