import { describe, expect, it } from 'vitest';
import { CRM_HOSTS, DATA_CENTRES } from '../../../lib/shared/data-centres';
import { parseRecordPage, recordKey } from '../../../lib/page/record-page';

const ID19 = '5293322000003516055';

type Expected = [module: string, recordId: string, orgSegment: string] | null;

// Every URL shape Zoho CRM uses: hosts, NextGen paths, classic forms, id lengths, CRM Plus / Zoho One frames.
const CASES: [string, string, Expected][] = [
  // record detail pages
  ['lead detail', `https://crm.zoho.com/crm/org20110845/tab/Leads/${ID19}`, ['Leads', ID19, 'org20110845']],
  ['contact detail', `https://crm.zoho.com/crm/org20110845/tab/Contacts/${ID19}`, ['Contacts', ID19, 'org20110845']],
  [
    'account detail',
    'https://crm.zoho.eu/crm/org890324941/tab/Accounts/4159382000086209513',
    ['Accounts', '4159382000086209513', 'org890324941'],
  ],
  ['trailing slash', `https://crm.zoho.com/crm/org2579410/tab/Leads/${ID19}/`, ['Leads', ID19, 'org2579410']],
  ['query string', `https://crm.zoho.com/crm/org2579410/tab/Leads/${ID19}?sub_module=x&layoutId=1`, ['Leads', ID19, 'org2579410']],
  ['hash', `https://crm.zoho.com/crm/org2579410/tab/Contacts/${ID19}#notes`, ['Contacts', ID19, 'org2579410']],
  ['slash, query and hash', `https://crm.zoho.com/crm/org2579410/tab/Contacts/${ID19}/?a=1#b`, ['Contacts', ID19, 'org2579410']],
  ['custom access-URL org segment', `https://crm.zoho.com/crm/acmeorg/tab/Contacts/${ID19}`, ['Contacts', ID19, 'acmeorg']],
  [
    '11-digit org',
    'https://crm.zohocloud.ca/crm/org110000402423/tab/Accounts/6834250000003329005',
    ['Accounts', '6834250000003329005', 'org110000402423'],
  ],
  // id lengths
  ['19-digit id', `https://crm.zoho.in/crm/org60043078423/tab/Leads/${ID19}`, ['Leads', ID19, 'org60043078423']],
  ['18-digit id', 'https://crm.zoho.com/crm/org1/tab/Contacts/407625000068467001', ['Contacts', '407625000068467001', 'org1']],
  ['17-digit id', 'https://crm.zoho.com/crm/org1/tab/Accounts/85333000000072001', ['Accounts', '85333000000072001', 'org1']],
  ['13-digit id', 'https://crm.zoho.com/crm/org1/tab/Leads/2000000022020', ['Leads', '2000000022020', 'org1']],
  ['12-digit id is too short', 'https://crm.zoho.com/crm/org1/tab/Leads/200000002202', null],
  ['20-digit id is too long', 'https://crm.zoho.com/crm/org1/tab/Leads/52933220000035160551', null],
  ['non-digit id', 'https://crm.zoho.com/crm/org1/tab/Leads/52933220000x3516055', null],
  // pages that are not record details
  ['edit form', `https://crm.zoho.com/crm/org1/tab/Leads/${ID19}/edit?layoutId=5293322000000091055`, null],
  ['create form', 'https://crm.zoho.com/crm/org1/tab/Contacts/create?layoutId=5293322000000091055', null],
  ['create form without redirect', 'https://crm.zoho.com/crm/org1/tab/Leads/create?layoutId=5293322000000091055&redirect=false', null],
  ['custom view list', 'https://crm.zoho.com/crm/org1/tab/Leads/custom-view/5293322000000087501/list?page=1&per_page=10', null],
  ['canvas list view', 'https://crm.zoho.com/crm/org1/tab/Accounts/custom-view/5293322000000087501/canvas/5293322000000090001', null],
  ['module home', 'https://crm.zoho.com/crm/org1/tab/Leads', null],
  ['module home with slash', 'https://crm.zoho.com/crm/org1/tab/Contacts/', null],
  ['`list` as record id', 'https://crm.zoho.com/crm/org1/tab/Leads/list', null],
  ['settings', 'https://crm.zoho.com/crm/org1/settings/modules/Leads/layouts/5293322000000091055', null],
  ['import settings', 'https://crm.zoho.com/crm/org1/settings/import?module=Contacts&step=1', null],
  ['web tab', 'https://crm.zoho.com/crm/org1/tab/WebTab3?widgetparams=x', null],
  // Deals: the address says Potentials, the record carries the API name
  ['deal (Potentials)', `https://crm.zoho.com/crm/org1/tab/Potentials/${ID19}`, ['Deals', ID19, 'org1']],
  ['deal on a crmsandbox host', `https://crmsandbox.zoho.eu/crm/org1/tab/Potentials/${ID19}`, ['Deals', ID19, 'org1']],
  ['deal in a CRM Plus frame (CRM URL)', `https://crm.zoho.com/crm/org1/tab/Potentials/${ID19}?cxapp=1`, ['Deals', ID19, 'org1']],
  ['classic deal', `https://crm.zoho.com/crm/org1/EntityInfo.do?module=Potentials&id=${ID19}`, ['Deals', ID19, 'org1']],
  ['the API name is not an address', `https://crm.zoho.com/crm/org1/tab/Deals/${ID19}`, null],
  ['deal edit form', `https://crm.zoho.com/crm/org1/tab/Potentials/${ID19}/edit`, null],
  ['custom module', `https://crm.zoho.com/crm/org1/tab/CustomModule4/${ID19}`, null],
  ['custom module 32', `https://crm.zoho.com/crm/org1/tab/CustomModule32/${ID19}`, null],
  ['module label in another case', `https://crm.zoho.com/crm/org1/tab/leads/${ID19}`, null],
  ['extra path after id', `https://crm.zoho.com/crm/org1/tab/Leads/${ID19}/related`, null],
  ['home', 'https://crm.zoho.com/crm/org1/tab/Home/begin', null],
  // classic / legacy forms
  ['classic EntityInfo.do with org', `https://crm.zoho.com/crm/org1/EntityInfo.do?module=Contacts&id=${ID19}`, ['Contacts', ID19, 'org1']],
  [
    'classic ShowEntityInfo.do with org',
    `https://crm.zoho.com/crm/org1/ShowEntityInfo.do?module=Leads&id=${ID19}&isload=true`,
    ['Leads', ID19, 'org1'],
  ],
  ['EntityInfo.do without org (Zoho redirects it)', `https://crm.zoho.com/crm/EntityInfo.do?module=Leads&id=${ID19}`, null],
  ['ShowEntityInfo.do without org', `https://crm.zoho.com/crm/ShowEntityInfo.do?module=Contacts&id=${ID19}&isload=true`, null],
  ['EntityInfo.do of invoices', `https://crm.zoho.com/crm/org1/EntityInfo.do?module=Invoices&id=${ID19}`, null],
  ['EntityInfo.do of sales orders', `https://crm.zoho.com/crm/org1/EntityInfo.do?module=SalesOrders&id=${ID19}`, null],
  ['EntityInfo.do without id', 'https://crm.zoho.com/crm/org1/EntityInfo.do?module=Leads', null],
  ['tab path without org (lands on Home)', `https://crm.zoho.sa/crm/tab/Leads/${ID19}`, null],
  // hosts
  ['Canada on zohocloud.ca', `https://crm.zohocloud.ca/crm/org1/tab/Leads/${ID19}`, ['Leads', ID19, 'org1']],
  ['retired crm.zoho.ca', `https://crm.zoho.ca/crm/org1/tab/Leads/${ID19}`, null],
  ['United Kingdom on crm.zoho.uk', `https://crm.zoho.uk/crm/org1/tab/Leads/${ID19}`, ['Leads', ID19, 'org1']],
  ['UAE on crm.zoho.ae', `https://crm.zoho.ae/crm/org1/tab/Contacts/${ID19}`, ['Contacts', ID19, 'org1']],
  ['crm.zoho.co.uk is not a known CRM host', `https://crm.zoho.co.uk/crm/org1/tab/Leads/${ID19}`, null],
  ['crm.zoho.sg is not a known CRM host', `https://crm.zoho.sg/crm/org1/tab/Leads/${ID19}`, null],
  ['custom enterprise domain', `https://ucrm.unionbankofindia.co.in/crm/org60009764661/tab/Leads/${ID19}`, null],
  ['look-alike host', `https://crm.zoho.com.evil.example/crm/org1/tab/Leads/${ID19}`, null],
  ['plain http', `http://crm.zoho.com/crm/org1/tab/Leads/${ID19}`, null],
  ['Desk host', `https://desk.zoho.com/crm/org1/tab/Leads/${ID19}`, null],
  ['not a URL', 'crm.zoho.com/crm/org1/tab/Leads/5293322000003516055', null],
  // CRM Plus and Zoho One: the wrapper URL is not ours, the framed CRM URL is
  ['CRM Plus wrapper', `https://crmplus.zoho.com/zylker/index.do/cxapp/crm/org1/tab/Leads/${ID19}`, null],
  ['Zoho One wrapper', `https://one.zoho.com/zohoone/zylker/home/cxapp/crm/org1/tab/Leads/${ID19}`, null],
  [
    'Zoho One spaces list',
    'https://one.zoho.com/zohoone/zylker/home/cxapp-spaces/sales/crm/org1/tab/Leads/custom-view/5293322000000087501/list',
    null,
  ],
  ['Zoho One AE wrapper', `https://one.zoho.ae/zohoone/zylker/home/cxapp/crm/org1/tab/Leads/${ID19}`, null],
  ['framed CRM inside CRM Plus (the frame URL)', `https://crm.zoho.com/crm/org1/tab/Leads/${ID19}?embedded=true`, ['Leads', ID19, 'org1']],
  ['CRM Plus search page', 'https://crmplus.zoho.com/zylker/index.do/cxapp/crm/org1/search', null],
];

