// The saved sandbox CRM pages (happy-dom): the anchors each variant offers, and payloads that
// stay text.
import { describe, expect, it } from 'vitest';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS } from '../../sandbox/fixtures';

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('saved page variants', () => {
  it('contact (NextGen): name, both emails, account, rail items carrying the record id', () => {
    const doc = load(PAGE_VARIANT_HTML.contact);
    expect(doc.querySelector('#titlecard_FULLNAME')?.textContent).toBe(RECORDS.contact.name);
    expect(doc.querySelector('[data-zcqa="value_Email"] crm-rl-share-email')?.getAttribute('email')).toBe(RECORDS.contact.emails[0]);
    expect(doc.querySelector('[data-zcqa="value_Secondary_Email"] a.cxEmailViewLink')?.textContent).toBe(RECORDS.contact.emails[1]);
    expect(doc.querySelector('[data-zcqa="value_Account_Name"]')?.textContent).toBe(RECORDS.contact.accountName);
    const labels = [...doc.querySelectorAll('crm-related-list-label')];
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.every((l) => l.getAttribute('entity-id') === RECORDS.contact.recordId && /^rl_\d+$/.test(l.id))).toBe(true);
    expect(doc.querySelectorAll('crm-related-list-view-header[related-module]').length).toBe(labels.length);
    expect(doc.querySelector('#crmNextGenTopMenu [data-zcqa="appTopMenuTitle"]')?.textContent).toBe('Contacts');
  });

  it('account: the account name is the record name and the Account_Name value', () => {
    const doc = load(PAGE_VARIANT_HTML.account);
    expect(doc.querySelector('#titlecard_FULLNAME')?.textContent).toBe(RECORDS.account.name);
    expect(doc.querySelector('[data-zcqa="value_Account_Name"]')?.textContent).toBe(RECORDS.account.accountName);
    expect(doc.querySelector('crm-rl-share-email')).toBeNull();
  });

  it('legacy: older anchors only', () => {
    const doc = load(PAGE_VARIANT_HTML.legacy);
    expect(doc.querySelector('#titlecard_FULLNAME')).toBeNull();
    expect(doc.querySelector('#titlecard_LASTNAME')?.textContent).toBe(RECORDS.contact.name);
    expect(doc.querySelector('.entityNameContent')?.textContent).toBe(RECORDS.contact.name);
    expect([...doc.querySelectorAll('lyte-text[lt-prop-value*="@"]')].map((e) => e.getAttribute('lt-prop-value'))).toEqual(
      RECORDS.contact.emails,
    );
    expect(doc.querySelector('crm-rl-share-email, a.cxEmailViewLink, [data-zcqa="value_Email"]')).toBeNull();
    expect(doc.querySelector('crm-related-list-label, crm-related-list-view-header, [id^="relatedList"]')).toBeNull();
  });

  it('norail: current anchors but no related lists', () => {
    const doc = load(PAGE_VARIANT_HTML.norail);
    expect(doc.querySelector('#titlecard_FULLNAME')?.textContent).toBe(RECORDS.contact.name);
    expect(doc.querySelector('crm-related-list-label, crm-related-list-view-header, .dv_leftRail')).toBeNull();
  });

  it('noEmail: no email anywhere', () => {
    const doc = load(PAGE_VARIANT_HTML.noEmail);
    expect(doc.querySelector('crm-rl-share-email, a.cxEmailViewLink')).toBeNull();
    expect(doc.querySelector('[data-zcqa="value_Email"]')?.textContent).toBe('');
  });

  it('hostile: payloads stay text, no element is injected', () => {
    const doc = load(PAGE_VARIANT_HTML.hostile);
    expect(doc.querySelector('#titlecard_FULLNAME')?.textContent).toBe(RECORDS.hostile.name);
    expect(doc.querySelector('img, script, svg')).toBeNull();
  });
});
