// Whom a credential acts as: myinfo's user through the real Desk client and schema, Desk behind a fake fetch.
import { describe, expect, it } from 'vitest';
import { createDeskClients } from '../../../../lib/background/desk/desk-clients';
import { createSetupChecks } from '../../../../lib/background/desk/setup-checks';

const PORTAL = '60001234';

function checksAnswering(myinfo: Record<string, unknown>) {
  const fetch = (input: RequestInfo | URL) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    const body =
      path === '/api/v1/organizations'
        ? { data: [{ id: PORTAL, companyName: 'Zylker', portalName: 'zylker', isDefault: true }] }
        : { id: '1892000000056007', emailId: 'rep@zylker.com', ...myinfo };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return createSetupChecks(createDeskClients({ fetch, now: () => 0 }));
}

describe('the Desk user a credential acts as', () => {
  it('is named by myinfo’s name and role', async () => {
    const agent = await checksAnswering({ name: 'Rei Sato', rolePermissionType: 'Light' }).whoAmI('com', 'token', PORTAL);
    expect(agent).toEqual({ email: 'rep@zylker.com', name: 'Rei Sato', role: 'Light' });
  });

  it('falls back to first and last name, and to nothing when Desk names nobody', async () => {
    expect(await checksAnswering({ name: null, firstName: 'Rei', lastName: 'Sato' }).whoAmI('com', 't', PORTAL)).toMatchObject({
      name: 'Rei Sato',
      role: null,
    });
    expect(await checksAnswering({ name: '  ', firstName: null, lastName: null }).whoAmI('com', 't', PORTAL)).toMatchObject({ name: null });
  });

  it('keeps a name no longer than the settings store', async () => {
    const agent = await checksAnswering({ name: 'x'.repeat(400), rolePermissionType: 'R'.repeat(100) }).whoAmI('com', 't', PORTAL);
    expect(agent.name).toHaveLength(200);
    expect(agent.role).toHaveLength(64);
  });

  it('Save’s check returns the email entered, with the name myinfo gave', async () => {
    const checked = await checksAnswering({ name: 'Rei Sato' }).verifyPortal('com', 't', PORTAL, 'Rep@Zylker.com');
    expect(checked.agent).toEqual({ email: 'Rep@Zylker.com', name: 'Rei Sato', role: null });
  });
});
