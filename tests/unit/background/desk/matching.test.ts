import { describe, expect, it, vi } from 'vitest';
import { createDeskClient } from '../../../../lib/background/desk/client';
import { accountSearchTerm, searchableEmails } from '../../../../lib/background/desk/identity';
import { accountPeople, findRecordTickets, identityFingerprint } from '../../../../lib/background/desk/matching';
import { personCustomers } from '../../../../lib/background/desk/new-ticket';
import { createDeskLookupCache } from '../../../../lib/background/cache/desk-lookups';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { urlOf } from '../../support/fetch';
import { passThrough } from '../../support/limiter';
import type { Identity, RecordRef } from '../../../../lib/shared/commands';

const LEAD: RecordRef = {
  crmHost: 'crm.zoho.com',
  dataCentre: 'com',
  orgSegment: 'org20110845',
  module: 'Leads',
  recordId: '5293322000003516055',
};
const CONTACT: RecordRef = { ...LEAD, module: 'Contacts', recordId: '5293322000004120017' };
const ACCOUNT: RecordRef = { ...LEAD, module: 'Accounts', recordId: '5293322000002877003' };
const OTHER_CRM_ID = '5293322000009999999';
const DESK_PAGE = 'https://desk.zoho.com/support/zylker/ShowHomePage.do';

