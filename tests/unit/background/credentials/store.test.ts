import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCredentialStore, type CredentialStore } from '../../../../lib/background/credentials/store';

const key = '1000.zsc.3f9a1c.admin';
const zsc = { kind: 'zsc' as const, key, email: 'Admin@Zylker.com', dataCentre: 'com' as const };

let store: CredentialStore;
beforeEach(() => {
  store = createCredentialStore(() => Date.now());
});

describe('credential store', () => {
  it('saves, reads and clears the credential', async () => {
    expect(await store.get()).toBeNull();
    await store.save(zsc);
    expect(await store.get()).toMatchObject({ ...zsc, savedAt: expect.any(Number) });
    await store.clear();
    expect(await store.get()).toBeNull();
  });

  it('never puts the key in storage.local or storage.sync (content scripts can read those)', async () => {
    await store.save(zsc);
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
    expect(everything).not.toContain(key);
  });

  it('a rejected credential stays stored, flagged; saving a new one clears the flag', async () => {
    const saved = await store.save(zsc);
    await store.markRejected(saved);
    expect(await store.get()).toMatchObject({ key, rejected: true });
    await store.save({ ...zsc, key: '1000.zsc.new' });
    expect((await store.get())?.rejected).toBeUndefined();
  });

  it('a late rejection of an older credential does not flag the new one', async () => {
    const old = await store.save(zsc);
    await store.save({ ...zsc, key: '1000.zsc.new' });
    await store.markRejected(old);
    expect((await store.get())?.rejected).toBeUndefined();
  });

  it('remembers a rejected key it does not store (a policy key) by its hash only', async () => {
    const policyKey = { ...zsc, key: '1000.zsc.policy', savedAt: 0 };
    await store.markRejected(policyKey);
    expect(await store.isRejected(policyKey)).toBe(true);
    expect(await store.isRejected({ ...policyKey, key: '1000.zsc.other' })).toBe(false);
    expect(await store.get()).toBeNull();
  });

  it('a second store (a new worker) reads what the first saved', async () => {
    await store.save(zsc);
    expect(await createCredentialStore(() => Date.now()).get()).toMatchObject({ key });
  });
});
