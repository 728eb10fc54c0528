/**
 * The tickets panel in Firefox ESR: every shared panel scenario (./scenarios/panel.ts, run in
 * Chromium too). One browser serves the file; each scenario starts with DeskLink deactivated.
 */
import { test } from './support/firefox';
import { PANEL_SCENARIOS } from './scenarios/panel';

for (const group of PANEL_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}
