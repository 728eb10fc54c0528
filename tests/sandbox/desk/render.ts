/**
 * Desk answers, built to the contract's shapes from the sandbox's data: each record becomes a
 * bag of every value any shape may ask for, and `renderShape` keeps the shape's keys only.
 * Ids and counters start as digit strings, times as epoch ms; portal B's list endpoints answer
 * epoch-ms numbers (as the files' list examples do), everything else ISO strings with ms.
 */
import { deskHostOf, PORTALS } from '../fixtures';
import type { DeskAccount, DeskAgent, DeskContact, DeskTicket, PortalKey, PortalStore } from '../generate/model';
import type { Shape } from '../contract/index';
import type { Variation } from '../variation';
import { renderShape, type Bag } from './shape';
import { ACCOUNT_KEPT, CONTACT_KEPT, ticketKept } from './kept';

const deskUrl = (portal: PortalKey, kind: string, id: string) =>
  `https://${deskHostOf(portal)}/support/${PORTALS[portal].portalName}/ShowHomePage.do#${kind}/dv/${id}`;

export const ticketWebUrl = (portal: PortalKey, id: string) => deskUrl(portal, 'Cases', id);

export const isOverDue = (t: DeskTicket) => t.statusType !== 'Closed' && t.dueDate !== null && t.dueDate < Date.now();

function agentBag(store: PortalStore, a: DeskAgent | undefined): Bag | null {
  if (!a) return null;
  return {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    name: `${a.firstName} ${a.lastName}`,
    email: a.emailId,
    emailId: a.emailId,
    zuid: a.zuid,
    photoURL: `https://${deskHostOf(store.key)}/api/v1/agents/${a.id}/photo?orgId=${PORTALS[store.key].id}`,
  };
}

function accountRef(account: DeskAccount | undefined): Bag | null {
  return account ? { id: account.id, accountName: account.accountName, website: account.website } : null;
}

function contactRef(store: PortalStore, c: DeskContact | undefined): Bag | null {
  if (!c) return null;
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    type: null,
    isSpam: false,
    account: accountRef(c.accountId ? store.accountById.get(c.accountId) : undefined),
  };
}

export function ticketBag(store: PortalStore, t: DeskTicket): Bag {
  const contact = t.contactId ? store.contactById.get(t.contactId) : undefined;
  const department = store.departments.find((d) => d.id === t.departmentId);
  const actor = t.assigneeId ?? store.agents[0]?.id ?? null;
  const layoutId = `${store.idPrefix}600000001`;
  return {
    id: t.id,
    ticketNumber: t.ticketNumber,
    subject: t.subject,
    description: t.description,
    status: t.status,
    statusType: t.statusType,
    priority: t.priority,
    channel: t.channel,
    channelCode: null,
    language: t.language,
    category: t.category,
    subCategory: null,
    classification: null,
    resolution: null,
    email: t.email,
    phone: t.phone,
    contactId: t.contactId,
    accountId: t.accountId,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    teamId: null,
    productId: null,
    layoutId,
    layoutDetails: { id: layoutId, layoutName: 'Standard' },
    slaId: null,
    createdBy: actor,
    modifiedBy: actor,
    createdTime: t.createdTime,
    modifiedTime: t.modifiedTime,
    dueDate: t.dueDate,
    responseDueDate: null,
    closedTime: t.closedTime,
    onholdTime: t.onholdTime,
    customerResponseTime: t.customerResponseTime,
    lockedTime: null,
    isOverDue: isOverDue(t),
    isResponseOverdue: false,
    isSpam: false,
    isArchived: false,
    isRead: true,
    isEscalated: t.isEscalated,
    isDeleted: false,
    isTrashed: false,
    isFollowing: false,
    threadCount: t.threadCount,
    commentCount: t.commentCount,
    childTicketCount: 0,
    taskCount: 0,
    attachmentCount: 0,
    approvalCount: 0,
    timeEntryCount: 0,
    tagCount: 0,
    followerCount: 0,
    webUrl: ticketWebUrl(store.key, t.id),
    sentiment: null,
    relationshipType: 'None',
    lastThread: { channel: t.channel.toUpperCase(), isDraft: false, isForward: false, direction: 'in' },
    source: { type: 'SYSTEM', appName: null, extId: null, permalink: null, appPhotoURL: null, uuid: null },
    channelRelatedInfo: null,
    cf: {},
    customFields: {},
    sharedDepartments: [],
    secondaryContacts: [],
    entitySkills: [],
    parentTicket: null,
    sourceTicket: null,
    contact: contactRef(store, contact),
    assignee: agentBag(store, t.assigneeId ? store.agentById.get(t.assigneeId) : undefined),
    department: department ? { id: department.id, name: department.name } : null,
    team: null,
    product: null,
  };
}

