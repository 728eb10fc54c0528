/**
 * The rep's panel, second edition, in Chromium: every scenario of ./scenarios/panel-v2.ts (run in
 * Firefox ESR too). The scenarios share one browser; each starts with DeskLink deactivated.
 */
import { test } from './support/fixtures';
import { PANEL_V2_SCENARIOS } from './scenarios/panel-v2';

test.use({ shareBrowser: true });

for (const group of PANEL_V2_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}
