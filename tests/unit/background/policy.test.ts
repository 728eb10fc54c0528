import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { managedFields, readPolicy } from '../../../lib/background/policy';
import { overlaySettings } from '../../../lib/background/settings/overlay';
import type { StoredSettings } from '../../../lib/background/settings/schema';
import { effectiveSettings, writeStoredSettings } from '../../../lib/background/settings/store';
import { settings as connectedSettings } from '../support/broker-setup';

const stored: StoredSettings = connectedSettings();
const defaults = { language: 'ja' as const, timeZone: 'Europe/Berlin' };

/** The policy as the browser hands it over (Chrome's storage.managed, Firefox's policies.json), read back. */
async function parsePolicy(raw: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(raw);
  return readPolicy();
}

describe('policy parsing', () => {
  it('keeps valid fields and ignores invalid ones one by one', async () => {
    const { policy, ignored } = await parsePolicy({
      dataCenter: 'eu',
      language: 'fr',
      timeZone: 'Mars/Olympus',
      enabled: 'yes',
      locked: true,
      portalId: '123',
    });
    expect(policy).toEqual({ dataCenter: 'eu', locked: true, portalId: '123' });
    expect(ignored.sort()).toEqual(['enabled', 'language', 'timeZone']);
  });

  it('takes key and email together or not at all', async () => {
    expect((await parsePolicy({ zscKey: 'k', email: 'a@b.example' })).policy).toEqual({ zscKey: 'k', email: 'a@b.example' });
    const half = await parsePolicy({ zscKey: 'k' });
    expect(half.policy).toEqual({});
    expect(half.ignored).toEqual(['zscKey']);
  });

  it('no policy is a no-op: Chrome answers {}, Firefox rejects', async () => {
    expect(await readPolicy()).toEqual({ policy: {}, ignored: [] });
    const original = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await readPolicy()).toEqual({ policy: {}, ignored: [] });
      expect(await effectiveSettings()).toMatchObject({ managed: [], dataCentre: null, credentialSource: null });
    } finally {
      fakeBrowser.storage.managed.get = original;
    }
  });
});

describe('policy overlay', () => {
  it('without policy: the stored settings, nothing managed', () => {
    expect(overlaySettings(stored, {}, defaults)).toEqual({
      dataCentre: 'com',
      email: 'Admin@Zylker.com',
      authKind: 'zsc',
      portal: stored.portal,
      enabled: true,
      language: 'en',
      timeZone: 'America/Los_Angeles',
      credentialSource: 'stored',
      managed: [],
    });
  });

  it('nothing stored, no policy: browser defaults, not connected', () => {
    expect(overlaySettings(null, {}, defaults)).toMatchObject({
      dataCentre: null,
      portal: null,
      language: 'ja',
      timeZone: 'Europe/Berlin',
      credentialSource: null,
    });
  });

  it('policy values win and are marked managed', () => {
    const effective = overlaySettings(stored, { enabled: false, language: 'ja', timeZone: 'Asia/Tokyo' }, defaults);
    expect(effective).toMatchObject({ enabled: false, language: 'ja', timeZone: 'Asia/Tokyo', portal: stored.portal });
    expect(effective.managed.sort()).toEqual(['enabled', 'language', 'timeZone']);
  });

  it('a policy with key, email and portal works with nothing stored', () => {
    const policy = { dataCenter: 'com' as const, zscKey: '1000.zsc.k', email: 'boss@zylker.com', portalId: '7310045521' };
    const effective = overlaySettings(null, policy, defaults, { id: '7310045521', name: 'Zylker Japan 株式会社', portalName: 'zylkerjp' });
    expect(effective).toMatchObject({
      dataCentre: 'com',
      email: 'boss@zylker.com',
      credentialSource: 'policy',
      portal: { id: '7310045521', name: 'Zylker Japan 株式会社' },
      enabled: true,
    });
    expect(effective.managed.sort()).toEqual(['credential', 'dataCentre', 'portal']);
  });

  it('names a policy portal by its id until its name is known', () => {
    expect(overlaySettings(stored, { portalId: '8800120034' }, defaults).portal).toEqual({
      id: '8800120034',
      name: '8800120034',
      portalName: '',
    });
    expect(overlaySettings(stored, { portalId: '649182735' }, defaults).portal).toEqual(stored.portal);
  });

  it('the lock flag freezes what has a value', () => {
    expect(managedFields({ locked: true }, { dataCentre: true, credential: true, portal: true }).sort()).toEqual([
      'credential',
      'dataCentre',
      'enabled',
      'language',
      'portal',
      'timeZone',
    ]);
    expect(managedFields({ locked: true }, { dataCentre: false, credential: false, portal: false }).sort()).toEqual([
      'enabled',
      'language',
      'timeZone',
    ]);
  });

  it('a policy change applies at once, without restarting anything', async () => {
    await writeStoredSettings(stored);
    expect((await effectiveSettings()).enabled).toBe(true);
    await fakeBrowser.storage.managed.set({ enabled: false });
    expect((await effectiveSettings()).enabled).toBe(false);
    await fakeBrowser.storage.managed.remove('enabled');
    expect((await effectiveSettings()).enabled).toBe(true);
  });
});
