/**
 * `Sign in with Zoho` in Firefox ESR (puppeteer-core over WebDriver BiDi) against the sandbox's
 * Zoho Accounts. Firefox's identity.launchWebAuthFlow opens the consent page in a popup window,
 * which BiDi reports as a new browsing context; the spec presses Accept or Deny there. An EU user
 * of a multi-DC client signs in and is renewed through accounts.zoho.com.
 */
import type { Browser, Page } from 'puppeteer-core';
import { test, expect, byRole } from './support/firefox';
import { ADMIN_EMAIL, EU_ADMIN_EMAIL, OAUTH_CLIENT_ID, PORTALS, RECORDS } from '../sandbox/fixtures';
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
  // The rep sees whose Desk access it is: their own name (Desk's myinfo), never an email.
  expect(await panel(page).text()).toContain('Zoho Desk as Asha Admin');
  expect(await panel(page).text()).not.toContain(ADMIN_EMAIL);
  const refreshes = sandbox.log.filter((e) => e.path === '/oauth/v2/auth/refresh');
  expect(refreshes.length).toBeGreaterThanOrEqual(1);
  expect(refreshes.every((e) => e.status === 302)).toBe(true);
  const local = await options.evaluate(() => (globalThis as any).browser.storage.local.get(null));
  for (const token of new Set(sandbox.deskCalls().map((e) => e.token))) expect(JSON.stringify(local)).not.toContain(token);
});

test('an EU user of a multi-DC client: signs in through accounts.zoho.com, sees tickets from desk.zoho.eu, and is renewed silently', async ({
  firefox,
  openOptions,
  crmPage,
  sandbox,
}) => {
  sandbox.oauth.setUser('euAdmin');
  // Tokens live 60 s: always inside the five-minute renewal window, as an hour-old token would be.
  sandbox.oauth.setTokenLifetime(60);
  const options = await openOptions();
  await (await options.waitForSelector(byRole('textbox', 'Client ID'), { visible: true }))!.type(OAUTH_CLIENT_ID);
  await options.click(byRole('checkbox', /Multi-DC client/));
  await options.click(byRole('button', 'Sign in with Zoho'));
  const consent = await consentWindow(firefox);
  // accounts.zoho.com, where the client is registered, sent the EU user on to their data centre.
  expect(new URL(consent.url()).host).toBe('accounts.zoho.eu');
  expect(await text(consent, 'main')).toContain(`Signed in as ${EU_ADMIN_EMAIL}`);
  expect(sandbox.log.find((e) => e.path === '/oauth/v2/auth')?.host).toBe('accounts.zoho.com');
  await consent.click(byRole('button', 'Accept'));
  await shows(options, `Signed in to Zoho as ${EU_ADMIN_EMAIL}.`);
  await options.click(byRole('button', 'Save'));
  expect(await text(options, '[data-testid="connected-portal"]')).toBe(PORTALS.E.companyName);

  const signInTokens = new Set(sandbox.deskCalls().map((e) => e.token));
  expect(signInTokens.size).toBeGreaterThan(0);
  sandbox.clearLog();
  const tickets = panel(await crmPage(RECORDS.euContact, { dc: 'eu' }));
  await expectInPanel(tickets, 'tab', `All ${RECORDS.euContact.expectedTickets.E}`);
  for (const row of await tickets.rows()) {
    expect(row.flatMap((cell) => (cell.link?.href ? [cell.link.href] : []))).toEqual([
      expect.stringMatching(/^https:\/\/desk\.zoho\.eu\//),
    ]);
  }
  expect(new Set(sandbox.deskCalls().map((e) => e.host))).toEqual(new Set(['desk.zoho.eu']));
  // Renewed where the client is registered, which sent it on to the EU data centre holding the session.
  const refreshes = sandbox.log.filter((e) => e.path === '/oauth/v2/auth/refresh');
  expect(refreshes.map((e) => `${e.host} ${e.status}`)).toEqual(expect.arrayContaining(['accounts.zoho.com 302', 'accounts.zoho.eu 302']));
  expect(refreshes.every((e) => e.status === 302)).toBe(true);
  // The Desk calls carried renewed tokens, none the sign-in gave.
  for (const call of sandbox.deskCalls()) expect(signInTokens.has(call.token)).toBe(false);
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
