/** Contacts, accounts, statistics and the setup answers (organizations, the agent, departments). */
import { allOptional, always, included, nullable, opt } from './fields';
import { desk } from './sources';
import { SEARCH_ASSIGNEE, SUB_ACCOUNT } from './ticket-shapes';
import type { FieldSpec, Shape } from './types';

const shape = (name: string, source: Shape['source'], fields: Record<string, FieldSpec>, extra: Partial<Shape> = {}): Shape => ({
  name,
  source,
  fields,
  closed: true,
  ...extra,
});
const SEARCH = (at: string) => desk('Search.json', '75e1ba5', `components/schemas/${at}`);
const CONTACT = (at: string) => desk('Contact.json', '3f7016e', `components/schemas/${at}`);
const ACCOUNT = (at: string) => desk('Account.json', '3f7016e', at);
const CUSTOM_VALUES = nullable.map(nullable.string({ maxLength: 100 }));

const CUSTOMER_HAPPINESS = shape('customerHappiness', CONTACT('customerHappiness'), {
  badPercentage: nullable.count(),
  okPercentage: nullable.count(),
  goodPercentage: nullable.count(),
});

/**
 * `{id, type}`. Contact.json's schema gives `type` an enum (`new, potentials, customers,
 * contacts, leads`) while its own examples, and Search.json's, show `"contacts_leads"` and
 * `["contacts_leads"]`; Search.json's contactFields declares the object with no keys at all.
 */
const CRM_CONTACT_LINK = shape(
  'zohoCRMContact',
  CONTACT('zohoCRMContact'),
  { id: nullable.id(), type: { types: ['string', 'array', 'null'], presence: 'required', items: always.string() } },
  { notes: ['type: enum in the schema, "contacts_leads" (string or one-element array) in the examples'] },
);

// ---- Search items ----

export const SEARCH_CONTACT = shape('searchContactResponseFields', SEARCH('searchContactResponseFields'), {
  // contactFields
  owner: nullable.object(SEARCH_ASSIGNEE),
  lastName: nullable.string({ maxLength: 200 }),
  secondaryEmail: nullable.string({ maxLength: 100 }),
  cf: CUSTOM_VALUES,
  customFields: CUSTOM_VALUES,
  mobile: nullable.string({ maxLength: 50 }),
  ownerId: nullable.id(),
  type: nullable.string(),
  firstName: nullable.string({ maxLength: 40 }),
  accountId: nullable.id(),
  photoURL: nullable.url({ maxLength: 100 }),
  phone: nullable.string({ maxLength: 50 }),
  webUrl: nullable.url({ maxLength: 500 }),
  zohoCRMContact: nullable.object(CRM_CONTACT_LINK),
  id: nullable.id(),
  customerHappiness: nullable.object(CUSTOMER_HAPPINESS),
  email: nullable.string({ maxLength: 255 }),
  account: nullable.object(SUB_ACCOUNT),
  // searchContactResponseFields' own part
  zip: nullable.count(),
  country: nullable.string({ maxLength: 100 }),
  modifiedTime: nullable.date(),
  city: nullable.string({ maxLength: 100 }),
  facebook: nullable.string({ maxLength: 100 }),
  description: nullable.string({ maxLength: 65535 }),
  title: nullable.string({ maxLength: 100 }),
  layoutId: nullable.id(),
  twitter: nullable.string({ maxLength: 100 }),
  street: nullable.string({ maxLength: 250 }),
  createdTime: nullable.date(),
  isEndUser: nullable.boolean(),
  state: nullable.string({ maxLength: 100 }),
});

/** No `zohoCRMAccount` here: only `accounts/{id}` says which CRM account a Desk account is linked to. */
export const SEARCH_ACCOUNT = shape('searchAccountResponseFields', SEARCH('searchAccountResponseFields'), {
  // accountFields
  owner: nullable.object(SEARCH_ASSIGNEE),
  website: nullable.string({ maxLength: 120 }),
  cf: CUSTOM_VALUES,
  accountName: nullable.string({ maxLength: 200 }),
  phone: nullable.string({ maxLength: 30 }),
  webUrl: nullable.url({ maxLength: 500 }),
  customFields: CUSTOM_VALUES,
  id: nullable.id(),
  email: nullable.string({ maxLength: 255 }),
  // searchAccountResponseFields' own part
  country: nullable.string({ maxLength: 100 }),
  modifiedTime: nullable.date(),
  code: nullable.string({ maxLength: 30 }),
  city: nullable.string({ maxLength: 100 }),
  description: nullable.string({ maxLength: 65535 }),
  industry: nullable.string({ maxLength: 120 }),
  ownerId: nullable.id(),
  layoutId: nullable.id(),
  annualrevenue: nullable.string({ maxLength: 100 }),
  street: nullable.string({ maxLength: 250 }),
  createdTime: nullable.date(),
  state: nullable.string({ maxLength: 100 }),
  fax: nullable.string({ maxLength: 30 }),
});

