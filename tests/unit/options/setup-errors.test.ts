import { describe, expect, it } from 'vitest';
import { enteredEmail, setupFailure } from '../../../lib/options/setup-errors';

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
