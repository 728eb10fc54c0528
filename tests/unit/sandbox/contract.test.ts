// @vitest-environment node
// The contract table's own test: every row and shape cites a Zoho file and commit, every endpoint
// DeskLink's client can call has a row, and where the files disagree the row holds the stricter reading.
import { describe, expect, it } from 'vitest';
import { createDeskClient } from '../../../lib/background/desk/client';
import { contractById, crmGetRecord, DESK_CONTRACT, ERROR_SOURCE, matchEndpoint, type Shape } from '../../sandbox/contract/index';
import { CRM_COMMIT, DESK_COMMITS, type SpecSource } from '../../sandbox/contract/sources';

const KNOWN_COMMITS = new Set<string>([...Object.values(DESK_COMMITS), CRM_COMMIT]);

function cites(source: SpecSource | undefined, what: string): void {
  expect(source, what).toBeDefined();
  expect(source!.repo, what).toMatch(/^zoho\/(zohodesk-oas|crm-oas)$/);
  expect(source!.file, what).toMatch(source!.repo === 'zoho/crm-oas' ? /^v8\.0\/.+\.json$/ : /^v1\.0\/.+\.json$/);
  expect(source!.commit, what).toMatch(/^[0-9a-f]{40}$/);
  expect(KNOWN_COMMITS.has(source!.commit), `${what}: ${source!.commit} is a stored version`).toBe(true);
  expect(source!.at.length, what).toBeGreaterThan(0);
}

function shapesOf(shape: Shape, seen = new Set<Shape>()): Shape[] {
  if (seen.has(shape)) return [];
  seen.add(shape);
  const nested = Object.values(shape.fields).flatMap((field) =>
    [field.shape, field.items?.shape, field.values?.shape].filter((s): s is Shape => !!s),
  );
  return [shape, ...nested.flatMap((s) => shapesOf(s, seen))];
}

describe('the contract table', () => {
  it.each(DESK_CONTRACT.map((row) => [row.id, row] as const))(
    '%s cites its file and commit, down to every shape and reading',
    (_id, row) => {
      cites(row.source, row.id);
      for (const reading of [...(row.otherReadings ?? []), ...(row.scopeReadings ?? [])])
        cites(reading.source, `${row.id}: ${reading.says}`);
      for (const [name, param] of Object.entries(row.query)) {
        if (param.source) cites(param.source, `${row.id}?${name}`);
        for (const reading of param.otherReadings ?? []) cites(reading.source, `${row.id}?${name}: ${reading.says}`);
      }
      for (const shape of [...shapesOf(row.response.item), ...(row.body ? shapesOf(row.body) : [])])
        cites(shape.source, `${row.id} ${shape.name}`);
    },
  );

  it('cites the error catalogue and the CRM record file', () => {
    cites(ERROR_SOURCE, 'errors');
    cites(crmGetRecord.source, 'crm');
  });

  it('has a row for every endpoint the client can call, and one row per method and path', async () => {
    // Every method of DeskLink's Desk client, called once: each request it makes names its row.
    const requests: { method: string; path: string }[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push({ method: init?.method ?? 'GET', path: url.pathname });
      return Promise.resolve(new Response(null, { status: 204 }));
    };
    const client = createDeskClient({ dataCentre: 'com', token: 't', orgId: '1', fetch });
    const methods = Object.entries(client).filter(([name, value]) => typeof value === 'function' && name !== 'now');
    expect(methods.length).toBeGreaterThan(5);
    for (const [name, method] of methods) {
      const call = method as (...args: unknown[]) => Promise<unknown>;
      // By id, with search values, or with nothing: the first way that makes a request.
      for (const args of [['1892000000000000001'], [{ email: ['a@b.example'], accountName: 'Acme' }], []]) {
        requests.length = 0;
        await call(...args).catch(() => undefined);
        if (requests.length) break;
      }
      expect(requests, name).toHaveLength(1);
      const row = matchEndpoint(requests[0]!.method, requests[0]!.path)?.row;
      expect(row, `${name}: ${requests[0]!.method} ${requests[0]!.path}`).toBeDefined();
    }
    const keys = DESK_CONTRACT.map((row) => `${row.method} ${row.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(DESK_CONTRACT.map((row) => row.id)).size).toBe(DESK_CONTRACT.length);
  });

  it('declares scopes for every row and the orgId header for all but /organizations', () => {
    for (const row of DESK_CONTRACT) {
      expect(row.scopes.length, row.id).toBeGreaterThan(0);
      for (const scope of row.scopes) expect(scope, row.id).toMatch(/^Desk\.[a-z]+\.(READ|CREATE|UPDATE|DELETE|ALL)$/);
      expect(row.orgId, row.id).toBe(row.id !== 'organizations');
    }
    expect(contractById('ticketSearch')!.scopes).toEqual(['Desk.tickets.READ', 'Desk.search.READ']);
    expect(contractById('myInfo')!.scopes).toContain('Desk.settings.READ');
    expect(contractById('organizations')!.scopes).toContain('Desk.settings.READ');
  });

  it('gives every paged endpoint the base of its from', () => {
    for (const row of DESK_CONTRACT) if (row.query.from) expect(row.fromBase, row.id).toBeDefined();
    expect(contractById('ticketSearch')!.fromBase).toBe(0);
    expect(contractById('contactTickets')!.fromBase).toBe(0);
    expect(contractById('accountTickets')!.fromBase).toBe(1);
  });

  it('takes the stricter reading where the versions disagree, and keeps the other', () => {
    const accountTickets = contractById('accountTickets')!;
    expect(accountTickets.query.from).toMatchObject({ min: 1, default: 1 });
    expect(accountTickets.query.limit).toMatchObject({ min: 1, max: 99 });
    expect(accountTickets.query.limit!.otherReadings![0]!.says).toContain('1–100');
    const search = contractById('ticketSearch')!;
    expect(search.query.from).toMatchObject({ min: 0, max: 999 });
    expect(search.query.limit).toMatchObject({ min: 1, max: 100 });
    expect(search.query.accountName).toMatchObject({ minLength: 3, maxLength: 200 });
  });

  it('shapes the two ticket lists apart from the search: no modifiedTime, assignee with email on request', () => {
    const search = contractById('ticketSearch')!.response.item;
    const list = contractById('accountTickets')!.response.item;
    expect(search.fields.modifiedTime).toBeDefined();
    expect(list.fields.modifiedTime).toBeUndefined();
    expect(search.fields.accountName).toBeUndefined();
    expect(search.fields.assignee!.shape!.fields.emailId).toBeDefined();
    expect(list.fields.assignee!.presence).toEqual({ include: 'assignee' });
    expect(list.fields.assignee!.shape!.fields.email).toBeDefined();
    expect(
      Object.values(search.fields)
        .filter((f) => f.presence === 'required')
        .every((f) => f.types.includes('null')),
    ).toBe(true);
  });

  it('finds the row of a request path, telling the ticket search from a ticket id', () => {
    expect(matchEndpoint('GET', '/api/v1/tickets/search')?.row.id).toBe('ticketSearch');
    expect(matchEndpoint('GET', '/api/v1/tickets/1892000000100000001')).toMatchObject({
      row: { id: 'getTicket' },
      pathId: '1892000000100000001',
    });
    expect(matchEndpoint('GET', '/api/v1/accounts/12/tickets')?.row.id).toBe('accountTickets');
    expect(matchEndpoint('POST', '/api/v1/tickets')?.row.id).toBe('createTicket');
    expect(matchEndpoint('GET', '/api/v1/nope')).toBeUndefined();
  });
});
