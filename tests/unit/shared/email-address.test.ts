import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../../lib/shared/email-address';

describe('isEmailAddress: what Zoho accepts', () => {
  it.each([
    "o'brien@zylker.com",
    'sales+crm@zylker.com',
    'First.Last@Zylker.COM',
    'a_b-c&d@mail.zylker.co.jp',
    'admin@xn--bcher-kva.example',
    'admin@zylker.xn--p1ai',
  ])('accepts %s', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each([
    ['no domain', 'admin@'],
    ['no local part', '@zylker.com'],
    ['no top-level domain', 'admin@zylker'],
    ['a domain not in its punycode form', 'admin@bücher.example'],
    ['a space', 'ad min@zylker.com'],
    ['two dots in a row', 'admin..x@zylker.com'],
    ['a label ending in a hyphen', 'admin@zylker-.com'],
    ['a numeric top-level domain', 'admin@zylker.123'],
    ['two @', 'a@b@zylker.com'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`],
  ])('refuses %s', (_what, email) => {
    expect(isEmailAddress(email)).toBe(false);
  });
});
