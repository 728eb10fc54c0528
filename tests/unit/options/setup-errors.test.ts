import { describe, expect, it } from 'vitest';
import { enteredEmail, keyRejected, setupFailure } from '../../../lib/options/setup-errors';

describe('setupFailure', () => {
  it('names the chosen data centre and its Desk host for a refused key', () => {
    const text = setupFailure({ code: 'INVALID_OAUTH', status: 401 }, 'en', { dataCentre: 'eu' });
    expect(text).toContain('desk.zoho.eu');
    expect(text).toContain('Europe');
  });

  it('names the data centre the key belongs to when the broker found it elsewhere', () => {
    const text = setupFailure({ code: 'INVALID_OAUTH', status: 401, dataCentre: 'com' }, 'en', { dataCentre: 'eu' });
    expect(text).toContain('belongs to the United States data center (desk.zoho.com)');
  });

  it('names the email on a mismatch, and the portal on an organisation mismatch', () => {
    expect(setupFailure({ code: 'EMAIL_MISMATCH' }, 'en', { dataCentre: 'com', email: 'wrong@zylker.com' })).toContain(
      'another Zoho Desk user than wrong@zylker.com',
    );
    expect(setupFailure({ code: 'OAUTH_ORG_MISMATCH' }, 'en', { dataCentre: 'com', portalName: 'Zylker Japan' })).toContain('Zylker Japan');
  });

  it('speaks the admin’s language', () => {
    expect(setupFailure({ code: 'NETWORK' }, 'ja', { dataCentre: 'jp' })).toContain('desk.zoho.jp');
    expect(setupFailure({ code: 'NETWORK' }, 'ja', { dataCentre: 'jp' })).toContain('接続できませんでした');
  });
});

describe('enteredEmail', () => {
  it('is the email typed with a ZSC key; a sign-in has none', () => {
    expect(enteredEmail({ kind: 'zsc', key: 'k', email: 'a@b.example' })).toBe('a@b.example');
    expect(enteredEmail({ kind: 'oauth' })).toBeNull();
    expect(enteredEmail(undefined)).toBeNull();
  });
});

describe('keyRejected: when the form offers the other ways to connect', () => {
  const key = { kind: 'zsc', key: '1000.zsc.key', email: 'admin@zylker.com' } as const;
  const org = { kind: 'org', clientId: '1000.SELF', clientSecret: 's', refreshToken: 'r' } as const;

  it('a ZSC key Desk refuses in the data centre chosen', () => {
    expect(keyRejected({ code: 'INVALID_OAUTH', status: 401 }, key, 'com')).toBe(true);
    expect(keyRejected({ code: 'UNAUTHORIZED', status: 401, dataCentre: 'com' }, key, 'com')).toBe(true);
  });

  it('not a key of another data centre, another failure, or another credential', () => {
    expect(keyRejected({ code: 'INVALID_OAUTH', status: 401, dataCentre: 'eu' }, key, 'com')).toBe(false);
    expect(keyRejected({ code: 'NETWORK' }, key, 'com')).toBe(false);
    expect(keyRejected({ code: 'INVALID_OAUTH', status: 401 }, org, 'com')).toBe(false);
    expect(keyRejected({ code: 'INVALID_OAUTH', status: 401 }, undefined, 'com')).toBe(false);
  });
});