interface FakeTicket {
  id: string;
  email?: string;
  modifiedTime?: string;
  createdTime: string;
}
interface FakeDesk {
  tickets: FakeTicket[];
  contacts?: { id: string; email: string; crmId: string | null; ticketIds: string[]; name?: string }[];
  accounts?: { id: string; accountName: string; crmId: string | null; ticketIds: string[] }[];
  /** `tickets/search` by accountId answers with the account's tickets (default: none, as a search that finds nothing). */
  searchByAccount?: boolean;
  /** Fail a path (e.g. '/api/v1/contacts/search') with this error body and status. */
  fail?: Record<string, [number, object]>;
  /** Answers a path (e.g. '/api/v1/contacts/9001/tickets') only once this settles. */
  hold?: Record<string, Promise<void>>;
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();
const tk = (id: string, email: string | undefined, n: number): FakeTicket => ({ id, email, createdTime: day(n), modifiedTime: day(n + 1) });
const asJson = ({ id, createdTime, modifiedTime }: FakeTicket, withModified: boolean) => ({
  id,
  ticketNumber: id.slice(-4),
  subject: `Ticket ${id}`,
  status: 'Open',
  statusType: 'Open',
  createdTime,
  ...(withModified ? { modifiedTime } : {}),
});

/** A small Desk: search (from/limit/count, 204 when empty), lists, accounts without CRM link in search. */
function fakeDesk(desk: FakeDesk) {
  const calls: URL[] = [];
  const reply = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
  /** Zoho's paging: `from` counts from `base` (1 on accounts/{id}/tickets); out of range → 422. */
  const page = <T>(items: T[], url: URL, search: boolean, map: (t: T) => unknown, base = 0, maxLimit = 100) => {
    const from = Number(url.searchParams.get('from') ?? base);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    if (from < base || limit < 1 || limit > maxLimit)
      return new Response(JSON.stringify({ errorCode: 'UNPROCESSABLE_ENTITY' }), { status: 422 });
    const slice = items.slice(from - base, from - base + limit);
    if (!slice.length) return new Response(null, { status: 204 });
    return reply(search ? { data: slice.map(map), count: String(items.length) } : { data: slice.map(map) });
  };
  const answer = (url: URL): Response => {
    calls.push(url);
    const path = url.pathname;
    const failure = desk.fail?.[path];
    if (failure) return new Response(JSON.stringify(failure[1]), { status: failure[0] });
    const emails = (url.searchParams.get('email') ?? '').split(',');
    const ticketsById = (ids: string[]) => desk.tickets.filter((t) => ids.includes(t.id));
    const accountId = url.searchParams.get('accountId');
    if (path === '/api/v1/tickets/search' && accountId) {
      const owned = desk.searchByAccount ? ticketsById(desk.accounts?.find((a) => a.id === accountId)?.ticketIds ?? []) : [];
      return page(
        [...owned].sort((a, b) => (a.modifiedTime! < b.modifiedTime! ? 1 : -1)),
        url,
        true,
        (t) => asJson(t, true),
      );
    }
    if (path === '/api/v1/tickets/search')
      return page(
        desk.tickets.filter((t) => t.email && emails.includes(t.email)),
        url,
        true,
        (t) => asJson(t, true),
      );
    if (path === '/api/v1/contacts/search') {
      const fullName = url.searchParams.get('fullName');
      const found = (desk.contacts ?? []).filter((c) => (fullName ? c.name === fullName : emails.includes(c.email)));
      return page(found, url, true, (c) => ({
        id: c.id,
        email: c.email,
        zohoCRMContact: c.crmId ? { id: c.crmId, type: 'contacts_leads' } : null,
        webUrl: `${DESK_PAGE}#Contacts/dv/${c.id}`,
      }));
    }
    if (path === '/api/v1/accounts/search') {
      const term = url.searchParams.get('accountName') ?? '';
      const prefix = term.endsWith('*') ? term.slice(0, -1).toLowerCase() : null;
      const found = (desk.accounts ?? []).filter((a) =>
        prefix ? a.accountName.toLowerCase().startsWith(prefix) : a.accountName.toLowerCase().includes(term.toLowerCase()),
      );
      return page(found, url, true, (a) => ({ id: a.id, accountName: a.accountName }));
    }
    const match = /^\/api\/v1\/(contacts|accounts)\/(\d+)(\/tickets)?$/.exec(path);
    const owner = match && (match[1] === 'contacts' ? desk.contacts : desk.accounts)?.find((o) => o.id === match[2]);
    if (owner && match[3])
      return match[1] === 'accounts'
        ? page(ticketsById(owner.ticketIds), url, false, (t) => asJson(t, false), 1, 99)
        : page(ticketsById(owner.ticketIds), url, false, (t) => asJson(t, false));
    if (owner && 'accountName' in owner)
      return reply({
        id: owner.id,
        accountName: owner.accountName,
        zohoCRMAccount: owner.crmId ? { id: owner.crmId } : null,
        webUrl: `${DESK_PAGE}#Accounts/dv/${owner.id}`,
      });
    return new Response(JSON.stringify({ errorCode: 'URL_NOT_FOUND', message: 'no' }), { status: 404 });
  };
  const fetch = async (input: RequestInfo | URL) => {
    const url = urlOf(input);
    await desk.hold?.[url.pathname];
    return answer(url);
  };
  const client = createDeskClient({
    dataCentre: 'com',
    token: 't',
    orgId: '1',
    fetch,
    limiter: passThrough,
    now: () => Date.UTC(2024, 6, 1),
  });
  const paths = () => calls.map((u) => u.pathname.replace('/api/v1', '') + u.search);
  return { client, calls, paths };
}

const ids = (result: { tickets: { id: string }[] }) => result.tickets.map((t) => t.id);

describe('the record’s own page in Desk (View all in Zoho Desk)', () => {
  it('is the Desk contact linked to the record, else the contact with the record’s primary email', async () => {
    const tickets = [tk('11', 'a@x.example', 1)];
    const linked = fakeDesk({
      tickets,
      contacts: [
        { id: '9001', email: 'a@x.example', crmId: null, ticketIds: [] },
        { id: '9002', email: 'b@y.example', crmId: CONTACT.recordId, ticketIds: [] },
      ],
    });
    expect((await findRecordTickets(linked.client, CONTACT, { emails: ['a@x.example', 'b@y.example'] })).deskUrl).toBe(
      `${DESK_PAGE}#Contacts/dv/9002`,
    );
    const unlinked = fakeDesk({ tickets, contacts: [{ id: '9003', email: 'a@x.example', crmId: null, ticketIds: [] }] });
    expect((await findRecordTickets(unlinked.client, LEAD, { emails: ['A@x.example'] })).deskUrl).toBe(`${DESK_PAGE}#Contacts/dv/9003`);
    expect((await findRecordTickets(fakeDesk({ tickets }).client, LEAD, { emails: ['a@x.example'] })).deskUrl).toBeNull();
  });

  it('is the Desk account of an account record', async () => {
    const desk = fakeDesk({
      tickets: [tk('41', undefined, 1)],
      accounts: [{ id: '8001', accountName: 'Globex', crmId: ACCOUNT.recordId, ticketIds: ['41'] }],
    });
    const found = await findRecordTickets(desk.client, ACCOUNT, { emails: [], name: 'Globex', accountName: 'Globex' });
    expect(found.deskUrl).toBe(`${DESK_PAGE}#Accounts/dv/8001`);
  });
});

describe('Leads and Contacts: by every email, plus linked Desk contacts', () => {
  it('searches all emails of a lead in one OR list, newest first', async () => {
    const desk = fakeDesk({ tickets: [tk('11', 'a@x.example', 1), tk('12', 'b@y.example', 5), tk('13', 'c@z.example', 9)] });
    const result = await findRecordTickets(desk.client, LEAD, { emails: ['A@x.example', 'b@y.example', 'a@X.example ', 'not-an-email'] });
    expect(ids(result)).toEqual(['12', '11']);
    expect(result.truncated).toBe(false);
    expect(desk.paths()).toContain('/tickets/search?email=a%40x.example,b%40y.example&sortBy=-modifiedTime&from=0&limit=100');
    expect(desk.paths()).toContain('/contacts/search?email=a%40x.example,b%40y.example&from=0&limit=100');
  });

  it('adds the tickets of the Desk contact linked to the CRM record, each ticket once', async () => {
    const desk = fakeDesk({
      tickets: [
        tk('21', 'dan@contoso.example', 1),
        tk('22', 'd@gmail.example', 2),
        tk('23', 'dan@contoso.example', 3),
        tk('24', 'old@contoso.example', 4),
        tk('25', 'x@other.example', 8),
      ],
      contacts: [
        { id: '9001', email: 'dan@contoso.example', crmId: CONTACT.recordId, ticketIds: ['23', '24'] },
        { id: '9002', email: 'd@gmail.example', crmId: OTHER_CRM_ID, ticketIds: ['25'] },
      ],
    });
    const result = await findRecordTickets(desk.client, CONTACT, { emails: ['dan@contoso.example', 'd@gmail.example'] });
    expect(ids(result)).toEqual(['24', '23', '22', '21']);
    // The merged copy of 23 keeps the search result's real modifiedTime.
    expect(result.tickets.find((t) => t.id === '23')?.modifiedTime).toBe(day(4));
    expect(desk.paths()).toContain('/contacts/9001/tickets?from=0&limit=99&sortBy=-modifiedTime');
    expect(desk.paths().some((p) => p.startsWith('/contacts/9002'))).toBe(false);
  });

  it('tells the email search’s tickets first while the linked contact’s are a round trip away', async () => {
    let release!: () => void;
    const desk = fakeDesk({
      tickets: [tk('21', 'dan@contoso.example', 1), tk('22', 'dan@contoso.example', 3), tk('24', 'old@contoso.example', 4)],
      contacts: [{ id: '9001', email: 'dan@contoso.example', crmId: CONTACT.recordId, ticketIds: ['22', '24'] }],
      hold: { '/api/v1/contacts/9001/tickets': new Promise<void>((resolve) => (release = resolve)) },
    });
    const told: { tickets: { id: string }[]; deskUrl: string | null }[] = [];
    const finding = findRecordTickets(desk.client, CONTACT, { emails: ['dan@contoso.example'] }, undefined, undefined, (rows) =>
      told.push(rows),
    );
    await vi.waitFor(() => expect(told).toHaveLength(1));
    // Newest first, with the linked contact's page, before the linked contact's tickets came.
    expect(ids(told[0]!)).toEqual(['22', '21']);
    expect(told[0]!.deskUrl).toBe(`${DESK_PAGE}#Contacts/dv/9001`);
    release();
    expect(ids(await finding)).toEqual(['24', '22', '21']);
    expect(told).toHaveLength(1);
  });

  it('tells no first rows when the email search’s are all of them, or come last', async () => {
    const told: unknown[] = [];
    const tell = (rows: unknown) => told.push(rows);
    const tickets = [tk('21', 'dan@contoso.example', 1), tk('24', 'old@contoso.example', 4)];
    // No Desk contact linked to the record: one round trip.
    const unlinked = fakeDesk({
      tickets,
      contacts: [{ id: '9002', email: 'dan@contoso.example', crmId: OTHER_CRM_ID, ticketIds: ['24'] }],
    });
    expect(ids(await findRecordTickets(unlinked.client, CONTACT, { emails: ['dan@contoso.example'] }, undefined, undefined, tell))).toEqual(
      ['21'],
    );
    // The linked contact's tickets came before the email search answered.
    let release!: () => void;
    const slowSearch = fakeDesk({
      tickets,
      contacts: [{ id: '9001', email: 'dan@contoso.example', crmId: CONTACT.recordId, ticketIds: ['24'] }],
      hold: { '/api/v1/tickets/search': new Promise<void>((resolve) => (release = resolve)) },
    });
    const finding = findRecordTickets(slowSearch.client, CONTACT, { emails: ['dan@contoso.example'] }, undefined, undefined, tell);
    await vi.waitFor(() => expect(slowSearch.paths()).toContain('/contacts/9001/tickets?from=0&limit=99&sortBy=-modifiedTime'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(ids(await finding)).toEqual(['24', '21']);
    expect(told).toEqual([]);
  });

  it('still shows the email matches when the key may not read contacts', async () => {
    const desk = fakeDesk({
      tickets: [tk('31', 'a@x.example', 1)],
      fail: { '/api/v1/contacts/search': [401, { errorCode: 'SCOPE_MISMATCH', message: 'scope' }] },
    });
    expect(ids(await findRecordTickets(desk.client, CONTACT, { emails: ['a@x.example'] }))).toEqual(['31']);
  });

  it('fails typed when the ticket search fails (nothing partial)', async () => {
    const desk = fakeDesk({ tickets: [], fail: { '/api/v1/tickets/search': [401, { errorCode: 'INVALID_OAUTH', message: 'bad' }] } });
    await expect(findRecordTickets(desk.client, LEAD, { emails: ['a@x.example'] })).rejects.toMatchObject({ code: 'INVALID_OAUTH' });
  });

  it('fetches every page up to Zoho’s window: 1,100 matches → the first 1,000 and truncated', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => tk(String(100000 + i), 'orders@bulkbuyer.example', i % 300));
    const desk = fakeDesk({ tickets: many });
    const result = await findRecordTickets(desk.client, LEAD, { emails: ['orders@bulkbuyer.example'] });
    expect(result.tickets).toHaveLength(1000);
    expect(result.truncated).toBe(true);
    const froms = desk.calls.filter((u) => u.pathname.endsWith('tickets/search')).map((u) => u.searchParams.get('from'));
    expect(froms).toEqual(['0', '100', '200', '300', '400', '500', '600', '700', '800', '900']);
  });

  it('stops at the first short page (204 included) and is not truncated below the window', async () => {
    const desk = fakeDesk({ tickets: Array.from({ length: 200 }, (_, i) => tk(String(5000 + i), 'a@x.example', i)) });
    const result = await findRecordTickets(desk.client, LEAD, { emails: ['a@x.example'] });
    expect(result.tickets).toHaveLength(200);
    expect(result.truncated).toBe(false);
    expect(desk.calls.filter((u) => u.pathname.endsWith('tickets/search')).map((u) => u.searchParams.get('from'))).toEqual([
      '0',
      '100',
      '200',
    ]);
  });

  it('exactly 1,000 matches fill the window without being truncated', async () => {
    const desk = fakeDesk({ tickets: Array.from({ length: 1000 }, (_, i) => tk(String(20000 + i), 'a@x.example', i % 300)) });
    const result = await findRecordTickets(desk.client, LEAD, { emails: ['a@x.example'] });
    expect(result.tickets).toHaveLength(1000);
    expect(result.truncated).toBe(false);
  });

  it('pages a linked contact’s tickets from 0, 99 at a time, `from` on every page', async () => {
    const list = Array.from({ length: 150 }, (_, i) => tk(String(7000 + i), undefined, i));
    const desk = fakeDesk({
      tickets: list,
      contacts: [{ id: '9001', email: 'a@x.example', crmId: CONTACT.recordId, ticketIds: list.map((t) => t.id) }],
    });
    const result = await findRecordTickets(desk.client, CONTACT, { emails: ['a@x.example'] });
    expect(result.tickets).toHaveLength(150);
    expect(desk.paths().filter((p) => p.startsWith('/contacts/9001/tickets'))).toEqual([
      '/contacts/9001/tickets?from=0&limit=99&sortBy=-modifiedTime',
      '/contacts/9001/tickets?from=99&limit=99&sortBy=-modifiedTime',
    ]);
  });
});

describe('Accounts: by name, confirmed by the CRM link', () => {
  const globex = (crmA: string | null, crmB: string | null) =>
    fakeDesk({
      tickets: [tk('41', undefined, 1), tk('42', undefined, 2), tk('51', undefined, 3)],
      accounts: [
        { id: '8001', accountName: 'Globex Corporation', crmId: crmA, ticketIds: ['41', '42'] },
        { id: '8002', accountName: 'Globex Corporation Asia', crmId: crmB, ticketIds: ['51'] },
      ],
    });
  const identity: Identity = { emails: [], name: 'Globex Corporation', accountName: 'Globex Corporation' };

  it('takes the search hit whose zohoCRMAccount.id is the record', async () => {
    const desk = globex(ACCOUNT.recordId, null);
    expect(ids(await findRecordTickets(desk.client, ACCOUNT, identity))).toEqual(['42', '41']);
    expect(desk.paths()[0]).toBe('/accounts/search?accountName=Globex%20Corporation&from=0&limit=25');
    expect(desk.paths()).toContain('/accounts/8001/tickets?include=contacts&from=1&limit=99&sortBy=-modifiedTime');
  });

  it('takes last-change times the account’s list lacks from one search by account id, newest change first', async () => {
    const desk = fakeDesk({
      searchByAccount: true,
      tickets: [tk('41', undefined, 1), tk('42', undefined, 5)],
      accounts: [{ id: '8001', accountName: 'Globex Corporation', crmId: ACCOUNT.recordId, ticketIds: ['41', '42'] }],
    });
    const found = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(found.tickets.map((t) => [t.id, t.timeKind, t.modifiedTime])).toEqual([
      ['42', 'modified', day(6)],
      ['41', 'modified', day(2)],
    ]);
    expect(desk.paths()).toContain('/tickets/search?accountId=8001&sortBy=-modifiedTime&from=0&limit=100');
    expect(desk.paths().filter((p) => p.startsWith('/tickets/search'))).toHaveLength(1);
  });

  it('keeps the list’s tickets, labelled with their creation time, when the search may not be read', async () => {
    const desk = fakeDesk({
      searchByAccount: true,
      tickets: [tk('41', undefined, 1)],
      accounts: [{ id: '8001', accountName: 'Globex Corporation', crmId: ACCOUNT.recordId, ticketIds: ['41'] }],
      fail: { '/api/v1/tickets/search': [403, { errorCode: 'SCOPE_MISMATCH', message: 'no' }] },
    });
    const found = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(found.tickets.map((t) => [t.id, t.timeKind])).toEqual([['41', 'created']]);
  });

  it('pages an account’s 250 tickets from 1, 99 at a time, to the end Zoho reports', async () => {
    const list = Array.from({ length: 250 }, (_, i) => tk(String(70000 + i), undefined, i));
    const desk = fakeDesk({
      tickets: list,
      accounts: [{ id: '8001', accountName: 'Globex Corporation', crmId: ACCOUNT.recordId, ticketIds: list.map((t) => t.id) }],
    });
    const result = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(result.tickets).toHaveLength(250);
    expect(new Set(ids(result)).size).toBe(250);
    expect(result.truncated).toBe(false);
    expect(desk.paths().filter((p) => p.startsWith('/accounts/8001/tickets'))).toEqual([
      '/accounts/8001/tickets?include=contacts&from=1&limit=99&sortBy=-modifiedTime',
      '/accounts/8001/tickets?include=contacts&from=100&limit=99&sortBy=-modifiedTime',
      '/accounts/8001/tickets?include=contacts&from=199&limit=99&sortBy=-modifiedTime',
    ]);
  });

  it('marks an account list of exactly 1,000 tickets cut: Zoho never said it ended', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => tk(String(80000 + i), undefined, i % 300));
    const desk = fakeDesk({
      tickets: list,
      accounts: [{ id: '8001', accountName: 'Globex Corporation', crmId: ACCOUNT.recordId, ticketIds: list.map((t) => t.id) }],
    });
    const result = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(result.tickets).toHaveLength(1000);
    expect(result.truncated).toBe(true);
    const calls = desk.calls.filter((u) => u.pathname.endsWith('/8001/tickets'));
    expect(calls.map((u) => [u.searchParams.get('from'), u.searchParams.get('limit')]).at(-1)).toEqual(['991', '10']);
  });

