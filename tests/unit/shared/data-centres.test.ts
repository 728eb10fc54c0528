import { describe, expect, it } from 'vitest';
import { CRM_HOSTS, DATA_CENTRES, dataCentreOfCrmHost } from '../../../lib/shared/data-centres';

describe('data centres', () => {
  it.each([
    ['crm.zoho.com', 'com', 'desk.zoho.com', 'accounts.zoho.com'],
    ['crmsandbox.zoho.eu', 'eu', 'desk.zoho.eu', 'accounts.zoho.eu'],
    ['crm.zoho.in', 'in', 'desk.zoho.in', 'accounts.zoho.in'],
    ['crm.zoho.com.au', 'com.au', 'desk.zoho.com.au', 'accounts.zoho.com.au'],
    ['crm.zoho.jp', 'jp', 'desk.zoho.jp', 'accounts.zoho.jp'],
    ['crm.zoho.com.cn', 'com.cn', 'desk.zoho.com.cn', 'accounts.zoho.com.cn'],
    ['crm.zoho.sa', 'sa', 'desk.zoho.sa', 'accounts.zoho.sa'],
    ['crm.zohocloud.ca', 'ca', 'desk.zohocloud.ca', 'accounts.zohocloud.ca'],
    ['CRMSANDBOX.ZOHOCLOUD.CA', 'ca', 'desk.zohocloud.ca', 'accounts.zohocloud.ca'],
    ['crm.zoho.uk', 'uk', 'desk.zoho.uk', 'accounts.zoho.uk'],
    ['crmsandbox.zoho.uk', 'uk', 'desk.zoho.uk', 'accounts.zoho.uk'],
    ['crm.zoho.ae', 'ae', 'desk.zoho.ae', 'accounts.zoho.ae'],
  ])('%s is %s with Desk %s and Accounts %s', (crmHost, id, deskHost, accountsHost) => {
    const dc = dataCentreOfCrmHost(crmHost);
    expect(dc?.id).toBe(id);
    expect(dc?.deskHost).toBe(deskHost);
    expect(dc?.accountsHost).toBe(accountsHost);
  });

  it('does not treat look-alike or retired hosts as CRM', () => {
    for (const host of [
      'crm.zoho.ca',
      'crm.zoho.com.evil.example',
      'desk.zoho.com',
      'crmplus.zoho.com',
      'one.zoho.com',
      'crm.zoho.co.uk',
    ]) {
      expect(dataCentreOfCrmHost(host)).toBeUndefined();
    }
  });

  it.each([
    ['com', 'us', 'https://www.zohoapis.com'],
    ['eu', 'eu', 'https://www.zohoapis.eu'],
    ['in', 'in', 'https://www.zohoapis.in'],
    ['com.au', 'au', 'https://www.zohoapis.com.au'],
    ['jp', 'jp', 'https://www.zohoapis.jp'],
    ['com.cn', 'cn', 'https://www.zohoapis.com.cn'],
    ['sa', 'sa', 'https://www.zohoapis.sa'],
    ['ca', 'ca', 'https://www.zohoapis.ca'],
    ['uk', 'uk', 'https://www.zohoapis.uk'],
    ['ae', 'ae', 'https://www.zohoapis.ae'],
  ] as const)('%s is Zoho location %s with API domain %s', (id, location, apiDomain) => {
    expect(DATA_CENTRES[id]).toMatchObject({ location, apiDomain });
  });

  it('marks the hosts and location codes no Zoho page confirms', () => {
    expect(DATA_CENTRES.sa.unverified).toEqual(['crmHost']);
    // UK: only accounts.zoho.uk is on a Zoho page.
    expect([...DATA_CENTRES.uk.unverified].sort()).toEqual(['apiDomain', 'crmHost', 'deskHost', 'location']);
    // UAE: only www.zohoapis.ae is on a Zoho page.
    expect([...DATA_CENTRES.ae.unverified].sort()).toEqual(['accountsHost', 'crmHost', 'deskHost', 'location']);
    expect(
      Object.values(DATA_CENTRES)
        .filter((dc) => dc.unverified.length > 0)
        .map((dc) => dc.id),
    ).toEqual(['sa', 'uk', 'ae']);
  });

  it('lists a CRM host and its sandbox twin for all ten data centres', () => {
    expect(Object.keys(DATA_CENTRES)).toEqual(['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'sa', 'ca', 'uk', 'ae']);
    expect(CRM_HOSTS).toHaveLength(20);
  });
});
