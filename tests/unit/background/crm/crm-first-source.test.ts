// The ticket source that asks CRM's API who the record is before (and while) Desk is searched:
// CRM's identity wins over the page's, the page's is used without a CRM scope or when CRM
// refuses, and diagnostics say which and why.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReadyContext } from '../../../../lib/background/broker/context';
import type { TicketSource } from '../../../../lib/background/broker/ticket-source';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import type { Credential } from '../../../../lib/background/credentials/credential';
import { createCrmClient } from '../../../../lib/background/crm/crm-client';
import { createCrmFirstTicketSource } from '../../../../lib/background/crm/crm-first-source';
import { createCrmRecordCache } from '../../../../lib/background/crm/crm-record-cache';
import { createIdentityNotes } from '../../../../lib/background/crm/identity-notes';
import type { Identity, RecordRef } from '../../../../lib/shared/commands';
import { DESK_READ_SCOPES } from '../../../../lib/shared/scopes';
import { ticket } from '../../support/cache';
import { urlOf } from '../../support/fetch';

const CRM_SCOPES = [
  'ZohoCRM.modules.leads.READ',
  'ZohoCRM.modules.contacts.READ',
  'ZohoCRM.modules.accounts.READ',
  'ZohoCRM.modules.deals.READ',
];
const RECORD: RecordRef = {
  crmHost: 'crm.zoho.com',
  dataCentre: 'com',
  orgSegment: 'org1',
  module: 'Contacts',
  recordId: '5293322000004120017',
};
const PAGE: Identity = { emails: ['old.address@contoso.example'], name: 'Daniel Okafor' };
const RIGHT = 'daniel.okafor@contoso.example';

function oauth(scopes: string[]): Credential {
  return {
    kind: 'oauth',
    dataCentre: 'com',
    email: 'agent@zylker.example',
    accessToken: 'tok-1',
    expiresAt: Date.now() + 3_600_000,
    clientId: '1000.X',
    scopes,
    savedAt: 0,
  };
}
const readyWith = (credential: Credential) => ({ credential, dataCentre: 'com', portalId: 'p1' }) as unknown as ReadyContext;

/** Desk, as a source that remembers whom it was asked to search for. */
function fakeDesk() {
  const searched: string[][] = [];
  const source: TicketSource = {
    fingerprint: (_record, identity) =>
      JSON.stringify(identity.accountName ? [identity.accountName] : identity.emails.map((e) => e.toLowerCase())),
    async find(_ready, _record, identity, signal, onFirstRows) {
      searched.push(identity.emails);
      // First rows found with these emails (named by them), before the rest.
      onFirstRows?.({ tickets: [], truncated: false, deskUrl: identity.emails.join(',') });
      await Promise.resolve();
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      return { tickets: identity.emails.includes(RIGHT) ? [ticket(1)] : [], truncated: false };
    },
  };
  return { source, searched };
}

/** CRM's API: one status and body for every call. */
function fakeCrm(status: number, body: unknown) {
  const calls: URL[] = [];
  const client = createCrmClient({
    fetch: (input) => {
      calls.push(urlOf(input));
      return Promise.resolve(status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status }));
    },
  });
  return { client, calls };
}

let now = 1_800_000_000_000;
const clock = () => now;
const crmRecord = { data: [{ id: RECORD.recordId, Email: RIGHT, Secondary_Email: null, Full_Name: 'Daniel Okafor' }] };

function setUp(crm: ReturnType<typeof fakeCrm>) {
  const desk = fakeDesk();
  const notes = createIdentityNotes(clock);
  const source = createCrmFirstTicketSource({ desk: desk.source, crm: crm.client, cache: createCrmRecordCache(), notes, now: clock });
  return { desk, notes, source };
}
const signal = () => new AbortController().signal;

beforeEach(() => {
  now = 1_800_000_000_000;
});

