/**
 * Hardening in Firefox ESR: the page-script scenarios both browsers share
 * (./scenarios/hardening.ts), then what the admin meets on the options page: a key with
 * characters no Zoho key has gets its own message, without a request to Zoho.
 */
import { test, expect, byRole, chooseWay } from './support/firefox';
import { HARDENING_SCENARIOS } from './scenarios/hardening';

for (const scenario of HARDENING_SCENARIOS) {
  test(scenario.title, ({ panelWorld }) => {
    if (scenario.timeoutMs) test.setTimeout(scenario.timeoutMs);
    return scenario.run(panelWorld);
  });
}

test('a key with characters Zoho keys never have: its own message at once, and no request to Zoho', async ({ openOptions, sandbox }) => {
  const page = await openOptions();
  sandbox.clearLog();
  await page.select(byRole('combobox', 'Data center'), 'com');
  await chooseWay(page, 'ZSC key');
  // Pasted with a zero-width space inside and a letter outside ASCII.
  await page.type(byRole('textbox', 'ZSC key'), '1000.zsc.3f9a\u200B1c.adm\u00efn');
  await page.type(byRole('textbox', 'Email'), "o'brien+crm@Zylker.com");
  await page.click(byRole('button', 'Next'));
  const alert = await page.waitForSelector(byRole('alert'), { visible: true });
  expect(await alert!.evaluate((e) => e.textContent)).toContain('The key contains characters Zoho keys never have');
  expect(await page.$eval('#zsc-key', (e) => e.getAttribute('aria-invalid'))).toBe('true');
  expect(await page.$eval('#email', (e) => e.getAttribute('aria-invalid'))).toBeNull();
  expect(sandbox.deskCalls()).toEqual([]);
});
