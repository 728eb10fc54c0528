// The options page's commands once set up, and what an enterprise policy fixes, against a fake Desk.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStoredSettings } from '../../../../lib/background/settings/store';
import { ticketDraftKey } from '../../../../lib/shared/ticket-drafts';
import { LAST_ERROR_KEY } from '../../support/broker-setup';
import { errorOf } from '../../support/error-of';
import { A, B, EMAIL, KEY, credential, setupDesk } from '../../support/setup-desk';

let z: ReturnType<typeof setupDesk>;
beforeEach(() => {
  z = setupDesk();
});

describe('once connected', () => {
  it('settings.update switches the integration off and on', async () => {
    await z.saveA();
    expect((await z.admin({ command: 'settings.update', enabled: false })).enabled).toBe(false);
    expect((await readStoredSettings())?.enabled).toBe(false);
    expect((await z.admin({ command: 'settings.update', enabled: true, language: 'en' })).language).toBe('en');
  });

  it('settings.update stores the clock, which the view and the panel’s config carry', async () => {
    await z.saveA();
    expect((await z.admin({ command: 'settings.get' })).clock).toBeUndefined();
    expect((await z.admin({ command: 'settings.update', clock: '24' })).clock).toBe('24');
    expect((await readStoredSettings())?.clock).toBe('24');
    expect(await z.panel({ command: 'panel.config' })).toMatchObject({ clock: '24' });
  });
  it('deactivate removes credential, settings, cache and the last error', async () => {
    await z.saveA();
    await z.cacheTickets(A.id, '5293322000004120017');
    await fakeBrowser.storage.local.set({ [LAST_ERROR_KEY]: { code: 'NETWORK', at: 1 } });
    const view = await z.admin({ command: 'deactivate' });
    expect(view).toMatchObject({ connected: false, credentialState: 'none', portal: null, email: null });
    await z.nothingStored();
    expect(await z.cache.stats()).toEqual({ tickets: 0, records: 0 });
    expect((await z.admin({ command: 'diagnostics.get' })).lastError).toBeNull();
  });

  it('deactivate deletes every half-typed ticket (they quote customers) and keeps unrelated keys', async () => {
    await z.saveA();
    const draft = { draft: { subject: 'Refund for 田中様', description: '', departmentId: '', priority: '', customer: 0 }, savedAt: 1 };
    await fakeBrowser.storage.local.set({ [ticketDraftKey('Contacts:1')]: draft, [ticketDraftKey('Leads:2')]: draft });
    await fakeBrowser.storage.session.set({ [ticketDraftKey('Deals:3')]: draft, unrelated: 1 });
    await z.admin({ command: 'deactivate' });
    const left = [...Object.keys(await fakeBrowser.storage.local.get(null)), ...Object.keys(await fakeBrowser.storage.session.get(null))];
    expect(left.filter((key) => key.startsWith('newTicketDraft:'))).toEqual([]);
    expect(await fakeBrowser.storage.session.get('unrelated')).toEqual({ unrelated: 1 });
  });

  it('connection.test says who the key reads the portal as; a revoked key is marked rejected and recorded', async () => {
    await z.saveA();
    expect(await z.admin({ command: 'connection.test' })).toEqual({
      portalName: 'Zylker Inc.',
      email: 'admin@zylker.com',
    });
    const stored = (await z.credentials.get())!;
    await z.credentials.save({ kind: 'zsc', key: KEY.revoked, email: stored.email, dataCentre: 'com' });
    expect((await errorOf(z.admin({ command: 'connection.test' }))).code).toBe('INVALID_OAUTH');
    expect((await z.credentials.get())?.rejected).toBe(true);
    expect((await z.admin({ command: 'settings.get' })).credentialState).toBe('rejected');
    expect((await z.admin({ command: 'diagnostics.get' })).lastError).toMatchObject({
      code: 'INVALID_OAUTH',
      host: 'desk.zoho.com',
    });
  });

  it('cache.clear empties the cache and reports its size', async () => {
    await z.saveA();
    await z.cacheTickets(A.id, '5293322000004120017');
    expect((await z.admin({ command: 'diagnostics.get' })).cache).toMatchObject({
      available: true,
      tickets: 1,
      records: 1,
    });
    expect((await z.admin({ command: 'cache.clear' })).cache).toMatchObject({ tickets: 0, records: 0 });
  });
});

