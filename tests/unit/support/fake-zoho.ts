// A fake Zoho for the broker's `Sign in with Zoho` tests (not a test file): Zoho Accounts behind
// the identity launcher, Zoho Desk behind fetch, a ticket source that refuses tokens Desk no
// longer accepts, and a clock the test moves. Tokens are issued to `zoho.user`.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TicketSource } from '../../../lib/background/broker/ticket-source';
import type { OAuthCredential } from '../../../lib/background/credentials/credential';
import { DeskLinkError } from '../../../lib/shared/errors';
import { testBroker } from './broker-setup';
import { tickets } from './cache';
import { urlOf } from './fetch';

export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const CLIENT = '1000.CLIENTID';
export const A = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
export const B = {
  id: '7310045521',
  companyName: 'Zylker Japan',
  portalName: 'zylkerjp',
  isDefault: false,
  timeZone: 'Asia/Tokyo',
  edition: 'ENTERPRISE',
};
export const EMAIL = 'Admin@Zylker.com';
export const HOUR = 3_600_000;
const START = 1_750_000_000_000;

/** A fresh fake Zoho and a broker wired to it (Date is faked too: expiry checks compare with it). */
export function fakeZoho() {
  let now = START;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  let serial = 0;
  /** Tokens Desk accepts, with their user's email. */
  const live = new Map<string, string>();
  const zoho = {
    decision: 'accept' as 'accept' | 'deny',
    session: true,
    offline: false,
    user: EMAIL,
    lifetimeSec: 3600,
    /** What a renewal's answer carries as `state`: the one sent, none, or another. */
    renewalState: 'echo' as 'echo' | 'omit' | 'other',
    /** Where the user's account lives (`location`; `accounts-server` is that data centre's). */
    location: 'us' as 'us' | 'eu',
    /** accounts.zoho.com sends a renewal on to the user's data centre (else it needs the user there). */
    registrationRoutes: true,
  };
  const ACCOUNTS = { us: 'accounts.zoho.com', eu: 'accounts.zoho.eu' } as const;
  const launches: { url: URL; interactive: boolean }[] = [];
  const deskCalls: string[] = [];
  const sourceCalls: string[] = [];

  const issue = () => {
    const token = `1000.tok${++serial}`;
    live.set(token, zoho.user);
    return token;
  };

  /** Where Zoho Accounts sends the window back to. */
  function redirect(u: URL): string {
    const renewal = u.pathname === '/oauth/v2/auth/refresh';
    const sent = u.searchParams.get('state') ?? '';
    const state = !renewal || zoho.renewalState === 'echo' ? sent : zoho.renewalState === 'other' ? `${sent}x` : null;
    const back = (fields: Record<string, string>) => `${REDIRECT}#${new URLSearchParams(state === null ? fields : { ...fields, state })}`;
    const home = ACCOUNTS[zoho.location];
    if (renewal) {
      if (!zoho.session) return back({ error: 'prompt_required' });
      // The session lives at the user's own data centre; the registration host may send the renewal on.
      if (u.host !== home && !(u.host === ACCOUNTS.us && zoho.registrationRoutes)) return back({ error: 'prompt_required' });
    } else if (zoho.decision === 'deny') return back({ error: 'access_denied' });
    return back({
      access_token: issue(),
      expires_in: String(zoho.lifetimeSec),
      location: zoho.location,
      'accounts-server': `https://${home}`,
    });
  }

  function launch({ url, interactive }: { url: string; interactive: boolean }): Promise<string> {
    const u = new URL(url);
    launches.push({ url: u, interactive });
    if (zoho.offline) return Promise.reject(new Error('Authorization page could not be loaded.'));
    return Promise.resolve(redirect(u));
  }

  function answer(input: RequestInfo | URL, init?: RequestInit): Response {
    const url = urlOf(input);
    const headers = new Headers(init?.headers);
    const token = headers.get('authorization')?.replace('Zoho-oauthtoken ', '') ?? '';
    deskCalls.push(url.pathname);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const email = live.get(token);
    if (!email) return json(401, { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' });
    if (url.pathname === '/api/v1/organizations') return json(200, { data: [A, B] });
    if (url.pathname === '/api/v1/myinfo')
      return json(200, {
        id: '1892000000056007',
        emailId: email.toLowerCase(),
        firstName: 'Ana',
        lastName: 'Admin',
        rolePermissionType: 'Light',
      });
    return json(404, { errorCode: 'URL_NOT_FOUND', message: '' });
  }
  const desk = (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(answer(input, init));

  /** Like Desk, fails with INVALID_OAUTH for a token Zoho no longer accepts. */
  const ticketSource: TicketSource = {
    fingerprint: (record) => record.recordId,
    find(ready) {
      const token = (ready.credential as OAuthCredential).accessToken;
      sourceCalls.push(token);
      if (!live.has(token)) return Promise.reject(new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 }));
      return Promise.resolve({ tickets: tickets(0, 2), truncated: false });
    },
  };

  const world = testBroker({ fetch: desk, tickets: ticketSource, oauthBrowser: { launch, redirectUri: () => REDIRECT }, now: () => now });
  const signIn = (extra: { multiDc?: boolean; features?: { readCrm: boolean; createTickets: boolean } } = {}) =>
    world.admin({ command: 'oauth.signIn', dataCentre: 'com', clientId: CLIENT, ...extra });
  const save = (dataCentre: 'com' | 'eu' = 'com') =>
    world.admin({
      command: 'setup.save',
      dataCentre,
      credential: { kind: 'oauth' },
      portalId: A.id,
      language: 'en',
      timeZone: 'America/Los_Angeles',
    });

  return {
    ...world,
    zoho,
    live,
    launches,
    deskCalls,
    sourceCalls,
    now: () => now,
    advance(ms: number) {
      now += ms;
      vi.setSystemTime(now);
    },
    signIn,
    save,
    /** Signed in and saved; the launches and calls that took are forgotten. */
    async connect() {
      await signIn();
      await save();
      launches.length = 0;
      deskCalls.length = 0;
    },
    stored: async () => (await world.credentials.get()) as OAuthCredential,
    /** The sign-in waiting in storage.session for `Save`, if any. */
    pending: async () =>
      (await fakeBrowser.storage.session.get('oauthPendingSignIn')).oauthPendingSignIn as Record<string, unknown> | undefined,
  };
}
