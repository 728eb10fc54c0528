import { describe, expect, it } from 'vitest';
import {
  AccountSchema,
  ContactSchema,
  MyInfoSchema,
  OrganizationSchema,
  TicketSchema,
  listEnvelope,
  searchEnvelope,
} from '../../../../lib/background/desk/schemas';
import { exactIntegerReviver } from '../../../../lib/background/desk/schema-primitives';
import { toTicketSummary } from '../../../../lib/background/desk/ticket-summary';

const BIG_ID = '1892000000042034567'; // 19 digits, beyond 2^53
const NOW = Date.parse('2024-05-01T00:00:00.000Z');

/** A search-result ticket as Zoho's example renders it (ticket search). */
const searchTicket = {
  id: BIG_ID,
  ticketNumber: '101',
  subject: 'Printer on fire',
  status: 'Escalated',
  statusType: 'Open',
  priority: 'High',
  channel: 'Email',
  email: 'ayesha@example.com',
  contactId: '1892000000042032',
  departmentId: '1892000000006907',
  createdTime: '2024-04-01T10:00:00.000Z',
  modifiedTime: '2024-04-20T08:30:00.123Z',
  dueDate: '2024-04-25T00:00:00.000Z',
  isOverDue: true,
  threadCount: '12',
  webUrl: 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/abc',
  assignee: { id: '1892000000056007', firstName: 'Jade', lastName: 'Tywin', emailId: 'jade@zylker.com', zuid: '123' },
  cf: { cf_x: 'y' },
  sharedDepartments: [],
};

/** A list-endpoint ticket: no modifiedTime, no isOverDue, epoch dates (as Zoho’s list examples show). */
const listTicket = {
  id: 1892000000093011,
  ticketNumber: 102,
  subject: 'Invoice question',
  status: 'Open',
  statusType: 'open',
  priority: null,
  createdTime: 1507813910000,
  dueDate: 1507900310000,
  isSpam: 'false',
  commentCount: 3,
};

describe('TicketSchema', () => {
  it('keeps 19-digit ids exact and normalises search tickets', () => {
    const t = TicketSchema.parse(searchTicket);
    expect(t.id).toBe(BIG_ID);
    expect(t.threadCount).toBe(12);
    expect(t.isOverDue).toBe(true);
    expect(t.assignee?.emailId).toBe('jade@zylker.com');
    expect(t).not.toHaveProperty('cf');
  });

  it('accepts numeric ids, epoch-ms dates, string booleans and a list ticket without modifiedTime', () => {
    const t = TicketSchema.parse(listTicket);
    expect(t.id).toBe('1892000000093011');
    expect(t.ticketNumber).toBe('102');
    expect(t.createdTime).toBe('2017-10-12T13:11:50.000Z');
    expect(t.modifiedTime).toBeNull();
    expect(t.statusType).toBe('Open');
    expect(t.isSpam).toBe(false);
    expect(t.isOverDue).toBeUndefined();
    expect(t.assignee).toBeNull();
  });

  it('reads isOverdue (other spelling) and accepts assignee null', () => {
    const { isOverDue: _drop, ...rest } = searchTicket;
    const t = TicketSchema.parse({ ...rest, isOverdue: 'false', assignee: null });
    expect(t.isOverDue).toBe(false);
    expect(t.assignee).toBeNull();
  });

  it.each([
    ['ON HOLD', 'On Hold'],
    ['on_hold', 'On Hold'],
    ['CLOSED', 'Closed'],
  ])('tolerates statusType %s', (raw, expected) => {
    expect(TicketSchema.parse({ ...searchTicket, statusType: raw }).statusType).toBe(expected);
  });

  it('accepts every null a search answer may carry: subject, status, statusType, number, assignee, due date', () => {
    const sparse = { ...searchTicket, subject: null, status: null, statusType: null, ticketNumber: null, assignee: null, dueDate: null };
    const t = TicketSchema.parse(sparse);
    expect([t.subject, t.status, t.statusType, t.ticketNumber, t.assignee, t.dueDate]).toEqual([null, null, null, null, null, null]);
    const { subject: _s, status: _st, statusType: _t, ticketNumber: _n, ...keysLeftOut } = searchTicket;
    expect(TicketSchema.parse(keysLeftOut)).toMatchObject({ subject: null, status: null, statusType: null, ticketNumber: null });
  });

  it('reads a statusType outside Open, On Hold and Closed as unknown', () => {
    expect(TicketSchema.parse({ ...searchTicket, statusType: 'Pending' }).statusType).toBeNull();
  });

  it.each([
    ['id missing', { id: undefined }],
    ['id null', { id: null }],
    ['id not digits', { id: '12ab' }],
    ['unparsable date', { createdTime: 'yesterday' }],
    ['flag not boolean', { isOverDue: 'yes' }],
    ['id a JSON number beyond 2^53 (already rounded)', { id: 2 ** 53 + 2 }],
  ])('rejects a ticket with %s', (_name, change) => {
    expect(TicketSchema.safeParse({ ...searchTicket, ...change }).success).toBe(false);
  });
});

