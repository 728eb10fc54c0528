import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeStoredSettings } from '../../../../lib/background/settings/store';
import { CRM_HOST_MAP_KEY } from '../../../../lib/shared/crm-address';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { settings } from '../../support/broker-setup';
import { testCrmHosts } from '../../support/crm-host-fakes';

const HOST = 'crm.example.co.jp';
const ORIGIN = `https://${HOST}/*`;
const hostMap = async () => (await fakeBrowser.storage.local.get(CRM_HOST_MAP_KEY))[CRM_HOST_MAP_KEY];

beforeEach(async () => {
  fakeBrowser.reset();
  await writeStoredSettings(settings({ dataCentre: 'jp' }));
});

describe('company CRM hosts: registration bookkeeping', () => {
  it('an added, granted address gets the CRM content script on its /crm/ pages (all frames, kept across restarts) and maps to the data centre', async () => {
    const { registrar, scripts } = testCrmHosts([ORIGIN]);
    const view = await registrar.add('https://CRM.example.co.jp/');
    expect(view).toEqual({
      dataCentre: 'jp',
      addresses: [{ host: HOST, fromPolicy: false, addedHere: true, granted: true, active: true }],
    });
    expect([...scripts.values()]).toEqual([
      {
        id: `desklink-crm:${HOST}`,
        matches: [`https://${HOST}/crm/*`],
        js: ['content-scripts/crm.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(await hostMap()).toEqual({ [HOST]: 'jp' });
    expect([...(await registrar.inForce())]).toEqual([[HOST, 'jp']]);
  });

  it('an address the browser did not grant is kept but gets no script and is not in force', async () => {
    const { registrar, scripts, origins } = testCrmHosts();
    const view = await registrar.add(`https://${HOST}`);
    expect(view.addresses).toEqual([{ host: HOST, fromPolicy: false, addedHere: true, granted: false, active: false }]);
    expect(scripts.size).toBe(0);
    expect(await hostMap()).toEqual({});
    expect((await registrar.inForce()).size).toBe(0);
    // Granted later (the admin's Allow access): the next reconcile registers it.
    origins.add(ORIGIN);
    expect((await registrar.reconcile()).addresses[0]?.active).toBe(true);
    expect(scripts.has(`desklink-crm:${HOST}`)).toBe(true);
  });

  it('adding the same address twice, or reconciling twice, registers one script', async () => {
    const { registrar, scripts } = testCrmHosts([ORIGIN]);
    await Promise.all([registrar.add(`https://${HOST}`), registrar.add(`https://${HOST}/`), registrar.reconcile()]);
    await registrar.reconcile();
    expect(scripts.size).toBe(1);
    expect((await registrar.reconcile()).addresses).toHaveLength(1);
  });

  it('removing an address drops its script, its permission and its place in the host map', async () => {
    const { registrar, scripts, origins } = testCrmHosts([ORIGIN]);
    await registrar.add(`https://${HOST}`);
    const view = await registrar.remove(HOST);
    expect(view.addresses).toEqual([]);
    expect(scripts.size).toBe(0);
    expect(origins.has(ORIGIN)).toBe(false);
    expect(await hostMap()).toEqual({});
  });

  it('a permission the user takes back in the browser unregisters the script at the next reconcile', async () => {
    const { registrar, scripts, origins } = testCrmHosts([ORIGIN]);
    await registrar.add(`https://${HOST}`);
    origins.delete(ORIGIN);
    const view = await registrar.reconcile();
    expect(view.addresses[0]).toMatchObject({ granted: false, active: false });
    expect(scripts.size).toBe(0);
  });

  it('nothing runs before a data centre is configured (after deactivation too); the address stays', async () => {
    await fakeBrowser.storage.local.remove('settings');
    const { registrar, scripts } = testCrmHosts([ORIGIN]);
    const view = await registrar.add(`https://${HOST}`);
    expect(view).toEqual({
      dataCentre: null,
      addresses: [{ host: HOST, fromPolicy: false, addedHere: true, granted: true, active: false }],
    });
    expect(scripts.size).toBe(0);
    await writeStoredSettings(settings({ dataCentre: 'eu' }));
    await registrar.reconcile();
    expect(await hostMap()).toEqual({ [HOST]: 'eu' });
  });

  it('scripts of DeskLink for hosts nobody added any more are removed; other ids are left alone', async () => {
    const { registrar, scripts } = testCrmHosts();
    const stray = {
      matches: ['https://old.example.com/crm/*'],
      js: ['content-scripts/crm.js'],
      allFrames: true,
      runAt: 'document_idle' as const,
    };
    scripts.set('desklink-crm:old.example.com', { id: 'desklink-crm:old.example.com', ...stray, persistAcrossSessions: true });
    scripts.set('someone-else', { id: 'someone-else', ...stray, persistAcrossSessions: true });
    await registrar.reconcile();
    expect([...scripts.keys()]).toEqual(['someone-else']);
  });

  it('refuses a bad address with its reason, and a 21st address', async () => {
    const { registrar } = testCrmHosts();
    await expect(registrar.add('http://crm.example.co.jp')).rejects.toMatchObject({
      info: { code: 'INVALID_INPUT', detail: 'crmAddress:notHttps' },
    });
    await expect(registrar.add('https://crm.zoho.jp')).rejects.toBeInstanceOf(DeskLinkError);
    for (let n = 0; n < 20; n++) await registrar.add(`https://crm${n}.example.com`);
    await expect(registrar.add('https://crm20.example.com')).rejects.toMatchObject({ info: { detail: 'crmAddress:tooMany' } });
    expect((await registrar.reconcile()).addresses).toHaveLength(20);
  });
});

describe('company CRM hosts from policy (crmHosts)', () => {
  it('a policy address runs once granted, is marked as the policy’s, and removing it here keeps it and its permission', async () => {
    await fakeBrowser.storage.managed.set({ crmHosts: [`https://${HOST}`] });
    const { registrar, scripts, origins } = testCrmHosts([ORIGIN]);
    expect((await registrar.reconcile()).addresses).toEqual([
      { host: HOST, fromPolicy: true, addedHere: false, granted: true, active: true },
    ]);
    expect(scripts.size).toBe(1);
    await registrar.remove(HOST);
    expect(origins.has(ORIGIN)).toBe(true);
    expect(scripts.size).toBe(1);
  });

  it('a policy address the browser has not granted is listed as not granted and runs nowhere', async () => {
    await fakeBrowser.storage.managed.set({ crmHosts: [`https://${HOST}`] });
    const { registrar, scripts } = testCrmHosts();
    expect((await registrar.reconcile()).addresses).toEqual([
      { host: HOST, fromPolicy: true, addedHere: false, granted: false, active: false },
    ]);
    expect(scripts.size).toBe(0);
  });

  it('the policy dropping an address unregisters it', async () => {
    await fakeBrowser.storage.managed.set({ crmHosts: [`https://${HOST}`] });
    const { registrar, scripts } = testCrmHosts([ORIGIN]);
    await registrar.reconcile();
    await fakeBrowser.storage.managed.clear();
    await registrar.reconcile();
    expect(scripts.size).toBe(0);
  });
});
