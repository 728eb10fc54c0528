// @vitest-environment node
// Desk users of different roles: an admin, an agent, a light agent (reads, no writes) and a Zoho
// user who is no agent of any portal, by key and by sign-in token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deskGet, sandboxGet } from '../../sandbox/client';
import { KEYS, OAUTH_CLIENT_ID, OAUTH_USERS, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.oauth.reset());

const NEW_TICKET = JSON.stringify({
  subject: 'Printer on fire',
  departmentId: '1',
  contact: { lastName: 'Okafor', email: 'x@example.com' },
});

const createTicket = (token: string, orgId: string) =>
  sandboxGet(sandbox.port, 'desk.zoho.com', '/api/v1/tickets', {
    method: 'POST',
    token,
    orgId,
    headers: { 'content-type': 'application/json' },
    body: NEW_TICKET,
  });

const ids = (json: { data: { id: unknown }[] }) => json.data.map((o) => String(o.id));

describe('roles on a portal', () => {
  it.each([
    ['admin', KEYS.admin, PORTALS.A.id],
    ['agent', KEYS.agent, PORTALS.A.id],
    ['lightAgent', KEYS.lightAgent, PORTALS.B.id],
  ] as const)('%s: myinfo names the user', async (user, key, orgId) => {
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: key, orgId });
    expect(me.status).toBe(200);
    expect(me.json.emailId).toBe(OAUTH_USERS[user].email);
  });

  it('tells the roles apart in myinfo: the agent AgentPublic, the light agent Light, whatever the seed', async () => {
    const agent = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.agent, orgId: PORTALS.A.id });
    expect(agent.json.rolePermissionType).toBe('AgentPublic');
    const light = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.lightAgent, orgId: PORTALS.B.id });
    expect(light.json.rolePermissionType).toBe('Light');
  });

  it('lists the agent’s portals as not administered by them', async () => {
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.agent });
    expect(ids(orgs.json)).toEqual([PORTALS.A.id, PORTALS.B.id]);
    expect(orgs.json.data.map((o: { isAdminInOrg: unknown }) => o.isAdminInOrg)).toEqual([false, false]);
  });

  it('keeps the light agent on portal B (light agents are not sold on Free, portal A’s edition)', async () => {
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.lightAgent });
    expect(ids(orgs.json)).toEqual([PORTALS.B.id]);
    expect(PORTALS.B.edition).not.toBe('FREE');
    const onA = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.lightAgent, orgId: PORTALS.A.id });
    expect(onA.json.errorCode).toBe('OAUTH_ORG_MISMATCH');
  });

  it('lets the light agent read tickets', async () => {
    const search = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.contact.emails[0]}`, {
      token: KEYS.lightAgent,
      orgId: PORTALS.B.id,
    });
    expect(search.status).toBe(200);
    expect(search.json.data.length).toBeGreaterThan(0);
  });

  it('refuses the light agent’s new ticket with 403 FORBIDDEN', async () => {
    const res = await createTicket(KEYS.lightAgent, PORTALS.B.id);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ errorCode: 'FORBIDDEN' });
  });

  it('does not refuse an agent’s new ticket for the role', async () => {
    const res = await createTicket(KEYS.agent, PORTALS.B.id);
    expect(res.status).not.toBe(403);
  });

  it('answers the non-agent’s /organizations with 204 and every portal call with OAUTH_ORG_MISMATCH', async () => {
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.nonAgent });
    expect([orgs.status, orgs.body]).toEqual([204, '']);
    for (const orgId of [PORTALS.A.id, PORTALS.B.id]) {
      const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.nonAgent, orgId });
      expect([me.status, me.json.errorCode]).toEqual([403, 'OAUTH_ORG_MISMATCH']);
      const search = await deskGet(sandbox.port, `/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, { token: KEYS.nonAgent, orgId });
      expect(search.json.errorCode).toBe('OAUTH_ORG_MISMATCH');
    }
  });

  it('leaves the admin’s role to the seed’s variation as before (Admin or null, never another role)', async () => {
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token: KEYS.admin, orgId: PORTALS.A.id });
    expect([undefined, null, 'Admin']).toContain(me.json.rolePermissionType);
  });
});

describe('roles by sign-in', () => {
  const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
  async function signIn(user: 'lightAgent' | 'nonAgent'): Promise<string> {
    sandbox.oauth.setUser(user);
    const query = new URLSearchParams({
      client_id: OAUTH_CLIENT_ID,
      response_type: 'token',
      scope: 'Desk.tickets.READ,Desk.search.READ,Desk.basic.READ,Desk.settings.READ,Desk.organization.READ,Desk.tickets.CREATE',
      redirect_uri: REDIRECT,
      decision: 'accept',
    });
    const res = await sandboxGet(sandbox.port, 'accounts.zoho.com', `/oauth/v2/auth/approve?${query}`);
    return new URLSearchParams(String(res.headers.location).split('#')[1]).get('access_token')!;
  }

  it('a light agent who signs in reads portal B as Light and cannot create a ticket', async () => {
    const token = await signIn('lightAgent');
    const me = await deskGet(sandbox.port, '/api/v1/myinfo', { token, orgId: PORTALS.B.id });
    expect([me.json.emailId, me.json.rolePermissionType]).toEqual([OAUTH_USERS.lightAgent.email, 'Light']);
    expect((await createTicket(token, PORTALS.B.id)).status).toBe(403);
  });

  it('a non-agent who signs in reaches no portal', async () => {
    const token = await signIn('nonAgent');
    expect((await deskGet(sandbox.port, '/api/v1/organizations', { token })).status).toBe(204);
  });
});
