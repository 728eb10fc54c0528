// The setup wizard's commands (Next, Save, Change portal) against a fake Desk.
import { beforeEach, describe, expect, it } from 'vitest';
import { readStoredSettings } from '../../../../lib/background/settings/store';
import { COMMANDS } from '../../../../lib/shared/commands';
import { errorOf } from '../../support/error-of';
import { A, B, C, EMAIL, KEY, credential, setupDesk } from '../../support/setup-desk';

let z: ReturnType<typeof setupDesk>;
beforeEach(() => {
  z = setupDesk();
});

describe('setup.listPortals (Next)', () => {
  it('lists the portals the key reaches, default first-class, and stores nothing', async () => {
    const { portals } = await z.admin({
      command: 'setup.listPortals',
      dataCentre: 'com',
      credential: credential(KEY.admin),
    });
    expect(portals).toEqual([
      { id: A.id, companyName: 'Zylker Inc.', portalName: 'zylker', isDefault: true, timeZone: 'America/Los_Angeles', edition: 'FREE' },
      {
        id: B.id,
        companyName: '<b>Zylker Japan</b>',
        portalName: 'zylkerjp',
        isDefault: false,
        timeZone: 'Asia/Tokyo',
        edition: 'ENTERPRISE',
      },
    ]);
    await z.nothingStored();
  });

  it('refuses an empty key and a malformed email before any call (broker-side zod)', () => {
    const schema = COMMANDS['setup.listPortals'].payload;
    expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential('   ') }).success).toBe(false);
    expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential('k', 'not-an-email') }).success).toBe(
      false,
    );
    // Spaces and zero-width marks around a key are copy leftovers; inside it, or a non-ASCII letter, it cannot be Zoho's.
    const parsed = schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(' \u200Bodd-key!\t') });
    expect(parsed.success && parsed.data.credential).toMatchObject({ key: 'odd-key!' });
    for (const key of [' odd key!\u00e9 ', 'odd\u00e9key', 'odd key', 'odd\u200Bkey', 'odd\u0007key', '\u200B']) {
      expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(key) }).success, key).toBe(false);
    }
  });

  it.each([
    ['a key without the scope', KEY.noScope, 'SCOPE_MISMATCH'],
    ['a key reaching no portal', KEY.noPortals, 'NO_PORTALS'],
    ['a rejected key', KEY.revoked, 'INVALID_OAUTH'],
  ])('%s → %s, nothing stored', async (_name, key, code) => {
    const info = await errorOf(z.admin({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(key) }));
    expect(info.code).toBe(code);
    expect(info.dataCentre).toBeUndefined();
    await z.nothingStored();
  });

  it('names the data center where a key rejected on the chosen one works, probing only after the rejection', async () => {
    const info = await errorOf(z.admin({ command: 'setup.listPortals', dataCentre: 'eu', credential: credential(KEY.admin) }));
    expect(info).toMatchObject({ code: 'INVALID_OAUTH', dataCentre: 'com', host: 'desk.zoho.eu' });
    expect(z.desk.calls[0]).toBe('desk.zoho.eu/api/v1/organizations');
    expect(z.desk.calls).toContain('desk.zoho.com/api/v1/organizations');
    await z.nothingStored();
  });

  it('network failure → NETWORK, nothing stored', async () => {
    z.desk.offline = true;
    const info = await errorOf(z.admin({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(KEY.admin) }));
    expect(info.code).toBe('NETWORK');
    await z.nothingStored();
  });
});

describe('setup.save (Save)', () => {
  it('checks the key against the email (case-insensitive), stores, and enables', async () => {
    const view = await z.saveA(KEY.admin, 'ADMIN@zylker.COM');
    expect(view).toMatchObject({
      connected: true,
      enabled: true,
      dataCentre: 'com',
      email: 'ADMIN@zylker.COM',
      portal: { id: A.id, name: 'Zylker Inc.' },
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      credentialState: 'ok',
      managed: [],
    });
    expect(await z.credentials.get()).toMatchObject({ kind: 'zsc', key: KEY.admin, dataCentre: 'com' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY.admin);
    // The edition is kept: it sets how many Desk calls may run at once for this portal.
    expect((await readStoredSettings())?.portal).toMatchObject({ id: A.id, edition: 'FREE' });
  });

  it('a key of another user → EMAIL_MISMATCH, nothing stored', async () => {
    expect((await errorOf(z.saveA(KEY.admin, 'someone.else@zylker.com'))).code).toBe('EMAIL_MISMATCH');
    await z.nothingStored();
  });

  it('a portal the key cannot read → OAUTH_ORG_MISMATCH, nothing stored', async () => {
    expect((await errorOf(z.saveA(KEY.limited, 'support.lead@zylker.com', C.id))).code).toBe('OAUTH_ORG_MISMATCH');
    await z.nothingStored();
  });

  it('a portal the key does not reach → PORTAL_NOT_FOUND', async () => {
    expect((await errorOf(z.saveA(KEY.admin, EMAIL, C.id))).code).toBe('PORTAL_NOT_FOUND');
    await z.nothingStored();
  });

  it('an unknown time zone → INVALID_INPUT, no call made', async () => {
    const info = await errorOf(
      z.admin({
        command: 'setup.save',
        dataCentre: 'com',
        credential: credential(KEY.admin),
        portalId: A.id,
        language: 'en',
        timeZone: 'Mars/Olympus',
      }),
    );
    expect(info.code).toBe('INVALID_INPUT');
    expect(z.desk.calls).toEqual([]);
  });
});

describe('Change portal', () => {
  it('lists the portals with the stored key, and saving another one clears only the old portal’s cache and keeps the key', async () => {
    await z.saveA();
    await z.cacheTickets(A.id, '5293322000004120017');
    await z.cacheTickets(B.id, '5293322000004120018');
    const { portals } = await z.admin({ command: 'setup.listPortals', dataCentre: 'com' });
    expect(portals.map((p) => p.id)).toEqual([A.id, B.id]);
    // Listing changes nothing: Cancel leaves the setup as it was.
    expect(await z.readCached(A.id, 'Contacts:5293322000004120017')).not.toBeNull();
    expect((await readStoredSettings())?.portal?.id).toBe(A.id);
    const saved = await z.admin({
      command: 'setup.save',
      dataCentre: 'com',
      portalId: B.id,
      language: 'en',
      timeZone: 'Asia/Tokyo',
    });
    expect(saved).toMatchObject({ connected: true, portal: { id: B.id, name: '<b>Zylker Japan</b>' } });
    expect(await z.readCached(A.id, 'Contacts:5293322000004120017')).toBeNull();
    expect(await z.readCached(B.id, 'Contacts:5293322000004120018')).not.toBeNull();
    expect(await z.credentials.get()).toMatchObject({ key: KEY.admin });
  });
});
