import { describe, expect, it } from 'vitest';
import { overlaySettings } from '../../../../lib/background/settings/overlay';
import { settings as connectedSettings } from '../../support/broker-setup';

const stored = connectedSettings();
const defaults = { language: 'ja' as const, timeZone: 'Europe/Berlin' };

describe('policy overlay', () => {
  it('without policy: the stored settings, nothing managed', () => {
    expect(overlaySettings(stored, {}, defaults)).toEqual({
      dataCentre: 'com',
      email: 'Admin@Zylker.com',
      agent: null,
      authKind: 'zsc',
      portal: stored.portal,
      enabled: true,
      language: 'en',
      timeZone: 'America/Los_Angeles',
      credentialSource: 'stored',
      allowCreate: true,
      managed: [],
    });
  });

  it('names the Desk user Save learnt, but not for a policy key of another user', () => {
    const named = { ...stored, agent: { name: 'Ana Admin', role: 'Admin' } };
    expect(overlaySettings(named, {}, defaults).agent).toEqual({ name: 'Ana Admin', role: 'Admin' });
    expect(overlaySettings(named, { zscKey: '1000.zsc.other', email: 'rep@zylker.com' }, defaults).agent).toBeNull();
  });

  it('nothing stored, no policy: browser defaults, not connected', () => {
    expect(overlaySettings(null, {}, defaults)).toMatchObject({
      dataCentre: null,
      portal: null,
      language: 'ja',
      timeZone: 'Europe/Berlin',
      credentialSource: null,
    });
  });

  it('policy values win and are marked managed', () => {
    const effective = overlaySettings(stored, { enabled: false, language: 'ja', timeZone: 'Asia/Tokyo' }, defaults);
    expect(effective).toMatchObject({ enabled: false, language: 'ja', timeZone: 'Asia/Tokyo', portal: stored.portal });
    expect(effective.managed.sort()).toEqual(['enabled', 'language', 'timeZone']);
  });

  it('a policy with key, email and portal works with nothing stored', () => {
    const policy = { dataCenter: 'com' as const, zscKey: '1000.zsc.k', email: 'boss@zylker.com', portalId: '7310045521' };
    const effective = overlaySettings(null, policy, defaults, { id: '7310045521', name: 'Zylker Japan 株式会社', portalName: 'zylkerjp' });
    expect(effective).toMatchObject({
      dataCentre: 'com',
      email: 'boss@zylker.com',
      credentialSource: 'policy',
      portal: { id: '7310045521', name: 'Zylker Japan 株式会社' },
      enabled: true,
    });
    expect(effective.managed.sort()).toEqual(['credential', 'dataCentre', 'portal']);
  });

  it('names a policy portal by its id until its name is known', () => {
    expect(overlaySettings(stored, { portalId: '8800120034' }, defaults).portal).toEqual({
      id: '8800120034',
      name: '8800120034',
      portalName: '',
    });
    expect(overlaySettings(stored, { portalId: '649182735' }, defaults).portal).toEqual(stored.portal);
  });
});
