/**
 * `Sign in with Zoho` in Firefox ESR (puppeteer-core over WebDriver BiDi) against the sandbox's
 * Zoho Accounts. Firefox's identity.launchWebAuthFlow opens the consent page in a popup window,
 * which BiDi reports as a new browsing context; the spec presses Accept or Deny there.
 */
import type { Browser, Page } from 'puppeteer-core';
import { test, expect, byRole } from './support/firefox';
import { ADMIN_EMAIL, OAUTH_CLIENT_ID, PORTALS, RECORDS } from '../sandbox/fixtures';
import { firefoxTab } from './support/panel-firefox';
import { expectInPanel } from './support/panel-steps';

/** DeskLink's panel in a CRM tab, read through the panel driver. */
const panel = (page: Page) => firefoxTab(page).panel();

test.use({ freshFirefox: true });
test.beforeEach(({ sandbox }) => sandbox.oauth.reset());
test.afterEach(({ sandbox }) => sandbox.oauth.reset());

/** Waits until the page's main content shows `expected`. */
const shows = (page: Page, expected: string) =>
  page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t), {}, expected);
const text = (page: Page, selector: string) =>
  page.waitForSelector(selector, { visible: true }).then((el) => el!.evaluate((e) => e.textContent ?? ''));

/** The consent window launchWebAuthFlow opened. */
async function consentWindow(firefox: Browser): Promise<Page> {
  const target = await firefox.waitForTarget((t) => t.url().includes('/oauth/v2/auth?'), { timeout: 15_000 });
  const page = await target.page();
  if (!page) throw new Error('the consent window has no page');
  page.setDefaultTimeout(10_000);
  return page;
}

async function signIn(firefox: Browser, options: Page, decision: 'Accept' | 'Deny'): Promise<void> {
  // The form renders once the page has the settings; page.type() would not wait for it.
  await (await options.waitForSelector(byRole('textbox', 'Client ID'), { visible: true }))!.type(OAUTH_CLIENT_ID);
  await options.click(byRole('button', 'Sign in with Zoho'));
  const consent = await consentWindow(firefox);
  expect(await text(consent, 'main')).toContain(`Signed in as ${ADMIN_EMAIL}`);
  await consent.click(byRole('button', decision));
}

test('sign in with Zoho, save, and see a record’s tickets; a short-lived token is renewed silently', async ({
  firefox,
  openOptions,
  crmPage,
  sandbox,
}) => {
  sandbox.oauth.setTokenLifetime(60);
  const options = await openOptions();
  expect(await text(options, '[data-testid="oauth-redirect-uri"]')).toMatch(/^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/$/);
  await signIn(firefox, options, 'Accept');
  await shows(options, `Signed in to Zoho as ${ADMIN_EMAIL}.`);
  await options.click(byRole('button', 'Save'));
  expect(await text(options, '[data-testid="connected-portal"]')).toBe(PORTALS.A.companyName);

  sandbox.clearLog();
  const page = await crmPage(RECORDS.contact);
  await expectInPanel(panel(page), 'tab', `All ${RECORDS.contact.expectedTickets.A}`);
  const refreshes = sandbox.log.filter((e) => e.path === '/oauth/v2/auth/refresh');
  expect(refreshes.length).toBeGreaterThanOrEqual(1);
  expect(refreshes.every((e) => e.status === 302)).toBe(true);
  const local = await options.evaluate(() => (globalThis as any).browser.storage.local.get(null));
  for (const token of new Set(sandbox.deskCalls().map((e) => e.token))) expect(JSON.stringify(local)).not.toContain(token);
});

test('denied consent: a clear error in an alert', async ({ firefox, openOptions }) => {
  const options = await openOptions();
  await signIn(firefox, options, 'Deny');
  const alert = await text(options, byRole('alert'));
  expect(alert).toContain('denied');
  expect(alert).toContain('Sign in with Zoho');
});

test('renewal needs the user: Sign in again on the panel', async ({ firefox, openOptions, crmPage, sandbox }) => {
  const options = await openOptions();
  await signIn(firefox, options, 'Accept');
  await shows(options, `Signed in to Zoho as ${ADMIN_EMAIL}.`);
  await options.click(byRole('button', 'Save'));
  await options.waitForSelector('[data-testid="connected-portal"]', { visible: true });
  sandbox.oauth.endSessions();
  sandbox.oauth.expireTokens();
  const page = await crmPage(RECORDS.lead);
  await expectInPanel(panel(page), 'link', 'Sign in again');
  expect(await panel(page).count()).toBe(1);
});
