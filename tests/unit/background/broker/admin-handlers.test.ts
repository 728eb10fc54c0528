import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStoredSettings } from '../../../../lib/background/settings/store';
import { COMMANDS } from '../../../../lib/shared/commands';
import type { TicketSummary } from '../../../../lib/shared/protocol';
import { SETTINGS_KEY } from '../../../../lib/shared/settings-watch';
import { LAST_ERROR_KEY, testBroker, type TestBroker } from '../../support/broker-setup';
import { errorOf } from '../../support/error-of';

// ---- a small fake Zoho Desk behind fetch (keys valid on desk.zoho.com only, like the sandbox) ----
const A = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
const B = {
  id: '7310045521',
  companyName: '<b>Zylker Japan</b>',
  portalName: 'zylkerjp',
  isDefault: 'false',
  timeZone: 'Asia/Tokyo',
  edition: 'ENTERPRISE',
};
const C = {
  id: '8800120034',
  companyName: 'Zylker Partners',
  portalName: 'zylkerpartners',
  isDefault: false,
  timeZone: null,
  edition: 'PROFESSIONAL',
};
const KEY = {
  admin: '1000.zsc.admin',
  limited: '1000.zsc.limited',
  noScope: '1000.zsc.noscope',
  noPortals: '1000.zsc.noportals',
  revoked: '1000.zsc.revoked',
};
const EMAIL = 'Admin@Zylker.com';
const PORTALS: Record<string, (typeof A | typeof B | typeof C)[]> = { [KEY.admin]: [A, B], [KEY.limited]: [A, C] };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, errorCode: string) => json(status, { errorCode, message: errorCode });
let offline = false;
const calls: string[] = [];

async function fakeDesk(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (offline) throw new TypeError('Failed to fetch');
  const url = new URL(String(input));
  const headers = new Headers(init?.headers);
  const token = headers.get('authorization')?.replace('Zoho-oauthtoken ', '') ?? '';
  calls.push(`${url.host}${url.pathname}`);
  if (url.host !== 'desk.zoho.com') return fail(401, 'INVALID_OAUTH');
  if (token === KEY.revoked) return fail(401, 'INVALID_OAUTH');
  if (token === KEY.noScope) return fail(401, 'SCOPE_MISMATCH');
  if (token === KEY.noPortals) return new Response(null, { status: 204 });
  const portals = PORTALS[token];
  if (!portals) return fail(401, 'INVALID_OAUTH');
  if (url.pathname === '/api/v1/organizations') return json(200, { data: portals });
  if (url.pathname === '/api/v1/myinfo') {
    const orgId = headers.get('orgId');
    if (orgId === C.id || !portals.some((p) => p.id === orgId)) return fail(403, 'OAUTH_ORG_MISMATCH');
    return json(200, { id: '1892000000056007', emailId: token === KEY.admin ? 'admin@zylker.com' : 'support.lead@zylker.com' });
  }
  return fail(404, 'URL_NOT_FOUND');
}

let world: TestBroker;
const admin: TestBroker['admin'] = (request) => world.admin(request);
const getCredential = () => world.credentials.get();

const credential = (key: string, email = EMAIL) => ({ kind: 'zsc' as const, key, email });
const saveA = (key = KEY.admin, email = EMAIL, portalId = A.id) =>
  admin({
    command: 'setup.save',
    dataCentre: 'com',
    credential: credential(key, email),
    portalId,
    language: 'ja',
    timeZone: 'Asia/Tokyo',
  });

async function nothingStored() {
  expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  expect(await getCredential()).toBeNull();
}

const ticket = (id: string): TicketSummary => ({
  id,
  ticketNumber: id,
  subject: 's',
  status: 'Open',
  statusType: 'Open',
  priority: null,
  dueDate: null,
  isOverDue: false,
  createdTime: null,
  modifiedTime: null,
  assigneeName: null,
  webUrl: null,
});
const cacheTickets = (portalId: string, recordId: string) =>
  world.cache.write(
    portalId,
    `Contacts:${recordId}`,
    { tickets: [ticket(`${recordId}1`)], fetchedAt: Date.now(), fingerprint: null, truncated: false },
    Date.now(),
  );
const readCached = (portalId: string, recordKey: string) => world.cache.read(portalId, recordKey, Date.now());

beforeEach(() => {
  offline = false;
  calls.length = 0;
  world = testBroker({ fetch: fakeDesk });
});

