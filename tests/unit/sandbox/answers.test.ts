// @vitest-environment node
// Hundreds of sandbox answers, over every endpoint DeskLink uses, checked against the contract
// table's shapes: keys, nullability, types, include-only keys, envelopes, credit headers. The
// answers vary with the run's seed (printed by the sandbox); a failure names the seed to replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskGet } from '../../sandbox/client';
import { contractById } from '../../sandbox/contract/index';
import { getDataset, listCrmRecords } from '../../sandbox/data';
import { KEYS, PORTALS, startSandbox, type Sandbox } from '../../sandbox/index';
import { checkAnswer } from '../support/contract-check';

/** Filler tickets beside the fixtures: enough records for a sample of several hundred answers. */
const SIZE = 600;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, size: SIZE });
});
afterAll(() => sandbox.close());

interface Checked {
  endpoint: string;
  problems: string[];
}

const INCLUDE_SETS: Record<string, string[][]> = {
  contactTickets: [[], ['assignee'], ['products', 'departments', 'team', 'assignee', 'isRead']],
  accountTickets: [[], ['assignee', 'contacts'], ['contacts', 'products', 'departments', 'team', 'assignee', 'isRead']],
  getTicket: [[], ['contacts', 'assignee', 'departments'], ['contacts', 'products', 'departments', 'team', 'assignee', 'isRead']],
  getAccount: [[], ['owner']],
};

async function call(endpoint: string, path: string, orgId: string | undefined, include: string[] = []): Promise<Checked> {
  const row = contractById(endpoint)!;
  const full = include.length ? `${path}${path.includes('?') ? '&' : '?'}include=${include.join(',')}` : path;
  const res = await deskGet(sandbox.port, full, { token: KEYS.admin, ...(orgId ? { orgId } : {}) });
  const problems = checkAnswer(row, res.status, res.body, { include: new Set(include), epochDates: orgId === PORTALS.B.id });
  if (res.status === 200 && orgId) {
    if (!/^\d+$/.test(String(res.headers['x-rate-limit-remaining-v3']))) problems.push(`${full}: no X-Rate-Limit-Remaining-v3`);
    if (!/^\d+$/.test(String(res.headers['x-rate-limit-request-weight-v3']))) problems.push(`${full}: no X-Rate-Limit-Request-Weight-v3`);
  }
  return { endpoint, problems: problems.map((p) => `${full}: ${p}`) };
}

