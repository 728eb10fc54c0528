// @vitest-environment node
// The sandbox refuses what Zoho's files say Desk refuses, for every row of the contract table:
// no Authorization header (401 UNAUTHORIZED), no orgId header (422), a token without one of the
// row's scopes (401 SCOPE_MISMATCH), an unknown parameter, a number out of range, too many values,
// a value outside the documented ones (422 naming the parameter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskGet } from '../../sandbox/client';
import { DESK_CONTRACT, type EndpointContract } from '../../sandbox/contract/index';
import { getDataset } from '../../sandbox/data';
import { ALL_READ_SCOPES } from '../../sandbox/desk/access';
import { keyWithScopes, KEYS, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());

const A = PORTALS.A.id;
const store = getDataset('test').portals.A;
const lead = store.ticketsByEmail.get(RECORDS.lead.emails[0]!)![0]!;
const globex = store.accounts.find((a) => a.accountName === 'Globex Corporation')!;
const PATH_IDS: Record<string, string> = { contactId: lead.contactId!, accountId: globex.id, ticketId: lead.id };

/** A request the row accepts: its path with real ids and its required parameters. */
function validPath(row: EndpointContract, extra = ''): string {
  const path = row.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_IDS[name]!);
  const required = Object.entries(row.query)
    .filter(([, spec]) => spec.required)
    .map(([name]) => `${name}=tickets`);
  const filter = row.id === 'accountSearch' ? 'accountName=Globex%20Corporation' : `email=${RECORDS.lead.emails[0]}`;
  const replaced = extra.split('=')[0] === filter.split('=')[0];
  const search = row.id.endsWith('Search') && !replaced ? [filter] : [];
  const query = [...required, ...search, ...(extra ? [extra] : [])];
  return query.length ? `${path}?${query.join('&')}` : path;
}

const served = DESK_CONTRACT.filter((row) => row.method === 'GET');
const admin = (path: string, orgId: string | null = A) => deskGet(sandbox.port, path, { token: KEYS.admin, ...(orgId ? { orgId } : {}) });
const orgOf = (row: EndpointContract) => (row.orgId ? A : null);

describe.each(served.map((row) => [row.id, row] as const))('%s', (_id, row) => {
  it('answers a valid request', async () => {
    expect([200, 204]).toContain((await admin(validPath(row), orgOf(row))).status);
  });

  it('refuses a request without the Authorization header, and without the orgId header', async () => {
    const bare = await deskGet(sandbox.port, validPath(row), row.orgId ? { orgId: A } : {});
    expect([bare.status, bare.json.errorCode]).toEqual([401, 'UNAUTHORIZED']);
    if (!row.orgId) return;
    const noOrg = await admin(validPath(row), null);
    expect([noOrg.status, noOrg.json.errorCode, noOrg.json.errors[0].fieldName]).toEqual([422, 'UNPROCESSABLE_ENTITY', 'orgId']);
  });

  it.each(row.scopes.map((scope) => [scope]))('refuses a token without %s', async (scope) => {
    const token = keyWithScopes(ALL_READ_SCOPES.filter((s) => s !== scope));
    const res = await deskGet(sandbox.port, validPath(row), { token, ...(row.orgId ? { orgId: A } : {}) });
    expect([res.status, res.json.errorCode]).toEqual([401, 'SCOPE_MISMATCH']);
  });

  it('refuses an unknown parameter and every value outside the documented ones', async () => {
    const bad: [string, string][] = [['bogus', '1']];
    for (const [name, spec] of Object.entries(row.query)) {
      if (spec.type === 'integer') {
        if (spec.min !== undefined) bad.push([name, String(spec.min - 1)]);
        if (spec.max !== undefined) bad.push([name, String(spec.max + 1)]);
        bad.push([name, 'x']);
      }
      if (spec.type === 'boolean') bad.push([name, 'yes']);
      if (spec.enum) bad.push([name, 'notAValue']);
      if (spec.maxItems !== undefined)
        bad.push([name, Array.from({ length: spec.maxItems + 1 }, () => spec.enum?.[0] ?? 'a@b.example').join(',')]);
      if (spec.minLength !== undefined && spec.minLength > 1) bad.push([name, 'ab']);
    }
    for (const [name, value] of bad) {
      const res = await admin(validPath(row, `${name}=${encodeURIComponent(value)}`), orgOf(row));
      expect([res.status, res.json?.errorCode, res.json?.errors?.[0]?.fieldName], `${name}=${value}`).toEqual([
        422,
        'UNPROCESSABLE_ENTITY',
        name,
      ]);
    }
  });
});
