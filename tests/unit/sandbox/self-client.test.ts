// @vitest-environment node
// The sandbox's Zoho Accounts for a Self Client: grant codes from the API console, the token
// endpoint's two grant types (form body or query string), expiry and single use of codes, the
// client secret, revocation, the access-token limit per refresh token, multi-DC, and Desk taking
// the tokens as the generating user, for the code's portal, with the code's scopes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deskGet, sandboxGet } from '../../sandbox/client';
import { OAUTH_USERS, PORTALS, RECORDS, startSandbox, type Sandbox, type SelfClientGrant } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.oauth.reset());
afterEach(() => {
  vi.useRealTimers();
});

const READ_SCOPES = [
  'Desk.tickets.READ',
  'Desk.contacts.READ',
  'Desk.search.READ',
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.organization.READ',
];
const MINUTE = 60_000;

async function post(path: string, params: Record<string, string>, via: 'body' | 'query' = 'body', host = 'accounts.zoho.com') {
  const form = new URLSearchParams(params).toString();
  const res = await sandboxGet(
    sandbox.port,
    host,
    via === 'query' ? `${path}?${form}` : path,
    via === 'query' ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form },
  );
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

const exchange = (grant: SelfClientGrant, via: 'body' | 'query' = 'body', host = 'accounts.zoho.com', secret = grant.clientSecret) =>
  post(
    '/oauth/v2/token',
    { grant_type: 'authorization_code', client_id: grant.clientId, client_secret: secret, code: grant.code },
    via,
    host,
  );

const refresh = (grant: SelfClientGrant, refreshToken: string, host = 'accounts.zoho.com', secret = grant.clientSecret) =>
  post(
    '/oauth/v2/token',
    { grant_type: 'refresh_token', client_id: grant.clientId, client_secret: secret, refresh_token: refreshToken },
    'query',
    host,
  );

const adminGrant = (extra: Partial<Parameters<Sandbox['oauth']['selfClient']>[0]> = {}) =>
  sandbox.oauth.selfClient({ user: 'admin', portal: 'A', scopes: READ_SCOPES, ...extra });

async function tokensFor(grant: SelfClientGrant) {
  const { json } = await exchange(grant);
  return { access: String(json.access_token), refresh: String(json.refresh_token) };
}

describe('the API console', () => {
  it('gives a user one Self Client (the same id and secret again) and a new grant code each time', () => {
    const first = adminGrant();
    const second = adminGrant();
    expect(first.clientId).toMatch(/^1000\.[A-Z0-9]{30}$/);
    expect([second.clientId, second.clientSecret]).toEqual([first.clientId, first.clientSecret]);
    expect(second.code).not.toBe(first.code);
    expect(first).toMatchObject({ location: 'us', accountsServer: 'https://accounts.zoho.com', apiDomain: 'https://www.zohoapis.com' });
    expect(sandbox.oauth.selfClient({ user: 'agent', scopes: READ_SCOPES }).clientId).not.toBe(first.clientId);
  });

  it('refuses a scope Zoho does not know and a code duration beyond 10 minutes', () => {
    expect(() => adminGrant({ scopes: ['Desk.everything.READ'] })).toThrow(/valid scope/);
    expect(() => adminGrant({ codeMinutes: 11 })).toThrow(/minutes/);
    expect(() => adminGrant({ scopes: [...READ_SCOPES, 'ZohoCRM.modules.contacts.READ'] })).not.toThrow();
  });
});

describe('grant_type=authorization_code', () => {
  it('answers the access token, a refresh token, the API domain, Bearer and an hour, for a form body', async () => {
    const res = await exchange(adminGrant());
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['access_token', 'api_domain', 'expires_in', 'refresh_token', 'token_type']);
    expect(res.json).toMatchObject({ api_domain: 'https://www.zohoapis.com', token_type: 'Bearer', expires_in: 3600 });
    expect(res.json.access_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(res.json.refresh_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(sandbox.oauth.tokenRequests()).toMatchObject([
      { host: 'accounts.zoho.com', grantType: 'authorization_code', paramsIn: 'body', outcome: 'issued' },
    ]);
  });

  it('takes the parameters in the query string too', async () => {
    const res = await exchange(adminGrant(), 'query');
    expect(typeof res.json.refresh_token).toBe('string');
    expect(sandbox.oauth.tokenRequests()[0]).toMatchObject({ paramsIn: 'query', outcome: 'issued' });
  });

  it('takes a code once: the second exchange answers invalid_code with HTTP 200', async () => {
    const grant = adminGrant();
    await exchange(grant);
    expect(await exchange(grant)).toEqual({ status: 200, json: { error: 'invalid_code' } });
  });

  it('lets a code expire after its minutes (3 by default, or as chosen)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const shortLived = adminGrant();
    const longLived = adminGrant({ codeMinutes: 10 });
    vi.setSystemTime(Date.now() + 3 * MINUTE + 1000);
    expect((await exchange(shortLived)).json).toEqual({ error: 'invalid_code' });
    vi.setSystemTime(Date.now() + 6 * MINUTE);
    expect(typeof (await exchange(longLived)).json.access_token).toBe('string');
  });

  it('answers invalid_code for a code nobody generated, invalid_client_secret for a wrong secret, invalid_client for an unknown client', async () => {
    const grant = adminGrant();
    expect((await exchange({ ...grant, code: '1000.0000.0000' })).json).toEqual({ error: 'invalid_code' });
    expect((await exchange(grant, 'body', 'accounts.zoho.com', 'not-the-secret')).json).toEqual({ error: 'invalid_client_secret' });
    expect((await exchange({ ...grant, clientId: '1000.UNKNOWNCLIENT' })).json).toEqual({ error: 'invalid_client' });
    // The code still works: failed attempts do not use it up.
    expect(typeof (await exchange(grant)).json.access_token).toBe('string');
  });

  it('answers unsupported_grant_type for another grant and 405 for a GET', async () => {
    const grant = adminGrant();
    const other = await post('/oauth/v2/token', { grant_type: 'password', client_id: grant.clientId, client_secret: grant.clientSecret });
    expect(other.json).toEqual({ error: 'unsupported_grant_type' });
    expect((await sandboxGet(sandbox.port, 'accounts.zoho.com', `/oauth/v2/token?code=${grant.code}`)).status).toBe(405);
  });
});