describe('CRM-first ticket source', () => {
  it('searches Desk with CRM’s emails when the page shows another, and caches the tickets under CRM’s identity', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { desk, notes, source } = setUp(crm);
    const found = await source.find(readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])), RECORD, PAGE, signal());
    expect(found.tickets).toHaveLength(1);
    expect(desk.searched.at(-1)).toEqual([RIGHT]);
    expect(found.fingerprint).toBe(JSON.stringify([RIGHT]));
    expect(crm.calls[0]!.pathname).toBe(`/crm/v8/Contacts/${RECORD.recordId}`);
    expect(await notes.last()).toMatchObject({ source: 'crm', module: 'Contacts' });
    // Next time the fingerprint is CRM's at once (from the cache), so the cached tickets match.
    expect(await source.fingerprint(RECORD, PAGE, readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])))).toBe(JSON.stringify([RIGHT]));
  });

  it('keeps the search it started with the page’s emails when CRM confirms them (one Desk search)', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { desk, source } = setUp(crm);
    const found = await source.find(readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])), RECORD, { emails: [RIGHT] }, signal());
    expect(found.tickets).toHaveLength(1);
    expect(desk.searched).toEqual([[RIGHT]]);
  });

  it('passes on first rows only of the identity it answers for: the page’s search’s once CRM confirms it', async () => {
    const ready = readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES]));
    const wrongPage = setUp(fakeCrm(200, crmRecord));
    const toldWrong: (string | null)[] = [];
    await wrongPage.source.find(ready, RECORD, PAGE, signal(), (rows) => toldWrong.push(rows.deskUrl));
    expect(wrongPage.desk.searched).toEqual([PAGE.emails, [RIGHT]]);
    expect(toldWrong).toEqual([RIGHT]);

    const rightPage = setUp(fakeCrm(200, crmRecord));
    const toldRight: (string | null)[] = [];
    await rightPage.source.find(ready, RECORD, { emails: [RIGHT] }, signal(), (rows) => toldRight.push(rows.deskUrl));
    expect(rightPage.desk.searched).toEqual([[RIGHT]]);
    expect(toldRight).toEqual([RIGHT]);
  });

  it('asks CRM again only when its answer is older than the freshness window', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    const ready = readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES]));
    await source.find(ready, RECORD, PAGE, signal());
    now += 60_000;
    await source.find(ready, RECORD, PAGE, signal());
    expect(crm.calls).toHaveLength(1);
    now += 5 * 60_000;
    await source.find(ready, RECORD, PAGE, signal());
    expect(crm.calls).toHaveLength(2);
  });

  it('asks CRM at the api_domain Zoho named for the token, when it named one', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    const credential = { ...oauth([...DESK_READ_SCOPES, ...CRM_SCOPES]), apiDomain: 'https://www.zohoapis.eu' } as Credential;
    await source.find(readyWith(credential), RECORD, PAGE, signal());
    expect(crm.calls[0]!.origin).toBe('https://www.zohoapis.eu');
  });

  it('uses the page without a CRM scope, without calling CRM, and says why', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { desk, notes, source } = setUp(crm);
    const found = await source.find(readyWith(oauth([...DESK_READ_SCOPES])), RECORD, PAGE, signal());
    expect(found.tickets).toHaveLength(0);
    expect(desk.searched).toEqual([PAGE.emails]);
    expect(crm.calls).toHaveLength(0);
    expect(await notes.last()).toMatchObject({ source: 'page', reason: 'noCrmScope' });
  });

  it('searches Desk without waiting for its diagnostics note to be stored', async () => {
    const crm = fakeCrm(200, crmRecord);
    const desk = fakeDesk();
    // A note that never lands (storage.session stuck): the search goes on regardless.
    const notes = { note: () => new Promise<void>(() => undefined), last: () => Promise.resolve(null) };
    const source = createCrmFirstTicketSource({ desk: desk.source, crm: crm.client, cache: createCrmRecordCache(), notes, now: clock });
    await source.find(readyWith(oauth([...DESK_READ_SCOPES])), RECORD, PAGE, signal());
    await source.find(readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])), RECORD, PAGE, signal());
    // The page's reading searched at once (and again beside CRM's answer), then CRM's identity.
    expect(desk.searched).toEqual([PAGE.emails, PAGE.emails, [RIGHT]]);
  });

  it('uses the page with a ZSC key (no CRM token)', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { notes, source } = setUp(crm);
    const key: Credential = { kind: 'zsc', key: 'k', dataCentre: 'com', email: 'a@b.example', savedAt: 0 };
    await source.find(readyWith(key), RECORD, PAGE, signal());
    expect(crm.calls).toHaveLength(0);
    expect(await notes.last()).toMatchObject({ source: 'page', reason: 'notSignIn' });
  });

  it('falls back to the page when CRM answers 403 OAUTH_SCOPE_MISMATCH, and does not ask again with that token', async () => {
    const crm = fakeCrm(403, { code: 'OAUTH_SCOPE_MISMATCH', message: 'invalid oauth scope to access this URL', status: 'error' });
    const { desk, notes, source } = setUp(crm);
    const ready = readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES]));
    const found = await source.find(ready, RECORD, PAGE, signal());
    expect(found.fingerprint).toBe(JSON.stringify(PAGE.emails));
    expect(desk.searched).toEqual([PAGE.emails]);
    expect(await notes.last()).toMatchObject({ source: 'page', reason: 'scope' });
    await source.find(ready, { ...RECORD, recordId: '1' }, PAGE, signal());
    expect(crm.calls).toHaveLength(1);
  });

  it.each([
    [403, { code: 'NO_PERMISSION', status: 'error' }, 'permission'],
    [429, { code: 'TOO_MANY_REQUESTS' }, 'busy'],
    [204, null, 'noRecord'],
  ] as const)('falls back to the page on %i and notes %s', async (status, body, reason) => {
    const crm = fakeCrm(status, body);
    const { desk, notes, source } = setUp(crm);
    await source.find(readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])), RECORD, PAGE, signal());
    expect(desk.searched).toEqual([PAGE.emails]);
    expect(await notes.last()).toMatchObject({ source: 'page', reason });
  });

  it('Accounts: CRM’s Account_Name is the account searched', async () => {
    const crm = fakeCrm(200, { data: [{ id: '5', Account_Name: 'Globex Corporation' }] });
    const desk = fakeDesk();
    const names: (string | undefined)[] = [];
    const source = createCrmFirstTicketSource({
      desk: {
        ...desk.source,
        find: async (ready, record, identity, s) => (names.push(identity.accountName), desk.source.find(ready, record, identity, s)),
      },
      crm: crm.client,
      cache: createCrmRecordCache(),
      notes: createIdentityNotes(clock),
      now: clock,
    });
    await source.find(
      readyWith(oauth(CRM_SCOPES)),
      { ...RECORD, module: 'Accounts', recordId: '5' },
      { emails: [], name: 'Globex', accountName: 'Globex' },
      signal(),
    );
    expect(names.at(-1)).toBe('Globex Corporation');
  });

  it('Deals: Desk is searched for the deal’s contact (with its emails from CRM) and its account, by their CRM ids', async () => {
    const contactId = '5293322000004120017';
    const accountId = '5293322000002877003';
    const calls: URL[] = [];
    const crm = createCrmClient({
      fetch: (input) => {
        const url = urlOf(input);
        calls.push(url);
        const body = url.pathname.includes('/Deals/')
          ? {
              data: [
                {
                  id: '77',
                  Contact_Name: { id: contactId, name: 'Daniel Okafor' },
                  Account_Name: { id: accountId, name: 'Globex Corporation' },
                },
              ],
            }
          : { data: [{ id: contactId, Email: RIGHT, Secondary_Email: null, Full_Name: 'Daniel Okafor' }] };
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      },
    });
    const asked: Identity[] = [];
    const desk = fakeDesk();
    const source = createCrmFirstTicketSource({
      desk: {
        ...desk.source,
        find: async (ready, record, identity, s) => (asked.push(identity), desk.source.find(ready, record, identity, s)),
      },
      crm,
      cache: createCrmRecordCache(),
      notes: createIdentityNotes(clock),
      now: clock,
    });
    // The deal's page shows the lookups with no email, and names the account differently.
    const page: Identity = { emails: [], name: 'Globex renewal', lookups: { account: { id: accountId, name: 'Globex' } } };
    const found = await source.find(readyWith(oauth(CRM_SCOPES)), { ...RECORD, module: 'Deals', recordId: '77' }, page, signal());
    expect(calls.map((url) => url.pathname)).toEqual(['/crm/v8/Deals/77', `/crm/v8/Contacts/${contactId}`]);
    expect(asked.at(-1)).toMatchObject({
      emails: [RIGHT],
      lookups: { contact: { id: contactId, name: 'Daniel Okafor' }, account: { id: accountId, name: 'Globex Corporation' } },
    });
    expect(found.tickets).toHaveLength(1);
  });

  it.each<[string, Credential]>([
    ['a ZSC key', { kind: 'zsc', key: 'k', dataCentre: 'com', email: 'a@b.example', savedAt: 0 }],
    ['a sign-in without CRM’s scope', oauth([...DESK_READ_SCOPES])],
  ])('after CRM’s answer was cached under a CRM sign-in, %s looks up and finds the page’s reading’s list', async (_label, credential) => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    await source.find(readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES])), RECORD, PAGE, signal());
    const found = await source.find(readyWith(credential), RECORD, PAGE, signal());
    // The list is stored under what was searched, and the next view's fingerprint is the same.
    expect(found.fingerprint).toBe(JSON.stringify(PAGE.emails));
    expect(await source.fingerprint(RECORD, PAGE, readyWith(credential))).toBe(found.fingerprint);
  });

  it('forgets CRM’s answers when the cache is cleared', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    await source.find(readyWith(oauth(CRM_SCOPES)), RECORD, PAGE, signal());
    await createTicketCache().clearAll();
    expect(await source.fingerprint(RECORD, PAGE, readyWith(oauth(CRM_SCOPES)))).toBe(JSON.stringify(PAGE.emails));
  });
});

