/**
 * The three ticket shapes Zoho documents, which differ in keys and nullability:
 * - search items (`/tickets/search`): every key present, every value nullable, no `accountName`
 *   (it is `contact.account.accountName`), assignee with `emailId`;
 * - list items (`/contacts/{id}/tickets`, `/accounts/{id}/tickets`): no `modifiedTime`, no
 *   `isOverDue`, `subject` never null but not a required key; assignee (on request) with `email`;
 * - the ticket itself (`/tickets/{id}`): ids, number, times and `statusType` never null.
 */
import { allOptional, always, included, nullable, opt } from './fields';
import { desk } from './sources';
import type { FieldSpec, Shape } from './types';

const STATUS_TYPES = ['Open', 'Closed', 'On Hold'] as const;

const shape = (name: string, source: Shape['source'], fields: Record<string, FieldSpec>, extra: Partial<Shape> = {}): Shape => ({
  name,
  source,
  fields,
  closed: true,
  ...extra,
});

// ---- Search item (Search.json @75e1ba5, components/schemas) ----

const SEARCH = (at: string) => desk('Search.json', '75e1ba5', `components/schemas/${at}`);

export const SUB_ACCOUNT = shape('subModuleAccountFields', SEARCH('subModuleAccountFields'), {
  website: nullable.string({ maxLength: 120 }),
  accountName: nullable.string({ maxLength: 200 }),
  id: nullable.id(),
});

const TICKET_CONTACT = shape('ticketContactFields', SEARCH('ticketContactFields'), {
  lastName: nullable.string({ maxLength: 200 }),
  firstName: nullable.string({ maxLength: 40 }),
  phone: nullable.string({ maxLength: 50 }),
  mobile: nullable.string({ maxLength: 50 }),
  id: nullable.id(),
  type: nullable.string(),
  email: nullable.string({ maxLength: 255 }),
  account: nullable.object(SUB_ACCOUNT),
});

const LAST_THREAD = shape('lastThread', SEARCH('lastThread'), {
  channel: nullable.string(),
  isDraft: nullable.boolean(),
  isForward: nullable.boolean(),
  direction: nullable.string({ enum: ['in', 'out'] }),
});

/** The agent as search answers carry it: `emailId` and `zuid`. */
export const SEARCH_ASSIGNEE = shape('assigneeFields', SEARCH('assigneeFields'), {
  firstName: nullable.string({ maxLength: 50 }),
  photoURL: nullable.url({ maxLength: 200 }),
  lastName: nullable.string({ maxLength: 50 }),
  emailId: nullable.string({ maxLength: 100 }),
  id: nullable.id(),
  zuid: nullable.id(),
});

const DEPARTMENT = shape('departmentFields', SEARCH('departmentFields'), { name: nullable.string({ maxLength: 200 }), id: nullable.id() });
const TEAM = shape('teamFields', SEARCH('teamFields'), {
  name: nullable.string({ maxLength: 50 }),
  id: nullable.id(),
  logoUrl: nullable.url({ maxLength: 200 }),
});
const PRODUCT = shape('subModuleProductFields', SEARCH('subModuleProductFields'), {
  id: nullable.id(),
  productName: nullable.string({ maxLength: 200 }),
});
const SHARED_DEPARTMENT = shape(
  'sharedDepartmentsWithName',
  desk('Ticket.json', '3f7016e', 'components/schemas/sharedDepartmentsWithName'),
  {
    name: always.string({ maxLength: 200 }),
    id: always.id(),
    type: always.string({ enum: ['READ_ONLY', 'READ_WRITE', 'RESTRICTED_ACCESS'] }),
  },
);
const ID_REF = (name: string, source: Shape['source']) => shape(name, source, { id: nullable.id() });
const CUSTOM_VALUES = nullable.map(nullable.string({ maxLength: 100 }));

