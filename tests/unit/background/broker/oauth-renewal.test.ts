// The broker's side of `Sign in with Zoho`: sign-in, Save, silent renewal before expiry and after
// INVALID_OAUTH (once), signed-out state without a call storm, sign in again. Fakes: Zoho
// Accounts behind the identity launcher, Zoho Desk behind fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adminHandlers } from '../../../../lib/background/broker/admin-handlers';
import { setOAuthBrowser, withOAuthRenewal } from '../../../../lib/background/broker/oauth-renewal';
import { panelHandlers } from '../../../../lib/background/broker/panel-handlers';
import { setTicketSource } from '../../../../lib/background/broker/tickets';
import type { TicketSource } from '../../../../lib/background/broker/ticket-source';
import { resetCacheConnection } from '../../../../lib/background/cache';
import { getCredential, type OAuthCredential } from '../../../../lib/background/credentials/credential';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { errorOf } from '../../support/error-of';
import { readPendingSignIn } from '../../../../lib/background/oauth/pending';
import { contact, identity, ticketsGet } from '../../support/broker-setup';
import { tickets } from '../../support/cache';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const CLIENT = '1000.CLIENTID';
const A = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
const B = {
  id: '7310045521',
  companyName: 'Zylker Japan',
  portalName: 'zylkerjp',
  isDefault: false,
  timeZone: 'Asia/Tokyo',
  edition: 'ENTERPRISE',
};
const EMAIL = 'Admin@Zylker.com';
const HOUR = 3_600_000;

// ---- fake Zoho Accounts + Desk ----
/** The clock (Date is faked: the broker's expiry checks read Date.now()). */
let now = 1_750_000_000_000;
function advance(ms: number) {
  now += ms;
  vi.setSystemTime(now);
}
let serial = 0;
/** Tokens Desk accepts, with their user's email. */
const live = new Map<string, string>();
const zoho = { decision: 'accept' as 'accept' | 'deny', session: true, user: EMAIL, lifetimeSec: 3600 };
const launches: { url: URL; interactive: boolean }[] = [];

function issue(): string {
  const token = `1000.tok${++serial}`;
  live.set(token, zoho.user);
  return token;
}

async function launch({ url, interactive }: { url: string; interactive: boolean }): Promise<string> {
  const u = new URL(url);
  launches.push({ url: u, interactive });
  const state = u.searchParams.get('state');
  const back = (fields: Record<string, string>) => `${REDIRECT}#${new URLSearchParams({ ...fields, state: state ?? '' })}`;
  if (u.pathname === '/oauth/v2/auth/refresh') {
    if (!zoho.session) return back({ error: 'prompt_required' });
  } else if (zoho.decision === 'deny') return back({ error: 'access_denied' });
  return back({ access_token: issue(), expires_in: String(zoho.lifetimeSec), location: 'us' });
}

const deskCalls: string[] = [];
async function fakeDesk(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input));
  const headers = new Headers(init?.headers);
  const token = headers.get('authorization')?.replace('Zoho-oauthtoken ', '') ?? '';
  deskCalls.push(url.pathname);
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const email = live.get(token);
  if (!email) return json(401, { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' });
  if (url.pathname === '/api/v1/organizations') return json(200, { data: [A, B] });
  if (url.pathname === '/api/v1/myinfo') return json(200, { id: '1892000000056007', emailId: email.toLowerCase() });
  return json(404, { errorCode: 'URL_NOT_FOUND', message: '' });
}

/** A ticket source that, like Desk, fails with INVALID_OAUTH for a token Zoho no longer accepts. */
const sourceCalls: string[] = [];
const desk: TicketSource = {
  fingerprint: (record) => record.recordId,
  async find(ready) {
    const token = (ready.credential as OAuthCredential).accessToken;
    sourceCalls.push(token);
    if (!live.has(token)) throw new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 });
    return { tickets: tickets(0, 2), truncated: false };
  },
};

const signIn = (extra: { multiDc?: boolean } = {}) =>
  adminHandlers['oauth.signIn']({ command: 'oauth.signIn', dataCentre: 'com', clientId: CLIENT, ...extra });
