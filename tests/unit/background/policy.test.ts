import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { managedFields, readPolicy } from '../../../lib/background/policy';
import { effectiveSettings, writeStoredSettings } from '../../../lib/background/settings/store';
import { settings as connectedSettings } from '../support/broker-setup';

const stored = connectedSettings();

/** The policy as the browser hands it over (Chrome's storage.managed, Firefox's policies.json), read back. */
async function parsePolicy(raw: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(raw);
  return readPolicy();
}

describe('policy parsing', () => {
  it('keeps valid fields and ignores invalid ones one by one', async () => {
    const { policy, ignored } = await parsePolicy({
      dataCenter: 'eu',
      language: 'fr',
      timeZone: 'Mars/Olympus',
      enabled: 'yes',
      locked: true,
      portalId: '123',
    });
    expect(policy).toEqual({ dataCenter: 'eu', locked: true, portalId: '123' });
    expect(ignored.map((i) => i.key).sort()).toEqual(['enabled', 'language', 'timeZone']);
    expect(ignored).toContainEqual({ key: 'enabled', expected: 'boolean' });
  });

  it('takes every data centre DeskLink lists, the UK and UAE ones included, and no other', async () => {
    for (const dataCenter of ['com', 'uk', 'ae']) expect((await parsePolicy({ dataCenter })).policy).toEqual({ dataCenter });
    for (const wrong of ['gb', 'uae', 'co.uk', 'sg'])
      expect((await parsePolicy({ dataCenter: wrong })).ignored).toEqual([{ key: 'dataCenter', expected: 'dataCentre' }]);
  });

  it('takes key and email together or not at all', async () => {
    expect((await parsePolicy({ zscKey: 'k', email: 'a@b.example' })).policy).toEqual({ zscKey: 'k', email: 'a@b.example' });
    const half = await parsePolicy({ zscKey: 'k' });
    expect(half.policy).toEqual({});
    expect(half.ignored).toEqual([{ key: 'zscKey', expected: 'keyWithEmail' }]);
  });

  it('takes the organisation credential (clientId, clientSecret, refreshToken) all three or none', async () => {
    const org = { clientId: '1000.SELF', clientSecret: 'secret.abcdef', refreshToken: '1000.refresh.abcdef' };
    expect((await parsePolicy({ ...org, dataCenter: 'eu' })).policy).toEqual({ ...org, dataCenter: 'eu' });
    const half = await parsePolicy({ clientId: org.clientId, refreshToken: org.refreshToken });
    expect(half.policy).toEqual({});
    expect(half.ignored).toEqual([
      { key: 'clientId', expected: 'orgCredentialTogether' },
      { key: 'refreshToken', expected: 'orgCredentialTogether' },
    ]);
    // A malformed part counts as missing: the other two go with it.
    const malformed = await parsePolicy({ ...org, clientSecret: 'has spaces in it' });
    expect(malformed.policy).toEqual({});
    expect(malformed.ignored).toContainEqual({ key: 'clientSecret', expected: 'key' });
  });

  it('uses one credential: the organisation credential over a ZSC key and email, which are reported ignored', async () => {
    const org = { clientId: '1000.SELF', clientSecret: 'secret.abcdef', refreshToken: '1000.refresh.abcdef' };
    const both = await parsePolicy({ ...org, zscKey: 'k', email: 'a@b.example' });
    expect(both.policy).toEqual(org);
    expect(both.ignored).toEqual([
      { key: 'zscKey', expected: 'oneCredential' },
      { key: 'email', expected: 'oneCredential' },
    ]);
  });

  it('declares the organisation credential in managed_schema.json as sensitive values', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, { type: string; sensitiveValue?: boolean }>;
    };
    for (const key of ['clientId', 'clientSecret', 'refreshToken']) {
      expect(schema.properties[key], key).toMatchObject({ type: 'string', sensitiveValue: true });
    }
  });

  it('says what each ignored value should have been', async () => {
    const { policy, ignored } = await parsePolicy({
      dataCenter: 'us',
      zscKey: 'key with spaces',
      email: 'admin@',
      portalId: 649182735,
      deskCallsPerMinute: 0,
      locked: 'true',
    });
    expect(policy).toEqual({});
    expect(ignored).toEqual([
      { key: 'dataCenter', expected: 'dataCentre' },
      { key: 'zscKey', expected: 'key' },
      { key: 'email', expected: 'email' },
      { key: 'portalId', expected: 'portalId' },
      { key: 'locked', expected: 'boolean' },
      { key: 'deskCallsPerMinute', expected: 'callsPerMinute' },
    ]);
  });

  it('takes a limit of Desk calls a minute as a whole number from 1 to 1000', async () => {
    expect((await parsePolicy({ deskCallsPerMinute: 20 })).policy).toEqual({ deskCallsPerMinute: 20 });
    for (const wrong of [0, 1001, 2.5, '20']) expect((await parsePolicy({ deskCallsPerMinute: wrong })).policy).toEqual({});
  });

  it('no policy is a no-op: Chrome answers {}, Firefox rejects', async () => {
    expect(await readPolicy()).toEqual({ policy: {}, ignored: [] });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    try {
      expect(await readPolicy()).toEqual({ policy: {}, ignored: [] });
      expect(await effectiveSettings()).toMatchObject({ managed: [], dataCentre: null, credentialSource: null });
    } finally {
      get.mockRestore();
    }
  });
});

describe('policy in force', () => {
  it('the lock flag freezes what has a value', () => {
    expect(managedFields({ locked: true }, { dataCentre: true, credential: true, portal: true }).sort()).toEqual([
      'credential',
      'dataCentre',
      'enabled',
      'language',
      'portal',
      'timeZone',
    ]);
    expect(managedFields({ locked: true }, { dataCentre: false, credential: false, portal: false }).sort()).toEqual([
      'enabled',
      'language',
      'timeZone',
    ]);
  });

  it('a policy change applies at once, without restarting anything', async () => {
    await writeStoredSettings(stored);
    expect((await effectiveSettings()).enabled).toBe(true);
    await fakeBrowser.storage.managed.set({ enabled: false });
    expect((await effectiveSettings()).enabled).toBe(false);
    await fakeBrowser.storage.managed.remove('enabled');
    expect((await effectiveSettings()).enabled).toBe(true);
  });
});

describe('policy crmHosts (company CRM addresses)', () => {
  it('takes a list of https addresses as their host names, duplicates once', async () => {
    expect(
      (await parsePolicy({ crmHosts: ['https://crm.example.co.jp', 'https://CRM.example.co.jp/', 'https://crm.例え.jp'] })).policy,
    ).toEqual({
      crmHosts: ['crm.example.co.jp', 'crm.xn--r8jz45g.jp'],
    });
  });

  it('ignores the whole list, said so, when one entry is not an address DeskLink takes', async () => {
    for (const crmHosts of [
      ['https://crm.example.co.jp', 'http://crm.other.example'],
      ['https://crm.zoho.com'],
      'https://crm.example.co.jp',
      [42],
    ]) {
      const { policy, ignored } = await parsePolicy({ crmHosts });
      expect(policy).toEqual({});
      expect(ignored).toEqual([{ key: 'crmHosts', expected: 'crmAddresses' }]);
    }
  });

  it('is declared in managed_schema.json as an array of strings', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as {
      properties: Record<string, { type: string; items?: { type: string }; description: string }>;
    };
    expect(schema.properties.crmHosts).toMatchObject({ type: 'array', items: { type: 'string' } });
    // The admin reading chrome://policy learns that each browser still asks once.
    expect(schema.properties.crmHosts?.description).toContain('cannot grant the access silently');
  });
});
