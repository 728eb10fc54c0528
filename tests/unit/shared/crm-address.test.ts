import { describe, expect, it } from 'vitest';
import { checkCrmAddress, crmHostMapFrom } from '../../../lib/shared/crm-address';
import { CRM_HOSTS, DATA_CENTRE_IDS } from '../../../lib/shared/data-centres';

describe('checkCrmAddress', () => {
  it('takes https and a host name, with or without the trailing slash, lower-cased', () => {
    expect(checkCrmAddress('https://crm.example.co.jp')).toEqual({ ok: true, host: 'crm.example.co.jp' });
    expect(checkCrmAddress('  https://CRM.Example.co.jp/ ')).toEqual({ ok: true, host: 'crm.example.co.jp' });
    expect(checkCrmAddress('https://crm.example.co.jp.')).toEqual({ ok: true, host: 'crm.example.co.jp' });
  });

  it('keeps an internationalised name in its punycode form, as browsers match it', () => {
    expect(checkCrmAddress('https://crm.例え.jp')).toEqual({ ok: true, host: 'crm.xn--r8jz45g.jp' });
    expect(checkCrmAddress('https://crm.xn--r8jz45g.jp')).toEqual({ ok: true, host: 'crm.xn--r8jz45g.jp' });
  });

  it('refuses anything but https', () => {
    expect(checkCrmAddress('http://crm.example.co.jp')).toEqual({ ok: false, problem: 'notHttps' });
    expect(checkCrmAddress('ftp://crm.example.co.jp')).toEqual({ ok: false, problem: 'notHttps' });
    expect(checkCrmAddress('crm.example.co.jp')).toEqual({ ok: false, problem: 'notUrl' });
  });

  it('refuses a path, query, fragment, port or credentials: an address is an origin', () => {
    expect(checkCrmAddress('https://crm.example.co.jp/crm/org1')).toEqual({ ok: false, problem: 'hasPath' });
    expect(checkCrmAddress('https://crm.example.co.jp/?a=1')).toEqual({ ok: false, problem: 'hasPath' });
    expect(checkCrmAddress('https://crm.example.co.jp/?')).toEqual({ ok: false, problem: 'hasPath' });
    expect(checkCrmAddress('https://crm.example.co.jp#x')).toEqual({ ok: false, problem: 'hasPath' });
    expect(checkCrmAddress('https://crm.example.co.jp:8443')).toEqual({ ok: false, problem: 'hasPort' });
    expect(checkCrmAddress('https://user:pw@crm.example.co.jp')).toEqual({ ok: false, problem: 'notHostName' });
  });

  it('refuses what is not a DNS name: one label, an IP address, a wildcard', () => {
    expect(checkCrmAddress('https://localhost')).toEqual({ ok: false, problem: 'notHostName' });
    expect(checkCrmAddress('https://192.168.0.10')).toEqual({ ok: false, problem: 'notHostName' });
    expect(checkCrmAddress('https://[::1]')).toEqual({ ok: false, problem: 'notHostName' });
    expect(checkCrmAddress('https://*.example.co.jp')).toEqual({ ok: false, problem: 'notHostName' });
    expect(checkCrmAddress('')).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses every Zoho CRM host and crmsandbox twin: DeskLink runs there already', () => {
    for (const host of CRM_HOSTS) expect(checkCrmAddress(`https://${host}`)).toEqual({ ok: false, problem: 'zohoHost' });
    expect(checkCrmAddress('https://CRM.ZOHO.EU/')).toEqual({ ok: false, problem: 'zohoHost' });
  });
});

describe('crmHostMapFrom', () => {
  it('keeps well-formed hosts with a known data centre and drops the rest', () => {
    const map = crmHostMapFrom(
      { 'crm.example.co.jp': 'jp', 'crm.zoho.com': 'com', 'bad host': 'jp', 'crm.other.example': 'mars', 'CRM.UPPER.EXAMPLE': 'eu' },
      DATA_CENTRE_IDS,
    );
    expect([...map]).toEqual([['crm.example.co.jp', 'jp']]);
    expect(crmHostMapFrom(undefined, DATA_CENTRE_IDS).size).toBe(0);
    expect(crmHostMapFrom(['crm.example.co.jp'], DATA_CENTRE_IDS).size).toBe(0);
  });
});
