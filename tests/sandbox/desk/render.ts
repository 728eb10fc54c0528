/**
 * Desk JSON shapes (reference/zoho-desk-api.md §5, §8, §10, §11): which fields a ticket has in
 * search results, list endpoints and get-ticket; ids and counters as digit strings; dates as ISO
 * strings with ms, except portal B's list endpoints, which answer epoch-ms numbers (the OAS list
 * examples). Organizations mix string, boolean and number typing per portal.
 */
import { PORTALS } from '../fixtures';
import type { DeskAccount, DeskContact, DeskTicket, PortalKey } from '../generate/model';
import type { PortalStore } from '../generate/model';
import type { KeyAccess } from './access';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const epochOrIso = (portal: PortalKey) => (ms: number | null) => (portal === 'B' ? ms : iso(ms));
const deskUrl = (portal: PortalKey, kind: string, id: string) =>
  `https://desk.zoho.com/support/${PORTALS[portal].portalName}/ShowHomePage.do#${kind}/dv/${id}`;

export const ticketWebUrl = (portal: PortalKey, id: string) => deskUrl(portal, 'Cases', id);

const isOverDue = (t: DeskTicket) => t.statusType !== 'Closed' && t.dueDate !== null && t.dueDate < Date.now();

function embeddedContact(store: PortalStore, t: DeskTicket) {
  const c = t.contactId ? store.contactById.get(t.contactId) : undefined;
  if (!c) return null;
  const account = c.accountId ? store.accountById.get(c.accountId) : undefined;
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    type: null,
    isSpam: false,
    account: account ? { id: account.id, accountName: account.accountName, website: account.website } : null,
  };
}

function agent(store: PortalStore, t: DeskTicket, shape: 'search' | 'list') {
  const a = t.assigneeId ? store.agentById.get(t.assigneeId) : undefined;
  if (!a) return null;
  const photoURL = `https://desk.zoho.com/api/v1/agents/${a.id}/photo?orgId=${PORTALS[store.key].id}`;
  return shape === 'search'
    ? { id: a.id, firstName: a.firstName, lastName: a.lastName, emailId: a.emailId, photoURL, zuid: a.zuid }
    : { id: a.id, firstName: a.firstName, lastName: a.lastName, email: a.emailId, photoURL };
}

function department(store: PortalStore, t: DeskTicket) {
  const d = store.departments.find((x) => x.id === t.departmentId);
  return d ? { id: d.id, name: d.name } : null;
}

const lastThread = (t: DeskTicket) => ({ channel: t.channel.toUpperCase(), isDraft: false, isForward: false, direction: 'in' });

/** A `tickets/search` item: modifiedTime, isOverDue, embedded contact and assignee; no accountId. */
export function searchTicket(store: PortalStore, t: DeskTicket) {
  return {
    id: t.id,
    ticketNumber: t.ticketNumber,
    email: t.email,
    phone: t.phone,
    subject: t.subject,
    description: t.description,
    status: t.status,
    statusType: t.statusType,
    createdTime: iso(t.createdTime),
    category: t.category,
    subCategory: null,
    classification: null,
    resolution: null,
    priority: t.priority,
    channel: t.channel,
    dueDate: iso(t.dueDate),
    departmentId: t.departmentId,
    contactId: t.contactId,
    assigneeId: t.assigneeId,
    teamId: null,
    productId: null,
    customerResponseTime: iso(t.customerResponseTime),
    onholdTime: iso(t.onholdTime),
    closedTime: iso(t.closedTime),
    modifiedTime: iso(t.modifiedTime),
    createdBy: t.assigneeId ?? store.agents[0]?.id ?? null,
    modifiedBy: t.assigneeId ?? store.agents[0]?.id ?? null,
    isOverDue: isOverDue(t),
    isSpam: false,
    isRead: true,
    isEscalated: t.isEscalated,
    threadCount: String(t.threadCount),
    commentCount: String(t.commentCount),
    webUrl: ticketWebUrl(store.key, t.id),
    lastThread: lastThread(t),
    cf: {},
    sharedDepartments: [],
    contact: embeddedContact(store, t),
    assignee: agent(store, t, 'search'),
    department: department(store, t),
    team: null,
    product: null,
  };
}