export function contactBag(store: PortalStore, c: DeskContact): Bag {
  const account = c.accountId ? store.accountById.get(c.accountId) : undefined;
  const owner = store.agents[0];
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
    account: accountRef(account),
    ownerId: owner?.id ?? null,
    owner: agentBag(store, owner),
    photoURL: null,
    webUrl: deskUrl(store.key, 'Contacts', c.id),
    createdTime: c.createdTime,
    modifiedTime: c.modifiedTime,
    isAnonymous: false,
    isEndUser: false,
    isSpam: false,
    isDeleted: false,
    isTrashed: false,
    isFollowing: false,
    accountCount: c.accountId ? 1 : 0,
    customerHappiness: { badPercentage: 0, okPercentage: 20, goodPercentage: 80 },
    zohoCRMContact: c.zohoCRMContact ? { id: c.zohoCRMContact, type: 'contacts_leads' } : null,
    cf: {},
    customFields: {},
    zip: null,
    country: null,
    city: null,
    street: null,
    state: null,
    facebook: null,
    twitter: null,
    description: null,
    layoutId: `${store.idPrefix}600000002`,
    layoutDetails: { id: `${store.idPrefix}600000002`, layoutName: 'Standard' },
  };
}

export function accountBag(store: PortalStore, a: DeskAccount): Bag {
  const owner = store.agents[0];
  return {
    id: a.id,
    accountName: a.accountName,
    email: a.email,
    phone: a.phone,
    website: a.website,
    industry: a.industry,
    createdTime: a.createdTime,
    modifiedTime: a.modifiedTime,
    webUrl: deskUrl(store.key, 'Accounts', a.id),
    ownerId: owner?.id ?? null,
    owner: agentBag(store, owner),
    customerHappiness: { badPercentage: 0, okPercentage: 0, goodPercentage: 100 },
    cf: {},
    customFields: {},
    country: null,
    code: null,
    city: null,
    description: null,
    street: null,
    state: null,
    fax: null,
    annualrevenue: null,
    layoutId: `${store.idPrefix}600000003`,
    layoutDetails: { id: `${store.idPrefix}600000003`, layoutName: 'Standard' },
    isFollowing: false,
    isDeleted: false,
    isTrashed: false,
    associatedSLAIds: [],
    zohoCRMAccount: a.zohoCRMAccount ? { id: a.zohoCRMAccount } : null,
  };
}

/** Counters of a set of tickets. */
export function statisticsBag(tickets: readonly DeskTicket[]): Bag {
  const count = (p: (t: DeskTicket) => boolean) => tickets.filter(p).length;
  const channelWiseCount: Record<string, number> = {};
  for (const t of tickets) channelWiseCount[t.channel] = (channelWiseCount[t.channel] ?? 0) + 1;
  return {
    totalTickets: tickets.length,
    openTickets: count((t) => t.statusType === 'Open'),
    closedTickets: count((t) => t.statusType === 'Closed'),
    onholdTickets: count((t) => t.statusType === 'On Hold'),
    escalatedTickets: count((t) => t.isEscalated),
    overdueTickets: count(isOverDue),
    spamTickets: 0,
    channelWiseCount,
    customerHappiness: { badCount: 0, okCount: 1, goodCount: Math.max(0, tickets.length - 1) },
    firstResponseTime: 3600000,
    responseTime: 5400000,
    resolutionTime: 86400000,
  };
}

export interface Renderer {
  ticket(shape: Shape, t: DeskTicket, include: ReadonlySet<string>, dates?: 'iso' | 'epoch'): Record<string, unknown>;
  contact(shape: Shape, c: DeskContact, include?: ReadonlySet<string>): Record<string, unknown>;
  account(shape: Shape, a: DeskAccount, include?: ReadonlySet<string>): Record<string, unknown>;
  plain(shape: Shape, bag: Bag, kept: ReadonlySet<string>, include?: ReadonlySet<string>): Record<string, unknown>;
}

const NONE: ReadonlySet<string> = new Set();

/** Answers for one portal's store with one run's variation. */
export function renderer(store: PortalStore, variation: Variation): Renderer {
  return {
    ticket: (shape, t, include, dates = 'iso') =>
      renderShape(
        shape,
        ticketBag(store, t),
        { variation, include, kept: ticketKept(t), dates, ...(t.nulls ? { nulls: new Set(t.nulls) } : {}) },
        `ticket:${t.id}`,
      ),
    contact: (shape, c, include = NONE) =>
      renderShape(shape, contactBag(store, c), { variation, include, kept: CONTACT_KEPT, dates: 'iso' }, `contact:${c.id}`),
    account: (shape, a, include = NONE) =>
      renderShape(shape, accountBag(store, a), { variation, include, kept: ACCOUNT_KEPT, dates: 'iso' }, `account:${a.id}`),
    plain: (shape, bag, kept, include = NONE) => renderShape(shape, bag, { variation, include, kept, dates: 'iso' }),
  };
}
