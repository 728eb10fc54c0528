import { describe, expect, it } from 'vitest';
import { DESK_ERROR_CODES, DeskLinkError } from '../../../../lib/shared/errors';
import { ALL_ERROR_CODES } from '../../support/error-codes';
import { errorFromResponse, parseRetryAfter, unparsableBodyError } from '../../../../lib/background/desk/errors';
import { adminErrorMessage } from '../../../../lib/shared/i18n/admin-errors';
import { errorMessage } from '../../../../lib/shared/i18n/errors';

const HOST = 'desk.zoho.com';

describe('errorFromResponse: every documented errorCode', () => {
  it.each(DESK_ERROR_CODES.map((code) => [code]))('%s keeps its code, status, host and Zoho message', (code) => {
    const error = errorFromResponse({ status: 422, host: HOST, body: { errorCode: code, message: `  text of\n${code} ` } });
    expect(error).toBeInstanceOf(DeskLinkError);
    expect(error.info).toEqual({ code, status: 422, host: HOST, detail: `text of ${code}` });
  });

  it('a body with an undocumented errorCode falls back to the status and keeps the code in detail', () => {
    const error = errorFromResponse({ status: 404, host: HOST, body: { errorCode: 'RESOURCE_NOT_FOUND', message: 'gone' } });
    expect(error.info).toMatchObject({ code: 'URL_NOT_FOUND', status: 404, detail: 'RESOURCE_NOT_FOUND: gone' });
  });

  it('INVALID_OAUTH inside a 200 answer is still INVALID_OAUTH', () => {
    expect(errorFromResponse({ status: 200, host: HOST, body: { errorCode: 'INVALID_OAUTH', message: 'x' } }).code).toBe('INVALID_OAUTH');
  });

  it('carries Retry-After seconds', () => {
    const error = errorFromResponse({
      status: 429,
      host: HOST,
      body: { errorCode: 'THRESHOLD_EXCEEDED', message: 'm' },
      retryAfterSec: 30,
    });
    expect(error.info.retryAfterSec).toBe(30);
  });
});

describe('the documented code of every status sent without an error body', () => {
  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'URL_NOT_FOUND'],
    [405, 'METHOD_NOT_ALLOWED'],
    [413, 'RESOURCE_SIZE_EXCEEDED'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [422, 'UNPROCESSABLE_ENTITY'],
    [429, 'TOO_MANY_REQUESTS'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [502, 'HTTP_ERROR'],
    [503, 'HTTP_ERROR'],
    [418, 'HTTP_ERROR'],
  ])('%i → %s', (status, code) => {
    expect(errorFromResponse({ status, host: HOST }).info).toEqual({ code, status, host: HOST });
    expect(errorFromResponse({ status, host: HOST, body: '<html>proxy</html>' }).info).toEqual({ code, status, host: HOST });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates, ignores junk', () => {
    expect(parseRetryAfter('17')).toBe(17);
    expect(parseRetryAfter('Wed, 01 May 2024 00:00:30 GMT', Date.parse('2024-05-01T00:00:00Z'))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('a success body that does not parse', () => {
  const codeOf = (text: string) => unparsableBodyError(text, 200, HOST, new SyntaxError('Unexpected end of JSON input')).code;
  it.each(['{"data":[{"id":"1"', '{"data":[{"subject":"cut here', '[1,2', '{"a":"\\"'])('%s is truncated', (text) => {
    expect(codeOf(text)).toBe('TRUNCATED_BODY');
  });
  it.each(['<html>', '{"a":1}}', 'null', '{"a":1} trailing'])('%s is malformed, not truncated', (text) => {
    expect(codeOf(text)).toBe('MALFORMED_JSON');
  });
});

describe('error messages (lib/shared/i18n/errors.ts)', () => {
  it.each(ALL_ERROR_CODES.map((code) => [code]))('%s has an English and a Japanese sentence', (code) => {
    const en = adminErrorMessage({ code }, 'en');
    const ja = adminErrorMessage({ code }, 'ja');
    expect(en).toMatch(/^[A-Z].*\.$/);
    expect(ja).toMatch(/[ぁ-んァ-ン]/);
    expect(ja).toMatch(/。$/);
    expect(ja).not.toBe(en);
  });

  it('says how long to wait when Zoho sent Retry-After', () => {
    expect(errorMessage({ code: 'TOO_MANY_REQUESTS', retryAfterSec: 30 }, 'en')).toContain('in 30 seconds');
    expect(errorMessage({ code: 'TOO_MANY_REQUESTS', retryAfterSec: 30 }, 'ja')).toContain('30 秒後');
    expect(errorMessage({ code: 'TOO_MANY_REQUESTS' }, 'en')).not.toMatch(/\{|\d/);
  });

  it('says the day’s API credits are spent and when DeskLink calls again', () => {
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED' }, 'en')).toContain('used up its API credits for today');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED' }, 'en')).toContain('midnight Pacific Time');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED' }, 'ja')).toContain('太平洋時間の午前 0 時');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED', retryAfterSec: 5 * 3600 }, 'en')).toContain('in about 5 h');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED', retryAfterSec: 5 * 3600 }, 'ja')).toContain('約 5 時間後');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED', retryAfterSec: 90 }, 'en')).toContain('API limit');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED', retryAfterSec: 90 }, 'en')).toContain('in about 2 min');
    expect(errorMessage({ code: 'THRESHOLD_EXCEEDED', retryAfterSec: 90 }, 'ja')).toContain('約 2 分後');
  });

  it('names the scopes to add on SCOPE_MISMATCH', () => {
    const info = { code: 'SCOPE_MISMATCH', scopes: ['Desk.settings.READ', 'Desk.basic.READ'] } as const;
    expect(errorMessage({ ...info, scopes: [...info.scopes] }, 'en')).toContain(': Desk.settings.READ, Desk.basic.READ.');
    expect(errorMessage({ ...info, scopes: [...info.scopes] }, 'ja')).toContain('（Desk.settings.READ, Desk.basic.READ）');
    expect(errorMessage({ code: 'SCOPE_MISMATCH' }, 'en')).toContain('lacks a scope');
  });

  it('says what a licence, another portal’s token and a rejected one need', () => {
    expect(errorMessage({ code: 'LICENSE_ACCESS_LIMITED' }, 'en')).toContain('agent or light agent licence');
    expect(errorMessage({ code: 'LICENSE_ACCESS_LIMITED' }, 'ja')).toContain('ライト担当者のライセンス');
    expect(errorMessage({ code: 'OAUTH_ORG_MISMATCH' }, 'en')).toContain('belongs to another Zoho Desk portal');
    expect(errorMessage({ code: 'OAUTH_ORG_MISMATCH' }, 'ja')).toContain('別の Zoho Desk ポータルのもの');
    expect(errorMessage({ code: 'INVALID_OAUTH' }, 'en')).toContain('rejected');
  });

  it('names the HTTP status of an unexpected error', () => {
    expect(errorMessage({ code: 'HTTP_ERROR', status: 503 }, 'en')).toContain('HTTP 503');
    expect(errorMessage({ code: 'HTTP_ERROR', status: 503 }, 'ja')).toContain('HTTP 503');
  });

  it('tells the reader who acts on a rejected key', () => {
    expect(errorMessage({ code: 'CREDENTIAL_REJECTED' }, 'en')).toBe(
      'Zoho Desk rejected the saved key. An admin must enter a valid key on the DeskLink options page.',
    );
  });

  it('never shows Zoho’s untrusted detail text', () => {
    expect(errorMessage({ code: 'FORBIDDEN', detail: '<script>x</script>' }, 'en')).not.toContain('script');
  });
});