// ---- Records ----

const OWNER = shape('owner', ACCOUNT('components/responses/accountResponse/owner'), {
  firstName: nullable.string({ maxLength: 50 }),
  lastName: nullable.string({ maxLength: 50 }),
  id: nullable.id(),
});

/** `accounts/{id}`: accountjson plus the record's own part; `owner` only with `include=owner`. */
export const ACCOUNT_DETAIL = shape(
  'accountResponse',
  ACCOUNT('components/responses/accountResponse'),
  {
    owner: included('owner', nullable.object(OWNER)),
    // commonObject (no `required` list) and accountjson
    ...allOptional({
      website: nullable.string({ maxLength: 120 }),
      phone: nullable.string({ maxLength: 30 }),
      email: nullable.string({ maxLength: 255 }),
    }),
    accountName: nullable.string({ maxLength: 200 }),
    country: nullable.string({ maxLength: 30 }),
    code: nullable.string({ maxLength: 30 }),
    cf: CUSTOM_VALUES,
    city: nullable.string({ maxLength: 30 }),
    customFields: CUSTOM_VALUES,
    street: nullable.string({ maxLength: 250 }),
    annualrevenue: nullable.string({ maxLength: 100 }),
    description: nullable.string({ maxLength: 65535 }),
    industry: nullable.string({ maxLength: 120 }),
    state: nullable.string({ maxLength: 30 }),
    ownerId: nullable.id(),
    fax: nullable.string({ maxLength: 30 }),
    // the record's own part
    modifiedTime: nullable.date(),
    isFollowing: nullable.boolean(),
    isDeleted: nullable.boolean(),
    isTrashed: nullable.boolean(),
    associatedSLAIds: nullable.array(nullable.id()),
    webUrl: nullable.url({ maxLength: 500 }),
    createdTime: nullable.date(),
    zohoCRMAccount: nullable.object(shape('zohoCrmAccount', ACCOUNT('components/schemas/zohoCrmAccount'), { id: nullable.id() })),
    id: nullable.id(),
    layoutId: nullable.id(),
    layoutDetails: nullable.object(
      shape('layoutDetails', ACCOUNT('components/responses/accountResponse/layoutDetails'), {
        id: nullable.id(),
        layoutName: nullable.string({ maxLength: 120 }),
      }),
    ),
  },
  { notes: ['The file example gives isFollowing as the string "true" and the dates as epoch milliseconds.'] },
);

/** `contacts/{id}`: contactjson plus the record's own part; `owner`, `account` on request. */
export const CONTACT_DETAIL = shape('contactResponse', desk('Contact.json', '3f7016e', 'components/responses/contactResponse'), {
  owner: included('owner', nullable.object(OWNER)),
  account: included('accounts', nullable.object(SUB_ACCOUNT)),
  // commonJson (no `required` list)
  ...allOptional({
    lastName: nullable.string({ maxLength: 200 }),
    accountId: nullable.id(),
    firstName: nullable.string({ maxLength: 40 }),
    secondaryEmail: nullable.string({ maxLength: 100 }),
    phone: nullable.string({ maxLength: 50 }),
    ownerId: nullable.id(),
    type: nullable.string(),
    email: nullable.string({ maxLength: 255 }),
  }),
  // contactjson's own part
  zip: nullable.count(),
  country: nullable.string({ maxLength: 30 }),
  twitter: nullable.string({ maxLength: 100 }),
  cf: CUSTOM_VALUES,
  city: nullable.string({ maxLength: 30 }),
  customFields: CUSTOM_VALUES,
  street: nullable.string({ maxLength: 250 }),
  facebook: nullable.string({ maxLength: 100 }),
  mobile: nullable.string({ maxLength: 50 }),
  description: nullable.string({ maxLength: 65535 }),
  state: nullable.string({ maxLength: 30 }),
  title: nullable.string({ maxLength: 100 }),
  // the record's own part
  modifiedTime: nullable.date(),
  isFollowing: opt(nullable.boolean()),
  accountCount: opt(nullable.count()),
  layoutId: opt(nullable.id()),
  photoURL: opt(nullable.url({ maxLength: 100 })),
  isAnonymous: opt(nullable.boolean()),
  isDeleted: opt(nullable.boolean()),
  isTrashed: opt(nullable.boolean()),
  webUrl: opt(nullable.url({ maxLength: 500 })),
  createdTime: opt(nullable.date()),
  isEndUser: opt(nullable.boolean()),
  zohoCRMContact: opt(nullable.object(CRM_CONTACT_LINK)),
  id: nullable.id(),
  customerHappiness: opt(nullable.object(CUSTOMER_HAPPINESS)),
  isSpam: opt(nullable.boolean()),
  layoutDetails: opt(
    nullable.object(shape('layoutDetails', CONTACT('contactResponse/layoutDetails'), { id: nullable.id(), layoutName: nullable.string() })),
  ),
});