export const SEARCH_TICKET = shape('searchTicketResponseFields', SEARCH('searchTicketResponseFields'), {
  modifiedTime: nullable.date(),
  subCategory: nullable.string(),
  statusType: nullable.string({ enum: STATUS_TYPES }),
  subject: nullable.string({ maxLength: 1000 }),
  dueDate: nullable.date(),
  departmentId: nullable.id(),
  channel: nullable.string(),
  onholdTime: nullable.date(),
  language: nullable.string(),
  sharedDepartments: nullable.array(always.object(SHARED_DEPARTMENT)),
  resolution: nullable.string({ maxLength: 65535 }),
  closedTime: nullable.date(),
  isOverDue: nullable.boolean(),
  contact: nullable.object(TICKET_CONTACT),
  createdTime: nullable.date(),
  id: nullable.id(),
  customerResponseTime: nullable.date(),
  productId: nullable.id(),
  contactId: nullable.id(),
  threadCount: nullable.count(),
  secondaryContacts: nullable.array(nullable.id()),
  priority: nullable.string(),
  classification: nullable.string(),
  commentCount: nullable.count(),
  accountId: nullable.id(),
  phone: nullable.string({ maxLength: 120 }),
  webUrl: nullable.url({ maxLength: 500 }),
  assignee: nullable.object(SEARCH_ASSIGNEE),
  isSpam: nullable.boolean(),
  childTicketCount: nullable.count(),
  status: nullable.string(),
  entitySkills: nullable.array(nullable.id()),
  ticketNumber: nullable.count(),
  customFields: CUSTOM_VALUES,
  isArchived: nullable.boolean(),
  isRead: nullable.boolean(),
  description: nullable.string({ maxLength: 65535 }),
  responseDueDate: nullable.date(),
  modifiedBy: nullable.id(),
  department: nullable.object(DEPARTMENT),
  email: nullable.string({ maxLength: 150 }),
  product: nullable.object(PRODUCT),
  cf: CUSTOM_VALUES,
  slaId: nullable.id(),
  lastThread: nullable.object(LAST_THREAD),
  team: nullable.object(TEAM),
  assigneeId: nullable.id(),
  layoutId: nullable.id(),
  createdBy: nullable.id(),
  teamId: nullable.id(),
  isEscalated: nullable.boolean(),
  category: nullable.string(),
  lockedTime: nullable.date(),
  // Not in the file's `required` list: the key may be absent.
  relationshipType: opt(nullable.string()),
  parentTicket: opt(nullable.object(ID_REF('parentTicket', SEARCH('searchTicketResponseFields/parentTicket')))),
  sourceTicket: opt(nullable.object(ID_REF('sourceTicket', SEARCH('searchTicketResponseFields/sourceTicket')))),
});

// ---- List item (Ticket.json @3f7016e listviewCommonJson + listviewJson; include parts per endpoint) ----

const TICKET = (at: string) => desk('Ticket.json', '3f7016e', `components/schemas/${at}`);

const CHANNEL_SOURCE = shape('channelSource', TICKET('channelSource'), {
  appName: nullable.string({ maxLength: 100 }),
  extId: nullable.string({ maxLength: 100 }),
  permalink: nullable.url(),
  type: nullable.string({ enum: ['SYSTEM', 'INTEGRATION', 'INSTANT_MESSAGE'] }),
  appPhotoURL: nullable.url(),
  uuid: opt(nullable.string({ maxLength: 100 })),
});

/** `commonKeys`: the file gives no `required` list, so each key may be absent; `subject` is never null. */
const COMMON_KEYS = allOptional({
  productId: nullable.id(),
  phone: nullable.string({ maxLength: 120 }),
  subject: always.string({ maxLength: 1000 }),
  channel: nullable.string(),
  language: nullable.string(),
  priority: nullable.string(),
  assigneeId: nullable.id(),
  email: nullable.string({ maxLength: 150 }),
});

const LIST_VIEW = {
  ...COMMON_KEYS,
  ticketNumber: nullable.count(),
  sentiment: nullable.string({ enum: ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] }),
  customerResponseTime: nullable.date(),
  statusType: nullable.string({ enum: STATUS_TYPES }),
  relationshipType: nullable.string({ maxLength: 100 }),
  contactId: nullable.id(),
  isArchived: nullable.boolean(),
  departmentId: nullable.id(),
  dueDate: nullable.date(),
  threadCount: nullable.count(),
  onholdTime: nullable.date(),
  lastThread: nullable.object({ ...LAST_THREAD, source: TICKET('lastThread') }),
  source: nullable.object(CHANNEL_SOURCE),
  closedTime: nullable.date(),
  commentCount: nullable.count(),
  accountId: nullable.id(),
  responseDueDate: nullable.date(),
  webUrl: nullable.url({ maxLength: 500 }),
  teamId: nullable.id(),
  createdTime: nullable.date(),
  id: nullable.id(),
  isSpam: nullable.boolean(),
  status: nullable.string(),
  channelCode: nullable.string({ maxLength: 100 }),
  lockedTime: nullable.date(),
  // listviewJson
  subCategory: nullable.string(),
  category: nullable.string(),
  layoutId: nullable.id(),
};

/** The agent as list answers carry it (on `include=assignee`): `email`, no `zuid`. */
const listAssignee = (name: string, source: Shape['source'], lastNameNullable: boolean) =>
  shape(name, source, {
    firstName: nullable.string({ maxLength: 50 }),
    photoURL: nullable.url({ maxLength: 200 }),
    lastName: lastNameNullable ? nullable.string({ maxLength: 50 }) : always.string({ maxLength: 50 }),
    id: lastNameNullable ? nullable.id() : always.id(),
    email: lastNameNullable ? nullable.string({ maxLength: 100 }) : always.string({ maxLength: 100 }),
  });

const ACCOUNT_LIST = (at: string) => desk('Account.json', '3f7016e', `components/responses/getTicketsByAccountResponse/${at}`);