describe('grant_type=refresh_token', () => {
  it('answers a new access token, the API domain, Bearer and an hour, and no refresh token', async () => {
    const grant = adminGrant();
    const first = await tokensFor(grant);
    const res = await refresh(grant, first.refresh);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['access_token', 'api_domain', 'expires_in', 'token_type']);
    expect(res.json).toMatchObject({ api_domain: 'https://www.zohoapis.com', token_type: 'Bearer', expires_in: 3600 });
    expect(res.json.access_token).not.toBe(first.access);
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: String(res.json.access_token), orgId: PORTALS.A.id });
    expect(me.json.emailId).toBe(OAUTH_USERS.admin.email);
  });

  it('checks the client: a wrong secret or another client’s refresh token is refused', async () => {
    const grant = adminGrant();
    const { refresh: token } = await tokensFor(grant);
    expect((await refresh(grant, token, 'accounts.zoho.com', 'wrong')).json).toEqual({ error: 'invalid_client_secret' });
    const other = sandbox.oauth.selfClient({ user: 'agent', scopes: READ_SCOPES });
    expect((await refresh(other, token)).json).toEqual({ error: 'invalid_code' });
  });

  it('gives at most 10 access tokens per refresh token in 10 minutes, the code’s included, then HTTP 200 "Access Denied"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const grant = adminGrant();
    const { refresh: token } = await tokensFor(grant);
    for (let i = 0; i < 9; i++) expect(typeof (await refresh(grant, token)).json.access_token).toBe('string');
    const denied = await refresh(grant, token);
    expect(denied.status).toBe(200);
    expect(denied.json).toMatchObject({ error: 'Access Denied', status: 'failure' });
    expect(sandbox.oauth.tokenRequests({ grantType: 'refresh_token' }).map((r) => r.outcome)).toEqual([
      ...Array<string>(9).fill('issued'),
      'Access Denied',
    ]);
    // Another refresh token of the same client has its own count.
    const second = await tokensFor(adminGrant());
    expect(typeof (await refresh(grant, second.refresh)).json.access_token).toBe('string');
    // Ten minutes after the first token, one more is allowed again.
    vi.setSystemTime(Date.now() + 10 * MINUTE + 1000);
    expect(typeof (await refresh(grant, token)).json.access_token).toBe('string');
  });
});

describe('revocation', () => {
  it('POST /oauth/v2/token/revoke?token=…: the refresh token answers invalid_code and its access tokens stop working', async () => {
    const grant = adminGrant();
    const { access, refresh: token } = await tokensFor(grant);
    const res = await post('/oauth/v2/token/revoke', { token }, 'query');
    expect(res).toEqual({ status: 200, json: { status: 'success' } });
    expect((await refresh(grant, token)).json).toEqual({ error: 'invalid_code' });
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: access });
    expect([orgs.status, orgs.json.errorCode]).toEqual([401, 'INVALID_OAUTH']);
    expect(sandbox.oauth.refreshTokens()).toMatchObject([{ refreshToken: token, user: 'admin', portal: 'A', revoked: true }]);
  });

  it('oauth.revoke: the user removes a client’s access in Zoho Accounts', async () => {
    const grant = adminGrant();
    const first = await tokensFor(grant);
    const second = await tokensFor(adminGrant());
    const keep = await tokensFor(sandbox.oauth.selfClient({ user: 'agent', portal: 'A', scopes: READ_SCOPES }));
    expect(sandbox.oauth.revoke({ clientId: grant.clientId })).toBe(2);
    for (const token of [first.refresh, second.refresh]) expect((await refresh(grant, token)).json.error).toBe('invalid_code');
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: keep.access })).status).toBe(200);
    expect(sandbox.oauth.revoke({ refreshToken: keep.refresh })).toBe(1);
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: keep.access })).status).toBe(401);
  });
});

