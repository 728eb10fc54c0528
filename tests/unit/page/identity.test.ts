import { describe, expect, it } from 'vitest';
import { identityFingerprint, isSearchable, readIdentity } from '../../../lib/page/identity';

/** Parses markup into a detached document fragment root, as a page would hold it. */
function page(html: string): ParentNode {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

// Markup shapes observed on NextGen or classic CRM record pages.
const NEXTGEN_CONTACT = `
  <div id="titlecard_FULLNAME">  Daniel   Okafor </div>
  <div data-zcqa="value_Email"><crm-rl-share-email email="daniel.okafor@contoso.example"></crm-rl-share-email>
    <a class="cxEmailViewLink">daniel.okafor@contoso.example</a></div>
  <div data-zcqa="value_Secondary_Email"><crm-rl-share-email email="d.okafor@gmail.example"></crm-rl-share-email></div>
  <div data-zcqa="value_Account_Name"><crux-lookup-component cx-prop-value='{"name":"Contoso Ltd","id":"5293322000002877001"}'></crux-lookup-component></div>
  <div id="relatedList5293322000000100001"><crm-rl-share-email email="someone.else@contoso.example"></crm-rl-share-email></div>`;

describe('readIdentity', () => {
  it('reads primary then secondary email, name and account of a NextGen contact', () => {
    expect(readIdentity(page(NEXTGEN_CONTACT), 'Contacts')).toEqual({
      emails: ['daniel.okafor@contoso.example', 'd.okafor@gmail.example'],
      name: 'Daniel Okafor',
      accountName: 'Contoso Ltd',
    });
  });

  it('ignores addresses shown in related lists and activities', () => {
    const root = page(`<div id="titlecard_FULLNAME">Mia</div>
      <crm-related-list-view-header related-module="Emails"><a class="cxEmailViewLink">a@x.example</a></crm-related-list-view-header>
      <crm-activity-rel-wrapper id="Activities"><lyte-text lt-prop-value="b@x.example"></lyte-text></crm-activity-rel-wrapper>`);
    expect(readIdentity(root, 'Contacts').emails).toEqual([]);
  });

  it('falls back to lyte-text values and mail links when the email fields are not marked', () => {
    const root = page(`<span class="entityNameContent">Ayesha Khan</span>
      <lyte-text lt-prop-value="ayesha.khan@northwind.example"></lyte-text>
      <a class="cxEmailViewLink" href="mailto:AYESHA.KHAN@northwind.example">AYESHA.KHAN@northwind.example</a>
      <a class="cxEmailViewLink">ak@other.example</a>`);
    expect(readIdentity(root, 'Leads')).toEqual({
      // Mail links come before lyte-text in the fallback list; the same address in another case counts once.
      emails: ['AYESHA.KHAN@northwind.example', 'ak@other.example'],
      name: 'Ayesha Khan',
    });
  });

  it('reads the older title card and the classic UI', () => {
    expect(readIdentity(page('<div id="titlecard_LASTNAME">Okafor</div>'), 'Leads').name).toBe('Okafor');
    expect(
      readIdentity(page('<span id="entityNameInBCView">Classic Person</span><div id="value_Email">classic@example.com</div>'), 'Contacts'),
    ).toEqual({ emails: ['classic@example.com'], name: 'Classic Person' });
  });

  it('reads an account by its name and never by emails', () => {
    const root = page(`<div id="titlecard_ACCOUNTNAME">Globex Corporation</div>
      <div data-zcqa="value_Email"><crm-rl-share-email email="info@globex.example"></crm-rl-share-email></div>`);
    expect(readIdentity(root, 'Accounts')).toEqual({ emails: [], name: 'Globex Corporation', accountName: 'Globex Corporation' });
  });

  it('uses the tab title when no header is on the page', () => {
    expect(readIdentity(page(''), 'Accounts', 'Globex Corporation - Accounts - Zoho CRM').accountName).toBe('Globex Corporation');
    expect(readIdentity(page(''), 'Leads', 'Zoho CRM').name).toBeUndefined();
  });

  it('drops values that are not email addresses and keeps at most 30', () => {
    const many = Array.from({ length: 35 }, (_, i) => `<lyte-text lt-prop-value="p${i}@x.example"></lyte-text>`).join('');
    const root = page(`${many}<lyte-text lt-prop-value="not an @ address"></lyte-text>`);
    const emails = readIdentity(root, 'Contacts').emails;
    expect(emails).toHaveLength(30);
    expect(emails).not.toContain('not an @ address');
  });

  it('reads addresses as Zoho accepts them: apostrophes, + tags, any case, punycode domains', () => {
    const accepted = [
      "o'brien@contoso.example",
      'sales+eu@northwind.example',
      'AYESHA.KHAN@NORTHWIND.EXAMPLE',
      'kunde@xn--bcher-kva.example',
    ];
    const root = page(`
      <div data-zcqa="value_Email"><crm-rl-share-email email="${accepted[0]}"></crm-rl-share-email></div>
      <div data-zcqa="value_Secondary_Email"><a class="cxEmailViewLink" href="mailto:${accepted[1]}">${accepted[1]}</a></div>
      ${accepted
        .slice(2)
        .map((email) => `<lyte-text lt-prop-value="${email}"></lyte-text>`)
        .join('')}`);
    expect(readIdentity(root, 'Contacts').emails).toEqual(accepted.slice(0, 2));
    // Without the marked fields, any address on the page.
    const loose = page(accepted.map((email) => `<lyte-text lt-prop-value="${email}"></lyte-text>`).join(''));
    expect(readIdentity(loose, 'Leads').emails).toEqual(accepted);
  });

  it('leaves out addresses Zoho would refuse, so the others are still looked up', () => {
    const refused = [
      'kunde@bücher.example',
      'two..dots@contoso.example',
      'no-domain@localhost',
      'spaced name@contoso.example',
      '.lead@contoso.example',
    ];
    const root = page(
      [...refused, 'daniel.okafor@contoso.example'].map((email) => `<lyte-text lt-prop-value="${email}"></lyte-text>`).join(''),
    );
    expect(readIdentity(root, 'Contacts').emails).toEqual(['daniel.okafor@contoso.example']);
  });

  it('keeps hostile names as plain text', () => {
    const root = page('<div id="titlecard_FULLNAME">&lt;img src=x onerror=alert(1)&gt;</div>');
    expect(readIdentity(root, 'Contacts').name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('isSearchable and identityFingerprint', () => {
  it('needs an email for people and a name for accounts', () => {
    expect(isSearchable({ emails: [], name: 'Unnamed Walk-in' }, 'Contacts')).toBe(false);
    expect(isSearchable({ emails: ['a@b.example'] }, 'Leads')).toBe(true);
    expect(isSearchable({ emails: [] }, 'Accounts')).toBe(false);
    expect(isSearchable({ emails: [], name: 'Globex', accountName: 'Globex' }, 'Accounts')).toBe(true);
  });

  it('changes when the page shows another record', () => {
    const a = identityFingerprint({ emails: ['A@x.example'], name: 'A' });
    expect(identityFingerprint({ emails: ['a@x.example'], name: 'A' })).toBe(a);
    expect(identityFingerprint({ emails: ['b@x.example'], name: 'A' })).not.toBe(a);
    expect(identityFingerprint({ emails: ['a@x.example'], name: 'B' })).not.toBe(a);
  });
});

describe('readIdentity on saved sandbox pages', async () => {
  const { PAGE_VARIANT_HTML } = await import('../../sandbox/crm/page-variants');
  const { RECORDS } = await import('../../sandbox/fixtures');
  const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it.each([
    ['contact (NextGen)', PAGE_VARIANT_HTML.contact, RECORDS.contact],
    ['contact (legacy anchors)', PAGE_VARIANT_HTML.legacy, RECORDS.contact],
    ['contact (no related lists)', PAGE_VARIANT_HTML.norail, RECORDS.contact],
    ['lead', PAGE_VARIANT_HTML.lead, RECORDS.lead],
    ['Japanese contact', PAGE_VARIANT_HTML.japanese, RECORDS.japanese],
    ['hostile contact', PAGE_VARIANT_HTML.hostile, RECORDS.hostile],
  ] as const)('%s: emails in order and the record name', (_name, html, fixture) => {
    const doc = load(html);
    const identity = readIdentity(doc, fixture.module, doc.title);
    expect(identity.emails).toEqual(fixture.emails);
    expect(identity.name).toBe(fixture.name);
    if (fixture.module === 'Contacts' && 'accountName' in fixture) expect(identity.accountName).toBe(fixture.accountName);
    expect(isSearchable(identity, fixture.module)).toBe(true);
  });

  it('account: its name, no emails', () => {
    const doc = load(PAGE_VARIANT_HTML.account);
    expect(readIdentity(doc, 'Accounts', doc.title)).toEqual({ emails: [], name: 'Globex Corporation', accountName: 'Globex Corporation' });
  });

  it('contact without email: not searchable, still named', () => {
    const doc = load(PAGE_VARIANT_HTML.noEmail);
    const identity = readIdentity(doc, 'Contacts', doc.title);
    expect(identity).toMatchObject({ emails: [], name: RECORDS.noEmail.name });
    expect(isSearchable(identity, 'Contacts')).toBe(false);
  });
});