  it('follows the CRM link over the name', async () => {
    const desk = globex(OTHER_CRM_ID, ACCOUNT.recordId);
    expect(ids(await findRecordTickets(desk.client, ACCOUNT, identity))).toEqual(['51']);
  });

  it('takes the one unlinked hit with exactly the record’s name', async () => {
    expect(ids(await findRecordTickets(globex(null, null).client, ACCOUNT, identity))).toEqual(['42', '41']);
  });

  it('shows nothing rather than another record’s tickets', async () => {
    const desk = globex(OTHER_CRM_ID, null);
    const result = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(result).toMatchObject({ tickets: [], deskUrl: null });
    // Only the exact-name hit's tickets were asked for, while its link was checked; none are shown.
    expect(desk.paths().filter((p) => p.includes('/tickets'))).toEqual([
      '/accounts/8001/tickets?include=contacts&from=1&limit=99&sortBy=-modifiedTime',
      '/tickets/search?accountId=8001&sortBy=-modifiedTime&from=0&limit=100',
    ]);
  });

  it('asks for the exact-name hit’s tickets while its link is checked, and uses them when it is the one', async () => {
    const desk = globex(ACCOUNT.recordId, null);
    expect(ids(await findRecordTickets(desk.client, ACCOUNT, identity))).toEqual(['42', '41']);
    const paths = desk.paths();
    expect(paths.indexOf('/accounts/8001/tickets?include=contacts&from=1&limit=99&sortBy=-modifiedTime')).toBeLessThan(
      paths.indexOf('/accounts/8001'),
    );
    // Nothing asked twice: the guess's answer is the answer.
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('drops the exact-name hit’s tickets when the check picks another account', async () => {
    const desk = fakeDesk({
      tickets: [tk('41', undefined, 1), tk('51', undefined, 3)],
      accounts: [
        { id: '8001', accountName: 'Globex Corporation', crmId: OTHER_CRM_ID, ticketIds: ['41'] },
        { id: '8003', accountName: 'GLOBEX Corporation', crmId: ACCOUNT.recordId, ticketIds: ['51'] },
      ],
    });
    const result = await findRecordTickets(desk.client, ACCOUNT, identity);
    expect(ids(result)).toEqual(['51']);
    expect(result.deskUrl).toBe(`${DESK_PAGE}#Accounts/dv/8003`);
    expect(desk.paths()).toContain('/accounts/8001/tickets?include=contacts&from=1&limit=99&sortBy=-modifiedTime');
  });

  it('searches a name with a comma by its head and a wildcard, then matches exactly', async () => {
    const desk = fakeDesk({
      tickets: [tk('61', undefined, 1)],
      accounts: [
        { id: '8101', accountName: 'Acme, Inc.', crmId: null, ticketIds: ['61'] },
        { id: '8102', accountName: 'Acme Holdings', crmId: null, ticketIds: [] },
      ],
    });
    expect(ids(await findRecordTickets(desk.client, ACCOUNT, { emails: [], accountName: 'Acme, Inc.' }))).toEqual(['61']);
    expect(desk.paths()[0]).toBe('/accounts/search?accountName=Acme*&from=0&limit=25');
  });
});

describe('Leads and Contacts without a readable email: by CRM link', () => {
  const namesakes = () =>
    fakeDesk({
      tickets: [tk('71', 'tomasz.w@fabrikam.example', 1), tk('72', 'other@x.example', 3), tk('73', 'tomasz@namesake.example', 2)],
      contacts: [
        { id: '7', email: 'tomasz.w@fabrikam.example', crmId: CONTACT.recordId, ticketIds: ['71', '72'], name: 'Tomasz Wierzbicki' },
        { id: '8', email: 'tomasz@namesake.example', crmId: null, ticketIds: ['73'], name: 'Tomasz Wierzbicki' },
        { id: '9', email: 'tw@elsewhere.example', crmId: OTHER_CRM_ID, ticketIds: ['73'], name: 'Tomasz Wierzbicki' },
      ],
    });

  it('searches Desk contacts by the record’s name and keeps only those linked to the record', async () => {
    const desk = namesakes();
    const result = await findRecordTickets(desk.client, CONTACT, { emails: [], name: ' Tomasz   Wierzbicki ' });
    expect(ids(result)).toEqual(['72', '71']);
    expect(result.deskUrl).toBe(`${DESK_PAGE}#Contacts/dv/7`);
    expect(desk.paths()[0]).toBe('/contacts/search?fullName=Tomasz%20Wierzbicki&from=0&limit=100');
    // No ticket search by email: there is none to search.
    expect(desk.paths().some((p) => p.startsWith('/tickets/search'))).toBe(false);
  });

  it('does the same for a masked email (the mask is never searched)', async () => {
    const desk = namesakes();
    const result = await findRecordTickets(desk.client, CONTACT, { emails: [], name: 'Tomasz Wierzbicki', emailMasked: true });
    expect(ids(result)).toEqual(['72', '71']);
    expect(desk.paths().join()).not.toContain('*');
  });

  it('shows nothing when no Desk contact of that name is linked to the record', async () => {
    const desk = namesakes();
    const result = await findRecordTickets(
      desk.client,
      { ...CONTACT, recordId: '5293322000004999999' },
      { emails: [], name: 'Tomasz Wierzbicki' },
    );
    expect(result).toMatchObject({ tickets: [], deskUrl: null });
    expect(desk.calls).toHaveLength(1);
  });

  it('keeps the email search when there is an email: the name is not searched', async () => {
    const desk = namesakes();
    await findRecordTickets(desk.client, CONTACT, { emails: ['tomasz.w@fabrikam.example'], name: 'Tomasz Wierzbicki' });
    expect(desk.paths().some((p) => p.includes('fullName'))).toBe(false);
  });

  it('fingerprints the name, apart from emails and from nothing', () => {
    const byName = identityFingerprint(CONTACT, { emails: [], name: 'Tomasz Wierzbicki' });
    expect(byName).toMatch(/^link:/);
    expect(identityFingerprint(CONTACT, { emails: [], name: 'tomasz  wierzbicki' })).toBe(byName);
    expect(identityFingerprint(CONTACT, { emails: [], name: 'Grace Obi' })).not.toBe(byName);
    expect(identityFingerprint(CONTACT, { emails: ['a@x.example'], name: 'Tomasz Wierzbicki' })).toMatch(/^emails:/);
  });
});

describe('Deals: the contact’s and the account’s tickets, each saying whose', () => {
  const DEAL: RecordRef = { ...LEAD, module: 'Deals', recordId: '5293322000005200001' };
  const contact = { id: CONTACT.recordId, name: 'Tomasz Wierzbicki' };
  const account = { id: ACCOUNT.recordId, name: 'Fabrikam Inc' };
  const deskOf = () =>
    fakeDesk({
      tickets: [
        tk('81', 'tomasz.w@fabrikam.example', 1),
        tk('82', 'tomasz.w@fabrikam.example', 4),
        tk('83', 'g@fabrikam.example', 2),
        tk('84', 'g@fabrikam.example', 3),
      ],
      contacts: [
        { id: '7', email: 'tomasz.w@fabrikam.example', crmId: contact.id, ticketIds: ['81', '82'], name: contact.name },
        { id: '8', email: 'tomasz@namesake.example', crmId: null, ticketIds: ['84'], name: contact.name },
      ],
      accounts: [
        { id: '60', accountName: 'Fabrikam Inc', crmId: account.id, ticketIds: ['81', '83', '84'] },
        { id: '61', accountName: 'Fabrikam Inc Asia', crmId: OTHER_CRM_ID, ticketIds: ['85'] },
      ],
    });

  it('merges both without duplicates, newest first; a ticket of both is the contact’s', async () => {
    const desk = deskOf();
    const result = await findRecordTickets(desk.client, DEAL, { emails: [], name: 'Expansion', lookups: { contact, account } });
    expect(result.tickets.map((t) => [t.id, t.whose])).toEqual([
      ['82', { kind: 'contact', name: 'Tomasz Wierzbicki' }],
      ['84', { kind: 'account' }],
      ['83', { kind: 'account' }],
      ['81', { kind: 'contact', name: 'Tomasz Wierzbicki' }],
    ]);
    expect(result.deskUrl).toBe(`${DESK_PAGE}#Contacts/dv/7`);
  });

  it('shows the account’s alone when the deal has no contact, and the contact’s alone without an account', async () => {
    const onlyAccount = await findRecordTickets(deskOf().client, DEAL, { emails: [], lookups: { account } });
    expect(onlyAccount.tickets.map((t) => t.whose?.kind)).toEqual(['account', 'account', 'account']);
    expect(onlyAccount.deskUrl).toBe(`${DESK_PAGE}#Accounts/dv/60`);
    const onlyContact = await findRecordTickets(deskOf().client, DEAL, { emails: [], lookups: { contact } });
    expect(ids(onlyContact)).toEqual(['82', '81']);
  });

  it('fingerprints the lookups: another contact, account or contact name is another answer', () => {
    const base = identityFingerprint(DEAL, { emails: [], lookups: { contact, account } });
    expect(base).toMatch(/^deal:/);
    expect(identityFingerprint(DEAL, { emails: [], lookups: { contact: { ...contact, name: 'T. W.' }, account } })).not.toBe(base);
    expect(identityFingerprint(DEAL, { emails: [], lookups: { contact } })).not.toBe(base);
    expect(identityFingerprint(DEAL, { emails: [] })).toBe('none');
  });
});

describe('without identity', () => {
  it.each([
    [LEAD, { emails: [] }],
    [CONTACT, { emails: ['not an email'] }],
    [CONTACT, { emails: [], name: '***' }],
    [
      { ...LEAD, module: 'Deals' },
      { emails: [], name: 'A deal without lookups' },
    ],
    [ACCOUNT, { emails: [] }],
    [ACCOUNT, { emails: [], accountName: 'HP' }],
  ] as [RecordRef, Identity][])('%# makes no call and finds nothing', async (record, identity) => {
    const desk = fakeDesk({ tickets: [tk('1', 'a@x.example', 1)] });
    expect(await findRecordTickets(desk.client, record, identity)).toMatchObject({ tickets: [], truncated: false });
    expect(desk.calls).toHaveLength(0);
  });
});

describe('abort', () => {
  it('stops with ABORTED', async () => {
    const desk = fakeDesk({ tickets: [tk('1', 'a@x.example', 1)] });
    const controller = new AbortController();
    controller.abort();
    const error = await findRecordTickets(desk.client, LEAD, { emails: ['a@x.example'] }, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskLinkError);
    expect((error as DeskLinkError).code).toBe('ABORTED');
  });
});

describe('identity helpers', () => {
  it('fingerprints the set of emails, not their order or case; a changed email changes it', () => {
    const a = identityFingerprint(LEAD, { emails: ['a@x.example', 'B@y.example'] });
    expect(identityFingerprint(LEAD, { emails: ['b@y.example', ' A@X.example'] })).toBe(a);
    expect(identityFingerprint(LEAD, { emails: ['a@x.example', 'c@y.example'] })).not.toBe(a);
    expect(identityFingerprint(LEAD, { emails: [] })).toBe('none');
    const account = identityFingerprint(ACCOUNT, { emails: [], accountName: 'Globex Corporation' });
    expect(identityFingerprint(ACCOUNT, { emails: [], accountName: 'globex  corporation' })).toBe(account);
    expect(identityFingerprint(ACCOUNT, { emails: [], accountName: 'Globex Corp' })).not.toBe(account);
  });

  it('keeps at most 30 distinct emails', () => {
    const emails = Array.from({ length: 40 }, (_, i) => `u${i}@x.example`);
    expect(searchableEmails([...emails, ...emails])).toHaveLength(30);
  });

  it('turns account names into valid search values', () => {
    expect(accountSearchTerm('Globex Corporation')).toBe('Globex Corporation');
    expect(accountSearchTerm('Acme, Inc.')).toBe('Acme*');
    expect(accountSearchTerm('AB, Widgets Ltd')).toBe('Widgets Ltd');
    expect(accountSearchTerm('HP')).toBeUndefined();
  });
});

describe('a Desk contact or account found for one record serves another', () => {
  const email = 'dan@contoso.example';
  // The lead was converted: Desk's contact is linked to the new CRM contact.
  const converted = () =>
    fakeDesk({
      tickets: [tk('21', email, 1), tk('23', undefined, 3)],
      contacts: [{ id: '9001', email, crmId: CONTACT.recordId, ticketIds: ['23'] }],
      accounts: [{ id: '60', accountName: 'Fabrikam Inc', crmId: ACCOUNT.recordId, ticketIds: ['23'] }],
    });
  const clock = () => {
    const state = { at: 1_700_000_000_000 };
    const lookups = createDeskLookupCache(
      () => state.at,
      () => 0,
    ).forPortal('1');
    /** The kept search has landed; then the clock moves. */
    const later = async (ms: number) => {
      await new Promise((r) => setTimeout(r, 0));
      state.at += ms;
    };
    return { lookups, later };
  };
  const contactSearches = (desk: ReturnType<typeof fakeDesk>) => desk.paths().filter((p) => p.startsWith('/contacts/search'));

  it('a converted lead’s contact takes the lead’s contact search, and shows its own linked contact’s tickets', async () => {
    const desk = converted();
    const { lookups, later } = clock();
    expect(ids(await findRecordTickets(desk.client, LEAD, { emails: [email] }, undefined, lookups))).toEqual(['21']);
    await later(60_000);
    const contact = await findRecordTickets(desk.client, CONTACT, { emails: [email] }, undefined, lookups);
    expect(ids(contact)).toEqual(['23', '21']);
    expect(contact.deskUrl).toBe(`${DESK_PAGE}#Contacts/dv/9001`);
    expect(contactSearches(desk)).toHaveLength(1);
    // Each record's tickets are still its own fetch.
    expect(desk.paths().filter((p) => p.startsWith('/tickets/search'))).toHaveLength(2);
  });

  it('searches again once the first search is five minutes old', async () => {
    const desk = converted();
    const { lookups, later } = clock();
    await findRecordTickets(desk.client, LEAD, { emails: [email] }, undefined, lookups);
    await later(5 * 60_000);
    await findRecordTickets(desk.client, CONTACT, { emails: [email] }, undefined, lookups);
    expect(contactSearches(desk)).toHaveLength(2);
  });

  it('a deal’s account is the account record’s: found once', async () => {
    const desk = converted();
    const { lookups, later } = clock();
    const deal: RecordRef = { ...LEAD, module: 'Deals', recordId: '5293322000005200001' };
    const lookupsOfDeal = { account: { id: ACCOUNT.recordId, name: 'Fabrikam Inc' } };
    await findRecordTickets(desk.client, deal, { emails: [], lookups: lookupsOfDeal }, undefined, lookups);
    await later(1000);
    const account = await findRecordTickets(desk.client, ACCOUNT, { emails: [], accountName: 'Fabrikam Inc' }, undefined, lookups);
    expect(ids(account)).toEqual(['23']);
    expect(desk.paths().filter((p) => p.startsWith('/accounts/search') || p === '/accounts/60')).toEqual([
      '/accounts/search?accountName=Fabrikam%20Inc&from=0&limit=25',
      '/accounts/60',
    ]);
  });

  it('New ticket’s form on a record just shown asks Desk nothing more about whom: the person’s contacts, the account', async () => {
    const desk = converted();
    const { lookups, later } = clock();
    await findRecordTickets(desk.client, CONTACT, { emails: [email] }, undefined, lookups);
    await later(1000);
    const before = desk.paths().length;
    // The linked Desk contact is named by its id, as a search of its own would name it.
    expect(await personCustomers(desk.client, CONTACT, { emails: [email], name: 'Dan Park' }, lookups)).toEqual([
      { contactId: '9001', name: 'Dan Park', email },
    ]);
    expect(desk.paths().slice(before)).toEqual([]);

    await findRecordTickets(desk.client, ACCOUNT, { emails: [], accountName: 'Fabrikam Inc' }, undefined, lookups);
    await later(1000);
    const afterAccount = desk.paths().length;
    const people = await accountPeople(desk.client, ACCOUNT, { emails: [], accountName: 'Fabrikam Inc' }, lookups);
    expect(people.accountId).toBe('60');
    // Only the account's contacts are searched: the account is the one its tickets were found under.
    expect(
      desk
        .paths()
        .slice(afterAccount)
        .map((p) => p.split('?')[0]),
    ).toEqual(['/contacts/search']);
  });

  it('New ticket’s form searches for itself once the record’s lookup is stale', async () => {
    const desk = converted();
    const { lookups, later } = clock();
    await findRecordTickets(desk.client, CONTACT, { emails: [email] }, undefined, lookups);
    await later(5 * 60_000);
    await personCustomers(desk.client, CONTACT, { emails: [email], name: 'Dan Park' }, lookups);
    expect(contactSearches(desk)).toHaveLength(2);
  });
});
