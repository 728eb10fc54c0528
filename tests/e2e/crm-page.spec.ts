/**
 * Every record a rep opens, in Chromium: every scenario of ./scenarios/crm-page.ts (run in Firefox
 * ESR too). The scenarios share one browser; each starts with DeskLink deactivated.
 */
import { test } from './support/fixtures';
import { CRM_PAGE_SCENARIOS } from './scenarios/crm-page';

test.use({ shareBrowser: true });

for (const group of CRM_PAGE_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}
