import { describe, expect, it } from 'vitest';
import { isCrmTabSender, isExtensionPageSender } from '../../../../lib/background/broker/sender-policy';
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