const save = () =>
  adminHandlers['setup.save']({
    command: 'setup.save',
    dataCentre: 'com',
    credential: { kind: 'oauth' },
    portalId: A.id,
    language: 'en',
    timeZone: 'America/Los_Angeles',
  });
async function connect() {
  await signIn();
  await save();
  launches.length = 0;
  deskCalls.length = 0;
}
const stored = async () => (await getCredential()) as OAuthCredential;

beforeEach(() => {
  now = 1_750_000_000_000;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  live.clear();
  Object.assign(zoho, { decision: 'accept', session: true, user: EMAIL, lifetimeSec: 3600 });
  launches.length = 0;
  deskCalls.length = 0;
  sourceCalls.length = 0;
  resetCacheConnection();
  vi.stubGlobal('fetch', vi.fn(fakeDesk));
  setOAuthBrowser({ launch, redirectUri: () => REDIRECT, now: () => now });
  setTicketSource(withOAuthRenewal(desk));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('Sign in with Zoho, then Save', () => {
  it('answers the redirect URI to register', async () => {
    expect(await adminHandlers['oauth.redirectUri']({ command: 'oauth.redirectUri' })).toEqual({ redirectUri: REDIRECT });
  });

  it('signs in interactively, lists the agent’s portals and email, and stores nothing until Save', async () => {
    const answer = await signIn();
    expect(answer).toMatchObject({ dataCentre: 'com', email: 'admin@zylker.com' });
    expect(answer.portals.map((p) => p.id)).toEqual([A.id, B.id]);
    expect(launches).toHaveLength(1);
    expect(launches[0]!.interactive).toBe(true);
    expect(launches[0]!.url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(await getCredential()).toBeNull();
    expect(await readPendingSignIn(now)).toMatchObject({ clientId: CLIENT, email: 'admin@zylker.com' });
  });

  it('Save stores the sign-in as the credential (not in storage.local) and connects', async () => {
    await signIn();
    const view = await save();
    expect(view).toMatchObject({
      connected: true,
      authKind: 'oauth',
      credentialState: 'ok',
      email: 'admin@zylker.com',
      portal: { id: A.id },
    });
    const credential = await stored();
    expect(credential).toMatchObject({ kind: 'oauth', clientId: CLIENT, dataCentre: 'com', expiresAt: now + HOUR, multiDc: false });
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(credential.accessToken);
    expect(await readPendingSignIn(now)).toBeNull();
  });

  it('denied consent is OAUTH_DENIED and leaves nothing behind', async () => {
    zoho.decision = 'deny';
    expect((await errorOf(signIn())).code).toBe('OAUTH_DENIED');
    expect(await readPendingSignIn(now)).toBeNull();
    expect(await getCredential()).toBeNull();
    expect(deskCalls).toEqual([]);
  });

  it('Save without a sign-in waiting is SIGNED_OUT', async () => {
    expect((await errorOf(save())).code).toBe('SIGNED_OUT');
  });

  it('is refused while a policy provides the key', async () => {
    await fakeBrowser.storage.managed.set({ zscKey: '1000.zsc.policy', email: EMAIL });
    expect((await errorOf(signIn())).code).toBe('POLICY_LOCKED');
    expect(launches).toEqual([]);
  });
});

describe('silent renewal', () => {
  it('renews without a window when less than five minutes remain, then shows tickets', async () => {
    await connect();
    const first = (await stored()).accessToken;
    advance(HOUR - 4 * 60_000);
    expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('ready');
    expect(launches).toHaveLength(1);
    expect(launches[0]).toMatchObject({ interactive: false });
    expect(launches[0]!.url.pathname).toBe('/oauth/v2/auth/refresh');
    const renewed = await stored();
    expect(renewed.accessToken).not.toBe(first);
    expect(renewed.expiresAt).toBe(now + HOUR);
    expect((await panelHandlers['tickets.get'](ticketsGet('refresh'))).tickets).toHaveLength(2);
    expect(launches).toHaveLength(1);
  });

  it('renews once after INVALID_OAUTH and retries with the new token', async () => {
    await connect();
    const first = (await stored()).accessToken;
    live.delete(first); // Zoho ended the token early
    const view = await panelHandlers['tickets.get'](ticketsGet('refresh'));
    expect(view.tickets).toHaveLength(2);
    expect(launches.map((l) => l.interactive)).toEqual([false]);
    expect(sourceCalls).toEqual([first, (await stored()).accessToken]);
  });

  it('many tabs hitting INVALID_OAUTH together cause one renewal', async () => {
    await connect();
    live.delete((await stored()).accessToken);
    const records = ['5293322000004120017', '5293322000004120018', '5293322000004120019'];
    const views = await Promise.all(
      records.map((recordId) => panelHandlers['tickets.get']({ ...ticketsGet('refresh'), record: { ...contact, recordId }, identity })),
    );
    for (const view of views) expect(view.tickets).toHaveLength(2);
    expect(launches).toHaveLength(1);
  });

  it('rejected again after renewal: signed out, no third attempt', async () => {
    await connect();
    live.delete((await stored()).accessToken);
    zoho.lifetimeSec = 3600;
    // Desk refuses every token from now on (e.g. the grant was revoked in Zoho).
    vi.spyOn(live, 'set').mockImplementation(() => live);
    expect((await errorOf(panelHandlers['tickets.get'](ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(launches).toHaveLength(1);
    expect(sourceCalls).toHaveLength(2);
    expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('signedOut');
  });
});

describe('when renewal needs the user', () => {
  it('the panel is signedOut and no Desk call or renewal follows, however often it asks', async () => {
    await connect();
    zoho.session = false; // signed out of Zoho
    advance(HOUR - 60_000);
    expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('signedOut');
    expect(launches).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('signedOut');
      expect((await errorOf(panelHandlers['tickets.get'](ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    }
    expect(launches).toHaveLength(1);
    expect(sourceCalls).toEqual([]);
    expect(deskCalls).toEqual([]);
    expect((await adminHandlers['settings.get']({ command: 'settings.get' })).credentialState).toBe('signedOut');
  });

  it('INVALID_OAUTH with the Zoho session over: signed out after one renewal attempt', async () => {
    await connect();
    zoho.session = false;
    live.delete((await stored()).accessToken);
    expect((await errorOf(panelHandlers['tickets.get'](ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect((await errorOf(panelHandlers['tickets.get'](ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(launches).toHaveLength(1);
    expect(sourceCalls).toHaveLength(1);
  });

  it('offline renewal is not a sign-out: the still-valid token keeps working, retried later', async () => {
    await connect();
    setOAuthBrowser({ launch: async () => Promise.reject(new Error('Authorization page could not be loaded.')) });
    advance(HOUR - 4 * 60_000);
    expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('ready');
    expect((await panelHandlers['tickets.get'](ticketsGet('refresh'))).tickets).toHaveLength(2);
  });

  it('Sign in again (oauth.reauthorize) restores the same agent’s connection', async () => {
    await connect();
    zoho.session = false;
    advance(HOUR);
    await panelHandlers['panel.config']({ command: 'panel.config' });
    zoho.session = true;
    const view = await adminHandlers['oauth.reauthorize']({ command: 'oauth.reauthorize' });
    expect(view).toMatchObject({ connected: true, credentialState: 'ok', portal: { id: A.id } });
    expect(launches.at(-1)!.interactive).toBe(true);
    expect((await panelHandlers['panel.config']({ command: 'panel.config' })).state).toBe('ready');
  });

  it('Sign in again as another Zoho user is refused (EMAIL_MISMATCH) and changes nothing', async () => {
    await connect();
    const before = await stored();
    zoho.user = 'someone.else@zylker.com';
    expect((await errorOf(adminHandlers['oauth.reauthorize']({ command: 'oauth.reauthorize' }))).code).toBe('EMAIL_MISMATCH');
    expect((await stored()).accessToken).toBe(before.accessToken);
  });
});
