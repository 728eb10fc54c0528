import { describe, expect, it } from 'vitest';
import { checkCredentialForm, checkOrgCredentialForm } from '../../../lib/options/setup-form';

describe('checkCredentialForm', () => {
  it('gives the credential the broker accepts: key and email without surrounding spaces', () => {
    expect(checkCredentialForm(' 1000.zsc.key ', ' Admin@Zylker.com ')).toEqual({
      ok: true,
      credential: { kind: 'zsc', key: '1000.zsc.key', email: 'Admin@Zylker.com' },
    });
  });

  it('flags a blank key and a malformed email, each as its own field', () => {
    expect(checkCredentialForm('   ', 'admin@')).toEqual({ ok: false, errors: { key: 'keyRequired', email: 'emailInvalid' } });
    expect(checkCredentialForm('k', '')).toEqual({ ok: false, errors: { email: 'emailInvalid' } });
    expect(checkCredentialForm('', 'a@b.example')).toEqual({ ok: false, errors: { key: 'keyRequired' } });
  });
});

describe('checkCredentialForm: a key with characters no Zoho key has', () => {
  it.each([
    ['a space inside', '1000.zsc key'],
    ['a zero-width space inside', '1000.zsc\u200Bkey'],
    ['a control character', '1000.zsc\u0007key'],
    ['a non-ASCII letter', '1000.zsc.k\u00e9y'],
    ['a full-width letter', '1000.zsc.\uFF4Bey'],
  ])('%s: its own message, not a network error', (_name, key) => {
    expect(checkCredentialForm(key, 'admin@zylker.com')).toEqual({ ok: false, errors: { key: 'keyCharacters' } });
  });

  it('trims what is harmless around the key: spaces, tabs, line breaks and zero-width marks', () => {
    expect(checkCredentialForm('\u200B 1000.zsc.key\t\n\uFEFF', 'admin@zylker.com')).toMatchObject({
      ok: true,
      credential: { key: '1000.zsc.key' },
    });
  });
});

describe('checkCredentialForm: emails as Zoho accepts them', () => {
  it.each(["o'brien@zylker.com", 'sales+crm@zylker.com', 'ADMIN@ZYLKER.COM', 'admin@xn--bcher-kva.example', 'admin@zylker.xn--p1ai'])(
    'accepts %s',
    (email) => {
      expect(checkCredentialForm('1000.zsc.key', email)).toMatchObject({ ok: true, credential: { email } });
    },
  );

  it.each(['admin@', '@zylker.com', 'admin@zylker', 'admin@b\u00fccher.example', 'ad min@zylker.com', 'admin..x@zylker.com'])(
    'refuses %s',
    (email) => {
      expect(checkCredentialForm('1000.zsc.key', email)).toEqual({ ok: false, errors: { email: 'emailInvalid' } });
    },
  );
});

describe('checkOrgCredentialForm', () => {
  const fields = { clientId: ' 1000.SELF ', clientSecret: ' secret ', grantCode: '', refreshToken: '' };

  it('gives the credential the broker accepts, with a grant code or a refresh token', () => {
    expect(checkOrgCredentialForm({ ...fields, grantCode: ' 1000.code ' })).toEqual({
      ok: true,
      credential: { kind: 'org', clientId: '1000.SELF', clientSecret: 'secret', grantCode: '1000.code' },
    });
    expect(checkOrgCredentialForm({ ...fields, refreshToken: '1000.refresh' })).toEqual({
      ok: true,
      credential: { kind: 'org', clientId: '1000.SELF', clientSecret: 'secret', refreshToken: '1000.refresh' },
    });
  });

  it('flags each missing field, and neither or both of the codes', () => {
    expect(checkOrgCredentialForm({ clientId: ' ', clientSecret: '', grantCode: '', refreshToken: '' })).toEqual({
      ok: false,
      errors: { clientId: 'orgClientIdRequired', clientSecret: 'clientSecretRequired', code: 'grantOrRefresh' },
    });
    expect(checkOrgCredentialForm({ ...fields, grantCode: 'a', refreshToken: 'b' })).toEqual({
      ok: false,
      errors: { code: 'grantOrRefresh' },
    });
  });

  it('flags characters Zoho never uses, per field', () => {
    expect(checkOrgCredentialForm({ ...fields, clientId: '1000 SELF', grantCode: 'code' })).toEqual({
      ok: false,
      errors: { clientId: 'orgCharacters' },
    });
    expect(checkOrgCredentialForm({ ...fields, refreshToken: '1000.re\u200Bfresh' })).toEqual({
      ok: false,
      errors: { code: 'orgCharacters' },
    });
  });
});
