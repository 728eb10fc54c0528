import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettings } from '../../../../lib/background/settings/migrations';
import { parseStoredSettings } from '../../../../lib/background/settings/schema';
import { readStoredSettings } from '../../../../lib/background/settings/store';
import { SETTINGS_KEY } from '../../../../lib/shared/settings-watch';
import { settings as currentSettings } from '../../support/broker-setup';

/** The version a value written today carries. */
const SETTINGS_VERSION = currentSettings().version;

/** What the prototype (before versioning) wrote. */
const v0 = {
  dataCenter: 'jp',
  email: 'Admin@Zylker.com',
  portalId: '7310045521',
  companyName: 'Zylker Japan 株式会社',
  portalName: 'zylkerjp',
  enabled: false,
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
};

describe('settings migrations', () => {
  it('turns the unversioned v0 shape into v1 without losing the setup', () => {
    const result = parseStoredSettings(v0);
    expect(result?.migrated).toBe(true);
    expect(result?.settings).toEqual({
      version: 1,
      dataCentre: 'jp',
      email: 'Admin@Zylker.com',
      authKind: 'zsc',
      portal: { id: '7310045521', name: 'Zylker Japan 株式会社', portalName: 'zylkerjp' },
      enabled: false,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('keeps a small numeric v0 portal id, but drops one that lost digits above 2^53', () => {
    expect(parseStoredSettings({ ...v0, portalId: 649182735 })?.settings.portal?.id).toBe('649182735');
    const lost = parseStoredSettings({ ...v0, portalId: Number('5293322000003516055') });
    expect(lost?.settings.portal).toBeNull();
    expect(lost?.settings.email).toBe('Admin@Zylker.com');
  });

  it('defaults what v0 did not record: enabled, English, UTC', () => {
    const result = parseStoredSettings({ dataCenter: 'com', email: 'a@b.example' });
    expect(result?.settings).toMatchObject({ enabled: true, language: 'en', timeZone: 'UTC', portal: null });
  });

  it('writes the migrated value back so content scripts read the current shape', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v0 });
    const settings = await readStoredSettings();
    expect(settings?.version).toBe(SETTINGS_VERSION);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settings);
  });

  it('leaves a value from a newer version alone (downgrade) and treats it as not set up', async () => {
    const future = { version: SETTINGS_VERSION + 1, whatever: true };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: future });
    expect(await readStoredSettings()).toBeNull();
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(future);
  });

  it('rejects garbage instead of throwing', () => {
    for (const garbage of [null, 'settings', 42, [], { version: 'one' }, { dataCenter: 7 }]) {
      expect(parseStoredSettings(garbage)).toBeNull();
    }
    expect(migrateSettings({ version: 0 }, 1)).toBeNull();
  });

  it('does not rewrite a current value', () => {
    const current = parseStoredSettings(v0)!.settings;
    expect(parseStoredSettings(current)).toEqual({ settings: current, migrated: false });
  });
});
