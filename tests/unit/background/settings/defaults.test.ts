/**
 * Defaults before anything is chosen: the `Language` follows the
 * browser's UI language and the `Time zone` the browser's own zone; both reach the options
 * page through `settings.get`, which the wizard's portal step starts from.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectiveSettings } from '../../../../lib/background/settings/store';
import { browserTimeZone } from '../../../../lib/shared/time-zones';
import { testBroker } from '../../support/broker-setup';

afterEach(() => vi.restoreAllMocks());

describe('defaults from the browser', () => {
  it('Japanese for a Japanese browser, English for any other', async () => {
    const ui = vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja-JP');
    expect((await effectiveSettings()).language).toBe('ja');
    expect(await testBroker().admin({ command: 'settings.get' })).toMatchObject({ connected: false, language: 'ja' });
    ui.mockReturnValue('fr-FR');
    expect((await effectiveSettings()).language).toBe('en');
  });

  it('the browser’s time zone', async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Asia/Kolkata',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect(browserTimeZone()).toBe('Asia/Kolkata');
    expect(await testBroker().admin({ command: 'settings.get' })).toMatchObject({ timeZone: 'Asia/Kolkata' });
  });
});