describe('parseRecordPage', () => {
  it.each(CASES)('%s', (_name, url, expected) => {
    const ref = parseRecordPage(url);
    if (expected === null) {
      expect(ref).toBeNull();
    } else {
      const [module, recordId, orgSegment] = expected;
      expect(ref).toMatchObject({ module, recordId, orgSegment });
    }
  });

  it('knows every CRM host and sandbox twin with its data centre', () => {
    for (const dc of Object.values(DATA_CENTRES)) {
      for (const host of [dc.crmHost, dc.crmSandboxHost]) {
        expect(parseRecordPage(`https://${host}/crm/org1/tab/Contacts/${ID19}`)).toEqual({
          crmHost: host,
          dataCentre: dc.id,
          orgSegment: 'org1',
          module: 'Contacts',
          recordId: ID19,
        });
      }
    }
    expect(CRM_HOSTS.every((host) => parseRecordPage(`https://${host}/crm/org1/tab/Leads/${ID19}`) !== null)).toBe(true);
  });

  it('accepts URL objects and upper-case host names', () => {
    expect(parseRecordPage(new URL(`https://CRMSANDBOX.ZOHO.JP/crm/org1/tab/Accounts/${ID19}`))).toMatchObject({
      crmHost: 'crmsandbox.zoho.jp',
      dataCentre: 'jp',
    });
  });

  it('keeps ids beyond 2^53 exact, as strings', () => {
    const ref = parseRecordPage('https://crm.zoho.com/crm/org1/tab/Leads/9007199254740993123');
    expect(ref?.recordId).toBe('9007199254740993123');
  });

  it('gives the same key to the same record whatever the query or hash', () => {
    const a = parseRecordPage(`https://crm.zoho.com/crm/org1/tab/Leads/${ID19}?x=1`);
    const b = parseRecordPage(`https://crm.zoho.com/crm/org1/tab/Leads/${ID19}/#y`);
    const c = parseRecordPage(`https://crm.zoho.com/crm/org1/tab/Contacts/${ID19}`);
    expect(a && b && recordKey(a) === recordKey(b)).toBe(true);
    expect(a && c && recordKey(a) === recordKey(c)).toBe(false);
  });
});