describe('sandbox answers against the contract table', () => {
  it('every answer of a large sample has the documented shape', { timeout: 120_000 }, async () => {
    const results: Checked[] = [];
    const dataset = getDataset(SIZE);
    for (const portal of [PORTALS.A.id, PORTALS.B.id]) {
      results.push(await call('myInfo', '/api/v1/myinfo', portal));
      results.push(await call('departments', '/api/v1/departments', portal));
      results.push(await call('myDepartments', '/api/v1/myDepartments', portal));
      results.push(await call('fields', '/api/v1/fields?module=tickets&apiNames=priority,status', portal));
      results.push(await call('organizationFields', '/api/v1/organizationFields?module=tickets', portal));
    }
    results.push(await call('organizations', '/api/v1/organizations', undefined));

    let round = 0;
    for (const record of listCrmRecords(SIZE)) {
      const portals = [PORTALS.A.id, ...(record.expectedTickets.B ? [PORTALS.B.id] : [])];
      for (const orgId of portals) {
        round += 1;
        const pick = <T>(list: T[]) => list[round % list.length]!;
        if (record.module === 'Accounts') {
          const name = encodeURIComponent(record.accountName ?? record.name);
          const search = await deskGet(sandbox.port, `/api/v1/accounts/search?accountName=${name}`, { token: KEYS.admin, orgId });
          results.push(await call('accountSearch', `/api/v1/accounts/search?accountName=${name}`, orgId));
          for (const account of search.json?.data ?? []) {
            results.push(await call('getAccount', `/api/v1/accounts/${account.id}`, orgId, pick(INCLUDE_SETS.getAccount!)));
            results.push(
              await call(
                'accountTickets',
                `/api/v1/accounts/${account.id}/tickets?from=1&limit=99`,
                orgId,
                pick(INCLUDE_SETS.accountTickets!),
              ),
            );
            results.push(await call('accountStatistics', `/api/v1/accounts/${account.id}/statistics`, orgId));
          }
          continue;
        }
        for (const email of record.emails) {
          const tickets = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${email}&limit=100`, { token: KEYS.admin, orgId });
          results.push(await call('ticketSearch', `/api/v1/tickets/search?email=${email}&limit=100`, orgId));
          results.push(await call('contactSearch', `/api/v1/contacts/search?email=${email}`, orgId));
          const contacts = await deskGet(sandbox.port, `/api/v1/contacts/search?email=${email}`, { token: KEYS.admin, orgId });
          for (const contact of contacts.json?.data ?? []) {
            results.push(
              await call(
                'contactTickets',
                `/api/v1/contacts/${contact.id}/tickets?from=0&limit=100`,
                orgId,
                pick(INCLUDE_SETS.contactTickets!),
              ),
            );
            results.push(await call('contactStatistics', `/api/v1/contacts/${contact.id}/statistics`, orgId));
          }
          for (const ticket of (tickets.json?.data ?? []).slice(0, 12)) {
            results.push(await call('getTicket', `/api/v1/tickets/${ticket.id}`, orgId, pick(INCLUDE_SETS.getTicket!)));
            results.push(await call('latestThread', `/api/v1/tickets/${ticket.id}/latestThread`, orgId));
          }
        }
      }
    }

    const endpoints = new Set(results.map((r) => r.endpoint));
    const problems = results.flatMap((r) => r.problems);
    expect(results.length, `${results.length} answers`).toBeGreaterThan(300);
    expect([...endpoints].sort()).toEqual(
      [
        'accountSearch',
        'accountStatistics',
        'accountTickets',
        'contactSearch',
        'contactStatistics',
        'contactTickets',
        'departments',
        'fields',
        'getAccount',
        'getTicket',
        'latestThread',
        'myDepartments',
        'myInfo',
        'organizationFields',
        'organizations',
        'ticketSearch',
      ].sort(),
    );
    expect(problems.slice(0, 20), `seed ${sandbox.seed}`).toEqual([]);
    expect(dataset.portals.A.tickets.length).toBeGreaterThan(0);
  });

  it('the check itself refuses an answer of another shape', async () => {
    const lead = listCrmRecords(SIZE).find((r) => r.fixture && r.module === 'Leads')!;
    const res = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${lead.emails[0]}`, { token: KEYS.admin, orgId: PORTALS.A.id });
    const asList = {
      ...contractById('accountTickets')!,
      response: { ...contractById('accountTickets')!.response, envelope: 'search' as const },
    };
    const problems = checkAnswer(asList, res.status, res.body, { include: new Set(), epochDates: false });
    expect(problems.some((p) => p.endsWith('.modifiedTime: not a key of getTicketsByAccountListObject'))).toBe(true);
    expect(
      checkAnswer(contractById('ticketSearch')!, 200, JSON.stringify({ data: [{ id: 5 }], count: 1 }), {
        include: new Set(),
        epochDates: false,
      }),
    ).toContain('ticketSearch.data[0].subject: required key missing');
  });

  it('answers the same record the same way within a run, other legal ways under another seed', async () => {
    const other = await startSandbox({ quiet: true, size: SIZE, seed: sandbox.seed + 1 });
    try {
      const filler = listCrmRecords(SIZE).find((r) => !r.fixture && r.emails.length && r.expectedTickets.A > 2)!;
      const path = `/api/v1/tickets/search?email=${filler.emails[0]}&limit=100`;
      const first = await deskGet(sandbox.port, path, { token: KEYS.admin, orgId: PORTALS.A.id });
      const again = await deskGet(sandbox.port, path, { token: KEYS.admin, orgId: PORTALS.A.id });
      const elsewhere = await deskGet(other.port, path, { token: KEYS.admin, orgId: PORTALS.A.id });
      expect(again.body).toBe(first.body);
      expect(elsewhere.body).not.toBe(first.body);
      expect(elsewhere.json.data.map((t: { id: string }) => t.id)).toEqual(first.json.data.map((t: { id: string }) => t.id));
    } finally {
      await other.close();
    }
  });
});
