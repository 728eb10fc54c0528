// @vitest-environment node
// The fixtures' ticket counts, found the way DeskLink finds them (design.md, data path step 5),
// through the sandbox's Desk endpoints only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskGet } from '../../sandbox/client';
import { KEYS, PORTALS, RECORDS, startSandbox, type Sandbox } from '../../sandbox/index';
import type { RecordFixture } from '../../sandbox/fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox.close());

interface Ticket {
  id: string;
  status: string;
  statusType: string;
  dueDate: string | number | null;
  isOverDue?: boolean;
}

const get = async (path: string, orgId: string) => {
  const res = await deskGet(sandbox.port, path, { token: KEYS.admin, orgId });
  if (res.status !== 200 && res.status !== 204) throw new Error(`${path}: ${res.status} ${res.body}`);
  return res.json as { data: any[]; count?: number } | undefined;
};

/**
 * Every page of a search (from 0–999, 100 at a time) or a list: contacts/{id}/tickets counts
 * from 0, accounts/{id}/tickets from 1 with at most 99 a page.
 */
async function all(path: string, orgId: string, search: boolean): Promise<any[]> {
  const accountList = /^\/api\/v1\/accounts\/\d+\/tickets/.test(path);
  const [base, size] = accountList ? [1, 99] : [0, 100];
  const out: any[] = [];
  for (let from = base; !search || from <= 999; from += size) {
    const page = await get(`${path}${path.includes('?') ? '&' : '?'}from=${from}&limit=${size}`, orgId);
    if (!page) break;
    out.push(...page.data);
    if (page.data.length < size) break;
  }
  return out;
}

async function ticketsOf(r: RecordFixture, orgId: string): Promise<Map<string, Ticket>> {
  const found = new Map<string, Ticket>();
  if (r.module === 'Accounts') {
    // A Desk account of exactly this name, or (a trailing *) one whose name starts with it.
    const accounts = await all(`/api/v1/accounts/search?accountName=${encodeURIComponent(`${r.accountName ?? r.name}*`)}`, orgId, true);
    for (const a of accounts) {
      const full = await get(`/api/v1/accounts/${a.id}`, orgId);
      const crmId = (full as any)?.zohoCRMAccount?.id;
      if (crmId ? crmId !== r.recordId : a.accountName !== r.name) continue;
      for (const t of await all(`/api/v1/accounts/${a.id}/tickets`, orgId, false)) found.set(t.id, t);
    }
    return found;
  }
  if (r.emails.length === 0) {
    // No email on the page: the Desk contacts of the record's name linked to it.
    for (const c of await all(`/api/v1/contacts/search?fullName=${encodeURIComponent(r.name)}`, orgId, true)) {
      if (c.zohoCRMContact?.id !== r.recordId) continue;
      for (const t of await all(`/api/v1/contacts/${c.id}/tickets`, orgId, false)) found.set(t.id, t);
    }
    return found;
  }
  for (const email of r.emails) {
    for (const t of await all(`/api/v1/tickets/search?email=${encodeURIComponent(email)}`, orgId, true)) found.set(t.id, t);
    for (const c of await all(`/api/v1/contacts/search?email=${encodeURIComponent(email)}`, orgId, true)) {
      if (c.zohoCRMContact?.id !== r.recordId) continue;
      for (const t of await all(`/api/v1/contacts/${c.id}/tickets`, orgId, false)) found.set(t.id, t);
    }
  }
  return found;
}

