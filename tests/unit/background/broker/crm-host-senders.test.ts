/** Panel commands from a company CRM host: answered only while that host is added and granted. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isAboutShownRecord, isCrmTabSender, isPanelFrameSender } from '../../../../lib/background/broker/sender-policy';
import type { RecordRef } from '../../../../lib/shared/commands';
import { testBroker } from '../../support/broker-setup';
import { testCrmHosts } from '../../support/crm-host-fakes';
import { crmTab, panelFrame } from '../../support/senders';

const HOST = 'crm.example.co.jp';
const URL_ON_HOST = `https://${HOST}/crm/org20110845/tab/Contacts/5293322000004120017`;
const record: RecordRef = {
  crmHost: HOST,
  dataCentre: 'jp',
  orgSegment: 'org20110845',
  module: 'Contacts',
  recordId: '5293322000004120017',
};
const inForce = new Map([[HOST, 'jp' as const]]);
const noTab = () => Promise.resolve(undefined);

beforeEach(() => fakeBrowser.reset());

describe('sender checks with company CRM hosts', () => {
  it('accept a tab on a host in force, bound to its data centre', async () => {
    expect(isCrmTabSender(crmTab(URL_ON_HOST), inForce)).toBe(true);
    expect(await isAboutShownRecord(crmTab(URL_ON_HOST), record, noTab, inForce)).toBe(true);
    // The record must claim the host's data centre, not another.
    expect(await isAboutShownRecord(crmTab(URL_ON_HOST), { ...record, dataCentre: 'com' }, noTab, inForce)).toBe(false);
  });

  it('accept the panel frame in a tab on a host in force, bound to the record the tab shows', async () => {
    expect(isPanelFrameSender(panelFrame(URL_ON_HOST), inForce)).toBe(true);
    expect(await isAboutShownRecord(panelFrame(URL_ON_HOST), record, noTab, inForce)).toBe(true);
    expect(await isAboutShownRecord(panelFrame(URL_ON_HOST), { ...record, recordId: '5293322000004120099' }, noTab, inForce)).toBe(false);
    expect(isPanelFrameSender(panelFrame(URL_ON_HOST))).toBe(false);
  });

  it('refuse the same host when it is not in force, a look-alike, another port or plain http', async () => {
    expect(isCrmTabSender(crmTab(URL_ON_HOST))).toBe(false);
    expect(await isAboutShownRecord(crmTab(URL_ON_HOST), record, noTab)).toBe(false);
    for (const url of [
      `https://${HOST}.evil.example/crm/org1/tab/Leads/1`,
      `https://x.${HOST}/crm/org1/tab/Leads/1`,
      `https://${HOST}:8443/crm/org1/tab/Leads/1`,
      `http://${HOST}/crm/org1/tab/Leads/1`,
    ]) {
      expect(isCrmTabSender(crmTab(url), inForce)).toBe(false);
    }
  });
});

describe('the broker and company CRM hosts', () => {
  it('answers panel.config from an added, granted host, and refuses it once removed', async () => {
    const hosts = testCrmHosts([`https://${HOST}/*`]);
    const world = testBroker({ crmHosts: hosts.registrar });
    await world.connect({ dataCentre: 'jp' });
    expect(await world.send({ command: 'panel.config' }, crmTab(URL_ON_HOST))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });

    const added = await world.admin({ command: 'crmHosts.add', address: `https://${HOST}` });
    expect(added.addresses).toEqual([{ host: HOST, fromPolicy: false, addedHere: true, granted: true, active: true }]);
    expect(await world.send({ command: 'panel.config' }, crmTab(URL_ON_HOST))).toMatchObject({ ok: true });

    await world.admin({ command: 'crmHosts.remove', host: HOST });
    expect(await world.send({ command: 'panel.config' }, crmTab(URL_ON_HOST))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('looks company hosts up only for a frame on no Zoho host', async () => {
    const { registrar } = testCrmHosts([`https://${HOST}/*`]);
    const inForce = vi.spyOn(registrar, 'inForce');
    const world = testBroker({ crmHosts: registrar });
    await world.connect({ dataCentre: 'jp' });
    expect(await world.send({ command: 'panel.config' }, crmTab())).toMatchObject({ ok: true });
    expect(inForce).not.toHaveBeenCalled();
    await world.send({ command: 'panel.config' }, crmTab(URL_ON_HOST));
    expect(inForce).toHaveBeenCalledTimes(1);
  });

  it('does not answer a host added but not granted', async () => {
    const world = testBroker({ crmHosts: testCrmHosts().registrar });
    await world.connect({ dataCentre: 'jp' });
    await world.admin({ command: 'crmHosts.add', address: `https://${HOST}` });
    expect(await world.send({ command: 'panel.config' }, crmTab(URL_ON_HOST))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('crmHosts commands come from the options page only, and a locked policy refuses changes', async () => {
    const world = testBroker({ crmHosts: testCrmHosts().registrar });
    expect(await world.send({ command: 'crmHosts.add', address: `https://${HOST}` }, crmTab())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    await fakeBrowser.storage.managed.set({ locked: true });
    await expect(world.admin({ command: 'crmHosts.add', address: `https://${HOST}` })).rejects.toMatchObject({
      info: { code: 'POLICY_LOCKED' },
    });
  });
});
