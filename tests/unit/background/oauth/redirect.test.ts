import { describe, expect, it } from 'vitest';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { isDueForRenewal, isExpired } from '../../../../lib/background/oauth/expiry';

/** A token is renewed when less than five minutes remain. */
const RENEW_BEFORE_MS = 5 * 60_000;
import { readRedirect } from '../../../../lib/background/oauth/redirect';

const NOW = 1_750_000_000_000;
const base = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const options = { state: 'st8', now: NOW, fallbackDataCentre: 'com' as const };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DeskLinkError ? error.code : 'not a DeskLinkError';
  }
  return undefined;
}

describe('reading the redirect', () => {
  it('reads a token, its lifetime and its data centre from the fragment', () => {
    const token = readRedirect(
      `${base}#access_token=1000.abc.def&expires_in=3600&location=eu&api_domain=https://www.zohoapis.eu&token_type=Bearer&state=st8`,
      options,
    );
    expect(token).toEqual({
      accessToken: '1000.abc.def',
      expiresAt: NOW + 3_600_000,
      dataCentre: 'eu',
      grantedForSession: null,
      apiDomain: 'https://www.zohoapis.eu',
    });
  });

  it('keeps api_domain only when it is one of Zoho’s API hosts over https (the token is sent there)', () => {
    const apiDomainOf = (value: string) =>
      readRedirect(`${base}#access_token=t&expires_in=3600&api_domain=${encodeURIComponent(value)}&state=st8`, options).apiDomain;
    expect(apiDomainOf('https://www.zohoapis.com')).toBe('https://www.zohoapis.com');
    for (const hostile of [
      'https://www.zohoapis.com.evil.example',
      'http://www.zohoapis.com',
      'https://www.zohoapis.com:8443',
      'javascript:alert(1)',
    ]) {
      expect(apiDomainOf(hostile)).toBeUndefined();
    }
  });

  it('maps location=ca to Canada and keeps granted_for_session', () => {
    const token = readRedirect(`${base}#access_token=t&expires_in=3600&location=ca&granted_for_session=true&state=st8`, options);
    expect(token.dataCentre).toBe('ca');
    expect(token.grantedForSession).toBe(true);
  });

  it('assumes the data centre asked when location is absent', () => {
    expect(readRedirect(`${base}#access_token=t&expires_in=60&state=st8`, { ...options, fallbackDataCentre: 'jp' }).dataCentre).toBe('jp');
  });

  it('reads an expires_in that can only be milliseconds as milliseconds', () => {
    expect(readRedirect(`${base}#access_token=t&expires_in=3600000&state=st8`, options).expiresAt).toBe(NOW + 3_600_000);
  });

  it('refuses an answer whose state is not ours, even a successful one', () => {
    expect(codeOf(() => readRedirect(`${base}#access_token=t&expires_in=3600&state=other`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect(`${base}#access_token=t&expires_in=3600`, options))).toBe('OAUTH_FAILED');
  });

  it('refuses answers missing the token or a usable lifetime', () => {
    expect(codeOf(() => readRedirect(`${base}#expires_in=3600&state=st8`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect(`${base}#access_token=&expires_in=3600&state=st8`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect(`${base}#access_token=t&state=st8`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect(`${base}#access_token=t&expires_in=soon&state=st8`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect(`${base}#access_token=t&expires_in=0&state=st8`, options))).toBe('OAUTH_FAILED');
    expect(codeOf(() => readRedirect('not a url', options))).toBe('OAUTH_FAILED');
  });

  it('refuses a data centre DeskLink does not serve', () => {
    expect(codeOf(() => readRedirect(`${base}#access_token=t&expires_in=3600&location=sg&state=st8`, options))).toBe('OAUTH_FAILED');
  });

  it.each([
    ['access_denied', 'OAUTH_DENIED'],
    ['invalid_client', 'OAUTH_CLIENT_INVALID'],
    ['invalid_redirect_uri', 'OAUTH_CLIENT_INVALID'],
    ['prompt_required', 'SIGNED_OUT'],
    ['client_not_granted', 'SIGNED_OUT'],
    ['server_error', 'OAUTH_FAILED'],
  ])('error=%s becomes %s', (error, code) => {
    expect(codeOf(() => readRedirect(`${base}#error=${error}&state=st8`, options))).toBe(code);
  });

  it('reads an error Zoho put in the query string', () => {
    expect(codeOf(() => readRedirect(`${base}?error=access_denied&state=st8`, options))).toBe('OAUTH_DENIED');
  });
});

describe('token expiry decisions', () => {
  const token = { expiresAt: NOW + 3_600_000 };
  it('keeps a fresh token, renews in the last five minutes, and knows when it has expired', () => {
    expect(isDueForRenewal(token, NOW)).toBe(false);
    expect(isDueForRenewal(token, token.expiresAt - RENEW_BEFORE_MS - 1)).toBe(false);
    expect(isDueForRenewal(token, token.expiresAt - RENEW_BEFORE_MS + 1)).toBe(true);
    expect(isExpired(token, token.expiresAt - 1)).toBe(false);
    expect(isExpired(token, token.expiresAt)).toBe(true);
    expect(isDueForRenewal(token, token.expiresAt + 1)).toBe(true);
  });
});
