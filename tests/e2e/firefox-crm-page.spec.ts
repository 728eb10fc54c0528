/**
 * Every record a rep opens, in Firefox ESR: every scenario of ./scenarios/crm-page.ts (run in
 * Chromium too). One browser serves the file; each scenario starts with DeskLink deactivated.
 */
import { test } from './support/firefox';
import { CRM_PAGE_SCENARIOS } from './scenarios/crm-page';

for (const group of CRM_PAGE_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}
