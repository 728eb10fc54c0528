/**
 * The context every panel request runs on (settings and credential in force): read once and kept
 * until something it was read from may have changed.
 */
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContextLoader } from '../../../../lib/background/broker/context';
import type { Credential } from '../../../../lib/background/credentials/credential';
import type { CredentialStore } from '../../../../lib/background/credentials/store';
import type { OAuthRenewal } from '../../../../lib/background/oauth/renewal';
import { SETTINGS_KEY } from '../../../../lib/shared/settings-watch';
import { KEY, scriptedSource, settings, testBroker, ticketsGet } from '../../support/broker-setup';
import { tickets } from '../../support/cache';
import { optionsTab } from '../../support/senders';
import { writeStoredSettings } from '../../../../lib/background/settings/store';

const STORED: Credential = { kind: 'zsc', key: KEY, email: 'admin@zylker.com', dataCentre: 'com', savedAt: 1 };

/** A credential store whose reads are counted and may be held. */
function countingStore() {
  let held: Promise<void> | null = null;
  const store = {
    gets: 0,
    hold(): () => void {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    credentials: {
      get: async () => {
        store.gets += 1;
        await held;
        return STORED;
      },
      isRejected: () => Promise.resolve(false),
      save: () => Promise.reject(new Error('not in this test')),
      markRejected: () => Promise.resolve(),
      clear: () => Promise.resolve(),
      storage: () => Promise.resolve({ persistent: true }),
    } as CredentialStore,
  };
  return store;
}

const renewal = { fresh: (credential: Credential | null) => Promise.resolve(credential) } as OAuthRenewal;

afterEach(() => vi.restoreAllMocks());

describe('the kept context', () => {
  it('is read once for any number of panel requests; `fresh` and `forget` read it again', async () => {
    await writeStoredSettings(settings());
    const store = countingStore();
    const context = createContextLoader({ credentials: store.credentials, renewal, now: () => 0 });
    expect((await context.load()).state).toBe('ready');
    await context.load();
    await Promise.all([context.load(), context.load()]);
    expect(store.gets).toBe(1);

    await context.load({ fresh: true });
    expect(store.gets).toBe(2);
    context.forget();
    await context.load();
    expect(store.gets).toBe(3);
  });

  it('a read that a change overtook answers its own request but is not kept', async () => {
    await writeStoredSettings(settings());
    const store = countingStore();
    const context = createContextLoader({ credentials: store.credentials, renewal, now: () => 0 });
    const release = store.hold();
    const before = context.load();
    context.forget();
    release();
    await before;
    await context.load();
    expect(store.gets).toBe(2);
  });

  it('a failed read is not kept', async () => {
    await writeStoredSettings(settings());
    const store = countingStore();
    const get = vi.spyOn(store.credentials, 'get').mockRejectedValueOnce(new Error('IndexedDB closed'));
    const context = createContextLoader({ credentials: store.credentials, renewal, now: () => 0 });
    await expect(context.load()).rejects.toThrow('IndexedDB closed');
    expect((await context.load()).state).toBe('ready');
    expect(get).toHaveBeenCalledTimes(2);
  });
});

describe('the broker forgets the kept context', () => {
  async function connected() {
    const world = testBroker({ tickets: scriptedSource([tickets(0, 2)]).source });
    await world.connect();
    return world;
  }
  /** The storage reads, among those `reads` saw, that asked for the settings. */
  const settingsReads = (reads: MockInstance<typeof fakeBrowser.storage.local.get>) =>
    reads.mock.calls.filter(([keys]) => JSON.stringify(keys).includes(SETTINGS_KEY));
  const errorOf = async (world: Awaited<ReturnType<typeof connected>>) => {
    const answer = await world.send(ticketsGet('cached'));
    return answer.ok ? null : answer.error.code;
  };

  it('keeps it between record switches: the settings are not read from storage again', async () => {
    const world = await connected();
    await world.send(ticketsGet('cached'));
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await world.send(ticketsGet('cached'));
    expect(settingsReads(reads)).toEqual([]);
  });

  it('keeps it after a message of an extension page that names no command (it reached no handler)', async () => {
    const world = await connected();
    await world.send(ticketsGet('cached'));
    await world.send({ command: 'bench.floor' }, optionsTab());
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await world.send(ticketsGet('cached'));
    expect(settingsReads(reads)).toEqual([]);
  });

  it('keeps it after the options page only reads (its Diagnostics, settings, addresses); reads afresh after any other command', async () => {
    const world = await connected();
    await world.send(ticketsGet('cached'));
    for (const command of ['settings.get', 'diagnostics.get', 'crmHosts.get', 'oauth.redirectUri']) {
      expect((await world.send({ command }, optionsTab())).ok).toBe(true);
    }
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await world.send(ticketsGet('cached'));
    expect(settingsReads(reads)).toEqual([]);
    await world.send({ command: 'cache.clear' }, optionsTab());
    reads.mockClear();
    await world.send(ticketsGet('cached'));
    expect(settingsReads(reads)).not.toEqual([]);
  });

  it('when the stored settings change (integration disabled): the next request says so', async () => {
    const world = await connected();
    expect(await errorOf(world)).not.toBe('DISABLED');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings({ enabled: false }) });
    expect(await errorOf(world)).toBe('DISABLED');
  });

  it('after a command of the options page (Deactivate): the next request is unconfigured', async () => {
    const world = await connected();
    expect(await errorOf(world)).not.toBe('NOT_CONFIGURED');
    await world.admin({ command: 'deactivate' });
    expect(await errorOf(world)).toBe('NOT_CONFIGURED');
  });

  it('after a credential write through the broker (Zoho rejected it): the next request says rejected', async () => {
    const world = testBroker({
      fetch: () => Promise.resolve(new Response(JSON.stringify({ errorCode: 'INVALID_OAUTH' }), { status: 401 })),
    });
    await world.connect();
    await world.send(ticketsGet('cached'));
    expect(await errorOf(world)).toBe('CREDENTIAL_REJECTED');
  });
});