describe('Desk and Self Client tokens', () => {
  it('acts as the generating user, on the portal the code was generated for only', async () => {
    const { access } = await tokensFor(adminGrant({ portal: 'A' }));
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: access, orgId: PORTALS.A.id });
    expect([me.status, me.json.emailId]).toEqual([200, OAUTH_USERS.admin.email]);
    const onB = await deskGet(sandbox.port, '/api/v1/myinfo', { token: access, orgId: PORTALS.B.id });
    expect(onB.json.errorCode).toBe('OAUTH_ORG_MISMATCH');
  });

  it('carries the code’s scopes: a missing one answers SCOPE_MISMATCH, the others work', async () => {
    const scopes = ['Desk.tickets.READ', 'Desk.search.READ', 'Desk.basic.READ', 'ZohoCRM.modules.contacts.READ'];
    const { access } = await tokensFor(adminGrant({ scopes }));
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: access, orgId: PORTALS.A.id });
    expect([me.status, me.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
    const search = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, {
      token: access,
      orgId: PORTALS.A.id,
    });
    expect(search.status).toBe(200);
  });

  it('follows the token lifetime a test sets and expireTokens', async () => {
    sandbox.oauth.setTokenLifetime(120);
    const grant = adminGrant();
    const res = await exchange(grant);
    expect(res.json.expires_in).toBe(120);
    sandbox.oauth.expireTokens();
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: String(res.json.access_token) })).status).toBe(401);
    // The refresh token still gives working tokens.
    const renewed = await refresh(grant, String(res.json.refresh_token));
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token: String(renewed.json.access_token) })).status).toBe(200);
  });

  it('a light agent’s credential reads tickets but cannot create one', async () => {
    const { access } = await tokensFor(
      sandbox.oauth.selfClient({ user: 'lightAgent', portal: 'B', scopes: [...READ_SCOPES, 'Desk.tickets.CREATE'] }),
    );
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: access, orgId: PORTALS.B.id });
    expect(me.json.rolePermissionType).toBe('Light');
    const created = await sandboxGet(sandbox.port, 'desk.zoho.com', '/api/v1/tickets', {
      method: 'POST',
      token: access,
      orgId: PORTALS.B.id,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Help', departmentId: '1', contactId: '1' }),
    });
    expect([created.status, JSON.parse(created.body).errorCode]).toEqual([403, 'FORBIDDEN']);
  });

  it('a non-agent’s credential reaches no portal', async () => {
    const { access } = await tokensFor(sandbox.oauth.selfClient({ user: 'nonAgent', scopes: READ_SCOPES }));
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: access });
    expect([orgs.status, orgs.body]).toEqual([204, '']);
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: access, orgId: PORTALS.A.id });
    expect(me.json.errorCode).toBe('OAUTH_ORG_MISMATCH');
  });
});

describe('multi-DC', () => {
  it('exchanges an EU user’s code at accounts.zoho.eu only; the token answers the EU API domain and reads portal E on desk.zoho.eu', async () => {
    const grant = sandbox.oauth.selfClient({ user: 'euAdmin', portal: 'E', scopes: READ_SCOPES });
    expect(grant.accountsServer).toBe('https://accounts.zoho.eu');
    // Registered in the EU data centre: accounts.zoho.com does not know the client.
    expect((await exchange(grant, 'body', 'accounts.zoho.com')).json).toEqual({ error: 'invalid_client' });
    const res = await exchange(grant, 'body', 'accounts.zoho.eu');
    expect(res.json.api_domain).toBe('https://www.zohoapis.eu');
    const token = String(res.json.access_token);
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token, host: 'desk.zoho.eu' });
    expect(orgs.json.data.map((o: { id: unknown }) => String(o.id))).toEqual([PORTALS.E.id]);
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token })).json.errorCode).toBe('INVALID_OAUTH');
    // Refresh where the refresh token lives, and nowhere else.
    const refreshToken = String(res.json.refresh_token);
    expect((await refresh(grant, refreshToken, 'accounts.zoho.com')).json).toEqual({ error: 'invalid_client' });
    expect(typeof (await refresh(grant, refreshToken, 'accounts.zoho.eu')).json.access_token).toBe('string');
  });

  it('a multi-DC client is known everywhere, but its code lives in the user’s data centre', async () => {
    const grant = sandbox.oauth.selfClient({ user: 'euAdmin', portal: 'E', scopes: READ_SCOPES, multiDc: true });
    expect((await exchange(grant, 'body', 'accounts.zoho.com')).json).toEqual({ error: 'invalid_code' });
    expect(typeof (await exchange(grant, 'body', 'accounts.zoho.eu')).json.refresh_token).toBe('string');
  });
});
