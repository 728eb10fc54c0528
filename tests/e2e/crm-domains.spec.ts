/**
 * Company CRM addresses in Chromium: every shared scenario (./scenarios/crm-domains.ts, run in
 * Firefox ESR too). The browser's permission prompt is answered through chrome://extensions'
 * Site access (./support/site-access-chromium.ts).
 */
import { test } from './support/fixtures';
import { CRM_DOMAIN_SCENARIOS } from './scenarios/crm-domains';
import { chromiumOptions } from './support/options';
import { allowSiteInChromium } from './support/site-access-chromium';

for (const scenario of CRM_DOMAIN_SCENARIOS) {
  test(scenario.title, ({ panelWorld, openOptions, context, extensionId }) =>
    scenario.run({
      ...panelWorld,
      openOptions: async () => chromiumOptions(await openOptions()),
      answerPromptWithAllow: (origin) => allowSiteInChromium(context, extensionId, origin),
    }),
  );
}
