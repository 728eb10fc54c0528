import { describe, expect, it } from 'vitest';
import { isCrmTabSender, isExtensionPageSender } from '../../../../lib/background/broker/sender-policy';
import { contact, identity, lead, recordUrl, scriptedSource, testBroker, ticketsGet } from '../../support/broker-setup';
import { CRM_URL, EXT_ORIGIN, crmFrameInZohoOne, crmTab, optionsEmbedded, optionsTab, tab } from '../../support/senders';

describe('panel senders (content script on CRM)', () => {
  it.each([
    'https://crm.zoho.com/crm/org1/tab/Leads/1',
    'https://crm.zoho.eu/crm/org1/tab/Leads/1',
    'https://crmsandbox.zoho.jp/crm/org1/tab/Leads/1',
    'https://crm.zohocloud.ca/crm/org1/tab/Accounts/1',
  ])('accepts a tab on %s', (url) => {
    expect(isCrmTabSender(crmTab(url))).toBe(true);
  });

  it('accepts a CRM frame inside Zoho One (the frame’s own URL is CRM)', () => {
    expect(isCrmTabSender(crmFrameInZohoOne())).toBe(true);
  });

  it.each([
    ['a non-CRM site', 'https://example.com/crm/org1/tab/Leads/1'],
    ['plain http', 'http://crm.zoho.com/crm/org1/tab/Leads/1'],
    ['a look-alike host', 'https://crm.zoho.com.evil.example/crm/org1'],
    ['a look-alike subdomain', 'https://evilcrm.zoho.com/crm/org1'],
    ['a sub-domain of a CRM host', 'https://x.crm.zoho.com/crm/org1'],
    ['another port', 'https://crm.zoho.com:8443/crm/org1'],
    ['credentials in the URL', 'https://a:b@crm.zoho.com/crm/org1'],
    ['Zoho One itself', 'https://one.zoho.com/zohoone/zylker/home'],
  ])('refuses %s', (_what, url) => {
    expect(isCrmTabSender(crmTab(url))).toBe(false);
  });

  it('refuses a CRM URL without a tab, another extension, or a mismatching origin', () => {
    expect(isCrmTabSender({ ...crmTab(), tab: undefined })).toBe(false);
    expect(isCrmTabSender({ ...crmTab(), id: 'another-extension' })).toBe(false);
    expect(isCrmTabSender({ ...crmTab(), origin: 'https://evil.example' })).toBe(false);
    expect(isCrmTabSender({ ...crmTab(), url: undefined })).toBe(false);
    expect(isCrmTabSender({ ...crmTab(), url: 'about:blank' })).toBe(false);
  });

  it('refuses the extension’s own pages (panel commands come from CRM only)', () => {
    expect(isCrmTabSender(optionsTab())).toBe(false);
  });
});

describe('admin senders (extension pages)', () => {
  it('accepts the options page in a tab and embedded without one', () => {
    expect(isExtensionPageSender(optionsTab())).toBe(true);
    expect(isExtensionPageSender(optionsEmbedded())).toBe(true);
    // Without the tabs permission Chrome may hide the tab's URL.
    expect(isExtensionPageSender({ ...optionsTab(), tab: tab(undefined) })).toBe(true);
  });

  it('refuses a content script on CRM sending an admin command', () => {
    expect(isExtensionPageSender(crmTab())).toBe(false);
  });

  it('refuses an extension page framed inside a web page', () => {
    expect(isExtensionPageSender({ ...optionsTab(), frameId: 2, tab: tab(CRM_URL) })).toBe(false);
    expect(isExtensionPageSender({ ...optionsTab(), tab: tab('https://evil.example/') })).toBe(false);
  });

  it('refuses another extension, a look-alike origin and a missing URL', () => {
    expect(isExtensionPageSender({ ...optionsTab(), id: 'another-extension' })).toBe(false);
    expect(isExtensionPageSender({ ...optionsTab(), url: 'chrome-extension://test-extension-idx/options.html' })).toBe(false);
    expect(isExtensionPageSender({ ...optionsTab(), origin: `${EXT_ORIGIN}.evil.example` })).toBe(false);
    expect(isExtensionPageSender({ ...optionsTab(), url: undefined })).toBe(false);
  });
});

describe('panel commands are bound to the record the sending frame shows', () => {
  /** A connected broker; `calls` are the Desk lookups it made. */
  async function connected() {
    const desk = scriptedSource();
    const world = testBroker({ tickets: desk.source });
    await world.connect();
    return { world, calls: desk.calls };
  }
  const contactPage = crmTab(recordUrl(contact));

  it('a lookup of the record shown goes through', async () => {
    const { world, calls } = await connected();
    expect(await world.send(ticketsGet('cached', contact), contactPage)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another record id (an email written into the page cannot choose the record)', { ...contact, recordId: '5293322000004120099' }],
    ['another module', { ...contact, module: 'Accounts' as const }],
    ['another CRM org', { ...contact, orgSegment: 'org99999999' }],
    ['another CRM host', { ...contact, crmHost: 'crm.zoho.eu', dataCentre: 'eu' as const }],
    ['another data centre', { ...contact, dataCentre: 'eu' as const }],
    ['a lead shown in another tab', lead],
  ])('a request naming %s is refused with FORBIDDEN_SENDER, and Desk is not asked', async (_what, record) => {
    const { world, calls } = await connected();
    for (const mode of ['cached', 'fresh', 'refresh', 'peek'] as const) {
      expect(await world.send({ ...ticketsGet('cached', record, identity), mode }, contactPage)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.get' },
      });
    }
    expect(calls).toHaveLength(0);
  });

  it('the frame must show a record: a CRM list, home or settings page may send no panel command', async () => {
    const { world } = await connected();
    for (const url of [
      'https://crm.zoho.com/crm/org20110845/tab/Contacts',
      'https://crm.zoho.com/crm/org20110845/tab/Home/begin',
      'https://crm.zoho.com/',
    ]) {
      for (const command of ['panel.config', 'options.open'] as const) {
        expect(await world.send({ command }, crmTab(url))).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', detail: command } });
      }
      expect((await world.send(ticketsGet('cached', contact), crmTab(url))).ok).toBe(false);
    }
    expect(await world.send({ command: 'panel.config' }, contactPage)).toMatchObject({ ok: true, data: { state: 'ready' } });
  });

  it('the record page’s other forms bind the same record: a query, a hash, a trailing slash, the classic URL, a CRM frame in Zoho One', async () => {
    const { world } = await connected();
    const base = recordUrl(contact);
    for (const url of [
      `${base}?tab=notes`,
      `${base}#anchor`,
      `${base}/`,
      `https://crm.zoho.com/crm/${contact.orgSegment}/EntityInfo.do?module=Contacts&id=${contact.recordId}`,
    ]) {
      expect(await world.send(ticketsGet('cached', contact), crmTab(url)), url).toMatchObject({ ok: true });
    }
    expect(await world.send(ticketsGet('cached', contact), { ...crmFrameInZohoOne(), url: base })).toMatchObject({ ok: true });
  });
});