describe('fixture records through the Desk API', () => {
  it.each(Object.entries(RECORDS))('%s has its expected tickets in portals A and B', async (_name, record) => {
    expect((await ticketsOf(record, PORTALS.A.id)).size).toBe(record.expectedTickets.A);
    expect((await ticketsOf(record, PORTALS.B.id)).size).toBe(record.expectedTickets.B);
  });

  it('gives the deal its contact’s and its account’s tickets, one shared', async () => {
    const { DEAL } = await import('../../sandbox/fixtures');
    const ofContact = new Set((await ticketsOf(DEAL.contact, PORTALS.A.id)).keys());
    const ofAccount = [...(await ticketsOf(DEAL.account, PORTALS.A.id)).keys()];
    const onlyAccount = ofAccount.filter((id) => !ofContact.has(id));
    expect([ofContact.size, onlyAccount.length, ofContact.size + onlyAccount.length]).toEqual([
      DEAL.expectedTickets.contact,
      DEAL.expectedTickets.account,
      DEAL.expectedTickets.all,
    ]);
    // The namesake's ticket is found by name, but its contact is not linked.
    const byName = await all(`/api/v1/contacts/search?fullName=${encodeURIComponent(DEAL.contact.name)}`, PORTALS.A.id, true);
    expect(byName.map((c) => c.zohoCRMContact?.id ?? null).sort()).toEqual([DEAL.contact.recordId, null].sort());
  });

  it('keeps the EU contact’s tickets in portal E, on desk.zoho.eu only', async () => {
    const path = `/api/v1/tickets/search?email=${RECORDS.euContact.emails[0]}`;
    const eu = await deskGet(sandbox.port, path, { token: KEYS.euAdmin, orgId: PORTALS.E.id, host: 'desk.zoho.eu' });
    expect(eu.json.data).toHaveLength(RECORDS.euContact.expectedTickets.E!);
    expect(eu.json.data.every((t: { webUrl: string | null }) => t.webUrl === null || t.webUrl.startsWith('https://desk.zoho.eu/'))).toBe(
      true,
    );
    const us = await deskGet(sandbox.port, path, { token: KEYS.euAdmin, orgId: PORTALS.E.id, host: 'desk.zoho.com' });
    expect([us.status, us.json.errorCode]).toEqual([401, 'INVALID_OAUTH']);
    const usAdmin = await deskGet(sandbox.port, path, { token: KEYS.admin, orgId: PORTALS.E.id });
    expect([usAdmin.status, usAdmin.json.errorCode]).toEqual([403, 'OAUTH_ORG_MISMATCH']);
  });

  it('keeps the UK contact’s tickets in portal U, on desk.zoho.uk only', async () => {
    const path = `/api/v1/tickets/search?email=${RECORDS.ukContact.emails[0]}`;
    const uk = await deskGet(sandbox.port, path, { token: KEYS.ukAdmin, orgId: PORTALS.U.id, host: 'desk.zoho.uk' });
    expect(uk.json.data).toHaveLength(RECORDS.ukContact.expectedTickets.U);
    expect(uk.json.data.every((t: { webUrl: string | null }) => t.webUrl === null || t.webUrl.startsWith('https://desk.zoho.uk/'))).toBe(
      true,
    );
    const orgs = await deskGet(sandbox.port, '/api/v1/organizations', { token: KEYS.ukAdmin, host: 'desk.zoho.uk' });
    expect(orgs.json.data.map((o: { id: string }) => o.id)).toEqual([PORTALS.U.id]);
    const eu = await deskGet(sandbox.port, path, { token: KEYS.ukAdmin, orgId: PORTALS.U.id, host: 'desk.zoho.eu' });
    expect([eu.status, eu.json.errorCode]).toEqual([401, 'INVALID_OAUTH']);
  });

  it('composes the contact as described: 9 + 3 by email, 2 only through the synced Desk contact, one found both ways', async () => {
    const A = PORTALS.A.id;
    const [primary, secondary] = RECORDS.contact.emails;
    const byPrimary = await all(`/api/v1/tickets/search?email=${primary}`, A, true);
    const bySecondary = await all(`/api/v1/tickets/search?email=${secondary}`, A, true);
    const contacts = await all(`/api/v1/contacts/search?email=${primary}`, A, true);
    const synced = contacts.filter((c) => c.zohoCRMContact?.id === RECORDS.contact.recordId);
    expect([byPrimary.length, bySecondary.length, contacts.length, synced.length]).toEqual([9, 3, 2, 1]);
    const viaContact = await all(`/api/v1/contacts/${synced[0].id}/tickets`, A, false);
    const emailIds = new Set([...byPrimary, ...bySecondary].map((t) => t.id));
    expect(viaContact.filter((t) => emailIds.has(t.id))).toHaveLength(1);
    expect(viaContact.filter((t) => !emailIds.has(t.id))).toHaveLength(2);

    const tickets = [...(await ticketsOf(RECORDS.contact, A)).values()];
    const byType = (type: string) => tickets.filter((t) => t.statusType === type).length;
    expect([byType('Open'), byType('On Hold'), byType('Closed')]).toEqual([8, 2, 4]);
    expect(tickets.filter((t) => t.status === 'Escalated')).toHaveLength(1);
  });

  it('gives the lead one overdue open ticket and one closed', async () => {
    const tickets = await all(`/api/v1/tickets/search?email=${RECORDS.lead.emails[0]}`, PORTALS.A.id, true);
    const open = tickets.filter((t) => t.statusType === 'Open');
    expect(open.map((t) => t.isOverDue)).toEqual([true]);
    expect(tickets.filter((t) => t.statusType === 'Closed').map((t) => t.isOverDue)).toEqual([false]);
  });

  it('holds 1,100 tickets for the big lead, of which a search reaches 1,000 in pages of 100', async () => {
    const first = await get(`/api/v1/tickets/search?email=${RECORDS.big.emails[0]}&limit=1`, PORTALS.A.id);
    expect(first?.count).toBe(1100);
  });

  it('carries hostile payloads in subjects, status labels, priorities and names', async () => {
    const tickets = await all(`/api/v1/tickets/search?email=${RECORDS.hostile.emails[0]}`, PORTALS.A.id, true);
    const text = JSON.stringify(tickets);
    for (const payload of ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>'])
      expect(text).toContain(payload);
    expect(tickets.some((t) => t.status.includes('<'))).toBe(true);
    expect(tickets.some((t) => t.priority?.includes('<'))).toBe(true);
    expect(tickets.every((t) => t.webUrl.startsWith('https://desk.zoho.com/support/'))).toBe(true);
  });
});
