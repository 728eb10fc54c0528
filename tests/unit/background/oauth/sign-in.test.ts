import { describe, expect, it } from 'vitest';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { renewSilently, signIn } from '../../../../lib/background/oauth/sign-in';
import { ALL_FEATURES, scopesFor } from '../../../../lib/shared/scopes';
import type { WebAuthLauncher } from '../../../../lib/background/oauth/web-auth';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const NOW = 1_750_000_000_000;
const SCOPES = scopesFor(ALL_FEATURES);

/** A launcher that records what it was asked and answers like Zoho would. */
function zoho(answer: (url: URL) => string | Error) {
  const calls: { url: URL; interactive: boolean }[] = [];
  const launch: WebAuthLauncher = ({ url, interactive }) => {
    const parsed = new URL(url);
    calls.push({ url: parsed, interactive });
    const result = answer(parsed);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  };
  return { launch, calls, deps: { launch, redirectUri: REDIRECT, now: () => NOW } };
}

const granted = (location: string) => (url: URL) =>
  `${url.searchParams.get('redirect_uri')}#access_token=1000.tok&expires_in=3600&location=${location}&state=${url.searchParams.get('state')}`;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof DeskLinkError ? error.code : `not typed: ${String(error)}`;
  }
  return undefined;
}

describe('Sign in with Zoho', () => {
  it('opens an interactive consent window on the chosen data centre and returns its token', async () => {
    const z = zoho(granted('eu'));
    const token = await signIn({ dataCentre: 'eu', clientId: ' 1000.CLIENT ', multiDc: false, scopes: SCOPES }, z.deps);
    expect(token).toMatchObject({ accessToken: '1000.tok', dataCentre: 'eu', expiresAt: NOW + 3_600_000 });
    expect(z.calls).toHaveLength(1);
    expect(z.calls[0]!.interactive).toBe(true);
    expect(z.calls[0]!.url.host).toBe('accounts.zoho.eu');
    expect(z.calls[0]!.url.searchParams.get('client_id')).toBe('1000.CLIENT');
  });

  it('multi-DC: starts at accounts.zoho.com and takes the data centre from location', async () => {
    const z = zoho(granted('ca'));
    const token = await signIn({ dataCentre: 'jp', clientId: '1000.C', multiDc: true, scopes: SCOPES }, z.deps);
    expect(z.calls[0]!.url.host).toBe('accounts.zoho.com');
    expect(token.dataCentre).toBe('ca');
  });

  it('keeps the accounts-server Zoho names when it is one of Zoho’s Accounts hosts', async () => {
    const withServer = (server: string) => (url: URL) => `${granted('eu')(url)}&accounts-server=${encodeURIComponent(server)}`;
    const eu = await signIn(
      { dataCentre: 'com', clientId: '1000.C', multiDc: true, scopes: SCOPES },
      zoho(withServer('https://accounts.zoho.eu')).deps,
    );
    expect(eu.accountsHost).toBe('accounts.zoho.eu');
    for (const server of ['https://accounts.evil.example', 'http://accounts.zoho.eu', 'not a url']) {
      const token = await signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: true, scopes: SCOPES }, zoho(withServer(server)).deps);
      expect(token.accountsHost).toBeUndefined();
    }
  });

  it('without multi-DC, a token of another data centre is refused, naming where it belongs', async () => {
    const z = zoho(granted('eu'));
    const error = await signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, z.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskLinkError);
    expect((error as DeskLinkError).info).toMatchObject({ code: 'OAUTH_FAILED', dataCentre: 'eu' });
  });

  it('denied consent and a closed window are OAUTH_DENIED', async () => {
    const denied = zoho((url) => `${REDIRECT}#error=access_denied&state=${url.searchParams.get('state')}`);
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, denied.deps))).toBe(
      'OAUTH_DENIED',
    );
    const closed = zoho(() => new Error('The user did not approve access.'));
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, closed.deps))).toBe(
      'OAUTH_DENIED',
    );
    const firefoxClosed = zoho(() => new Error('User cancelled or denied access.'));
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, firefoxClosed.deps))).toBe(
      'OAUTH_DENIED',
    );
  });

  it('a forged answer (state not ours) is refused', async () => {
    const z = zoho(() => `${REDIRECT}#access_token=stolen&expires_in=3600&state=attacker`);
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, z.deps))).toBe('OAUTH_FAILED');
  });

  it('a consent page that cannot load (offline, or an error status for an unknown client) is OAUTH_FAILED', async () => {
    const z = zoho(() => new Error('Authorization page could not be loaded.'));
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '1000.C', multiDc: false, scopes: SCOPES }, z.deps))).toBe('OAUTH_FAILED');
  });

  it('a client id that cannot be one opens no window', async () => {
    const z = zoho(granted('us'));
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: 'a b&c', multiDc: false, scopes: SCOPES }, z.deps))).toBe('INVALID_INPUT');
    expect(await codeOf(signIn({ dataCentre: 'com', clientId: '   ', multiDc: false, scopes: SCOPES }, z.deps))).toBe('INVALID_INPUT');
    expect(z.calls).toHaveLength(0);
  });
});

