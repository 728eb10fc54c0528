// The broker's side of `Sign in with Zoho`: sign-in, Save, and Sign in again. Fakes: Zoho
// Accounts behind the identity launcher, Zoho Desk behind fetch (tests/unit/support/fake-zoho.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_FEATURES, DESK_READ_SCOPES, scopesFor } from '../../../../lib/shared/scopes';
import { errorOf } from '../../support/error-of';
import { A, B, CLIENT, EMAIL, HOUR, REDIRECT, fakeZoho } from '../../support/fake-zoho';

let z: ReturnType<typeof fakeZoho>;
beforeEach(() => {
  z = fakeZoho();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Sign in with Zoho, then Save', () => {
  it('answers the redirect URI to register', async () => {
    expect(await z.admin({ command: 'oauth.redirectUri' })).toEqual({ redirectUri: REDIRECT });
  });

  it('signs in interactively, lists the agent’s portals and email, and stores nothing until Save', async () => {
    const answer = await z.signIn();
    expect(answer).toMatchObject({ dataCentre: 'com', email: 'admin@zylker.com' });
    expect(answer.portals.map((p) => p.id)).toEqual([A.id, B.id]);
    expect(z.launches).toHaveLength(1);
    expect(z.launches[0]!.interactive).toBe(true);
    expect(z.launches[0]!.url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(await z.credentials.get()).toBeNull();
    expect(await z.pending()).toMatchObject({ clientId: CLIENT, email: 'admin@zylker.com' });
  });

  it('Save stores the sign-in as the credential (not in storage.local) and connects', async () => {
    await z.signIn();
    const view = await z.save();
    expect(view).toMatchObject({
      connected: true,
      authKind: 'oauth',
      credentialState: 'ok',
      email: 'admin@zylker.com',
      portal: { id: A.id },
    });
    const credential = await z.stored();
    expect(credential).toMatchObject({ kind: 'oauth', clientId: CLIENT, dataCentre: 'com', expiresAt: z.now() + HOUR, multiDc: false });
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(credential.accessToken);
    expect(await z.pending()).toBeUndefined();
  });

  it('one consent asks for everything the admin allowed; the options page shows those scopes and whom the connection acts as', async () => {
    await z.signIn();
    const asked = z.launches[0]!.url.searchParams.get('scope')!.split(',');
    expect(asked).toEqual(scopesFor(ALL_FEATURES));
    const view = await z.save();
    expect(view.grantedScopes).toEqual(asked);
    // myinfo named no `name`: first and last name, and the role as Zoho sends it.
    expect(view.agent).toEqual({ name: 'Ana Admin', role: 'Light' });
    expect((await z.stored()).scopes).toEqual(asked);
  });

  it('the panel names the signed-in rep (not their email) as whom it reads Desk', async () => {
    await z.connect();
    expect(await z.panel({ command: 'panel.config' })).toMatchObject({ state: 'ready', actingAs: 'Ana Admin' });
    expect(JSON.stringify(await z.panel({ command: 'panel.config' }))).not.toContain('zylker.com');
  });

  it('the panel is told which modules’ customers CRM’s API names (all with the CRM read scopes, none without)', async () => {
    await z.connect();
    expect(await z.panel({ command: 'panel.config' })).toMatchObject({ crmModules: ['Leads', 'Contacts', 'Accounts', 'Deals'] });
    await z.signIn({ features: { readCrm: false, createTickets: true } });
    await z.save();
    expect(await z.panel({ command: 'panel.config' })).toMatchObject({ crmModules: [] });
  });

  it('with CRM reading and ticket creation turned off, the consent asks for the Desk read scopes only, and so does every renewal', async () => {
    await z.signIn({ features: { readCrm: false, createTickets: false } });
    expect(z.launches[0]!.url.searchParams.get('scope')).toBe(DESK_READ_SCOPES.join(','));
    expect((await z.save()).grantedScopes).toEqual([...DESK_READ_SCOPES]);
    z.advance(HOUR);
    await z.panel({ command: 'panel.config' });
    const renewal = z.launches.at(-1)!;
    expect(renewal.interactive).toBe(false);
    expect(renewal.url.searchParams.get('scope')).toBe(DESK_READ_SCOPES.join(','));
  });

  it('denied consent is OAUTH_DENIED and leaves nothing behind', async () => {
    z.zoho.decision = 'deny';
    expect((await errorOf(z.signIn())).code).toBe('OAUTH_DENIED');
    expect(await z.pending()).toBeUndefined();
    expect(await z.credentials.get()).toBeNull();
    expect(z.deskCalls).toEqual([]);
  });

  it('Save without a sign-in waiting is SIGNED_OUT', async () => {
    expect((await errorOf(z.save())).code).toBe('SIGNED_OUT');
  });

  it('is refused while a policy provides the key', async () => {
    await fakeBrowser.storage.managed.set({ zscKey: '1000.zsc.policy', email: EMAIL });
    expect((await errorOf(z.signIn())).code).toBe('POLICY_LOCKED');
    expect(z.launches).toEqual([]);
  });
});

describe('Sign in again (oauth.reauthorize)', () => {
  it('restores the same agent’s connection after the sign-in expired for good', async () => {
    await z.connect();
    z.zoho.session = false;
    z.advance(HOUR);
    await z.panel({ command: 'panel.config' });
    z.zoho.session = true;
    const view = await z.admin({ command: 'oauth.reauthorize' });
    expect(view).toMatchObject({ connected: true, credentialState: 'ok', portal: { id: A.id } });
    expect(z.launches.at(-1)!.interactive).toBe(true);
    expect((await z.panel({ command: 'panel.config' })).state).toBe('ready');
  });

  it('as another Zoho user is refused (EMAIL_MISMATCH) and changes nothing', async () => {
    await z.connect();
    const before = await z.stored();
    z.zoho.user = 'someone.else@zylker.com';
    expect((await errorOf(z.admin({ command: 'oauth.reauthorize' }))).code).toBe('EMAIL_MISMATCH');
    expect((await z.stored()).accessToken).toBe(before.accessToken);
  });
});