describe('parseRecordPage on a company CRM host', () => {
  const custom = new Map([['crm.example.co.jp', 'jp' as const]]);
  const url = `https://crm.example.co.jp/crm/org1/tab/Contacts/${ID19}`;

  it('reads the record on a host in force, with the data centre it maps to', () => {
    expect(parseRecordPage(url, custom)).toEqual({
      crmHost: 'crm.example.co.jp',
      dataCentre: 'jp',
      orgSegment: 'org1',
      module: 'Contacts',
      recordId: ID19,
    });
    expect(parseRecordPage(url.replace('crm.example', 'CRM.Example'), custom)).toMatchObject({ crmHost: 'crm.example.co.jp' });
  });

  it('reads nothing on it unless it is in force, on another port, or over http', () => {
    expect(parseRecordPage(url)).toBeNull();
    expect(parseRecordPage(url.replace('co.jp/', 'co.jp:8443/'), custom)).toBeNull();
    expect(parseRecordPage(url.replace('https:', 'http:'), custom)).toBeNull();
  });

  it('keeps Zoho’s own hosts on their own data centre whatever the company hosts say', () => {
    expect(parseRecordPage(`https://crm.zoho.eu/crm/org1/tab/Leads/${ID19}`, new Map([['crm.zoho.eu', 'jp' as const]]))).toMatchObject({
      dataCentre: 'eu',
    });
  });
});
