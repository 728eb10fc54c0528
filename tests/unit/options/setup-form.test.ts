import { describe, expect, it } from 'vitest';
import { checkCredentialForm } from '../../../lib/options/setup-form';

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
