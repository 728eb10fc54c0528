// The organisation credential's access tokens: the grant code exchanged once, reuse until a
// minute before expiry, one refresh in flight for every caller, at most one refresh a minute
// (across worker restarts too), Zoho's "Access Denied" and a revoked refresh token.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOrgTokens } from '../../../../lib/background/oauth/org-tokens';
import { errorOf } from '../../support/error-of';
import { ACCOUNTS_HOST, CLIENT_ID, CLIENT_SECRET, fakeAccounts } from '../../support/fake-accounts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const client = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accountsHost: ACCOUNTS_HOST };

let zoho: ReturnType<typeof fakeAccounts>;
let tokens: ReturnType<typeof createOrgTokens>;
/** The worker restarts: what it held in memory is gone, storage.session stays. */
const restart = () => (tokens = createOrgTokens({ fetch: zoho.fetch, now: () => Date.now() }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(1_750_000_000_000);
  zoho = fakeAccounts();
  restart();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a grant code', () => {
  it('is exchanged once at the Accounts server, by a form-encoded POST with the secret in the body only', async () => {
    const code = zoho.accounts.grantCode();
    const refreshToken = await tokens.exchange(client, code);
    expect(zoho.accounts.requests).toHaveLength(1);
    const [request] = zoho.accounts.requests;
    expect(request).toMatchObject({ host: 'accounts.zoho.com', method: 'POST', query: '' });
    expect(Object.fromEntries(request!.body)).toEqual({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code,
    });
    // The access token that came with the refresh token is used: no refresh yet.
    expect(zoho.accounts.live.has(await tokens.accessToken({ ...client, refreshToken }))).toBe(true);
    expect(zoho.accounts.refreshes()).toBe(0);
  });

  it('asked again (Save after Next, even after a worker restart) gives the same refresh token without a second exchange', async () => {
    const code = zoho.accounts.grantCode();
    const first = await tokens.exchange(client, code);
    restart();
    expect(await tokens.exchange(client, code)).toBe(first);
    expect(zoho.accounts.requests).toHaveLength(1);
  });

  it('that expired is GRANT_CODE_INVALID', async () => {
    const code = zoho.accounts.grantCode(3);
    vi.advanceTimersByTime(4 * MINUTE);
    expect((await errorOf(tokens.exchange(client, code))).code).toBe('GRANT_CODE_INVALID');
  });

  it('with a wrong client secret is ORG_CREDENTIAL_REVOKED, and the secret is nowhere in the error', async () => {
    const info = await errorOf(tokens.exchange({ ...client, clientSecret: 'wrong.secret.0000' }, zoho.accounts.grantCode()));
    expect(info.code).toBe('ORG_CREDENTIAL_REVOKED');
    expect(JSON.stringify(info)).not.toContain('wrong.secret');
  });
});

describe('access tokens from a refresh token', () => {
  it('are asked with grant_type=refresh_token and reused until a minute before they expire', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    const first = await tokens.accessToken({ ...client, refreshToken });
    expect(Object.fromEntries(zoho.accounts.requests[0]!.body)).toEqual({
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      refresh_token: refreshToken,
    });
    vi.advanceTimersByTime(HOUR - MINUTE - 1);
    expect(await tokens.accessToken({ ...client, refreshToken })).toBe(first);
    expect(zoho.accounts.refreshes()).toBe(1);
    vi.advanceTimersByTime(1);
    const second = await tokens.accessToken({ ...client, refreshToken });
    expect(second).not.toBe(first);
    expect(zoho.accounts.refreshes()).toBe(2);
  });

  it('come from one refresh for every caller waiting at once', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    zoho.accounts.hold();
    const callers = Array.from({ length: 6 }, () => tokens.accessToken({ ...client, refreshToken }));
    // Every caller has had time to decide while the one request waits for Zoho.
    await vi.waitFor(() => expect(zoho.accounts.requests).toHaveLength(1));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    zoho.accounts.release();
    const answers = await Promise.all(callers);
    expect(new Set(answers).size).toBe(1);
    expect(zoho.accounts.refreshes()).toBe(1);
  });

  it('are refreshed at most once a minute, whatever happens: a failure, a discarded token, a restarted worker', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    zoho.accounts.offline = true;
    expect((await errorOf(tokens.accessToken({ ...client, refreshToken }))).code).toBe('ACCOUNTS_UNAVAILABLE');
    zoho.accounts.offline = false;
    vi.advanceTimersByTime(20_000);
    restart();
    const waiting = await errorOf(tokens.accessToken({ ...client, refreshToken }));
    expect(waiting).toMatchObject({ code: 'ACCOUNTS_LIMITED', retryAfterSec: 40 });
    expect(zoho.accounts.requests).toHaveLength(0);

    vi.advanceTimersByTime(40_000);
    const token = await tokens.accessToken({ ...client, refreshToken });
    expect(zoho.accounts.refreshes()).toBe(1);
    // Desk refused it: it is not handed out again, and the next one still waits for its minute.
    await tokens.discard({ ...client, refreshToken }, token);
    expect((await errorOf(tokens.accessToken({ ...client, refreshToken }))).code).toBe('ACCOUNTS_LIMITED');
    vi.advanceTimersByTime(MINUTE);
    expect(await tokens.accessToken({ ...client, refreshToken })).not.toBe(token);
    expect(zoho.accounts.refreshes()).toBe(2);
  });

  it('over Zoho’s limit ("Access Denied" with HTTP 200) are ACCOUNTS_LIMITED, each denial in a row doubling the wait', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    zoho.accounts.deny = true;
    expect(await errorOf(tokens.accessToken({ ...client, refreshToken }))).toMatchObject({ code: 'ACCOUNTS_LIMITED', retryAfterSec: 120 });
    vi.advanceTimersByTime(MINUTE);
    expect((await errorOf(tokens.accessToken({ ...client, refreshToken }))).retryAfterSec).toBe(60);
    expect(zoho.accounts.refreshes()).toBe(1);
    vi.advanceTimersByTime(MINUTE);
    expect((await errorOf(tokens.accessToken({ ...client, refreshToken }))).retryAfterSec).toBe(240);
    expect(zoho.accounts.refreshes()).toBe(2);
    zoho.accounts.deny = false;
    vi.advanceTimersByTime(4 * MINUTE);
    expect(zoho.accounts.live.has(await tokens.accessToken({ ...client, refreshToken }))).toBe(true);
    expect(zoho.accounts.refreshes()).toBe(3);
  });

  it('of a revoked refresh token are refused: ORG_CREDENTIAL_REVOKED', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    zoho.accounts.revoke(refreshToken);
    expect((await errorOf(tokens.accessToken({ ...client, refreshToken }))).code).toBe('ORG_CREDENTIAL_REVOKED');
  });

  it('are reused by a restarted worker; storage.session names them by a hash and holds neither secret, storage.local nothing', async () => {
    const refreshToken = zoho.accounts.refreshToken();
    const token = await tokens.accessToken({ ...client, refreshToken });
    restart();
    expect(await tokens.accessToken({ ...client, refreshToken })).toBe(token);
    expect(zoho.accounts.refreshes()).toBe(1);
    const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(session).toContain(token);
    expect(session).not.toContain(refreshToken);
    expect(session).not.toContain(CLIENT_SECRET);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