describe('silent renewal', () => {
  it('asks the token’s own Accounts host at /oauth/v2/auth/refresh without a window', async () => {
    const z = zoho(granted('au'));
    const token = await renewSilently({ clientId: '1000.C', dataCentre: 'com.au', scopes: SCOPES }, z.deps);
    expect(token.accessToken).toBe('1000.tok');
    expect(z.calls[0]!.interactive).toBe(false);
    expect(z.calls[0]!.url.host).toBe('accounts.zoho.com.au');
    expect(z.calls[0]!.url.pathname).toBe('/oauth/v2/auth/refresh');
  });

  it('needs the user (SIGNED_OUT) on prompt_required, client_not_granted or a page that wants interaction', async () => {
    for (const error of ['prompt_required', 'client_not_granted']) {
      const z = zoho((url) => `${REDIRECT}#error=${error}&state=${url.searchParams.get('state')}`);
      expect(await codeOf(renewSilently({ clientId: '1000.C', dataCentre: 'com', scopes: SCOPES }, z.deps))).toBe('SIGNED_OUT');
    }
    const page = zoho(() => new Error('User interaction required.'));
    expect(await codeOf(renewSilently({ clientId: '1000.C', dataCentre: 'com', scopes: SCOPES }, page.deps))).toBe('SIGNED_OUT');
  });

  it('an unreachable Accounts host is a network failure, not a sign-out', async () => {
    const z = zoho(() => new Error('Authorization page could not be loaded.'));
    expect(await codeOf(renewSilently({ clientId: '1000.C', dataCentre: 'com', scopes: SCOPES }, z.deps))).toBe('NETWORK');
  });

  it('a renewal that lands on another data centre needs the user', async () => {
    const z = zoho(granted('eu'));
    expect(await codeOf(renewSilently({ clientId: '1000.C', dataCentre: 'com', scopes: SCOPES }, z.deps))).toBe('SIGNED_OUT');
  });

  it('multi-DC: renews where the client is registered (accounts.zoho.com), which sends the EU user on', async () => {
    const z = zoho(granted('eu'));
    const token = await renewSilently(
      { clientId: '1000.C', dataCentre: 'eu', multiDc: true, accountsHost: 'accounts.zoho.eu', scopes: SCOPES },
      z.deps,
    );
    expect(token.dataCentre).toBe('eu');
    expect(z.calls.map((c) => c.url.host)).toEqual(['accounts.zoho.com']);
  });

  it('multi-DC: when the registration server needs the user, asks the accounts-server of the sign-in once', async () => {
    const z = zoho((url) =>
      url.host === 'accounts.zoho.com' ? `${REDIRECT}#error=prompt_required&state=${url.searchParams.get('state')}` : granted('eu')(url),
    );
    const token = await renewSilently(
      { clientId: '1000.C', dataCentre: 'eu', multiDc: true, accountsHost: 'accounts.zoho.eu', scopes: SCOPES },
      z.deps,
    );
    expect(token.accessToken).toBe('1000.tok');
    expect(z.calls.map((c) => c.url.host)).toEqual(['accounts.zoho.com', 'accounts.zoho.eu']);
    expect(z.calls.every((c) => !c.interactive)).toBe(true);
  });

  it('multi-DC: both servers needing the user is a sign-out; a network failure stops at once', async () => {
    const z = zoho((url) => `${REDIRECT}#error=client_not_granted&state=${url.searchParams.get('state')}`);
    const request = { clientId: '1000.C', dataCentre: 'eu' as const, multiDc: true, accountsHost: 'accounts.zoho.eu', scopes: SCOPES };
    expect(await codeOf(renewSilently(request, z.deps))).toBe('SIGNED_OUT');
    expect(z.calls).toHaveLength(2);
    const offline = zoho(() => new Error('Authorization page could not be loaded.'));
    expect(await codeOf(renewSilently(request, offline.deps))).toBe('NETWORK');
    expect(offline.calls).toHaveLength(1);
  });

  it('a multi-DC Chinese sign-in renews at accounts.zoho.com.cn', async () => {
    const z = zoho(granted('cn'));
    await renewSilently({ clientId: '1000.C', dataCentre: 'com.cn', multiDc: true, scopes: SCOPES }, z.deps);
    expect(z.calls[0]!.url.host).toBe('accounts.zoho.com.cn');
  });
});
