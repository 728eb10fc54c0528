import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoredSettingsSchema, type StoredSettings } from '../../../../lib/background/settings/schema';
import { clearStoredSettings, effectiveSettings, readStoredSettings, writeStoredSettings } from '../../../../lib/background/settings/store';
import { SETTINGS_KEY, watchSettings } from '../../../../lib/shared/settings-watch';
import { settings as connectedSettings } from '../../support/broker-setup';

const settings: StoredSettings = connectedSettings();

describe('stored settings', () => {
  it('round-trips through storage.local', async () => {
    await writeStoredSettings(settings);
    expect(await readStoredSettings()).toEqual(settings);
  });

  it('refuses to write an invalid value (nothing stored)', async () => {
    await expect(writeStoredSettings({ ...settings, dataCentre: 'sg' } as unknown as StoredSettings)).rejects.toThrow();
    await expect(writeStoredSettings({ ...settings, portal: { ...settings.portal!, id: '12e3' } })).rejects.toThrow();
    expect(await readStoredSettings()).toBeNull();
  });

  it('has no field for a secret', () => {
    const withKey = StoredSettingsSchema.parse({ ...settings, key: '1000.zsc.secret' });
    expect(JSON.stringify(withKey)).not.toContain('1000.zsc.secret');
  });

  it('keeps ids beyond 2^53 as exact strings', async () => {
    await writeStoredSettings({ ...settings, portal: { id: '9223372036854775807', name: 'x', portalName: 'x' } });
    expect((await readStoredSettings())?.portal?.id).toBe('9223372036854775807');
  });

  it('clears', async () => {
    await writeStoredSettings(settings);
    await clearStoredSettings();
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({ [SETTINGS_KEY]: undefined });
  });

  it("keeps the cleared settings' language as the default, without anything else", async () => {
    await writeStoredSettings({ ...settings, language: 'ja' });
    await clearStoredSettings();
    expect(await readStoredSettings()).toBeNull();
    expect(await effectiveSettings()).toMatchObject({ language: 'ja', portal: null });
  });

  it('tells watchers about settings and policy changes, not about other keys', async () => {
    let calls = 0;
    const stop = watchSettings(() => calls++);
    await writeStoredSettings(settings);
    await fakeBrowser.storage.managed.set({ enabled: false });
    await fakeBrowser.storage.local.set({ diagnostics: { lastError: null } });
    expect(calls).toBe(2);
    stop();
    await writeStoredSettings({ ...settings, enabled: false });
    expect(calls).toBe(2);
  });
});
