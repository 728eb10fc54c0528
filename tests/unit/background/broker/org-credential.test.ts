// The organisation credential (an admin's Self Client) through the broker, as the options page
// and the CRM panel meet it: set up with a grant code or a refresh token, tickets read with
// access tokens from Zoho Accounts, a revoked refresh token, the secrets kept to the background,
// and a credential delivered by policy that works with nobody opening the options page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorMessage } from '../../../../lib/shared/i18n/errors';
import { contact, testBroker, ticketsGet } from '../../support/broker-setup';
import { errorOf } from '../../support/error-of';
import { optionsTab } from '../../support/senders';
import { CLIENT_ID, CLIENT_SECRET, fakeAccounts, ORG_EMAIL, PORTAL } from '../../support/fake-accounts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let zoho: ReturnType<typeof fakeAccounts>;
let world: ReturnType<typeof testBroker>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_750_000_000_000);
  zoho = fakeAccounts();
  world = testBroker({ fetch: zoho.desk, accounts: zoho.fetch, tickets: zoho.ticketSource });
});
afterEach(() => {
  vi.useRealTimers();
});

const withCode = (grantCode: string) => ({ kind: 'org' as const, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, grantCode });
const withRefreshToken = (refreshToken: string) => ({
  kind: 'org' as const,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  refreshToken,
});
type OrgInput = ReturnType<typeof withCode> | ReturnType<typeof withRefreshToken>;

const next = (credential: OrgInput) => world.admin({ command: 'setup.listPortals', dataCentre: 'com', credential });
const save = (credential: OrgInput) =>
  world.admin({ command: 'setup.save', dataCentre: 'com', credential, portalId: PORTAL.id, language: 'en', timeZone: 'Asia/Tokyo' });

/** Everything the content scripts could read, and every stored secret, as text. */
const storageLocal = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('setting up the organisation credential', () => {
  it('with a grant code: Next exchanges it once, Save stores it; tickets come with the access token that came with it', async () => {
    const code = zoho.accounts.grantCode();
    expect((await next(withCode(code))).portals.map((p) => p.id)).toEqual([PORTAL.id]);
    const view = await save(withCode(code));
    expect(view).toMatchObject({ connected: true, authKind: 'org', email: ORG_EMAIL, credentialState: 'ok' });
    expect(zoho.accounts.requests.map((r) => r.body.get('grant_type'))).toEqual(['authorization_code']);

    const stored = await world.credentials.get();
    expect(stored).toMatchObject({ kind: 'org', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accountsHost: 'accounts.zoho.com' });
    expect(stored).not.toHaveProperty('accessToken');
    const answer = await world.panel(ticketsGet('cached'));
    expect(answer.tickets).toHaveLength(2);
    expect(zoho.accounts.refreshes()).toBe(0);
    expect(zoho.accounts.live.has(zoho.sourceTokens[0]!)).toBe(true);
  });

  it('with a refresh token: one refresh serves Next, Save and the tickets; a new one comes a minute before expiry', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    await next(withRefreshToken(refreshToken));
    await save(withRefreshToken(refreshToken));
    await world.panel(ticketsGet('refresh'));
    expect(zoho.accounts.refreshes()).toBe(1);
    vi.setSystemTime(Date.now() + HOUR - MINUTE);
    await world.panel(ticketsGet('refresh', { ...contact, recordId: '5293322000004120018' }));
    expect(zoho.accounts.refreshes()).toBe(2);
    expect(new Set(zoho.sourceTokens).size).toBe(2);
  });

  it('asks for a grant code or a refresh token, not neither nor both (refused before any call)', async () => {
    const neither = { kind: 'org', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    const both = { ...neither, grantCode: '1000.a', refreshToken: '1000.b' };
    for (const credential of [neither, both]) {
      const answer = await world.send({ command: 'setup.listPortals', dataCentre: 'com', credential }, { url: 'x' });
      expect(answer).toMatchObject({ ok: false });
    }
    expect(zoho.accounts.requests).toEqual([]);
  });

  it('an expired grant code is GRANT_CODE_INVALID and nothing is stored', async () => {
    const code = zoho.accounts.grantCode(3);
    vi.setSystemTime(Date.now() + 4 * MINUTE);
    expect((await errorOf(next(withCode(code)))).code).toBe('GRANT_CODE_INVALID');
    expect(await world.credentials.get()).toBeNull();
  });
});

