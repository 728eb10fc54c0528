// The sandbox's Zoho CRM REST API (www.zohoapis.<dc>): the record the CRM page shows, with only
// the fields asked for, for the scopes the token holds (403 OAUTH_SCOPE_MISMATCH without them).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxGet } from '../../sandbox/client';
import { RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';
import { ALL_READ_SCOPES } from '../../sandbox/desk/access';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.oauth.reset());

const CRM_READ = ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.accounts.READ'];

/** An access token of a Self Client of `user`, generated with `scopes`. */
async function tokenWith(scopes: string[], user: 'admin' | 'ukAdmin' = 'admin'): Promise<string> {
  const grant = sandbox.oauth.selfClient({ user, portal: user === 'admin' ? 'A' : 'U', scopes: [...ALL_READ_SCOPES, ...scopes] });
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
    code: grant.code,
  });
  const host = user === 'admin' ? 'accounts.zoho.com' : 'accounts.zoho.uk';
  const res = await sandboxGet(sandbox.port, host, '/oauth/v2/token', {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

const get = (host: string, path: string, token?: string) =>
  sandboxGet(sandbox.port, host, path, token ? { token } : {}).then((res) => ({
    ...res,
    json: res.body ? JSON.parse(res.body) : null,
  }));

describe('CRM REST API', () => {
  it('answers {data:[record]} with only the fields asked for, and lookups as {name, id}', async () => {
    const token = await tokenWith(CRM_READ);
    const r = RECORDS.contact;
    const res = await get('www.zohoapis.com', `/crm/v8/Contacts/${r.recordId}?fields=Email,Secondary_Email,Full_Name,Account_Name`, token);
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    const record = res.json.data[0];
    expect(Object.keys(record).sort()).toEqual(['Account_Name', 'Email', 'Full_Name', 'Secondary_Email', 'id']);
    expect(record).toMatchObject({ id: r.recordId, Email: r.emails[0], Secondary_Email: r.emails[1], Full_Name: r.name });
    expect(record.Account_Name).toEqual({ name: r.accountName, id: expect.stringMatching(/^\d+$/) });
  });

  it('answers the emails CRM holds, where the page shows others', async () => {
    const token = await tokenWith(CRM_READ);
    const r = RECORDS.movedContact;
    const res = await get('www.zohoapis.com', `/crm/v8/Contacts/${r.recordId}?fields=Email`, token);
    expect(res.json.data[0].Email).toBe(r.emails[0]);
    expect(r.pageEmails[0]).not.toBe(r.emails[0]);
  });

  it('answers 204 for no such record (or one of another module)', async () => {
    const token = await tokenWith(CRM_READ);
    expect((await get('www.zohoapis.com', '/crm/v8/Contacts/1234567890?fields=Email', token)).status).toBe(204);
    expect((await get('www.zohoapis.com', `/crm/v8/Leads/${RECORDS.contact.recordId}?fields=Email`, token)).status).toBe(204);
  });

  it('refuses a token without the module’s read scope with 403 OAUTH_SCOPE_MISMATCH', async () => {
    const token = await tokenWith(['ZohoCRM.modules.leads.READ']);
    const res = await get('www.zohoapis.com', `/crm/v8/Contacts/${RECORDS.contact.recordId}?fields=Email`, token);
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 'OAUTH_SCOPE_MISMATCH', status: 'error' });
  });

  it('takes ZohoCRM.modules.READ for every module', async () => {
    const token = await tokenWith(['ZohoCRM.modules.READ']);
    const res = await get('www.zohoapis.com', `/crm/v8/Accounts/${RECORDS.account.recordId}?fields=Account_Name`, token);
    expect(res.json.data[0]).toEqual({ id: RECORDS.account.recordId, Account_Name: RECORDS.account.name });
  });

  it('refuses no token, and a token of another data centre, with 401 INVALID_TOKEN', async () => {
    expect((await get('www.zohoapis.com', `/crm/v8/Contacts/${RECORDS.contact.recordId}?fields=Email`)).json.code).toBe('INVALID_TOKEN');
    const token = await tokenWith(CRM_READ);
    const res = await get('www.zohoapis.uk', `/crm/v8/Contacts/${RECORDS.contact.recordId}?fields=Email`, token);
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('INVALID_TOKEN');
  });

  it('serves a UK organisation on www.zohoapis.uk', async () => {
    const token = await tokenWith(CRM_READ, 'ukAdmin');
    const r = RECORDS.ukContact;
    const res = await get('www.zohoapis.uk', `/crm/v8/Contacts/${r.recordId}?fields=Email`, token);
    expect(res.json.data[0].Email).toBe(r.emails[0]);
  });

  it('requires fields=', async () => {
    const token = await tokenWith(CRM_READ);
    const res = await get('www.zohoapis.com', `/crm/v8/Contacts/${RECORDS.contact.recordId}`, token);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('REQUIRED_PARAM_MISSING');
  });
});