describe('setup.listPortals (Next)', () => {
  it('lists the portals the key reaches, default first-class, and stores nothing', async () => {
    const { portals } = await admin({
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
    await nothingStored();
  });

  it('refuses an empty key and a malformed email before any call (broker-side zod)', () => {
    const schema = COMMANDS['setup.listPortals'].payload;
    expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential('   ') }).success).toBe(false);
    expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential('k', 'not-an-email') }).success).toBe(
      false,
    );
    expect(schema.safeParse({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(' odd key!\u00e9 ') }).success).toBe(
      true,
    );
  });

  it.each([
    ['a key without the scope', KEY.noScope, 'SCOPE_MISMATCH'],
    ['a key reaching no portal', KEY.noPortals, 'NO_PORTALS'],
    ['a rejected key', KEY.revoked, 'INVALID_OAUTH'],
  ])('%s → %s, nothing stored', async (_name, key, code) => {
    const info = await errorOf(admin({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(key) }));
    expect(info.code).toBe(code);
    expect(info.dataCentre).toBeUndefined();
    await nothingStored();
  });

  it('names the data center where a key rejected on the chosen one works, probing only after the rejection', async () => {
    const info = await errorOf(admin({ command: 'setup.listPortals', dataCentre: 'eu', credential: credential(KEY.admin) }));
    expect(info).toMatchObject({ code: 'INVALID_OAUTH', dataCentre: 'com', host: 'desk.zoho.eu' });
    expect(calls[0]).toBe('desk.zoho.eu/api/v1/organizations');
    expect(calls).toContain('desk.zoho.com/api/v1/organizations');
    await nothingStored();
  });

  it('network failure → NETWORK, nothing stored', async () => {
    offline = true;
    const info = await errorOf(admin({ command: 'setup.listPortals', dataCentre: 'com', credential: credential(KEY.admin) }));
    expect(info.code).toBe('NETWORK');
    await nothingStored();
  });
});