export const STATISTICS = shape('getStatistics', desk('Contact.json', '3f7016e', 'components/responses/getStatistics'), {
  firstResponseTime: nullable.count(),
  openTickets: nullable.count(),
  responseTime: nullable.count(),
  spamTickets: nullable.count(),
  totalTickets: nullable.count(),
  customerHappiness: nullable.object(
    shape('customerHappinessCount', CONTACT('customerHappinessCount'), {
      badCount: nullable.count(),
      goodCount: nullable.count(),
      okCount: nullable.count(),
    }),
  ),
  resolutionTime: nullable.count(),
  closedTickets: nullable.count(),
  channelWiseCount: nullable.map(nullable.count()),
  escalatedTickets: nullable.count(),
  onholdTickets: nullable.count(),
  overdueTickets: nullable.count(),
});

// ---- Setup answers ----

/**
 * `/organizations` items. The keys DeskLink reads and the sandbox sends, typed as Organization.json
 * types them; the file's component has more keys, so the shape is not closed here.
 */
export const ORGANIZATION = shape(
  'organization',
  desk('Organization.json', '3f7016e', 'components/schemas/getOrganizationResponse'),
  {
    id: always.id(),
    companyName: nullable.string({ maxLength: 50 }),
    portalName: nullable.string(),
    portalURL: opt(nullable.url()),
    description: nullable.string({ maxLength: 250 }),
    edition: nullable.string(),
    employeeCount: nullable.count(),
    isDefault: opt({ types: ['boolean', 'string', 'null'], presence: 'required' }),
    isAdminInOrg: opt({ types: ['boolean', 'string', 'null'], presence: 'required' }),
    isSandboxPortal: opt({ types: ['boolean', 'string', 'null'], presence: 'required' }),
    isPayloadEncryptionEnabled: opt({ types: ['boolean', 'string', 'null'], presence: 'required' }),
    timeZone: opt(nullable.string()),
    alias: opt(nullable.string()),
    country: opt(nullable.string({ maxLength: 50 })),
    city: opt(nullable.string({ maxLength: 50 })),
  },
  {
    closed: false,
    notes: [
      'edition: the file enumerates FREE_2019, FREE, NEW_FREE, ENTERPRISE, PROFESSIONAL, EXPRESS, ZOHOONE; its description also names ULTIMATE and STANDARD',
      'flags arrive as booleans or as "true"/"false" strings across portals',
    ],
  },
);

/** `/myinfo`: the keys DeskLink reads (Agent.json @3f7016e, the current agent); not closed. */
export const MY_INFO = shape(
  'myInfo',
  desk('Agent.json', '3f7016e', 'paths/~1api~1v1~1myinfo/get'),
  {
    id: always.id(),
    firstName: nullable.string(),
    lastName: nullable.string(),
    name: nullable.string(),
    emailId: always.string(),
    zuid: nullable.id(),
    roleId: nullable.id(),
    profileId: nullable.id(),
    rolePermissionType: nullable.string({ enum: ['AgentPublic', 'AgentPersonal', 'AgentTeamPersonal', 'Admin', 'Custom', 'Light'] }),
    status: nullable.string(),
    isConfirmed: nullable.boolean(),
    langCode: nullable.string(),
    countryCode: nullable.string(),
    timeZone: nullable.string(),
    associatedDepartmentIds: opt(nullable.array(always.id())),
    associatedChatDepartmentIds: opt(nullable.array(always.id())),
    photoURL: opt(nullable.url()),
    phone: opt(nullable.string()),
    mobile: opt(nullable.string()),
    extn: opt(nullable.string()),
    aboutInfo: opt(nullable.string()),
    channelExpert: opt(nullable.array(always.string())),
  },
  { closed: false, notes: ['rolePermissionType enum as in the oldest file (83b5c18); Light = light agent'] },
);

/** `/departments` and `/myDepartments` items (Department.json @75e1ba5); not closed. */
export const DEPARTMENT_ITEM = shape(
  'department',
  desk('Department.json', '75e1ba5', 'components/schemas (department list view)'),
  {
    id: always.id(),
    name: always.string({ maxLength: 200 }),
    nameInCustomerPortal: opt(nullable.string()),
    description: nullable.string(),
    isEnabled: nullable.boolean(),
    isDefault: nullable.boolean(),
    isVisibleInCustomerPortal: opt(nullable.boolean()),
    isAssignToTeamEnabled: opt(nullable.boolean()),
    chatStatus: opt(nullable.string({ enum: ['AVAILABLE', 'DISABLED', 'NOT_CREATED'] })),
    hasLogo: opt(nullable.boolean()),
    creatorId: opt(nullable.id()),
    createdTime: opt(nullable.date()),
    sanitizedName: opt(nullable.string()),
  },
  { closed: false },
);
