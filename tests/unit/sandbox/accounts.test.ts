// @vitest-environment node
// The sandbox's Zoho Accounts: consent page, token in the fragment, errors, silent renewal bound to
// the session, multi-DC routing (a user signs in and renews where their account lives), and Desk
// honouring the tokens and their scopes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deskGet, sandboxGet } from '../../sandbox/client';
import { ADMIN_EMAIL, EU_ADMIN_EMAIL, OAUTH_CLIENT_ID, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.oauth.reset());

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const SCOPE = 'Desk.tickets.READ,Desk.contacts.READ,Desk.search.READ,Desk.basic.READ,Desk.settings.READ,Desk.organization.READ';

function query(extra: Record<string, string> = {}) {
  return new URLSearchParams({
    client_id: OAUTH_CLIENT_ID,
    response_type: 'token',
    scope: SCOPE,
    redirect_uri: REDIRECT,
    state: 'st-1',
    ...extra,
  });
}
const accounts = (path: string, params: URLSearchParams, cookie?: string, host = 'accounts.zoho.com') =>
  sandboxGet(sandbox.port, host, `${path}?${params}`, cookie ? { headers: { cookie } } : {});

/** The redirect's fragment as an object. */
function fragmentOf(location: string | undefined): Record<string, string> {
  expect(location?.startsWith(`${REDIRECT}#`)).toBe(true);
  return Object.fromEntries(new URLSearchParams(location!.slice(REDIRECT.length + 1)));
}

async function accept(forSession = true, host = 'accounts.zoho.com', scope = SCOPE) {
  const params = query({ decision: 'accept', scope, ...(forSession ? { for_session: 'true' } : {}) });
  const res = await accounts('/oauth/v2/auth/approve', params, undefined, host);
  expect(res.status).toBe(302);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { fragment: fragmentOf(res.headers.location), cookie };
}

describe('consent', () => {
  it('shows a consent page naming the user and the scopes, with Accept and Deny', async () => {
    const res = await accounts('/oauth/v2/auth', query());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(ADMIN_EMAIL);
    expect(res.body).toContain('Desk.search.READ');
    expect(res.body).toMatch(/<button[^>]*value="accept"[^>]*>Accept<\/button>/);
    expect(res.body).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
  });

  it('shows an error page, not a redirect, for an unknown client or an unregistered redirect URI', async () => {
    const unknown = await accounts('/oauth/v2/auth', query({ client_id: '1000.NOPE' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('invalid_client');
    const elsewhere = await accounts('/oauth/v2/auth', query({ redirect_uri: 'https://evil.example/' }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toContain('invalid_redirect_uri');
  });

  it('redirects with invalid_scope for scopes Zoho does not know', async () => {
    const res = await accounts('/oauth/v2/auth', query({ scope: 'Desk.tickets.ALL,Desk.everything.READ' }));
    expect(fragmentOf(res.headers.location)).toEqual({ error: 'invalid_scope', state: 'st-1' });
  });

  it('Accept: token, lifetime, location, api_domain and state in the fragment, and a session cookie', async () => {
    const { fragment, cookie } = await accept();
    expect(fragment).toMatchObject({
      expires_in: '3600',
      location: 'us',
      'accounts-server': 'https://accounts.zoho.com',
      api_domain: 'https://www.zohoapis.com',
      token_type: 'Bearer',
      state: 'st-1',
    });
    expect(fragment.access_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(cookie).toMatch(/^ZSANDBOX_SESSION=[0-9a-f]{32}$/);
  });

  it('Deny: access_denied with the state', async () => {
    const res = await accounts('/oauth/v2/auth/approve', query({ decision: 'deny' }));
    expect(fragmentOf(res.headers.location)).toEqual({ error: 'access_denied', state: 'st-1' });
  });
});

describe('Desk and the issued tokens', () => {
  it('accepts a live token for the signed-in admin’s portals and rejects it once expired', async () => {
    const { fragment } = await accept();
    const token = fragment.access_token!;
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token });
    expect(orgs.status).toBe(200);
    expect(orgs.json.data.map((o: { id: unknown }) => String(o.id))).toEqual([PORTALS.A.id, PORTALS.B.id]);
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token, orgId: PORTALS.A.id });
    expect(me.json.emailId).toBe(ADMIN_EMAIL);

    sandbox.oauth.expireTokens();
    const after = await deskGet(sandbox.port, '/api/v1/organizations', { token });
    expect(after.status).toBe(401);
    expect(after.json.errorCode).toBe('INVALID_OAUTH');
  });

  it('issues tokens with the lifetime a test sets', async () => {
    sandbox.oauth.setTokenLifetime(1);
    const { fragment } = await accept();
    expect(fragment.expires_in).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: fragment.access_token! })).json.errorCode).toBe('INVALID_OAUTH');
  });
});

describe('silent renewal (/oauth/v2/auth/refresh)', () => {
  it('answers a new working token while the session lives', async () => {
    const { fragment, cookie } = await accept();
    const res = await accounts('/oauth/v2/auth/refresh', query({ state: 'st-2' }), cookie);
    const renewed = fragmentOf(res.headers.location);
    expect(renewed.state).toBe('st-2');
    expect(renewed.access_token).not.toBe(fragment.access_token);
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: renewed.access_token! })).status).toBe(200);
  });

  it('prompt_required without a session, or after the user signed out of Zoho', async () => {
    const { cookie } = await accept();
    expect(fragmentOf((await accounts('/oauth/v2/auth/refresh', query())).headers.location).error).toBe('prompt_required');
    sandbox.oauth.endSessions();
    expect(fragmentOf((await accounts('/oauth/v2/auth/refresh', query(), cookie)).headers.location).error).toBe('prompt_required');
  });

  it('client_not_granted when the grant was not for the session or scopes grow', async () => {
    const once = await accept(false);
    expect(fragmentOf((await accounts('/oauth/v2/auth/refresh', query(), once.cookie)).headers.location).error).toBe('client_not_granted');
    const session = await accept(true);
    const more = query({ scope: `${SCOPE},Desk.tickets.CREATE` });
    expect(fragmentOf((await accounts('/oauth/v2/auth/refresh', more, session.cookie)).headers.location).error).toBe('client_not_granted');
  });
});

