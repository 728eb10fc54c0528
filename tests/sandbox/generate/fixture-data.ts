/**
 * The well-known data of tests/sandbox/fixtures.ts, generated exactly as its comments describe:
 * agents and departments of each portal, then the Desk contacts, accounts and tickets behind
 * every fixture record (and the CRM records themselves).
 */
import { DEAL, RECORDS, type RecordFixture } from '../fixtures';
import type { DataBuilder, TicketSpec } from './builder';
import type { PortalKey, StatusType } from './model';
import { EN_SUBJECTS, HOSTILE, JA_SUBJECTS } from './pools';

/** A second CRM account whose Desk twin shows up in the "Globex Corporation" account search. */
export const GLOBEX_ASIA_CRM_ID = '5293322000002877999';

export function addPortalBasics(b: DataBuilder): void {
  const agents: Record<PortalKey, [string, string, string][]> = {
    A: [
      ['Asha', 'Admin', 'admin@zylker.com'],
      ['Ben', 'Carter', 'ben.carter@zylker.com'],
      ['Chen', 'Wei', 'chen.wei@zylker.com'],
      ['Dana', 'Lopez', 'support.lead@zylker.com'],
    ],
    B: [
      ['健', '山口', 'ken.yamaguchi@zylker.jp'],
      ['由美', '森', 'yumi.mori@zylker.jp'],
      ['Asha', 'Admin', 'admin@zylker.com'],
    ],
    C: [['Piet', 'Janssen', 'piet@zylkerpartners.com']],
    E: [
      ['Anna', 'Admin', 'admin@zylker.de'],
      ['Jonas', 'Becker', 'jonas.becker@zylker.de'],
    ],
    U: [
      ['Amelia', 'Admin', 'admin@zylker.co.uk'],
      ['Harry', 'Wood', 'harry.wood@zylker.co.uk'],
    ],
  };
  const departments: Record<PortalKey, string[]> = {
    A: ['Support', 'Billing'],
    B: ['カスタマーサポート', '営業'],
    C: ['Partners'],
    E: ['Kundendienst'],
    U: ['Customer Care'],
  };
  for (const portal of ['A', 'B', 'C', 'E', 'U'] as const) {
    agents[portal].forEach(([firstName, lastName, emailId], i) => {
      b.portals[portal].addAgent({
        id: b.id(portal, 'agent'),
        firstName,
        lastName,
        emailId,
        // Portal U's are fixed: drawing them would move every later draw, and so the data other tests know.
        zuid: String(portal === 'U' ? 760000001 + i : 700000000 + b.rng.int(1, 99999999)),
      });
    });
    departments[portal].forEach((name, i) =>
      b.portals[portal].departments.push({ id: b.id(portal, 'department'), name, isDefault: i === 0 }),
    );
  }
  // Hostile payloads reach agent names too: only assigned to the hostile record's tickets.
  b.portals.A.addAgent({
    id: b.id('A', 'agent'),
    firstName: HOSTILE.img,
    lastName: HOSTILE.svg,
    emailId: 'mallory@zylker.com',
    zuid: '799999999',
  });
}

function crmPerson(
  b: DataBuilder,
  r: RecordFixture,
  firstName: string,
  lastName: string,
  extra: { phone?: string; company?: string } = {},
) {
  b.crm({
    module: r.module,
    id: r.recordId,
    name: r.name,
    firstName,
    lastName,
    emails: [...r.emails],
    ...(r.accountName ? { accountName: r.accountName } : {}),
    ownerName: 'Asha Admin',
    ...extra,
  });
}

const subjects = (b: DataBuilder, n: number, japanese = false) =>
  Array.from({ length: n }, () => b.rng.pick(japanese ? JA_SUBJECTS : EN_SUBJECTS));

/** Status types for `n` tickets: `open` Open (first one may be labelled Escalated), `hold` On Hold, rest Closed. */
function statuses(b: DataBuilder, open: number, hold: number, closed: number): StatusType[] {
  const list: StatusType[] = [
    ...Array<StatusType>(open).fill('Open'),
    ...Array<StatusType>(hold).fill('On Hold'),
    ...Array<StatusType>(closed).fill('Closed'),
  ];
  return b.rng.shuffle(list);
}

