// Zoho Accounts' token endpoint as Zoho answers it: the access token's life in seconds (or, in
// older answers, milliseconds), Zoho's own errors sent with HTTP 200, and what is not Zoho's.
import { describe, expect, it } from 'vitest';
import { requestAccountsToken } from '../../../../lib/background/oauth/accounts-token';
import { errorOf } from '../../support/error-of';
import { urlOf } from '../../support/fetch';

const NOW = 1_750_000_000_000;
const client = { accountsHost: 'accounts.zoho.eu', clientId: '1000.SELF', clientSecret: 'secret.abcdef123456' };
const refresh = { type: 'refresh_token' as const, refreshToken: '1000.refresh.abcdef' };

/** Accounts answering `body` (a JSON value, or raw text) with `status`; the URLs asked are kept. */
function answering(body: unknown, status = 200) {
  const asked: string[] = [];
  const fetch = (input: RequestInfo | URL) => {
    asked.push(urlOf(input).href);
    return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  };
  return {
    asked,
    ask: (grant: Parameters<typeof requestAccountsToken>[2] = refresh) => requestAccountsToken({ fetch, now: () => NOW }, client, grant),
  };
}

describe('requestAccountsToken', () => {
  it('asks the given Accounts server and reads expires_in as seconds, or milliseconds where Zoho sent expires_in_sec', async () => {
    const seconds = answering({ access_token: '1000.a', api_domain: 'https://www.zohoapis.eu', token_type: 'Bearer', expires_in: 3600 });
    expect(await seconds.ask()).toEqual({ accessToken: '1000.a', expiresAt: NOW + 3_600_000 });
    expect(seconds.asked).toEqual(['https://accounts.zoho.eu/oauth/v2/token']);
    const older = answering({ access_token: '1000.b', expires_in: 3_600_000, expires_in_sec: 3600 });
    expect((await older.ask()).expiresAt).toBe(NOW + 3_600_000);
  });

  it.each([
    [{ error: 'Access Denied', error_description: 'You have made too many requests continuously.' }, 200, 'ACCOUNTS_LIMITED'],
    ['Too Many Requests', 429, 'ACCOUNTS_LIMITED'],
    [{ error: 'invalid_code' }, 200, 'ORG_CREDENTIAL_REVOKED'],
    [{ error: 'invalid_client' }, 200, 'ORG_CREDENTIAL_REVOKED'],
    [{ error: 'invalid_client_secret' }, 200, 'ORG_CREDENTIAL_REVOKED'],
    [{ error: 'something_new' }, 200, 'ACCOUNTS_UNAVAILABLE'],
    ['<html>Bad gateway</html>', 502, 'ACCOUNTS_UNAVAILABLE'],
    [{ token_type: 'Bearer' }, 200, 'ACCOUNTS_UNAVAILABLE'],
  ])('a refresh answered %j (HTTP %i) is %s', async (body, status, code) => {
    expect((await errorOf(answering(body, status).ask())).code).toBe(code);
  });

  it('names a refused grant code GRANT_CODE_INVALID, and wants a refresh token for one', async () => {
    const code = { type: 'authorization_code' as const, code: '1000.grant.abc' };
    expect((await errorOf(answering({ error: 'invalid_code' }).ask(code))).code).toBe('GRANT_CODE_INVALID');
    expect((await errorOf(answering({ access_token: '1000.a', expires_in: 3600 }).ask(code))).code).toBe('ACCOUNTS_UNAVAILABLE');
  });

  it('sends the client secret to Zoho’s Accounts hosts only', async () => {
    const zoho = answering({ access_token: '1000.a', expires_in: 3600 });
    const elsewhere = (host: string) =>
      requestAccountsToken(
        { fetch: (input) => zoho.ask().then(() => fetch(input)), now: () => NOW },
        { ...client, accountsHost: host },
        refresh,
      );
    for (const host of ['accounts.zoho.evil.example', 'example.com', 'accounts.zoho.com.evil.example']) {
      expect((await errorOf(elsewhere(host))).code).toBe('INVALID_INPUT');
    }
    expect(zoho.asked).toEqual([]);
  });
});