describe('scopes on Desk', () => {
  it('answers SCOPE_MISMATCH where the token lacks a scope the endpoint declares', async () => {
    const { fragment } = await accept(true, 'accounts.zoho.com', 'Desk.tickets.READ,Desk.contacts.READ,Desk.search.READ,Desk.basic.READ');
    const token = fragment.access_token!;
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token, orgId: PORTALS.A.id });
    expect([me.status, me.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
    const search = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, { token, orgId: PORTALS.A.id });
    expect(search.status).toBe(200);
  });
});

describe('multi-DC', () => {
  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    String((res.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0]!;

  it('lists every data centre’s Accounts server', async () => {
    const res = await sandboxGet(sandbox.port, 'accounts.zoho.com', '/oauth/serverinfo');
    expect(JSON.parse(res.body).locations).toMatchObject({
      us: 'https://accounts.zoho.com',
      eu: 'https://accounts.zoho.eu',
      ca: 'https://accounts.zohocloud.ca',
      uk: 'https://accounts.zoho.uk',
      ae: 'https://accounts.zoho.ae',
    });
  });

  it('sends an EU user on to accounts.zoho.eu, which answers location eu and its own accounts-server', async () => {
    sandbox.oauth.setUser('euAdmin');
    const start = await accounts('/oauth/v2/auth', query());
    expect(start.status).toBe(302);
    const next = new URL(String(start.headers.location));
    expect(next.host).toBe('accounts.zoho.eu');
    expect(next.searchParams.get('client_id')).toBe(OAUTH_CLIENT_ID);
    const dcCookie = cookieOf(start);
    expect(dcCookie).toBe('ZSANDBOX_DC=eu');

    const consent = await accounts('/oauth/v2/auth', query(), undefined, 'accounts.zoho.eu');
    expect(consent.body).toContain(EU_ADMIN_EMAIL);
    const { fragment, cookie } = await accept(true, 'accounts.zoho.eu');
    expect(fragment).toMatchObject({
      location: 'eu',
      'accounts-server': 'https://accounts.zoho.eu',
      api_domain: 'https://www.zohoapis.eu',
    });
    const token = fragment.access_token!;
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token, host: 'desk.zoho.eu' })).json.data[0].id).toBe(PORTALS.E.id);
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token })).json.errorCode).toBe('INVALID_OAUTH');

    // Renewal where the client is registered goes on to the EU data centre, which holds the session.
    const atHome = await accounts('/oauth/v2/auth/refresh', query({ state: 'st-3' }), dcCookie);
    expect(new URL(String(atHome.headers.location)).host).toBe('accounts.zoho.eu');
    const renewed = fragmentOf(
      (await accounts('/oauth/v2/auth/refresh', query({ state: 'st-3' }), cookie, 'accounts.zoho.eu')).headers.location,
    );
    expect(renewed).toMatchObject({ location: 'eu', state: 'st-3' });
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: renewed.access_token!, host: 'desk.zoho.eu' })).status).toBe(200);
  });

  it.each([
    ['inUser', 'in', 'accounts.zoho.in'],
    ['auUser', 'au', 'accounts.zoho.com.au'],
    ['jpUser', 'jp', 'accounts.zoho.jp'],
    ['caUser', 'ca', 'accounts.zohocloud.ca'],
    ['saUser', 'sa', 'accounts.zoho.sa'],
    ['aeUser', 'ae', 'accounts.zoho.ae'],
  ] as const)('routes %s to its data centre (%s)', async (user, location, host) => {
    sandbox.oauth.setUser(user);
    const start = await accounts('/oauth/v2/auth', query());
    expect(new URL(String(start.headers.location)).host).toBe(host);
    const { fragment } = await accept(true, host);
    expect(fragment).toMatchObject({ location, 'accounts-server': `https://${host}` });
    // A valid token there, for a user without a Desk portal.
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', {
      token: fragment.access_token!,
      host: host.replace('accounts.', 'desk.'),
    });
    expect([orgs.status, orgs.body]).toEqual([204, '']);
  });

  it('sends a UK user on to accounts.zoho.uk, which answers location uk; the token reads the UK portal on desk.zoho.uk', async () => {
    sandbox.oauth.setUser('ukAdmin');
    const start = await accounts('/oauth/v2/auth', query());
    expect(new URL(String(start.headers.location)).host).toBe('accounts.zoho.uk');
    const { fragment } = await accept(true, 'accounts.zoho.uk');
    expect(fragment).toMatchObject({
      location: 'uk',
      'accounts-server': 'https://accounts.zoho.uk',
      api_domain: 'https://www.zohoapis.uk',
    });
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: fragment.access_token!, host: 'desk.zoho.uk' });
    expect(orgs.json.data[0].id).toBe(PORTALS.U.id);
  });

  it('keeps China apart: a Chinese account cannot sign in at accounts.zoho.com, and signs in at accounts.zoho.com.cn', async () => {
    sandbox.oauth.setUser('cnUser');
    const refused = await accounts('/oauth/v2/auth', query());
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('user_not_found');
    const { fragment } = await accept(true, 'accounts.zoho.com.cn');
    expect(fragment).toMatchObject({ location: 'cn', 'accounts-server': 'https://accounts.zoho.com.cn' });
  });
});