export function addFixtureRecords(b: DataBuilder): void {
  b.fixtureMode = true;
  addFixtureTickets(b);
  b.fixtureMode = false;
}

function addFixtureTickets(b: DataBuilder): void {
  const A = 'A',
    B = 'B';

  // Lead: 2 tickets by email in A (1 Open and overdue, 1 Closed). Its Desk contact is synced to the
  // Lead (zohoCRMContact can name a Lead), so both matching paths find the same two tickets.
  {
    const r = RECORDS.lead;
    crmPerson(b, r, 'Ayesha', 'Khan', { company: 'Northwind Traders', phone: '+1 555 0100' });
    const email = r.emails[0]!;
    const c = b.contact(A, { firstName: 'Ayesha', lastName: 'Khan', email, zohoCRMContact: r.recordId });
    b.ticket(A, { subject: 'Order #4411 never arrived', statusType: 'Open', overdue: true, email, contactId: c.id, priority: 'High' });
    b.ticket(A, { subject: 'Question about volume pricing', statusType: 'Closed', email, contactId: c.id });
  }

  // Contact: 9 by primary email, 3 by secondary, 2 more only through the synced Desk contact,
  // one of the 9 also through it. Desk holds a duplicate unsynced contact with the primary email.
  {
    const r = RECORDS.contact;
    crmPerson(b, r, 'Daniel', 'Okafor', { phone: '+1 555 0142' });
    const [primary, secondary] = [r.emails[0]!, r.emails[1]!];
    const contoso = b.account(A, { accountName: 'Contoso Ltd', website: 'https://contoso.example' });
    const linked = b.contact(A, {
      firstName: 'Daniel',
      lastName: 'Okafor',
      email: primary,
      secondaryEmail: secondary,
      accountId: contoso.id,
      zohoCRMContact: r.recordId,
    });
    const duplicate = b.contact(A, { firstName: 'Daniel', lastName: 'Okafor', email: primary, accountId: contoso.id });
    const gmail = b.contact(A, { firstName: 'D.', lastName: 'Okafor', email: secondary });
    const kinds = statuses(b, 8, 2, 4);
    const escalatedAt = kinds.indexOf('Open');
    const specs: TicketSpec[] = [];
    subjects(b, 9).forEach((subject, i) =>
      specs.push({ subject, statusType: 'Open', email: primary, contactId: i === 0 ? linked.id : duplicate.id, accountId: contoso.id }),
    );
    subjects(b, 3).forEach((subject) => specs.push({ subject, statusType: 'Open', email: secondary, contactId: gmail.id }));
    specs.push({
      subject: 'Phone call: renewal terms',
      statusType: 'Open',
      email: 'daniel@okafor-consulting.example',
      contactId: linked.id,
      accountId: contoso.id,
    });
    specs.push({
      subject: 'Forwarded by assistant: access badge',
      statusType: 'Open',
      email: 'assistant@contoso.example',
      contactId: linked.id,
      accountId: contoso.id,
    });
    specs.forEach((spec, i) => {
      const statusType = kinds[i]!;
      b.ticket(A, {
        ...spec,
        statusType,
        overdue: statusType !== 'Closed' && i % 5 === 1,
        ...(i === escalatedAt ? { status: 'Escalated' } : {}),
      });
    });
    const cB = b.contact(B, { firstName: 'Daniel', lastName: 'Okafor', email: primary });
    for (const statusType of ['Open', 'On Hold', 'Closed'] as const)
      b.ticket(B, { subject: b.rng.pick(JA_SUBJECTS), statusType, email: primary, contactId: cB.id });
  }

  // Account: "Globex Corporation" (synced to this record, 5 tickets) and "Globex Corporation Asia"
  // (synced to another CRM account, 3 tickets) both answer accounts/search for the name.
  {
    const r = RECORDS.account;
    b.crm({
      module: 'Accounts',
      id: r.recordId,
      name: r.name,
      emails: [],
      accountName: r.name,
      phone: '+1 555 0199',
      ownerName: 'Asha Admin',
    });
    b.crm({
      module: 'Accounts',
      id: GLOBEX_ASIA_CRM_ID,
      name: 'Globex Corporation Asia',
      emails: [],
      accountName: 'Globex Corporation Asia',
      ownerName: 'Ben Carter',
    });
    const globex = b.account(A, {
      accountName: 'Globex Corporation',
      website: 'https://globex.example',
      industry: 'Manufacturing',
      zohoCRMAccount: r.recordId,
    });
    const asia = b.account(A, {
      accountName: 'Globex Corporation Asia',
      website: 'https://asia.globex.example',
      zohoCRMAccount: GLOBEX_ASIA_CRM_ID,
    });
    const hank = b.contact(A, { firstName: 'Hank', lastName: 'Scorpio', email: 'hank@globex.example', accountId: globex.id });
    const marge = b.contact(A, { firstName: 'Marge', lastName: 'Finch', email: 'marge.finch@globex.example', accountId: globex.id });
    statuses(b, 3, 1, 1).forEach((statusType, i) => {
      const c = i % 2 ? marge : hank;
      b.ticket(A, { subject: b.rng.pick(EN_SUBJECTS), statusType, email: c.email, contactId: c.id, accountId: globex.id });
    });
    const lin = b.contact(A, { firstName: 'Mei', lastName: 'Lin', email: 'mei.lin@asia.globex.example', accountId: asia.id });
    statuses(b, 2, 0, 1).forEach((statusType) =>
      b.ticket(A, { subject: b.rng.pick(EN_SUBJECTS), statusType, email: lin.email, contactId: lin.id, accountId: asia.id }),
    );
  }

  // No tickets, no email: CRM records only.
  crmPerson(b, RECORDS.noTickets, 'Mia', 'Schultz', { phone: '+49 30 1234567' });
  b.crm({
    module: 'Contacts',
    id: RECORDS.noEmail.recordId,
    name: RECORDS.noEmail.name,
    firstName: 'Unnamed',
    lastName: 'Walk-in',
    emails: [],
    ownerName: 'Ben Carter',
  });

  // Japanese contact: 4 tickets in A, 2 in B, Japanese subjects and status labels.
  {
    const r = RECORDS.japanese;
    const email = r.emails[0]!;
    crmPerson(b, r, '花子', '山田', { phone: '03-1234-5678' });
    const sample = b.account(A, { accountName: '株式会社サンプル' });
    const c = b.contact(A, { firstName: '花子', lastName: '山田', email, accountId: sample.id, zohoCRMContact: r.recordId });
    const kinds: [StatusType, boolean][] = [
      ['Open', false],
      ['On Hold', false],
      ['Closed', false],
      ['Open', true],
    ];
    for (const [statusType, overdue] of kinds)
      b.ticket(A, { subject: b.rng.pick(JA_SUBJECTS), statusType, overdue, email, contactId: c.id, accountId: sample.id, japanese: true });
    const cB = b.contact(B, { firstName: '花子', lastName: '山田', email });
    b.ticket(B, { subject: '請求書の再発行をお願いします', statusType: 'Open', email, contactId: cB.id });
    b.ticket(B, { subject: '納期について', statusType: 'Closed', email, contactId: cB.id });
  }

  // Hostile contact: payloads in subjects, names, status labels, priorities, categories, agent names.
  {
    const r = RECORDS.hostile;
    const email = r.emails[0]!;
    crmPerson(b, r, HOSTILE.script, HOSTILE.img);
    const evil = b.account(A, { accountName: `${HOSTILE.svg} Corp`, website: HOSTILE.js });
    const c = b.contact(A, { firstName: HOSTILE.script, lastName: HOSTILE.img, email, accountId: evil.id, zohoCRMContact: r.recordId });
    const mallory = b.portals.A.agents.find((a) => a.firstName === HOSTILE.img)!.id;
    b.ticket(A, {
      subject: HOSTILE.img,
      status: HOSTILE.script,
      statusType: 'Open',
      priority: HOSTILE.svg,
      email,
      contactId: c.id,
      accountId: evil.id,
      assigneeId: mallory,
      category: HOSTILE.js,
    });
    b.ticket(A, {
      subject: `${HOSTILE.script} Refund`,
      statusType: 'On Hold',
      priority: HOSTILE.bold,
      email,
      contactId: c.id,
      accountId: evil.id,
      assigneeId: mallory,
      description: HOSTILE.iframe,
    });
    b.ticket(A, {
      subject: HOSTILE.svg,
      status: `Closed${HOSTILE.iframe}`,
      statusType: 'Closed',
      priority: 'Low',
      email,
      contactId: c.id,
      accountId: evil.id,
      assigneeId: null,
    });
  }

  // Big lead: 1,100 tickets by email (an unsynced Desk contact), beyond the search window.
  {
    const r = RECORDS.big;
    crmPerson(b, r, 'Bulk', 'Buyer', { company: 'Bulk Buyer Wholesale' });
    const email = r.emails[0]!;
    const c = b.contact(A, { firstName: 'Bulk', lastName: 'Buyer', email });
    for (let i = 0; i < 1100; i++) {
      const roll = b.rng.next();
      const statusType: StatusType = roll < 0.7 ? 'Closed' : roll < 0.9 ? 'Open' : 'On Hold';
      b.ticket(A, {
        subject: `${b.rng.pick(EN_SUBJECTS)} (PO ${70000 + i})`,
        statusType,
        overdue: statusType !== 'Closed' && b.rng.chance(0.3),
        email,
        contactId: c.id,
      });
    }
  }

  // Big account: 250 tickets of "Initech Holdings" (synced to this record), from 25 Desk contacts.
  {
    const r = RECORDS.bigAccount;
    b.crm({ module: 'Accounts', id: r.recordId, name: r.name, emails: [], accountName: r.name, ownerName: 'Asha Admin' });
    const initech = b.account(A, { accountName: r.name, website: 'https://initech.example', zohoCRMAccount: r.recordId });
    const people = Array.from({ length: 25 }, (_, i) =>
      b.contact(A, { firstName: 'Staff', lastName: `Member ${i + 1}`, email: `staff${i + 1}@initech.example`, accountId: initech.id }),
    );
    for (let i = 0; i < 250; i++) {
      const roll = b.rng.next();
      const statusType: StatusType = roll < 0.6 ? 'Closed' : roll < 0.85 ? 'Open' : 'On Hold';
      const c = people[i % people.length]!;
      b.ticket(A, {
        subject: `${b.rng.pick(EN_SUBJECTS)} (Initech ${i + 1})`,
        statusType,
        email: c.email,
        contactId: c.id,
        accountId: initech.id,
      });
    }
  }

  // Sparse contact: two ordinary tickets and one Zoho answers with nulls.
  {
    const r = RECORDS.sparse;
    const email = r.emails[0]!;
    crmPerson(b, r, 'Robin', 'Sparse');
    const c = b.contact(A, { firstName: 'Robin', lastName: 'Sparse', email, zohoCRMContact: r.recordId });
    b.ticket(A, { subject: 'Invoice copy, please', statusType: 'Open', email, contactId: c.id });
    b.ticket(A, { subject: 'Thanks for the quick fix', statusType: 'Closed', email, contactId: c.id });
    b.ticket(A, {
      subject: 'Call back about the delivery',
      statusType: 'Open',
      email,
      contactId: c.id,
      nulls: ['subject', 'status', 'statusType', 'assignee', 'assigneeId', 'dueDate'],
    });
  }

  // EU contact: 3 tickets in portal E (desk.zoho.eu).
  {
    const r = RECORDS.euContact;
    const email = r.emails[0]!;
    crmPerson(b, r, 'Lena', 'Fischer', { phone: '+49 30 5550123' });
    const c = b.contact('E', { firstName: 'Lena', lastName: 'Fischer', email, zohoCRMContact: r.recordId });
    for (const [subject, statusType] of [
      ['Rechnung doppelt erhalten', 'Open'],
      ['Lieferadresse ändern', 'On Hold'],
      ['Passwort zurücksetzen', 'Closed'],
    ] as const)
      b.ticket('E', { subject, statusType, email, contactId: c.id });
  }

  // UK contact: 3 tickets in portal U (desk.zoho.uk).
  {
    const r = RECORDS.ukContact;
    const email = r.emails[0]!;
    crmPerson(b, r, 'Oliver', 'Bennett', { phone: '+44 20 7946 0321' });
    const c = b.contact('U', { firstName: 'Oliver', lastName: 'Bennett', email, zohoCRMContact: r.recordId });
    for (const [subject, statusType] of [
      ['Parcel held at the depot', 'Open'],
      ['VAT number on the invoice', 'On Hold'],
      ['Direct debit set up', 'Closed'],
    ] as const)
      b.ticket('U', { subject, statusType, email, contactId: c.id });
  }

  // Contact whose page shows an old address: CRM's API has the current one, with 2 tickets in A.
  {
    const r = RECORDS.movedContact;
    const email = r.emails[0]!;
    b.crm({
      module: 'Contacts',
      id: r.recordId,
      name: r.name,
      firstName: 'Priya',
      lastName: 'Raman',
      emails: [...r.pageEmails],
      apiEmails: [...r.emails],
      ownerName: 'Asha Admin',
    });
    const c = b.contact(A, { firstName: 'Priya', lastName: 'Raman', email });
    for (const [subject, statusType] of [
      ['Renewal quote for 2027', 'Open'],
      ['Onboarding call notes', 'Closed'],
    ] as const)
      b.ticket(A, { subject, statusType, email, contactId: c.id });
  }
}