describe('setup.save (Save)', () => {
  it('checks the key against the email (case-insensitive), stores, and enables', async () => {
    const view = await saveA(KEY.admin, 'ADMIN@zylker.COM');
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
    expect(await getCredential()).toMatchObject({ kind: 'zsc', key: KEY.admin, dataCentre: 'com' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY.admin);
    // The edition is kept: it sets how many Desk calls may run at once for this portal.
    expect((await readStoredSettings())?.portal).toMatchObject({ id: A.id, edition: 'FREE' });
  });

  it('a key of another user → EMAIL_MISMATCH, nothing stored', async () => {
    expect((await errorOf(saveA(KEY.admin, 'someone.else@zylker.com'))).code).toBe('EMAIL_MISMATCH');
    await nothingStored();
  });

  it('a portal the key cannot read → OAUTH_ORG_MISMATCH, nothing stored', async () => {
    expect((await errorOf(saveA(KEY.limited, 'support.lead@zylker.com', C.id))).code).toBe('OAUTH_ORG_MISMATCH');
    await nothingStored();
  });

  it('a portal the key does not reach → PORTAL_NOT_FOUND', async () => {
    expect((await errorOf(saveA(KEY.admin, EMAIL, C.id))).code).toBe('PORTAL_NOT_FOUND');
    await nothingStored();
  });

  it('an unknown time zone → INVALID_INPUT, no call made', async () => {
    const info = await errorOf(
      admin({
        command: 'setup.save',
        dataCentre: 'com',
        credential: credential(KEY.admin),
        portalId: A.id,
        language: 'en',
        timeZone: 'Mars/Olympus',
      }),
    );
    expect(info.code).toBe('INVALID_INPUT');
    expect(calls).toEqual([]);
  });
});

describe('once connected', () => {
  it('settings.update switches the integration off and on', async () => {
    await saveA();
    expect((await admin({ command: 'settings.update', enabled: false })).enabled).toBe(false);
    expect((await readStoredSettings())?.enabled).toBe(false);
    expect((await admin({ command: 'settings.update', enabled: true, language: 'en' })).language).toBe('en');
  });

  it('portal.change clears only the old portal’s cache, keeps the key, and lists the portals again', async () => {
    await saveA();
    await cacheTickets(A.id, '5293322000004120017');
    await cacheTickets(B.id, '5293322000004120018');
    const { portals } = await admin({ command: 'portal.change' });
    expect(portals.map((p) => p.id)).toEqual([A.id, B.id]);
    expect(await readCached(A.id, 'Contacts:5293322000004120017')).toBeNull();
    expect(await readCached(B.id, 'Contacts:5293322000004120018')).not.toBeNull();
    expect((await readStoredSettings())?.portal).toBeNull();
    expect(await getCredential()).toMatchObject({ key: KEY.admin });
    const view = await admin({ command: 'settings.get' });
    expect(view).toMatchObject({ connected: false, credentialState: 'ok', portal: null, dataCentre: 'com' });
    // The portal step then saves with the stored key.
    const saved = await admin({
      command: 'setup.save',
      dataCentre: 'com',
      portalId: B.id,
      language: 'en',
      timeZone: 'Asia/Tokyo',
    });
    expect(saved).toMatchObject({ connected: true, portal: { id: B.id, name: '<b>Zylker Japan</b>' } });
  });

  it('deactivate removes credential, settings, cache and the last error', async () => {
    await saveA();
    await cacheTickets(A.id, '5293322000004120017');
    await fakeBrowser.storage.local.set({ [LAST_ERROR_KEY]: { code: 'NETWORK', at: 1 } });
    const view = await admin({ command: 'deactivate' });
    expect(view).toMatchObject({ connected: false, credentialState: 'none', portal: null, email: null });
    await nothingStored();
    expect(await world.cache.stats()).toEqual({ tickets: 0, records: 0 });
    expect((await admin({ command: 'diagnostics.get' })).lastError).toBeNull();
  });

  it('connection.test says who the key reads the portal as; a revoked key is marked rejected and recorded', async () => {
    await saveA();
    expect(await admin({ command: 'connection.test' })).toEqual({
      portalName: 'Zylker Inc.',
      email: 'admin@zylker.com',
    });
    const stored = (await getCredential())!;
    await world.credentials.save({ kind: 'zsc', key: KEY.revoked, email: stored.email, dataCentre: 'com' });
    expect((await errorOf(admin({ command: 'connection.test' }))).code).toBe('INVALID_OAUTH');
    expect((await getCredential())?.rejected).toBe(true);
    expect((await admin({ command: 'settings.get' })).credentialState).toBe('rejected');
    expect((await admin({ command: 'diagnostics.get' })).lastError).toMatchObject({
      code: 'INVALID_OAUTH',
      host: 'desk.zoho.com',
    });
  });

  it('cache.clear empties the cache and reports its size', async () => {
    await saveA();
    await cacheTickets(A.id, '5293322000004120017');
    expect((await admin({ command: 'diagnostics.get' })).cache).toMatchObject({
      available: true,
      tickets: 1,
      records: 1,
    });
    expect((await admin({ command: 'cache.clear' })).cache).toMatchObject({ tickets: 0, records: 0 });
  });
});

describe('enterprise policy', () => {
  it('works from policy alone: connected, named portal, key never copied to storage', async () => {
    await fakeBrowser.storage.managed.set({ dataCenter: 'com', zscKey: KEY.admin, email: EMAIL, portalId: B.id, enabled: true });
    const view = await admin({ command: 'settings.get' });
    expect(view).toMatchObject({ connected: true, credentialState: 'ok', email: EMAIL, portal: { id: B.id, name: '<b>Zylker Japan</b>' } });
    expect(view.managed.sort()).toEqual(['credential', 'dataCentre', 'enabled', 'portal']);
    expect(await getCredential()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY.admin);
    expect(await admin({ command: 'connection.test' })).toMatchObject({ email: 'admin@zylker.com' });
  });

  it('a rejected policy key shows as rejected, though it is never stored', async () => {
    await fakeBrowser.storage.managed.set({ dataCenter: 'com', zscKey: KEY.revoked, email: EMAIL, portalId: A.id });
    expect((await errorOf(admin({ command: 'connection.test' }))).code).toBe('INVALID_OAUTH');
    expect((await admin({ command: 'settings.get' })).credentialState).toBe('rejected');
    expect(await getCredential()).toBeNull();
  });

  it('a policy key without a data center still fixes the email the wizard shows', async () => {
    await fakeBrowser.storage.managed.set({ zscKey: KEY.admin, email: EMAIL });
    const view = await admin({ command: 'settings.get' });
    expect(view).toMatchObject({ connected: false, email: EMAIL });
    expect(view.managed).toContain('credential');
    // Next then uses the policy's key, whatever the form holds.
    const { portals } = await admin({ command: 'setup.listPortals', dataCentre: 'com' });
    expect(portals.map((p) => p.id)).toEqual([A.id, B.id]);
  });

  it('locks what it sets: update, change of portal and deactivation are refused', async () => {
    await saveA();
    await fakeBrowser.storage.managed.set({ enabled: true, portalId: A.id });
    expect((await errorOf(admin({ command: 'settings.update', enabled: false }))).code).toBe('POLICY_LOCKED');
    expect((await errorOf(admin({ command: 'portal.change' }))).code).toBe('POLICY_LOCKED');
    expect((await readStoredSettings())?.portal?.id).toBe(A.id);
    await fakeBrowser.storage.managed.set({ locked: true });
    expect((await errorOf(admin({ command: 'deactivate' }))).code).toBe('POLICY_LOCKED');
    expect(await getCredential()).not.toBeNull();
  });

  it('policy values override what the form sends on Save', async () => {
    await fakeBrowser.storage.managed.set({ language: 'en', timeZone: 'Europe/Berlin' });
    const view = await saveA();
    expect(view).toMatchObject({ language: 'en', timeZone: 'Europe/Berlin' });
    expect(view.managed.sort()).toEqual(['language', 'timeZone']);
  });
});
