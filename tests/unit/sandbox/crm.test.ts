// @vitest-environment node
// The sandbox's CRM host: one app shell for every /crm page, the record data endpoint the app
// calls, the content markup it renders, and the certificate that covers every Zoho host.
import { connect, type PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxGet } from '../../sandbox/client';
import { COMPANY_CRM_HOSTS, CRM_ORG, RECORDS, recordPath, startSandbox, type Sandbox } from '../../sandbox/index';
import { ACCOUNTS_HOSTS, API_HOSTS, CRM_HOSTS, DESK_HOSTS } from '../../../lib/shared/data-centres';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, crmRenderDelayMs: 123 });
});
afterAll(() => sandbox.close());

const crm = (path: string, host = 'crm.zoho.com') => sandboxGet(sandbox.port, host, path);
const markup = (path: string, variant = 'nextgen') => crm(`/crm/__markup?path=${encodeURIComponent(path)}&search=&variant=${variant}`);

describe('CRM host', () => {
  it('serves the same app shell for record, list, create and edit paths on every CRM host', async () => {
    const paths = [
      recordPath(RECORDS.contact),
      `/crm/${CRM_ORG}/tab/Leads/custom-view/1/list?page=1&per_page=10`,
      `/crm/${CRM_ORG}/tab/Accounts/create?layoutId=1`,
      `${recordPath(RECORDS.lead)}/edit?layoutId=1`,
      `/crm/${CRM_ORG}/tab/Leads/list`,
    ];
    for (const host of ['crm.zoho.com', 'crmsandbox.zoho.jp', 'crm.zohocloud.ca']) {
      for (const path of paths) {
        const res = await crm(path, host);
        expect(res.status).toBe(200);
        expect(res.body).toContain('id="crmNextGenTopMenu"');
        expect(res.body).toContain('"renderDelayMs":123');
      }
    }
  });

  it('answers the record data request as CRM API v2.2 does, and 404 for a non-record such as Leads/list', async () => {
    const res = await crm(`/crm/v2.2/Contacts/${RECORDS.contact.recordId}`);
    expect(JSON.parse(res.body).data[0]).toMatchObject({
      id: RECORDS.contact.recordId,
      Email: RECORDS.contact.emails[0],
      Secondary_Email: RECORDS.contact.emails[1],
    });
    expect((await crm('/crm/v2.2/Leads/list')).status).toBe(404);
    expect((await crm(`/crm/v2.2/Leads/${RECORDS.contact.recordId}`)).status).toBe(404);
  });

  it('renders record markup with the NextGen anchors and the record id on every related-list item', async () => {
    const { body } = await markup(recordPath(RECORDS.contact));
    expect(body).toContain(
      `id="titlecard_FULLNAME" data-zcqa="value_FULLNAME" class="dv_title cxEntityHeaderTitle">${RECORDS.contact.name}<`,
    );
    expect(body).toContain(`<crm-rl-share-email email="${RECORDS.contact.emails[1]}">`);
    expect(body.match(/entity-id="(\d+)"/g)?.every((m) => m.includes(RECORDS.contact.recordId))).toBe(true);
    expect(body).toContain('lyte-tab-body class="dv_content_tab_body"');
  });

  it('renders list views, forms and other modules without record anchors', async () => {
    for (const path of [
      `/crm/${CRM_ORG}/tab/Contacts/custom-view/5293322000000087525/list`,
      `/crm/${CRM_ORG}/tab/Contacts`,
      `/crm/${CRM_ORG}/tab/Contacts/create`,
      `${recordPath(RECORDS.contact)}/edit`,
    ]) {
      const res = await markup(path);
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('titlecard_');
      expect(res.body).not.toContain('crm-rl-share-email');
    }
    expect((await markup(`/crm/${CRM_ORG}/tab/Potentials/5293322000005100000`)).body).toContain('data-module-label="Deals"');
    expect((await markup(`/crm/${CRM_ORG}/tab/Leads/list`)).status).toBe(404);
  });

  it('adds the hostile stylesheet only when asked', async () => {
    expect((await crm(`${recordPath(RECORDS.contact)}?css=hostile`)).body).toContain('all: unset !important');
    expect((await crm(recordPath(RECORDS.contact))).body).not.toContain('all: unset');
  });

  it('answers unknown hosts with a plain 404 and Zoho Accounts hosts with their OAuth pages', async () => {
    expect((await sandboxGet(sandbox.port, 'firefox.settings.services.mozilla.com', '/v1/')).status).toBe(404);
    // No client_id: Zoho Accounts' own error page, not the generic 404 (tests/unit/oauth-sandbox.test.ts covers the flow).
    const accounts = await sandboxGet(sandbox.port, 'accounts.zoho.com', '/oauth/v2/auth');
    expect(accounts.status).toBe(400);
    expect(accounts.body).toContain('Invalid Client');
  });

  it('presents a certificate whose SANs name every Desk, CRM, Accounts and CRM API host', async () => {
    const cert = await new Promise<PeerCertificate>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: sandbox.port, servername: 'crm.zoho.com', rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate());
        socket.end();
      });
      socket.on('error', reject);
    });
    const sans = new Set((cert.subjectaltname ?? '').split(', ').map((s) => s.replace(/^DNS:/, '')));
    for (const host of [...DESK_HOSTS, ...CRM_HOSTS, ...ACCOUNTS_HOSTS, ...API_HOSTS, ...COMPANY_CRM_HOSTS])
      expect(sans.has(host)).toBe(true);
    expect(sandbox.hosts.sort()).toEqual([...DESK_HOSTS, ...CRM_HOSTS, ...ACCOUNTS_HOSTS, ...API_HOSTS, ...COMPANY_CRM_HOSTS].sort());
  });
});
