/**
 * The tickets panel in Chromium: every shared panel scenario (./scenarios/panel.ts, run in Firefox
 * ESR too), then what only Chromium shows: a content script orphaned by an extension reload.
 * The scenarios share one browser; each starts with DeskLink deactivated.
 */
import { test, expect } from './support/fixtures';
import { PANEL_SCENARIOS } from './scenarios/panel';
import { RECORDS } from '../sandbox/fixtures';
import { expectTickets, switchTo } from './support/panel-steps';

test.use({ shareBrowser: true });

for (const group of PANEL_SCENARIOS) {
  test.describe(group.title, () => {
    for (const scenario of group.scenarios) test(scenario.title, ({ panelWorld }) => scenario.run(panelWorld));
  });
}

// Chrome leaves the old content script orphaned in open tabs when the extension reloads or
// updates (it does not inject the new one until the page loads again). The orphan must not keep
// showing a panel. (A loaded-unpacked extension does not come back after runtime.reload() under
// this harness, so the new instance's side is covered by "a panel host left by an older version".)
test.describe('extension reload', () => {
  // The reload takes the extension away from this browser: it gets one of its own.
  test.use({ shareBrowser: false });

  test('after the extension is reloaded, the orphaned panel leaves at the next record switch', async ({ panelWorld, sw }) => {
    await panelWorld.connect();
    const tab = await panelWorld.open(RECORDS.contact);
    await expectTickets(tab, RECORDS.contact);
    // The CRM keeps the contact's DOM (and the panel in it) on screen after the switch.
    await tab.evaluate(() => sessionStorage.setItem('desklinkSandbox.renderDelay', '600000'), undefined);
    await sw.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined); // the worker goes with it
    await switchTo(tab, RECORDS.lead);
    await expect.poll(() => tab.hostCount()).toBe(0);
    // Still the contact's page.
    expect(await tab.evaluate(() => document.body.innerText.includes('Daniel Okafor'), undefined)).toBe(true);
  });
});