describe('toTicketSummary', () => {
  it('maps a search ticket for the panel', () => {
    expect(toTicketSummary(TicketSchema.parse(searchTicket), NOW)).toEqual({
      id: BIG_ID,
      ticketNumber: '101',
      subject: 'Printer on fire',
      status: 'Escalated',
      statusType: 'Open',
      priority: 'High',
      dueDate: '2024-04-25T00:00:00.000Z',
      isOverDue: true,
      createdTime: '2024-04-01T10:00:00.000Z',
      modifiedTime: '2024-04-20T08:30:00.123Z',
      timeKind: 'modified',
      assigneeName: 'Jade Tywin',
      webUrl: 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/abc',
    });
  });

  it('a list ticket (no modifiedTime) shows its creation time, labelled as such', () => {
    const summary = toTicketSummary(TicketSchema.parse(listTicket), NOW);
    expect(summary.modifiedTime).toBe(summary.createdTime);
    expect(summary.timeKind).toBe('created');
    const timeless = toTicketSummary(TicketSchema.parse({ ...listTicket, createdTime: null }), NOW);
    expect([timeless.modifiedTime, timeless.timeKind]).toEqual([null, undefined]);
  });

  it('derives overdue when the flag is absent: past due and not closed', () => {
    const open = toTicketSummary(TicketSchema.parse(listTicket), NOW);
    expect(open.isOverDue).toBe(true);
    expect(open.modifiedTime).toBe(open.createdTime); // list endpoints: createdTime stands in
    expect(open.assigneeName).toBeNull();
    const closed = toTicketSummary(TicketSchema.parse({ ...listTicket, statusType: 'Closed' }), NOW);
    expect(closed.isOverDue).toBe(false);
    const future = toTicketSummary(TicketSchema.parse({ ...listTicket, dueDate: NOW + 86_400_000 }), NOW);
    expect(future.isOverDue).toBe(false);
  });

  it.each(['javascript:alert(1)', 'http://desk.zoho.com/x', 'data:text/html,<b>x</b>', 'not a url'])(
    'drops the unsafe webUrl %s',
    (webUrl) => {
      expect(toTicketSummary(TicketSchema.parse({ ...searchTicket, webUrl }), NOW).webUrl).toBeNull();
    },
  );
});

describe('OrganizationSchema (mixed typing)', () => {
  it('accepts string and numeric ids, string and real booleans, any edition case', () => {
    const orgs = listEnvelope
      .parse({
        data: [
          {
            id: '3981311',
            companyName: 'Zylker',
            portalName: 'zylker',
            isDefault: 'true',
            isSandboxPortal: 'false',
            isAdminInOrg: true,
            edition: 'ENTERPRISE',
            employeeCount: '10',
            timeZone: 'Pacific/Niue',
          },
          {
            id: 5988319,
            companyName: 'Zylker JP',
            portalName: 'zylkerjp',
            isDefault: false,
            isSandboxPortal: 'true',
            edition: 'ZohoOne',
            employeeCount: 10,
            timeZone: null,
          },
          { id: '7310045521', companyName: 'No flags', portalName: 'bare' },
        ],
      })
      .data.map((o) => OrganizationSchema.parse(o));
    expect(orgs.map((o) => [o.id, o.isDefault, o.isSandboxPortal, o.employeeCount, o.edition])).toEqual([
      ['3981311', true, false, '10', 'ENTERPRISE'],
      ['5988319', false, true, '10', 'ZohoOne'],
      ['7310045521', false, undefined, null, null],
    ]);
  });
});

describe('ContactSchema and AccountSchema (CRM links)', () => {
  it('reads zohoCRMContact.type as a string or a one-element array, and null', () => {
    const base = { id: '5000000000001', firstName: 'Dan', lastName: 'O', email: 'd@x.example', isEndUser: 'false' };
    expect(ContactSchema.parse({ ...base, zohoCRMContact: { id: '5293322000004120017', type: 'contacts_leads' } }).zohoCRMContact).toEqual({
      id: '5293322000004120017',
      type: 'contacts_leads',
    });
    expect(
      ContactSchema.parse({ ...base, zohoCRMContact: { id: '5293322000004120017', type: ['contacts_leads'] } }).zohoCRMContact?.type,
    ).toBe('contacts_leads');
    expect(ContactSchema.parse({ ...base, zohoCRMContact: null }).zohoCRMContact).toBeNull();
    expect(ContactSchema.parse(base).isEndUser).toBe(false);
  });

  it('tells an absent zohoCRMAccount (search) from null (not linked)', () => {
    const base = { id: '6000000000001', accountName: 'Globex Corporation', isFollowing: 'true' };
    expect(AccountSchema.parse(base).zohoCRMAccount).toBeUndefined();
    expect(AccountSchema.parse({ ...base, zohoCRMAccount: null }).zohoCRMAccount).toBeNull();
    expect(AccountSchema.parse({ ...base, zohoCRMAccount: { id: '5293322000002877003' } }).zohoCRMAccount?.id).toBe('5293322000002877003');
    expect(AccountSchema.parse(base).isFollowing).toBe(true);
  });
});

describe('envelopes and small objects', () => {
  it('accepts count as a number or a digit string', () => {
    const env = searchEnvelope;
    expect(env.parse({ data: [searchTicket], count: 1 }).count).toBe(1);
    expect(env.parse({ data: [searchTicket], count: '1100' }).count).toBe(1100);
    expect(env.safeParse({ data: [searchTicket], count: 'many' }).success).toBe(false);
    expect(env.safeParse({ items: [] }).success).toBe(false);
  });

  it('reads myinfo with digit-string ids and flags', () => {
    const me = MyInfoSchema.parse({
      id: '1',
      emailId: 'Admin@Zylker.com',
      zuid: '99',
      firstName: 'Ad',
      lastName: null,
      isConfirmed: 'true',
    });
    expect(me).toMatchObject({ id: '1', emailId: 'Admin@Zylker.com', zuid: '99', isConfirmed: true, associatedDepartmentIds: [] });
  });
});

describe('exactIntegerReviver', () => {
  it('keeps an integer beyond 2^53 as its source digits when the engine gives the source', () => {
    expect(exactIntegerReviver('id', Number(BIG_ID), { source: BIG_ID })).toBe(BIG_ID);
    expect(exactIntegerReviver('id', 42, { source: '42' })).toBe(42);
    expect(exactIntegerReviver('x', 'text', undefined)).toBe('text');
  });
});