/** A list-endpoint item: no modifiedTime, no isOverDue; assignee/contact only when included. */
export function listTicket(store: PortalStore, t: DeskTicket, include: Set<string>) {
  const date = epochOrIso(store.key);
  return {
    id: t.id,
    ticketNumber: t.ticketNumber,
    layoutId: `${store.idPrefix}600000001`,
    email: t.email,
    phone: t.phone,
    subject: t.subject,
    status: t.status,
    statusType: t.statusType,
    createdTime: date(t.createdTime),
    category: t.category,
    subCategory: null,
    priority: t.priority,
    channel: t.channel,
    channelCode: null,
    language: t.language,
    dueDate: date(t.dueDate),
    responseDueDate: null,
    departmentId: t.departmentId,
    contactId: t.contactId,
    accountId: t.accountId,
    assigneeId: t.assigneeId,
    teamId: null,
    productId: null,
    customerResponseTime: date(t.customerResponseTime),
    onholdTime: date(t.onholdTime),
    closedTime: date(t.closedTime),
    isSpam: false,
    isArchived: false,
    threadCount: String(t.threadCount),
    commentCount: String(t.commentCount),
    webUrl: ticketWebUrl(store.key, t.id),
    sentiment: null,
    relationshipType: 'None',
    source: { type: 'SYSTEM', appName: null, extId: null, permalink: null, appPhotoURL: null },
    lastThread: lastThread(t),
    cf: {},
    ...(include.has('assignee') ? { assignee: agent(store, t, 'list') } : {}),
    ...(include.has('contacts') ? { contact: embeddedContact(store, t) } : {}),
    ...(include.has('departments') ? { department: department(store, t) } : {}),
    ...(include.has('isRead') ? { isRead: true } : {}),
  };
}

/** `tickets/{id}`: the full ticket; contact/assignee/department only when included. */
export function fullTicket(store: PortalStore, t: DeskTicket, include: Set<string>) {
  const { contact, assignee, department: dept, lastThread: _thread, ...rest } = searchTicket(store, t);
  return {
    ...rest,
    layoutId: `${store.idPrefix}600000001`,
    language: t.language,
    channelCode: null,
    accountId: t.accountId,
    responseDueDate: null,
    isResponseOverdue: false,
    isTrashed: false,
    isFollowing: false,
    isDeleted: false,
    isArchived: false,
    secondaryContacts: [],
    customFields: {},
    taskCount: '0',
    attachmentCount: '0',
    sharedCount: '0',
    approvalCount: '0',
    followerCount: '0',
    tagCount: '0',
    timeEntryCount: '0',
    sentiment: null,
    source: { type: 'SYSTEM', appName: null, extId: null, permalink: null, appPhotoURL: null },
    ...(include.has('contacts') ? { contact } : {}),
    ...(include.has('assignee') ? { assignee } : {}),
    ...(include.has('departments') ? { department: dept } : {}),
  };
}

export function contactJson(store: PortalStore, c: DeskContact) {
  const account = c.accountId ? store.accountById.get(c.accountId) : undefined;
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    secondaryEmail: c.secondaryEmail,
    phone: c.phone,
    mobile: c.mobile,
    type: null,
    title: null,
    accountId: c.accountId,
    account: account ? { id: account.id, accountName: account.accountName, website: account.website } : null,
    ownerId: store.agents[0]?.id ?? null,
    photoURL: null,
    webUrl: deskUrl(store.key, 'Contacts', c.id),
    createdTime: iso(c.createdTime),
    modifiedTime: iso(c.modifiedTime),
    isAnonymous: false,
    isEndUser: false,
    isSpam: false,
    isDeleted: false,
    isTrashed: false,
    customerHappiness: { badPercentage: '0', okPercentage: '20', goodPercentage: '80' },
    zohoCRMContact: c.zohoCRMContact ? { id: c.zohoCRMContact, type: 'contacts_leads' } : null,
    cf: {},
  };
}

