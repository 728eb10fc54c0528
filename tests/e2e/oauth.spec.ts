/**
 * `Sign in with Zoho` in real Chromium against the sandbox's Zoho Accounts: the
 * consent window that identity.launchWebAuthFlow opens is a page of the Playwright context;
 * the spec presses Accept (or Deny) there as an admin would. Then tickets on a CRM record,
 * silent renewal (short token lifetime, and an early INVALID_OAUTH), the signed-out state, and
 * an EU user of a multi-DC client (signed in and renewed through accounts.zoho.com).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { ADMIN_EMAIL, EU_ADMIN_EMAIL, OAUTH_CLIENT_ID, PORTALS, RECORDS } from '../sandbox/fixtures';
import type { Sandbox } from '../sandbox/index';
import { extensionStorage } from './support/options';
import { chromiumTab } from './support/panel-chromium';
import { expectInPanel } from './support/panel-steps';

/** DeskLink's panel in a CRM tab, read through the panel driver. */
const panel = (page: Page) => chromiumTab(page).panel();

test.beforeEach(({ sandbox }) => sandbox.oauth.reset());
test.afterEach(({ sandbox }) => sandbox.oauth.reset());

/** Client ID, `Sign in with Zoho`; answers the consent window; returns the options page. */
async function signIn(context: BrowserContext, options: Page, decision: 'Accept' | 'Deny', clientId = OAUTH_CLIENT_ID): Promise<void> {
  await options.getByLabel('Client ID', { exact: true }).fill(clientId);
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Zoho' }).click();
  const consent = await consentOpened;
  await consent.waitForURL(/accounts\.zoho\.com\/oauth\/v2\/auth\?/);
  await expect(consent.getByText(`Signed in as ${ADMIN_EMAIL}`)).toBeVisible();
  await consent.getByRole('button', { name: decision }).click();
}

/** The whole wizard through `Save`, with the sandbox portal A. */
async function connectWithZoho(context: BrowserContext, openOptions: () => Promise<Page>): Promise<Page> {
  const options = await openOptions();
  await signIn(context, options, 'Accept');
  await expect(options.getByText(`Signed in to Zoho as ${ADMIN_EMAIL}.`, { exact: true })).toBeVisible();
  await expect(options.getByLabel('Portal', { exact: true })).toHaveValue(PORTALS.A.id);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('connected-portal')).toHaveText(PORTALS.A.companyName);
  return options;
}

const refreshes = (sandbox: Sandbox) => sandbox.log.filter((e) => e.host.startsWith('accounts.') && e.path === '/oauth/v2/auth/refresh');
const deskTokens = (sandbox: Sandbox) => [...new Set(sandbox.deskCalls().map((e) => e.token))];

test('sign in with Zoho, save, and see a record’s tickets', async ({ context, openOptions, crmPage, extensionId, sandbox, sw }) => {
  const options = await openOptions();
  await expect(options.getByTestId('oauth-redirect-uri')).toHaveText(`https://${extensionId}.chromiumapp.org/`);
  await options.close();
  await connectWithZoho(context, openOptions);
  const page = await crmPage(RECORDS.contact);
  await expectInPanel(panel(page), 'tab', `All ${RECORDS.contact.expectedTickets.A}`);
  // The rep sees whose Desk access it is: their own name (Desk's myinfo), never an email.
  expect(await panel(page).text()).toContain('Zoho Desk as Asha Admin');
  expect(await panel(page).text()).not.toContain(ADMIN_EMAIL);
  // Every Desk call carried the token Zoho issued, never a ZSC key.
  for (const token of deskTokens(sandbox)) expect(token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
  // The token is in the extension's own IndexedDB, never in storage.local (content scripts read that).
  const stored = await extensionStorage(sw);
  const credential = stored.credential as { kind: string; accessToken: string; email: string };
  expect(credential).toMatchObject({ kind: 'oauth', email: ADMIN_EMAIL });
  expect(deskTokens(sandbox)).toContain(credential.accessToken);
  expect(JSON.stringify(stored.local)).not.toContain(credential.accessToken);
});

test('a token about to expire is renewed silently at /oauth/v2/auth/refresh, without a window', async ({
  context,
  openOptions,
  crmPage,
  sandbox,
}) => {
  // Tokens live 60 s: always inside the five-minute renewal window.
  sandbox.oauth.setTokenLifetime(60);
  await connectWithZoho(context, openOptions);
  const pagesBefore = context.pages().length;
  sandbox.clearLog();
  const page = await crmPage(RECORDS.lead);
  await expectInPanel(panel(page), 'tab', `All ${RECORDS.lead.expectedTickets.A}`);
  expect(refreshes(sandbox).length).toBeGreaterThanOrEqual(1);
  expect(refreshes(sandbox).every((e) => e.status === 302)).toBe(true);
  // The new tab is the CRM page only: no consent window was needed.
  expect(context.pages().length).toBe(pagesBefore + 1);
});

test('Zoho rejects the token early (INVALID_OAUTH): renewed once, the tickets still show', async ({
  context,
  openOptions,
  crmPage,
  sandbox,
}) => {
  await connectWithZoho(context, openOptions);
  sandbox.oauth.expireTokens();
  sandbox.clearLog();
  const page = await crmPage(RECORDS.contact);
  await expectInPanel(panel(page), 'tab', `All ${RECORDS.contact.expectedTickets.A}`);
  expect(refreshes(sandbox)).toHaveLength(1);
  const rejected = sandbox.deskCalls().filter((e) => e.status === 401);
  expect(rejected.length).toBeGreaterThanOrEqual(1);
  expect(deskTokens(sandbox).length).toBe(2);
});

test('renewal needs the user: the panel says Sign in again and no call storm follows', async ({
  context,
  openOptions,
  crmPage,
  sandbox,
}) => {
  await connectWithZoho(context, openOptions);
  // The user signed out of Zoho and the token died: renewal answers prompt_required.
  sandbox.oauth.endSessions();
  sandbox.oauth.expireTokens();
  sandbox.clearLog();
  const page = await crmPage(RECORDS.contact);
  await expectInPanel(panel(page), 'link', 'Sign in again');
  const zohoCalls = () => sandbox.log.filter((e) => !e.host.startsWith('crm')).length;
  const afterFirst = zohoCalls();
  expect(refreshes(sandbox)).toHaveLength(1);
  // More records and reloads: no further Desk call, no further renewal.
  await page.reload();
  await expectInPanel(panel(page), 'link', 'Sign in again');
  const other = await crmPage(RECORDS.lead);
  await expectInPanel(panel(other), 'link', 'Sign in again');
  expect(zohoCalls()).toBe(afterFirst);

  // The options page offers Sign in with Zoho again; after consent the panel works again.
  const options = await openOptions();
  await expect(options.getByRole('alert')).toContainText('expired');
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Zoho' }).click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Signed in to Zoho' })).toBeVisible();
  const again = await crmPage(RECORDS.contact);
  await expectInPanel(panel(again), 'tab', `All ${RECORDS.contact.expectedTickets.A}`);
});

