// The setup wizard's Zoho Desk (not a test file): keys valid on desk.zoho.com only, like the
// sandbox, and a broker wired to it, with the helpers the setup and admin tests share.
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TicketSummary } from '../../../lib/shared/protocol';
import { SETTINGS_KEY } from '../../../lib/shared/settings-watch';
import { testBroker } from './broker-setup';
import { urlOf } from './fetch';

export const A = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
export const B = {
  id: '7310045521',
  companyName: '<b>Zylker Japan</b>',
  portalName: 'zylkerjp',
  isDefault: 'false',
  timeZone: 'Asia/Tokyo',
  edition: 'ENTERPRISE',
};
export const C = {
  id: '8800120034',
  companyName: 'Zylker Partners',
  portalName: 'zylkerpartners',
  isDefault: false,
  timeZone: null,
  edition: 'PROFESSIONAL',
};
export const KEY = {
  admin: '1000.zsc.admin',
  limited: '1000.zsc.limited',
  noScope: '1000.zsc.noscope',
  noPortals: '1000.zsc.noportals',
  revoked: '1000.zsc.revoked',
};
export const EMAIL = 'Admin@Zylker.com';
const PORTALS: Record<string, (typeof A | typeof B | typeof C)[]> = { [KEY.admin]: [A, B], [KEY.limited]: [A, C] };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, errorCode: string) => json(status, { errorCode, message: errorCode });

export const credential = (key: string, email = EMAIL) => ({ kind: 'zsc' as const, key, email });

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

/** A fake Desk (`offline` drops every call; `calls` lists host and path) and a broker using it. */
export function setupDesk() {
  const desk = { offline: false, calls: [] as string[] };

  function answer(input: RequestInfo | URL, init?: RequestInit): Response {
    const url = urlOf(input);
    const headers = new Headers(init?.headers);
    const token = headers.get('authorization')?.replace('Zoho-oauthtoken ', '') ?? '';
    desk.calls.push(`${url.host}${url.pathname}`);
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
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    desk.offline ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(answer(input, init));

  const world = testBroker({ fetch });
  return {
    ...world,
    desk,
    /** `Save` with a key and email on portal A (Japanese, Tokyo). */
    saveA: (key = KEY.admin, email = EMAIL, portalId = A.id) =>
      world.admin({
        command: 'setup.save',
        dataCentre: 'com',
        credential: credential(key, email),
        portalId,
        language: 'ja',
        timeZone: 'Asia/Tokyo',
      }),
    async nothingStored() {
      expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
      expect(await world.credentials.get()).toBeNull();
    },
    /** One cached ticket for a contact of `portalId`. */
    cacheTickets: (portalId: string, recordId: string) =>
      world.cache.write(
        portalId,
        `Contacts:${recordId}`,
        { tickets: [ticket(`${recordId}1`)], fetchedAt: Date.now(), fingerprint: null, truncated: false },
        Date.now(),
      ),
    readCached: (portalId: string, recordKey: string) => world.cache.read(portalId, recordKey, Date.now()),
  };
}