describe('who the record is by CRM alone (asked before the page shows it)', () => {
  const ready = () => readyWith(oauth([...DESK_READ_SCOPES, ...CRM_SCOPES]));

  it('is CRM’s identity, read once for it and for a lookup started meanwhile, and the lookup searches with it', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { desk, source } = setUp(crm);
    const [identity, found] = await Promise.all([source.identityOf!(ready(), RECORD), source.find(ready(), RECORD, PAGE, signal())]);
    expect(identity).toEqual({ emails: [RIGHT], name: 'Daniel Okafor' });
    expect(crm.calls).toHaveLength(1);
    expect(found.fingerprint).toBe(JSON.stringify([RIGHT]));
    // The page's reading, whatever it is, now finds the same list in the cache.
    expect(await source.fingerprint(RECORD, PAGE, ready())).toBe(await source.fingerprint(RECORD, identity!, ready()));
    expect(desk.searched.at(-1)).toEqual([RIGHT]);
  });

  it('takes CRM’s answer from the cache while it is fresh', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    await source.identityOf!(ready(), RECORD);
    now += 60_000;
    expect(await source.identityOf!(ready(), RECORD)).toEqual({ emails: [RIGHT], name: 'Daniel Okafor' });
    expect(crm.calls).toHaveLength(1);
  });

  it('is unknown without a CRM scope or with a key, without calling CRM', async () => {
    const crm = fakeCrm(200, crmRecord);
    const { source } = setUp(crm);
    const key: Credential = { kind: 'zsc', key: 'k', dataCentre: 'com', email: 'a@b.example', savedAt: 0 };
    expect(await source.identityOf!(readyWith(oauth([...DESK_READ_SCOPES])), RECORD)).toBeNull();
    expect(await source.identityOf!(readyWith(key), RECORD)).toBeNull();
    expect(crm.calls).toHaveLength(0);
  });

  it('is unknown when CRM refuses the token’s scope, and CRM is not asked again with it', async () => {
    const crm = fakeCrm(403, { code: 'OAUTH_SCOPE_MISMATCH', message: 'invalid oauth scope to access this URL', status: 'error' });
    const { desk, notes, source } = setUp(crm);
    expect(await source.identityOf!(ready(), RECORD)).toBeNull();
    expect(await notes.last()).toMatchObject({ source: 'page', reason: 'scope' });
    await source.find(ready(), RECORD, PAGE, signal());
    expect(crm.calls).toHaveLength(1);
    expect(desk.searched).toEqual([PAGE.emails]);
  });

  it.each([
    [204, null],
    [429, { code: 'TOO_MANY_REQUESTS' }],
    [200, { data: [{ id: RECORD.recordId, Email: null, Secondary_Email: null, Full_Name: null }] }],
  ] as const)('is unknown when CRM answers %i with %j (the page’s reading is searched instead)', async (status, body) => {
    const { source } = setUp(fakeCrm(status, body));
    expect(await source.identityOf!(ready(), RECORD)).toBeNull();
  });

  it.each([
    [502, { code: 'INTERNAL_ERROR' }, 'failed'],
    [429, { code: 'TOO_MANY_REQUESTS' }, 'busy'],
  ] as const)(
    'after CRM answers %i, the page’s lookup right behind it searches the page’s reading without asking CRM again',
    async (status, body, reason) => {
      const crm = fakeCrm(status, body);
      const { desk, notes, source } = setUp(crm);
      expect(await source.identityOf!(ready(), RECORD)).toBeNull();
      const found = await source.find(ready(), RECORD, PAGE, signal());
      expect(found.fingerprint).toBe(JSON.stringify(PAGE.emails));
      expect(desk.searched).toEqual([PAGE.emails]);
      expect(crm.calls).toHaveLength(1);
      expect(await notes.last()).toMatchObject({ source: 'page', reason });
      // Another record is asked; this one, once the failure no longer stands.
      await source.find(ready(), { ...RECORD, recordId: '1' }, PAGE, signal());
      expect(crm.calls).toHaveLength(2);
      now += 30_000;
      await source.find(ready(), RECORD, PAGE, signal());
      expect(crm.calls).toHaveLength(3);
    },
  );

  it('is unknown when a field only the page shows would change the search (a deal’s contact CRM gives no name)', async () => {
    const contactId = '5293322000004120017';
    const crm = createCrmClient({
      fetch: (input) => {
        const deal = urlOf(input).pathname.includes('/Deals/');
        const body = deal
          ? { data: [{ id: '77', Contact_Name: { id: contactId, name: null }, Account_Name: { id: '88', name: 'Globex Corporation' } }] }
          : { data: [{ id: contactId, Email: RIGHT, Secondary_Email: null, Full_Name: null }] };
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      },
    });
    const desk = fakeDesk();
    const source = createCrmFirstTicketSource({
      desk: { ...desk.source, fingerprint: (_record, identity) => JSON.stringify([identity.emails, identity.lookups ?? null]) },
      crm,
      cache: createCrmRecordCache(),
      notes: createIdentityNotes(clock),
      now: clock,
    });
    expect(await source.identityOf!(readyWith(oauth(CRM_SCOPES)), { ...RECORD, module: 'Deals', recordId: '77' })).toBeNull();
  });
});