/** `/accounts/{id}/tickets` items (Account.json getTicketsByAccountListObject + its include parts). */
export const ACCOUNT_LIST_TICKET = shape(
  'getTicketsByAccountListObject',
  desk('Account.json', '3f7016e', 'components/schemas/getTicketsByAccountListObject'),
  {
    ...LIST_VIEW,
    product: included('products', nullable.object(shape('product', ACCOUNT_LIST('product'), PRODUCT.fields))),
    contact: included('contacts', nullable.object({ ...TICKET_CONTACT, source: ACCOUNT_LIST('contact') })),
    isRead: included('isRead', nullable.boolean()),
    team: included('team', nullable.object({ ...TEAM, source: ACCOUNT_LIST('team') })),
    assignee: included('assignee', nullable.object(listAssignee('assignee', ACCOUNT_LIST('assignee'), true))),
    department: included('departments', nullable.object({ ...DEPARTMENT, source: ACCOUNT_LIST('department') })),
  },
  { epochDatesInExamples: true },
);

/** `/contacts/{id}/tickets` items (Ticket.json listviewJson + get_ticket_by_contact_include_response). */
export const CONTACT_LIST_TICKET = shape(
  'listviewJson',
  TICKET('listviewJson'),
  {
    ...LIST_VIEW,
    product: included(
      'products',
      nullable.object(shape('product_json', TICKET('product_json'), { id: always.id(), productName: always.string() })),
    ),
    isRead: included('isRead', always.boolean()),
    assignee: included('assignee', nullable.object(listAssignee('assignee', TICKET('assignee'), false))),
    team: included('team', nullable.object({ ...TEAM, source: TICKET('team_json') })),
    department: included(
      'departments',
      always.object(shape('department_json', TICKET('department_json'), { name: always.string({ maxLength: 200 }), id: always.id() })),
    ),
  },
  { epochDatesInExamples: true },
);

// ---- The ticket itself (Ticket.json @3f7016e ticket_detail_response = ticketResponse + extras) ----

export const TICKET_DETAIL = shape('ticket_detail_response', TICKET('ticket_detail_response'), {
  // commonKeys and commonJson: no `required` list in the file.
  ...COMMON_KEYS,
  dueDate: opt(nullable.date()),
  ...allOptional({
    subCategory: nullable.string(),
    cf: nullable.map(nullable.string({ maxLength: 255 })),
    customFields: nullable.map(nullable.string({ maxLength: 255 })),
    description: nullable.string({ maxLength: 65535 }),
    classification: nullable.string(),
    category: nullable.string(),
    status: always.string(),
  }),
  // ticketResponse: required keys.
  entitySkills: nullable.array(always.id()),
  modifiedTime: always.date(),
  ticketNumber: always.count(),
  statusType: always.string({ enum: STATUS_TYPES }),
  isArchived: always.boolean(),
  departmentId: always.id(),
  onholdTime: nullable.date(),
  source: nullable.object(CHANNEL_SOURCE),
  resolution: nullable.string({ maxLength: 65535 }),
  closedTime: nullable.date(),
  approvalCount: always.count(),
  timeEntryCount: always.count(),
  isOverDue: always.boolean(),
  channelRelatedInfo: nullable.object(
    shape('channelRelatedInfo', TICKET('channelRelatedInfo'), {
      topicId: nullable.id(),
      isTopicDeleted: nullable.boolean(),
      forumStatus: nullable.string(),
      sourceLink: nullable.url(),
      topicType: nullable.string(),
    }),
  ),
  isDeleted: always.boolean(),
  isTrashed: always.boolean(),
  responseDueDate: nullable.date(),
  createdTime: always.date(),
  modifiedBy: nullable.id(),
  id: always.id(),
  isResponseOverdue: always.boolean(),
  channelCode: nullable.string({ maxLength: 100 }),
  customerResponseTime: nullable.date(),
  threadCount: nullable.count(),
  secondaryContacts: nullable.array(always.id()),
  commentCount: always.count(),
  accountId: nullable.id(),
  taskCount: always.count(),
  teamId: nullable.id(),
  attachmentCount: nullable.count(),
  isEscalated: always.boolean(),
  isSpam: always.boolean(),
  slaId: nullable.id(),
  contactId: always.id(),
  sharedDepartments: nullable.array(always.object(SHARED_DEPARTMENT)),
  layoutId: always.id(),
  layoutDetails: always.object(
    shape('layoutDetails', TICKET('ticketResponse/layoutDetails'), { id: always.id(), layoutName: always.string() }),
  ),
  webUrl: always.url({ maxLength: 500 }),
  sourceTicket: opt(nullable.object(ID_REF('sourceTicket', TICKET('ticketResponse/sourceTicket')))),
  lockedTime: nullable.date(),
  // ticket_detail_response's own part.
  sentiment: nullable.string({ enum: ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] }),
  isFollowing: nullable.boolean(),
  createdBy: nullable.id(),
  tagCount: nullable.count(),
  followerCount: nullable.count(),
  // single_ticket_include_response (on request).
  contact: included('contacts', always.object(TICKET_CONTACT)),
  assignee: included('assignee', nullable.object(listAssignee('assignee', TICKET('assignee'), false))),
  department: included('departments', always.object(DEPARTMENT)),
  isRead: included('isRead', always.boolean()),
  team: included('team', nullable.object(TEAM)),
  product: included('products', nullable.object(PRODUCT)),
});
