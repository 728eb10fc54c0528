/**
 * Company CRM addresses in Chromium: every shared scenario (./scenarios/crm-domains.ts, run in
 * Firefox ESR too). The browser's permission prompt is answered through chrome://extensions'
 * Site access (./support/site-access-chromium.ts). Only Chromium restarts with the same profile:
 * Firefox's add-on is a temporary one, gone when that browser closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Request } from '../../lib/shared/commands';
import type { Response } from '../../lib/shared/protocol';
import { RECORDS } from '../sandbox/fixtures';
import { COMPANY_CRM_HOSTS } from '../sandbox/index';
import { connectWith } from './support/admin';
import { extensionServiceWorker, launchChromium } from './support/chromium';
import { crmUrl } from './support/crm';
import { expect, test } from './support/fixtures';
import { chromiumTab } from './support/panel-chromium';
import { expectInPanel } from './support/panel-steps';
import { CRM_DOMAIN_SCENARIOS } from './scenarios/crm-domains';
import { axeViolations, chromiumOptions } from './support/options';
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

test('a company CRM address added before the browser restarts still shows the panel after it (Chromium: the same profile again)', async ({
  sandbox,
}) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'desklink-crm-domains-'));
  const host = COMPANY_CRM_HOSTS[0]!;
  try {
    let context = await launchChromium(sandbox, { userDataDir: profile });
    const extensionId = new URL((await extensionServiceWorker(context)).url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const send = (request: Request) =>
      page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), request) as Promise<Response<unknown>>;
    await connectWith(send);
    await allowSiteInChromium(context, extensionId, `https://${host}/*`);
    const options = chromiumOptions(page);
    await options.fill('CRM address', `https://${host}`);
    await options.click('Add address');
    await expect.poll(() => options.regionText('Company CRM addresses')).toContain('The panel shows on this address.');
    await context.close();

    context = await launchChromium(sandbox, { userDataDir: profile });
    try {
      // Chromium drops run-time scripts whenever it loads an unpacked extension again (each start
      // here); DeskLink's worker registers the address again as it starts, without the options page.
      const worker = await extensionServiceWorker(context);
      await expect
        .poll(() =>
          worker.evaluate(async () =>
            ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { id: string }[]).map((s) => s.id),
          ),
        )
        .toEqual([`desklink-crm:${host}`]);
      const crm = await context.newPage();
      await crm.goto(crmUrl(RECORDS.contact, { host }));
      await expectInPanel(chromiumTab(crm).panel(), 'tab', /^All 14/);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('Company CRM addresses on the options page: an address listed and a refused one leave no accessibility violation', async ({
  connect,
  openOptions,
  context,
  extensionId,
}) => {
  await connect();
  const host = COMPANY_CRM_HOSTS[0]!;
  const page = await openOptions();
  const options = chromiumOptions(page);
  await allowSiteInChromium(context, extensionId, `https://${host}/*`);
  await options.fill('CRM address', `https://${host}`);
  await options.click('Add address');
  await expect.poll(() => options.regionText('Company CRM addresses')).toContain(`Added ${host}.`);
  await options.fill('CRM address', 'https://crm.zoho.com');
  await options.click('Add address');
  expect(await options.alertText()).toBe('That is one of Zoho’s own CRM addresses: DeskLink already shows the panel there.');
  await expect(page.getByRole('textbox', { name: 'CRM address' })).toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page)).toEqual([]);
});
