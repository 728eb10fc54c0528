/**
 * The rep's panel, second edition, in Firefox ESR: every scenario of ./scenarios/panel-v2.ts (run
 * in Chromium too). One browser serves the file; each scenario starts with DeskLink deactivated.
 */
import { test } from './support/firefox';
import { PANEL_V2_SCENARIOS } from './scenarios/panel-v2';

for (const group of PANEL_V2_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}