describe('enterprise policy', () => {
  it('works from policy alone: connected, named portal, key never copied to storage', async () => {
    await fakeBrowser.storage.managed.set({ dataCenter: 'com', zscKey: KEY.admin, email: EMAIL, portalId: B.id, enabled: true });
    const view = await z.admin({ command: 'settings.get' });
    expect(view).toMatchObject({ connected: true, credentialState: 'ok', email: EMAIL, portal: { id: B.id, name: '<b>Zylker Japan</b>' } });
    expect(view.managed.sort()).toEqual(['credential', 'dataCentre', 'enabled', 'portal']);
    expect(await z.credentials.get()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY.admin);
    expect(await z.admin({ command: 'connection.test' })).toMatchObject({ email: 'admin@zylker.com' });
  });

  it('a rejected policy key shows as rejected, though it is never stored', async () => {
    await fakeBrowser.storage.managed.set({ dataCenter: 'com', zscKey: KEY.revoked, email: EMAIL, portalId: A.id });
    expect((await errorOf(z.admin({ command: 'connection.test' }))).code).toBe('INVALID_OAUTH');
    expect((await z.admin({ command: 'settings.get' })).credentialState).toBe('rejected');
    expect(await z.credentials.get()).toBeNull();
  });

  it('a policy key without a data center still fixes the email the wizard shows', async () => {
    await fakeBrowser.storage.managed.set({ zscKey: KEY.admin, email: EMAIL });
    const view = await z.admin({ command: 'settings.get' });
    expect(view).toMatchObject({ connected: false, email: EMAIL });
    expect(view.managed).toContain('credential');
    // Next then uses the policy's key, whatever the form holds.
    const { portals } = await z.admin({ command: 'setup.listPortals', dataCentre: 'com' });
    expect(portals.map((p) => p.id)).toEqual([A.id, B.id]);
  });

  it('locks what it sets: update and deactivation are refused', async () => {
    await z.saveA();
    await fakeBrowser.storage.managed.set({ enabled: true, portalId: A.id });
    expect((await errorOf(z.admin({ command: 'settings.update', enabled: false }))).code).toBe('POLICY_LOCKED');
    expect((await readStoredSettings())?.portal?.id).toBe(A.id);
    await fakeBrowser.storage.managed.set({ locked: true });
    expect((await errorOf(z.admin({ command: 'deactivate' }))).code).toBe('POLICY_LOCKED');
    expect(await z.credentials.get()).not.toBeNull();
  });

  it('locked: every command that would change the setup is refused, and nothing changes', async () => {
    await z.saveA();
    const before = { settings: await readStoredSettings(), credential: await z.credentials.get() };
    await fakeBrowser.storage.managed.set({ locked: true });
    z.desk.calls.length = 0;
    const attempts: Parameters<typeof z.admin>[0][] = [
      // Another key, portal, language and time zone: all of it stays as the organisation set it.
      {
        command: 'setup.save',
        dataCentre: 'com',
        credential: credential(KEY.limited, 'support.lead@zylker.com'),
        portalId: A.id,
        language: 'en',
        timeZone: 'Europe/Berlin',
      },
      { command: 'oauth.signIn', dataCentre: 'com', clientId: '1000.CLIENTID' },
      { command: 'deactivate' },
      { command: 'settings.update', enabled: false },
      { command: 'settings.update', language: 'en', timeZone: 'Europe/Berlin' },
    ];
    for (const request of attempts) expect((await errorOf(z.admin(request))).code, request.command).toBe('POLICY_LOCKED');
    // The options page is told, so it can show every control disabled.
    expect(await z.admin({ command: 'settings.get' })).toMatchObject({ locked: true });
    expect(await readStoredSettings()).toEqual(before.settings);
    expect(await z.credentials.get()).toEqual(before.credential);
    expect(z.desk.calls).toEqual([]);
  });

  it('policy values of the wrong type are not silently dropped: the settings view and diagnostics list them', async () => {
    await z.saveA();
    await fakeBrowser.storage.managed.set({ enabled: 'no', deskCallsPerMinute: '60', language: 'en' });
    const ignored = [
      { key: 'enabled', expected: 'boolean' },
      { key: 'deskCallsPerMinute', expected: 'callsPerMinute' },
    ];
    const view = await z.admin({ command: 'settings.get' });
    expect(view.policyIgnored).toEqual(ignored);
    // What was ignored does not count; the valid rest does.
    expect(view).toMatchObject({ enabled: true, language: 'en' });
    expect(view.managed).toEqual(['language']);
    expect((await z.admin({ command: 'diagnostics.get' })).policyIgnored).toEqual(ignored);
  });

  it('policy values override what the form sends on Save', async () => {
    await fakeBrowser.storage.managed.set({ language: 'en', timeZone: 'Europe/Berlin' });
    const view = await z.saveA();
    expect(view).toMatchObject({ language: 'en', timeZone: 'Europe/Berlin' });
    expect(view.managed.sort()).toEqual(['language', 'timeZone']);
  });
});
