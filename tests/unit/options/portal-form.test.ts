import { describe, expect, it } from 'vitest';
import { preselectedPortal, saveRequest, shownTimeZone } from '../../../lib/options/portal-form';
import type { PortalStep } from '../../../lib/options/wizard';
import type { PortalChoice } from '../../../lib/shared/protocol';

const A: PortalChoice = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: false,
  timeZone: 'America/Los_Angeles',
  edition: null,
};
const B: PortalChoice = { ...A, id: '7310045521', portalName: 'zylkerjp', isDefault: true, timeZone: 'Asia/Tokyo' };
const C: PortalChoice = { ...A, id: '8800120034', portalName: 'zylkerc', timeZone: null };

describe('preselectedPortal', () => {
  it('takes the given portal, else Zoho’s default portal, else the first', () => {
    expect(preselectedPortal([A, B, C], C.id)).toBe(C);
    expect(preselectedPortal([A, B, C], null)).toBe(B);
    expect(preselectedPortal([A, B, C], '1')).toBe(B);
    expect(preselectedPortal([C, A], null)).toBe(C);
    expect(preselectedPortal([], null)).toBeUndefined();
  });
});

describe('shownTimeZone', () => {
  it('follows the portal until the admin picks one; a portal without a zone keeps the fallback', () => {
    expect(shownTimeZone(null, B, 'Europe/Berlin')).toBe('Asia/Tokyo');
    expect(shownTimeZone('Europe/Paris', B, 'Europe/Berlin')).toBe('Europe/Paris');
    expect(shownTimeZone(null, C, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(shownTimeZone(null, undefined, 'Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('saveRequest', () => {
  const key = { kind: 'zsc' as const, key: '1000.zsc', email: 'admin@zylker.com' };

  it('saves the step’s data centre and credential with the choices', () => {
    const step: PortalStep = { kind: 'portal', dataCentre: 'jp', credential: key, portals: [A], fromSetup: true };
    expect(saveRequest(step, { portal: A, language: 'ja', timeZone: 'Asia/Tokyo' })).toEqual({
      ok: true,
      request: { command: 'setup.save', dataCentre: 'jp', credential: key, portalId: A.id, language: 'ja', timeZone: 'Asia/Tokyo' },
    });
  });

  it('sends the clock only when the admin chose one (else the panel follows the language)', () => {
    const step: PortalStep = { kind: 'portal', dataCentre: 'com', portals: [A], fromSetup: true };
    const chosen = saveRequest(step, { portal: A, language: 'ja', timeZone: 'UTC', clock: '12' });
    expect(chosen.ok && chosen.request.clock).toBe('12');
    const unchosen = saveRequest(step, { portal: A, language: 'ja', timeZone: 'UTC' });
    expect(unchosen.ok && 'clock' in unchosen.request).toBe(false);
  });

  it('sends no credential when the broker holds it (after Change portal)', () => {
    const step: PortalStep = { kind: 'portal', dataCentre: 'com', portals: [A], fromSetup: false };
    const saved = saveRequest(step, { portal: A, language: 'en', timeZone: 'UTC' });
    expect(saved.ok && 'credential' in saved.request).toBe(false);
  });

  it('refuses a time zone that is not one, before asking the broker', () => {
    const step: PortalStep = { kind: 'portal', dataCentre: 'com', portals: [A], fromSetup: true };
    expect(saveRequest(step, { portal: A, language: 'en', timeZone: 'Mars/Olympus' })).toEqual({ ok: false, error: 'timeZoneInvalid' });
  });
});
