import { describe, expect, it } from 'vitest';
import { identityFingerprint, isComplete, isSearchable, readIdentity } from '../../../lib/page/identity';

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

  it('reads the live sub-value field in each of its forms', () => {
    for (const inner of [
      '<crm-rl-share-email email="sub@x.example"></crm-rl-share-email>',
      '<lyte-text lt-prop-value="sub@x.example"></lyte-text>',
      '<a class="cxEmailViewLink" href="mailto:sub@x.example">sub@x.example</a>',
      'sub@x.example',
    ])
      expect(readIdentity(page(`<div id="subvalue_EMAIL">${inner}</div>`), 'Leads').emails).toEqual(['sub@x.example']);
  });

  it('prefers the email field to page-wide components, and reads those only outside related lists, activities and the timeline', () => {
    const decoys = `<div id="relatedList1"><crm-rl-share-email email="rl@x.example"></crm-rl-share-email></div>
      <div id="timelineView"><lyte-text lt-prop-value="tl@x.example"></lyte-text><a class="cxEmailViewLink">tl2@x.example</a></div>
      <crm-activity-rel-list module="Calls"><crm-rl-share-email email="act@x.example"></crm-rl-share-email></crm-activity-rel-list>`;
    const header = '<crm-rl-share-email email="header@x.example"></crm-rl-share-email>';
    const field = '<div data-zcqa="value_Email"><crm-rl-share-email email="field@x.example"></crm-rl-share-email></div>';
    expect(readIdentity(page(header + field + decoys), 'Contacts').emails).toEqual(['field@x.example']);
    expect(readIdentity(page(header + decoys), 'Contacts').emails).toEqual(['header@x.example']);
    expect(readIdentity(page(decoys), 'Contacts').emails).toEqual([]);
  });

  it('never searches a masked value, whole or partial, nor falls back to other emails then', () => {
    const masked = (value: string) =>
      page(`<div data-zcqa="value_Email"><lyte-text lt-prop-value="${value}">${value}</lyte-text></div>
        <crm-rl-share-email email="header@x.example"></crm-rl-share-email>`);
    expect(readIdentity(masked('****'), 'Leads')).toEqual({ emails: [], emailMasked: true });
    expect(readIdentity(masked('d****@gmail.example'), 'Leads')).toEqual({ emails: [], emailMasked: true });
    expect(readIdentity(page('<div data-zcqa="value_Email">********</div>'), 'Contacts')).toEqual({ emails: [], emailMasked: true });
    // A masked secondary beside a readable primary: the primary is searched, the mask said.
    expect(
      readIdentity(
        page(`<div data-zcqa="value_Email"><crm-rl-share-email email="p@x.example"></crm-rl-share-email></div>
          <div data-zcqa="value_Secondary_Email">s****@x.example</div>`),
        'Contacts',
      ),
    ).toEqual({ emails: ['p@x.example'], emailMasked: true });
  });

  it('reads a deal’s lookups only from links to records of their module, outside related lists', () => {
    const link = (module: string, id: string, name: string) => `<a href="/crm/org1/tab/${module}/${id}">${name}</a>`;
    const deal = (contact: string, account: string) =>
      page(`<div data-zcqa="value_Deal_Name">Renewal</div><div data-zcqa="value_Contact_Name">${contact}</div>
        <div data-zcqa="value_Account_Name">${account}</div>
        <div id="relatedList9">${link('Contacts', '5293322000009999999', 'Someone Else')}</div>`);
    expect(
      readIdentity(deal(link('Contacts', '5293322000004122201', 'Tomasz'), link('Accounts', '5293322000002879001', 'Fabrikam')), 'Deals'),
    ).toEqual({
      emails: [],
      name: 'Renewal',
      lookups: { contact: { id: '5293322000004122201', name: 'Tomasz' }, account: { id: '5293322000002879001', name: 'Fabrikam' } },
    });
    // A name without a link, a link to another module, an id too short: no lookup.
    expect(readIdentity(deal('Tomasz', link('Leads', '5293322000002879001', 'Fabrikam')), 'Deals')).toEqual({
      emails: [],
      name: 'Renewal',
    });
    expect(readIdentity(deal(link('Contacts', '12345', 'Tomasz'), ''), 'Deals').lookups).toBeUndefined();
    // Classic cells.
    expect(
      readIdentity(page(`<div id="value_Account_Name">${link('Accounts', '5293322000002879001', 'Fabrikam')}</div>`), 'Deals').lookups,
    ).toEqual({ account: { id: '5293322000002879001', name: 'Fabrikam' } });
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
  it('needs an email or a name (the CRM link) for people, a name for accounts, a lookup for deals', () => {
    expect(isSearchable({ emails: [], name: 'Unnamed Walk-in' }, 'Contacts')).toBe(true);
    expect(isSearchable({ emails: [] }, 'Contacts')).toBe(false);
    expect(isSearchable({ emails: ['a@b.example'] }, 'Leads')).toBe(true);
    expect(isSearchable({ emails: [] }, 'Accounts')).toBe(false);
    expect(isSearchable({ emails: [], name: 'Globex', accountName: 'Globex' }, 'Accounts')).toBe(true);
    expect(isSearchable({ emails: [], name: 'Big deal' }, 'Deals')).toBe(false);
    expect(isSearchable({ emails: [], lookups: { account: { id: '5293322000002879001', name: 'Fabrikam Inc' } } }, 'Deals')).toBe(true);
  });

  it('waits for a person’s email (it may render late) unless it is masked', () => {
    expect(isComplete({ emails: [], name: 'Tomasz' }, 'Contacts')).toBe(false);
    expect(isComplete({ emails: [], name: 'Tomasz', emailMasked: true }, 'Contacts')).toBe(true);
    expect(isComplete({ emails: ['a@b.example'] }, 'Leads')).toBe(true);
    expect(isComplete({ emails: [], accountName: 'Globex' }, 'Accounts')).toBe(true);
  });

  it('changes when the page shows another record', () => {
    const a = identityFingerprint({ emails: ['A@x.example'], name: 'A' });
    expect(identityFingerprint({ emails: ['a@x.example'], name: 'A' })).toBe(a);
    expect(identityFingerprint({ emails: ['b@x.example'], name: 'A' })).not.toBe(a);
    expect(identityFingerprint({ emails: ['a@x.example'], name: 'B' })).not.toBe(a);
    expect(identityFingerprint({ emails: ['a@x.example'], name: 'A', emailMasked: true })).not.toBe(a);
    const deal = identityFingerprint({ emails: [], lookups: { contact: { id: '5293322000004122201', name: 'T' } } });
    expect(identityFingerprint({ emails: [], lookups: { contact: { id: '5293322000004122202', name: 'T' } } })).not.toBe(deal);
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

  it('contact without email: named, so searchable by its CRM link, but not complete', () => {
    const doc = load(PAGE_VARIANT_HTML.noEmail);
    const identity = readIdentity(doc, 'Contacts', doc.title);
    expect(identity).toEqual({ emails: [], name: RECORDS.noEmail.name });
    expect(isSearchable(identity, 'Contacts')).toBe(true);
    expect(isComplete(identity, 'Contacts')).toBe(false);
  });

  it('lazy fields: no email while the fields are placeholders, both once CRM renders them', () => {
    const doc = load(PAGE_VARIANT_HTML.lazy);
    expect(readIdentity(doc, 'Contacts', doc.title)).toEqual({ emails: [], name: RECORDS.contact.name, accountName: 'Contoso Ltd' });
    // What the page does once the fields are scrolled into view.
    for (const field of doc.querySelectorAll('.cxLazyField'))
      field.replaceChildren(field.querySelector('template')!.content.cloneNode(true));
    expect(readIdentity(doc, 'Contacts', doc.title).emails).toEqual(RECORDS.contact.emails);
  });

  it('masked emails: never searched, and said to be masked', () => {
    const doc = load(PAGE_VARIANT_HTML.masked);
    expect(doc.body.innerHTML).toContain('d****@gmail.example');
    const identity = readIdentity(doc, 'Contacts', doc.title);
    expect(identity).toEqual({ emails: [], name: RECORDS.contact.name, accountName: 'Contoso Ltd', emailMasked: true });
    expect(isComplete(identity, 'Contacts')).toBe(true);
  });

  it('page-wide components: the record’s own email, not the related list’s or the timeline’s', () => {
    const doc = load(PAGE_VARIANT_HTML.pagewide);
    expect(doc.body.innerHTML).toContain('colleague@decoy.example');
    expect(readIdentity(doc, 'Contacts', doc.title).emails).toEqual([RECORDS.contact.emails[0]]);
  });

  it('the linked contact: no email, its name', () => {
    const doc = load(PAGE_VARIANT_HTML.linked);
    expect(readIdentity(doc, 'Contacts', doc.title)).toEqual({ emails: [], name: RECORDS.linked.name, accountName: 'Fabrikam Inc' });
  });

  it('deal: its name and both lookups with the ids of their links', async () => {
    const { DEAL } = await import('../../sandbox/fixtures');
    const doc = load(PAGE_VARIANT_HTML.deal);
    const identity = readIdentity(doc, 'Deals', doc.title);
    expect(identity).toEqual({
      emails: [],
      name: DEAL.name,
      lookups: {
        contact: { id: DEAL.contact.recordId, name: DEAL.contact.name },
        account: { id: DEAL.account.recordId, name: DEAL.account.name },
      },
    });
    expect(isSearchable(identity, 'Deals')).toBe(true);
  });
});
