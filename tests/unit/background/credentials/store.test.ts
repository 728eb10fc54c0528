import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCredentialStore, type CredentialStore } from '../../../../lib/background/credentials/store';
import { PORTAL, contact, testBroker, ticketsGet } from '../../support/broker-setup';
import { tickets } from '../../support/cache';

const key = '1000.zsc.3f9a1c.admin';
const zsc = { kind: 'zsc' as const, key, email: 'Admin@Zylker.com', dataCentre: 'com' as const };

let store: CredentialStore;
beforeEach(() => {
  store = createCredentialStore(() => Date.now());
});

describe('credential store', () => {
  it('keeps the credential in IndexedDB when it opens', async () => {
    expect(await store.storage()).toEqual({ persistent: true });
  });

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

describe('when IndexedDB cannot open (a Firefox private window, a broken profile)', () => {
  const refuseIndexedDb = () =>
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the credential in storage.session for the browser session, and says so and why', async () => {
    refuseIndexedDb();
    const store = createCredentialStore(() => Date.now());
    await store.save(zsc);
    expect(await store.get()).toMatchObject({ key });
    expect(await store.storage()).toEqual({ persistent: false, reason: expect.stringContaining('InvalidStateError') });
    // A new worker of the same browser session finds it; content scripts' areas never hold it.
    expect(await createCredentialStore(() => Date.now()).get()).toMatchObject({ key });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(key);
    expect(JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)])).not.toContain(key);
    // Rejections and clearing work there too.
    const saved = (await store.get())!;
    await store.markRejected(saved);
    expect(await store.isRejected(saved)).toBe(true);
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('a later worker whose IndexedDB opens still finds the session’s credential, and moves it there on the next save', async () => {
    const refused = refuseIndexedDb();
    await createCredentialStore(() => Date.now()).save(zsc);
    refused.mockRestore();
    const later = createCredentialStore(() => Date.now());
    expect(await later.storage()).toEqual({ persistent: true });
    expect(await later.get()).toMatchObject({ key });
    await later.save({ ...zsc, key: '1000.zsc.new' });
    expect(await later.get()).toMatchObject({ key: '1000.zsc.new' });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('the options page still loads and can set up; the panel works uncached', async () => {
    refuseIndexedDb();
    const world = testBroker({
      tickets: { fingerprint: () => 'f', find: () => Promise.resolve({ tickets: tickets(0, 2), truncated: false }) },
    });
    const before = await world.admin({ command: 'settings.get' });
    expect(before.credentialStorage).toEqual({ persistent: false, reason: expect.stringContaining('InvalidStateError') });
    await world.connect();
    const view = await world.admin({ command: 'settings.get' });
    expect(view).toMatchObject({
      connected: true,
      credentialState: 'ok',
      portal: { id: PORTAL.id },
      credentialStorage: { persistent: false },
    });
    expect((await world.panel(ticketsGet('cached', contact))).tickets).toHaveLength(2);
    expect((await world.admin({ command: 'diagnostics.get' })).cache).toMatchObject({ available: false });
  });
});