describe('a connected organisation credential', () => {
  let refreshToken: string;
  beforeEach(async () => {
    refreshToken = zoho.accounts.refreshToken();
    await save(withRefreshToken(refreshToken));
  });

  it('whose refresh token the admin revoked is rejected, in words that say so, and Accounts is not asked again', async () => {
    vi.setSystemTime(Date.now() + 2 * HOUR);
    zoho.accounts.revoke(refreshToken);
    const info = await errorOf(world.panel(ticketsGet('cached')));
    expect(info.code).toBe('ORG_CREDENTIAL_REVOKED');
    expect(errorMessage(info, 'en')).toMatch(/refresh token was revoked/);
    expect(errorMessage(info, 'ja')).toMatch(/取り消され/);
    expect(await world.panel({ command: 'panel.config' })).toMatchObject({ state: 'rejected' });
    expect(await world.admin({ command: 'settings.get' })).toMatchObject({ credentialState: 'rejected', authKind: 'org' });
    const asked = zoho.accounts.requests.length;
    expect((await errorOf(world.panel(ticketsGet('refresh')))).code).toBe('CREDENTIAL_REJECTED');
    expect(zoho.accounts.requests).toHaveLength(asked);
  });

  it('over Zoho’s limit waits with ACCOUNTS_LIMITED (cached tickets still shown) and keeps the credential', async () => {
    await world.panel(ticketsGet('refresh'));
    vi.setSystemTime(Date.now() + 2 * HOUR);
    zoho.accounts.deny = true;
    const answer = await world.panel(ticketsGet('refresh'));
    expect(answer.tickets).toHaveLength(2);
    expect(answer.error).toMatchObject({ code: 'ACCOUNTS_LIMITED', retryAfterSec: 120 });
    expect(await world.panel({ command: 'panel.config' })).toMatchObject({ state: 'ready' });
  });

  it('deactivated, leaves no secret and no access token behind, in IndexedDB or storage.session', async () => {
    await world.panel(ticketsGet('cached'));
    await world.admin({ command: 'deactivate' });
    expect(await world.credentials.get()).toBeNull();
    const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
    for (const secret of [CLIENT_SECRET, refreshToken, ...zoho.sourceTokens]) expect(session).not.toContain(secret);
  });

  it('keeps its secrets to the background: not in storage.local, not in any answer, not in error texts', async () => {
    await world.panel(ticketsGet('cached'));
    // Accounts fails with a text quoting the secrets (a library's message, say): the options page
    // gets it scrubbed, the panel gets no text at all.
    vi.setSystemTime(Date.now() + 2 * HOUR);
    const quoting = new TypeError(`Failed to fetch client_secret=${CLIENT_SECRET}&refresh_token=${refreshToken}`);
    world = testBroker({
      fetch: zoho.desk,
      accounts: () => Promise.reject(quoting),
      tickets: zoho.ticketSource,
      credentials: world.credentials,
    });
    const panel = await world.send(ticketsGet('refresh', { ...contact, recordId: '5293322000004120019' }));
    expect(panel).toMatchObject({ ok: false, error: { code: 'ACCOUNTS_UNAVAILABLE' } });
    expect(panel).not.toHaveProperty('error.detail');
    vi.setSystemTime(Date.now() + MINUTE);
    const options = await world.send({ command: 'connection.test' }, optionsTab());
    expect(options).toMatchObject({ ok: false, error: { code: 'ACCOUNTS_UNAVAILABLE', detail: expect.stringContaining('[redacted]') } });
    const answers = [
      panel,
      options,
      await world.send({ command: 'panel.config' }),
      await world.send({ command: 'settings.get' }, optionsTab()),
    ];
    const everything = [JSON.stringify(answers), await storageLocal()].join('\n');
    for (const secret of [CLIENT_SECRET, refreshToken, ...zoho.sourceTokens]) expect(everything).not.toContain(secret);
  });
});

describe('an organisation credential delivered by policy', () => {
  let refreshToken: string;
  beforeEach(async () => {
    refreshToken = zoho.accounts.refreshToken();
    await fakeBrowser.storage.managed.set({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      refreshToken,
      dataCenter: 'com',
      portalId: PORTAL.id,
    });
  });

  it('reaches tickets with nobody opening the options page, storing neither secret anywhere', async () => {
    expect(await world.panel({ command: 'panel.config' })).toMatchObject({ state: 'ready', dataCentre: 'com' });
    expect((await world.panel(ticketsGet('cached'))).tickets).toHaveLength(2);
    expect(zoho.accounts.requests.map((r) => [r.host, r.body.get('grant_type')])).toEqual([['accounts.zoho.com', 'refresh_token']]);
    expect(await world.credentials.get()).toBeNull();
    const local = await storageLocal();
    for (const secret of [CLIENT_SECRET, refreshToken, ...zoho.sourceTokens]) expect(local).not.toContain(secret);
    const view = await world.admin({ command: 'settings.get' });
    // The portal the policy names by id is named from /organizations, with the access token already held.
    expect(view).toMatchObject({ connected: true, authKind: 'org', credentialState: 'ok', portal: { id: PORTAL.id, name: 'Zylker Inc.' } });
    expect(zoho.accounts.requests).toHaveLength(1);
    expect(view.managed).toEqual(expect.arrayContaining(['credential', 'dataCentre', 'portal']));
    expect((await errorOf(world.admin({ command: 'deactivate' }))).code).toBe('POLICY_LOCKED');
  });

  it('revoked, is remembered as rejected (by its hash) until the policy changes it', async () => {
    zoho.accounts.revoke(refreshToken);
    expect((await errorOf(world.panel(ticketsGet('cached')))).code).toBe('ORG_CREDENTIAL_REVOKED');
    expect(await world.panel({ command: 'panel.config' })).toMatchObject({ state: 'rejected' });
    const fresh = zoho.accounts.refreshToken();
    await fakeBrowser.storage.managed.set({ refreshToken: fresh });
    expect(await world.panel({ command: 'panel.config' })).toMatchObject({ state: 'ready' });
  });
});
