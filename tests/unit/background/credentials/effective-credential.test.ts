import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectiveCredential } from '../../../../lib/background/credentials/effective-credential';
import { createCredentialStore, type CredentialStore } from '../../../../lib/background/credentials/store';

let credentials: CredentialStore;
beforeEach(() => {
  credentials = createCredentialStore(() => Date.now());
});

describe('effective credential', () => {
  it('comes from the policy when it has key and email, and is never written to storage', async () => {
    await credentials.save({ kind: 'zsc', key: 'stored-key', email: 'Admin@Zylker.com', dataCentre: 'com' });
    await fakeBrowser.storage.managed.set({ zscKey: 'policy-key', email: 'boss@zylker.com', dataCenter: 'com' });
    expect(await effectiveCredential(credentials, 'com')).toMatchObject({ kind: 'zsc', key: 'policy-key', email: 'boss@zylker.com' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('policy-key');
  });

  it('comes from the policy even when the stored one cannot be read, with the data centre read meanwhile', async () => {
    await fakeBrowser.storage.managed.set({ zscKey: 'policy-key', email: 'boss@zylker.com', dataCenter: 'com' });
    const unreadable: CredentialStore = { ...credentials, get: () => Promise.reject(new Error('the secrets database is gone')) };
    expect(await effectiveCredential(unreadable, Promise.resolve('eu'))).toMatchObject({ key: 'policy-key', dataCentre: 'eu' });
  });

  it('else the stored one', async () => {
    await credentials.save({ kind: 'zsc', key: 'stored-key', email: 'Admin@Zylker.com', dataCentre: 'com' });
    expect(await effectiveCredential(credentials, 'com')).toMatchObject({ key: 'stored-key' });
  });
});