/** accounts/search items omit zohoCRMAccount; `accounts/{id}` carries it. */
export function accountJson(store: PortalStore, a: DeskAccount, withCrm: boolean) {
  return {
    id: a.id,
    accountName: a.accountName,
    email: a.email,
    phone: a.phone,
    website: a.website,
    industry: a.industry,
    createdTime: iso(a.createdTime),
    modifiedTime: iso(a.modifiedTime),
    webUrl: deskUrl(store.key, 'Accounts', a.id),
    ownerId: store.agents[0]?.id ?? null,
    customerHappiness: { badPercentage: '0', okPercentage: '0', goodPercentage: '100' },
    cf: {},
    ...(withCrm
      ? {
          fax: null,
          annualrevenue: '0',
          code: null,
          description: null,
          street: null,
          city: null,
          state: null,
          country: null,
          associatedSLAIds: [],
          isFollowing: 'true',
          isDeleted: false,
          isTrashed: false,
          owner: store.agents[0]
            ? { id: store.agents[0].id, firstName: store.agents[0].firstName, lastName: store.agents[0].lastName }
            : null,
          zohoCRMAccount: a.zohoCRMAccount ? { id: a.zohoCRMAccount } : null,
        }
      : {}),
  };
}

/** Counters as digit strings (§7.6). */
export function statistics(tickets: readonly DeskTicket[]) {
  const count = (p: (t: DeskTicket) => boolean) => String(tickets.filter(p).length);
  const channelWiseCount: Record<string, string> = {};
  for (const t of tickets) channelWiseCount[t.channel] = String(Number(channelWiseCount[t.channel] ?? 0) + 1);
  return {
    totalTickets: String(tickets.length),
    openTickets: count((t) => t.statusType === 'Open'),
    closedTickets: count((t) => t.statusType === 'Closed'),
    onholdTickets: count((t) => t.statusType === 'On Hold'),
    escalatedTickets: count((t) => t.isEscalated),
    overdueTickets: count(isOverDue),
    spamTickets: '0',
    channelWiseCount,
    customerHappiness: { badCount: '0', okCount: '1', goodCount: String(Math.max(0, tickets.length - 1)) },
    firstResponseTime: '3600000',
    responseTime: '5400000',
    resolutionTime: '86400000',
  };
}

/** /organizations: A as strings (`"true"`, `"10"`), B with a numeric id and real booleans, C mixed. */
export function organizationJson(key: PortalKey, access: KeyAccess) {
  const p = PORTALS[key];
  const common = {
    companyName: p.companyName,
    portalName: p.portalName,
    alias: null,
    description: null,
    timeZone: p.timeZone,
    edition: p.edition,
    isAdminInOrg: access.isAdmin,
    currencyCode: key === 'B' ? 'JPY' : 'USD',
    currencySymbol: key === 'B' ? '¥' : '$',
    currencyLocale: key === 'B' ? 'ja_JP' : 'en_US',
    primaryContact: access.email,
    portalURL: `https://support.${p.portalName}.example/support/${p.portalName}/ShowHomePage.do`,
    logoURL: null,
    faviconURL: null,
    phoneNumber: null,
    mobile: null,
    fax: null,
    website: null,
    street: null,
    city: null,
    state: null,
    country: key === 'B' ? 'Japan' : 'United States',
    zip: null,
  };
  if (key === 'A')
    return { id: p.id, isDefault: 'true', isSandboxPortal: 'false', isPayloadEncryptionEnabled: 'false', employeeCount: '10', ...common };
  if (key === 'B')
    return { id: Number(p.id), isDefault: false, isSandboxPortal: false, isPayloadEncryptionEnabled: false, employeeCount: 250, ...common };
  return { id: p.id, isDefault: 'false', isSandboxPortal: false, isPayloadEncryptionEnabled: 'false', employeeCount: 40, ...common };
}
