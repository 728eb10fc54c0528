import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isCrmTabSender,
  isExtensionPageSender,
  isPanelFrameSender,
  tabStillShowsRecord,
  type MessageSender,
} from '../../../../lib/background/broker/sender-policy';
import { contact, identity, lead, recordUrl, scriptedSource, testBroker, ticketsGet } from '../../support/broker-setup';
import { CRM_URL, EXT_ORIGIN, crmFrameInZohoOne, crmTab, optionsEmbedded, optionsTab, panelFrame, tab } from '../../support/senders';

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

describe('the panel frame (DeskLink’s panel page framed into a CRM tab)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is accepted in a tab on a CRM host, whatever token its address carries', () => {
    expect(isPanelFrameSender(panelFrame())).toBe(true);
    expect(isPanelFrameSender({ ...panelFrame(), url: `${EXT_ORIGIN}/panel.html` })).toBe(true);
  });

  it.each([
    ['as a top frame (the page opened on its own)', { ...panelFrame(), frameId: 0 }],
    ['without a frame id', { ...panelFrame(), frameId: undefined }],
    ['without a tab', { ...panelFrame(), tab: undefined }],
    ['in a tab that is not CRM', panelFrame('https://example.com/crm/org1/tab/Leads/1')],
    ['in Zoho One (the tab’s address is the wrapper’s)', panelFrame('https://one.zoho.com/zohoone/zylker/home/cxapp/crm/')],
    ['in a tab whose address the browser hides', panelFrame(null)],
    ['another of the extension’s pages framed', { ...panelFrame(), url: `${EXT_ORIGIN}/options.html` }],
    ['another extension', { ...panelFrame(), id: 'another-extension' }],
    [
      'another extension’s panel page',
      { ...panelFrame(), url: 'chrome-extension://another/panel.html', origin: 'chrome-extension://another' },
    ],
    ['a mismatching origin', { ...panelFrame(), origin: 'https://crm.zoho.com' }],
    ['a content script on CRM', crmTab()],
  ])('is refused %s', (_what, sender) => {
    expect(isPanelFrameSender(sender)).toBe(false);
  });

  it('is accepted under the address Chrome gives framed pages for the session (use_dynamic_url) as under the extension id', () => {
    const session = 'chrome-extension://289ddb36-5482-4436-b765-59afa0bb1e18';
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `${path === '/panel.html' ? session : EXT_ORIGIN}${path}`);
    expect(isPanelFrameSender(panelFrame())).toBe(true);
    expect(isPanelFrameSender({ ...panelFrame(), url: `${session}/panel.html#abc`, origin: session })).toBe(true);
    const otherSession = 'chrome-extension://00000000-0000-4000-8000-000000000000';
    expect(isPanelFrameSender({ ...panelFrame(), url: `${otherSession}/panel.html#abc`, origin: otherSession })).toBe(false);
  });

  it('is never an extension page that may send admin commands', () => {
    expect(isExtensionPageSender(panelFrame())).toBe(false);
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

  it('a deal’s page (Potentials in the address) binds the Deals record with its lookups, and nothing else', async () => {
    const { world, calls } = await connected();
    const deal = { ...contact, module: 'Deals' as const, recordId: '5293322000005200001' };
    const dealPage = crmTab(recordUrl(deal));
    const lookups = { contact: { id: contact.recordId, name: 'Daniel Okafor' } };
    expect(await world.send({ ...ticketsGet('cached', deal, { emails: [], lookups }) }, dealPage)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
    // The contact the deal names is another record: its tickets are not the deal page's to ask for.
    expect(await world.send(ticketsGet('cached', contact, identity), dealPage)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    // A lookup id must be a record id.
    expect(
      await world.send({ ...ticketsGet('cached', deal, { emails: [], lookups: { contact: { id: 'x', name: 'D' } } }) }, dealPage),
    ).toMatchObject({ ok: false });
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

  it('after CRM switched records in the page (history.pushState), the record is the tab’s, not the document’s first', async () => {
    const { world, calls } = await connected();
    // The browser keeps the document's first URL as the sender's and reports the switch in the tab's URL.
    const switched: MessageSender = { ...contactPage, tab: { ...contactPage.tab!, url: recordUrl(lead) } };
    expect(await world.send(ticketsGet('cached', lead), switched)).toMatchObject({ ok: true });
    expect(await world.send(ticketsGet('cached', contact), switched)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.get' },
    });
    // Opened on CRM's home or a list, then switched to a record: the same.
    const fromHome: MessageSender = { ...switched, url: 'https://crm.zoho.com/crm/org20110845/tab/Home/begin' };
    expect(await world.send(ticketsGet('cached', lead), fromHome)).toMatchObject({ ok: true });
    expect(calls.map((c) => c.record.recordId)).toEqual([lead.recordId]);
  });

  it('the tab’s URL in the message may lag a switch: the browser is asked for it again before refusing', async () => {
    const { world } = await connected();
    const tab = await fakeBrowser.tabs.create({ url: recordUrl(lead) });
    const lagging: MessageSender = { ...contactPage, tab: { ...contactPage.tab!, id: tab.id!, url: recordUrl(contact) } };
    expect(await world.send(ticketsGet('cached', lead), lagging)).toMatchObject({ ok: true });
    expect((await world.send(ticketsGet('cached', { ...lead, recordId: '5293322000003516099' }), lagging)).ok).toBe(false);
  });

  it('a CRM frame inside Zoho One is bound to its document: its CRM host, data centre and org', async () => {
    const { world } = await connected();
    const frame = crmFrameInZohoOne();
    expect(await world.send(ticketsGet('cached', contact), frame)).toMatchObject({ ok: true });
    for (const record of [
      { ...contact, orgSegment: 'org99999999' },
      { ...contact, crmHost: 'crm.zoho.eu', dataCentre: 'eu' as const },
      { ...contact, dataCentre: 'eu' as const },
    ]) {
      expect(await world.send(ticketsGet('cached', record), frame)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.get' },
      });
    }
  });

  it('the record page’s other forms bind the same record: a query, a hash, a trailing slash, the classic URL', async () => {
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
  });
});

describe('after a wait: does the sending tab still show the record?', () => {
  const askedAbout = contact;
  const urlNow = (url: string | undefined) => () => Promise.resolve(url);

  it('no once the tab has moved to another record; yes while it shows the same one', async () => {
    const sender = crmTab(recordUrl(askedAbout));
    expect(await tabStillShowsRecord(sender, askedAbout, urlNow(recordUrl(lead)))).toBe(false);
    expect(await tabStillShowsRecord(sender, askedAbout, urlNow(`${recordUrl(askedAbout)}?tab=notes`))).toBe(true);
  });

  it('yes when nothing can tell: a CRM frame inside Zoho One, or a tab whose address the browser does not give', async () => {
    expect(await tabStillShowsRecord(crmFrameInZohoOne(), askedAbout, urlNow(recordUrl(lead)))).toBe(true);
    expect(await tabStillShowsRecord(crmTab(recordUrl(askedAbout)), askedAbout, () => Promise.reject(new Error('no tab')))).toBe(true);
  });
});