/**
 * Records matched by their CRM links rather than an email, made after every other record so the
 * data other tests know keeps its ids and draws: the linked contact (no email on its CRM page),
 * its account Fabrikam Inc and their Deal.
 */
export function addLinkFixtures(b: DataBuilder): void {
  b.fixtureMode = true;
  const A = 'A';
  const person = RECORDS.linked;
  const company = RECORDS.fabrikam;
  b.crm({
    module: 'Contacts',
    id: person.recordId,
    name: person.name,
    firstName: 'Tomasz',
    lastName: 'Wierzbicki',
    emails: [],
    accountName: company.name,
    ownerName: 'Ben Carter',
  });
  b.crm({ module: 'Accounts', id: company.recordId, name: company.name, emails: [], accountName: company.name, ownerName: 'Ben Carter' });
  b.crm({
    module: 'Potentials',
    id: DEAL.recordId,
    name: DEAL.name,
    emails: [],
    contactName: person.name,
    accountName: company.name,
    ownerName: 'Ben Carter',
  });
  const fabrikam = b.account(A, { accountName: company.name, website: 'https://fabrikam.example', zohoCRMAccount: company.recordId });
  const linked = b.contact(A, {
    firstName: 'Tomasz',
    lastName: 'Wierzbicki',
    email: 'tomasz.w@fabrikam.example',
    accountId: fabrikam.id,
    zohoCRMContact: person.recordId,
  });
  // Another person of the same name, not linked to any CRM record.
  const namesake = b.contact(A, { firstName: 'Tomasz', lastName: 'Wierzbicki', email: 'tomasz@namesake.example' });
  const colleague = b.contact(A, { firstName: 'Grace', lastName: 'Obi', email: 'grace.obi@fabrikam.example', accountId: fabrikam.id });
  b.ticket(A, {
    subject: 'Licence keys for the new office',
    statusType: 'Open',
    email: linked.email,
    contactId: linked.id,
    accountId: fabrikam.id,
  });
  b.ticket(A, { subject: 'Personal laptop will not sync', statusType: 'Closed', email: linked.email, contactId: linked.id });
  b.ticket(A, {
    subject: 'Invoice address for Fabrikam',
    statusType: 'Open',
    email: colleague.email,
    contactId: colleague.id,
    accountId: fabrikam.id,
  });
  b.ticket(A, {
    subject: 'Training dates in March',
    statusType: 'On Hold',
    email: colleague.email,
    contactId: colleague.id,
    accountId: fabrikam.id,
  });
  b.ticket(A, { subject: 'Not the Fabrikam Tomasz', statusType: 'Open', email: namesake.email, contactId: namesake.id });
  b.fixtureMode = false;
}
