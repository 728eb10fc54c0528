/**
 * Company CRM addresses in Firefox ESR: every shared scenario (./scenarios/crm-domains.ts, run in
 * Chromium too). Firefox's prompt for an optional permission is answered Allow by the harness's
 * pref `extensions.webextOptionalPermissionPrompts` (./support/firefox-browser.ts).
 */
import { test } from './support/firefox';
import { CRM_DOMAIN_SCENARIOS } from './scenarios/crm-domains';
import { firefoxOptions } from './support/options-firefox';

for (const scenario of CRM_DOMAIN_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions }) =>
    scenario.run({
      ...panelWorld,
      openOptions: async () => firefoxOptions(await openOptions()),
      answerPromptWithAllow: () => Promise.resolve(),
    }),
  );
}
