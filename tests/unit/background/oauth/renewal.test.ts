// Keeping a Zoho sign-in alive through the broker: silent renewal before expiry and after
// INVALID_OAUTH (once), signed-out state without a call storm. Fakes: Zoho Accounts behind the
// identity launcher, Zoho Desk behind fetch (tests/unit/support/fake-zoho.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contact, identity, ticketsGet } from '../../support/broker-setup';
import { errorOf } from '../../support/error-of';
import { HOUR, fakeZoho } from '../../support/fake-zoho';

let z: ReturnType<typeof fakeZoho>;
beforeEach(() => {
  z = fakeZoho();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('silent renewal', () => {
  it('renews without a window when less than five minutes remain, then shows tickets', async () => {
    await z.connect();
    const first = (await z.stored()).accessToken;
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
    expect(z.launches).toHaveLength(1);
    expect(z.launches[0]).toMatchObject({ interactive: false });
    expect(z.launches[0]!.url.pathname).toBe('/oauth/v2/auth/refresh');
    const renewed = await z.stored();
    expect(renewed.accessToken).not.toBe(first);
    expect(renewed.expiresAt).toBe(z.now() + HOUR);
    expect((await z.panel(ticketsGet('refresh'))).tickets).toHaveLength(2);
    expect(z.launches).toHaveLength(1);
  });

  it('an EU user of a multi-DC client is renewed where the client is registered, which sends them on', async () => {
    z.zoho.location = 'eu';
    expect((await z.signIn({ multiDc: true })).dataCentre).toBe('eu');
    await z.save('eu');
    expect(await z.stored()).toMatchObject({ dataCentre: 'eu', multiDc: true, accountsHost: 'accounts.zoho.eu' });
    z.launches.length = 0;
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
    expect(z.launches.map((l) => [l.url.host, l.interactive])).toEqual([['accounts.zoho.com', false]]);
    expect((await z.stored()).expiresAt).toBe(z.now() + HOUR);
  });

  it('when the registration server does not send the EU user on, the accounts-server of the sign-in renews', async () => {
    z.zoho.location = 'eu';
    z.zoho.registrationRoutes = false;
    await z.signIn({ multiDc: true });
    await z.save('eu');
    z.launches.length = 0;
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
    expect(z.launches.map((l) => l.url.host)).toEqual(['accounts.zoho.com', 'accounts.zoho.eu']);
    expect((await z.stored()).signedOut).toBeUndefined();
  });

  it('renews once after INVALID_OAUTH and retries with the new token', async () => {
    await z.connect();
    const first = (await z.stored()).accessToken;
    z.live.delete(first); // Zoho ended the token early
    const view = await z.panel(ticketsGet('refresh'));
    expect(view.tickets).toHaveLength(2);
    expect(z.launches.map((l) => l.interactive)).toEqual([false]);
    expect(z.sourceCalls).toEqual([first, (await z.stored()).accessToken]);
  });

  it('many tabs hitting INVALID_OAUTH together cause one renewal', async () => {
    await z.connect();
    z.live.delete((await z.stored()).accessToken);
    const records = ['5293322000004120017', '5293322000004120018', '5293322000004120019'];
    const views = await Promise.all(
      records.map((recordId) => z.panel({ ...ticketsGet('refresh'), record: { ...contact, recordId }, identity })),
    );
    for (const view of views) expect(view.tickets).toHaveLength(2);
    expect(z.launches).toHaveLength(1);
  });

  it('rejected again after renewal: signed out, no third attempt', async () => {
    await z.connect();
    z.live.delete((await z.stored()).accessToken);
    z.zoho.lifetimeSec = 3600;
    // Desk refuses every token from now on (e.g. the grant was revoked in Zoho).
    vi.spyOn(z.live, 'set').mockImplementation(() => z.live);
    expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(z.launches).toHaveLength(1);
    // The renewed token is tried once, by the agent check (myinfo), which Desk refuses too: no ticket search with it.
    expect(z.sourceCalls).toHaveLength(1);
    expect(z.deskCalls).toEqual(['/api/v1/myinfo']);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('signedOut');
  });
});

describe('a renewal cannot switch users', () => {
  it('a token renewed for another Zoho user (signed in to Zoho in this browser meanwhile) is not kept: signed out', async () => {
    await z.connect();
    const first = (await z.stored()).accessToken;
    z.zoho.user = 'someone.else@zylker.com';
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('signedOut');
    const stored = await z.stored();
    expect(stored).toMatchObject({ accessToken: first, email: 'admin@zylker.com', signedOut: true });
    expect(z.deskCalls).toEqual(['/api/v1/myinfo']);
    expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(z.sourceCalls).toEqual([]);
    expect((await z.admin({ command: 'settings.get' })).credentialState).toBe('signedOut');
  });

  it('after INVALID_OAUTH too: the other user’s token is never used for tickets', async () => {
    await z.connect();
    z.live.delete((await z.stored()).accessToken);
    z.zoho.user = 'someone.else@zylker.com';
    expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(z.sourceCalls).toHaveLength(1);
    expect((await z.stored()).signedOut).toBe(true);
  });

  it('the same agent, its email in another case, is the same agent', async () => {
    await z.connect();
    z.zoho.user = 'ADMIN@zylker.com';
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
    expect((await z.stored()).signedOut).toBeUndefined();
  });

  it.each([
    ['carries no state', 'omit'],
    ['carries another state', 'other'],
  ] as const)('a renewal answer that %s is not for this renewal: signed out, its token not kept', async (_what, renewalState) => {
    await z.connect();
    const first = (await z.stored()).accessToken;
    z.zoho.renewalState = renewalState;
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('signedOut');
    expect(await z.stored()).toMatchObject({ accessToken: first, signedOut: true });
    expect(z.deskCalls).toEqual([]);
  });
});

describe('when renewal needs the user', () => {
  it('the panel is signedOut and no Desk call or renewal follows, however often it asks', async () => {
    await z.connect();
    z.zoho.session = false; // signed out of Zoho
    z.advance(HOUR - 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('signedOut');
    expect(z.launches).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      expect((await z.panel({ command: 'panel.config' })).state).toBe('signedOut');
      expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    }
    expect(z.launches).toHaveLength(1);
    expect(z.sourceCalls).toEqual([]);
    expect(z.deskCalls).toEqual([]);
    expect((await z.admin({ command: 'settings.get' })).credentialState).toBe('signedOut');
  });

  it('INVALID_OAUTH with the Zoho session over: signed out after one renewal attempt', async () => {
    await z.connect();
    z.zoho.session = false;
    z.live.delete((await z.stored()).accessToken);
    expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect((await errorOf(z.panel(ticketsGet('refresh')))).code).toBe('SIGNED_OUT');
    expect(z.launches).toHaveLength(1);
    expect(z.sourceCalls).toHaveLength(1);
  });

  it('offline renewal is not a sign-out: the still-valid token keeps working, retried later', async () => {
    await z.connect();
    z.zoho.offline = true; // the renewal window cannot load
    z.advance(HOUR - 4 * 60_000);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
    expect((await z.panel(ticketsGet('refresh'))).tickets).toHaveLength(2);
  });
});