test('an EU user of a multi-DC client: signs in through accounts.zoho.com, sees tickets from desk.zoho.eu, and is renewed silently', async ({
  context,
  openOptions,
  crmPage,
  sandbox,
}) => {
  sandbox.oauth.setUser('euAdmin');
  // Tokens live 60 s: always inside the five-minute renewal window, as an hour-old token would be.
  sandbox.oauth.setTokenLifetime(60);
  const options = await openOptions();
  await options.getByLabel('Client ID', { exact: true }).fill(OAUTH_CLIENT_ID);
  await options.getByRole('checkbox', { name: /Multi-DC client/ }).check();
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Sign in with Zoho' }).click();
  const consent = await consentOpened;
  // accounts.zoho.com, where the client is registered, sent the EU user on to their data centre.
  await consent.waitForURL(/^https:\/\/accounts\.zoho\.eu\/oauth\/v2\/auth\?/);
  await expect(consent.getByText(`Signed in as ${EU_ADMIN_EMAIL}`)).toBeVisible();
  expect(sandbox.log.find((e) => e.path === '/oauth/v2/auth')?.host).toBe('accounts.zoho.com');
  await consent.getByRole('button', { name: 'Accept' }).click();
  await expect(options.getByText(`Signed in to Zoho as ${EU_ADMIN_EMAIL}.`, { exact: true })).toBeVisible();
  await expect(options.getByLabel('Portal', { exact: true })).toHaveValue(PORTALS.E.id);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('connected-portal')).toHaveText(PORTALS.E.companyName);

  const pagesBefore = context.pages().length;
  const signInTokens = deskTokens(sandbox);
  expect(signInTokens.length).toBeGreaterThan(0);
  sandbox.clearLog();
  const page = await crmPage(RECORDS.euContact, { dc: 'eu' });
  const tickets = panel(page);
  await expectInPanel(tickets, 'tab', `All ${RECORDS.euContact.expectedTickets.E}`);
  for (const row of await tickets.rows()) {
    expect(row.flatMap((cell) => (cell.link?.href ? [cell.link.href] : []))).toEqual([
      expect.stringMatching(/^https:\/\/desk\.zoho\.eu\//),
    ]);
  }
  expect(new Set(sandbox.deskCalls().map((e) => e.host))).toEqual(new Set(['desk.zoho.eu']));
  // Renewed where the client is registered, which sent it on to the EU data centre holding the session.
  expect(refreshes(sandbox).map((e) => `${e.host} ${e.status}`)).toEqual(
    expect.arrayContaining(['accounts.zoho.com 302', 'accounts.zoho.eu 302']),
  );
  expect(refreshes(sandbox).every((e) => e.status === 302)).toBe(true);
  // The Desk calls carried renewed tokens, none the sign-in gave.
  for (const token of deskTokens(sandbox)) expect(signInTokens).not.toContain(token);
  // No consent window: the only new tab is the CRM page.
  expect(context.pages().length).toBe(pagesBefore + 1);
  await expect(options.getByTestId('connected-portal')).toHaveText(PORTALS.E.companyName);
});

test('denied consent: a clear error in an alert, nothing saved', async ({ context, openOptions }) => {
  const options = await openOptions();
  await signIn(context, options, 'Deny');
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('denied');
  await expect(alert).toContainText('Sign in with Zoho');
  await expect(options.getByLabel('Client ID', { exact: true })).toBeVisible();
  await expect(options.getByLabel('Portal', { exact: true })).toHaveCount(0);
});

test('an unknown Client ID: Zoho answers an error page, which Chromium does not show; the alert names the Client ID and redirect URI', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const options = await openOptions();
  const pagesBefore = context.pages().length;
  await options.getByLabel('Client ID', { exact: true }).fill('1000.NOTREGISTERED');
  await options.getByRole('button', { name: 'Sign in with Zoho' }).click();
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('Client ID');
  await expect(alert).toContainText('redirect URI');
  expect(sandbox.log.filter((e) => e.path === '/oauth/v2/auth').map((e) => e.status)).toEqual([400]);
  expect(context.pages().length).toBe(pagesBefore);
  await expect(options.getByLabel('Portal', { exact: true })).toHaveCount(0);
});
