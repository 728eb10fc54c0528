/** `tickets/search`, `contacts/search`, `accounts/search` (Search.json). */
import { customFields, id, idList, SEARCH_PAGING, timeRange } from './params';
import { SEARCH_ACCOUNT, SEARCH_CONTACT } from './record-shapes';
import { desk } from './sources';
import { SEARCH_TICKET } from './ticket-shapes';
import type { EndpointContract, QueryParam } from './types';

const NEWEST = (at: string) => desk('Search.json', '75e1ba5', at);
const OLDEST = (at: string) => desk('Search.json', '83b5c18', at);

/** Where the two versions' lengths differ, the narrower range of both. */
const searchText = (min: number, max: number, older: string): QueryParam => ({
  type: 'string',
  minLength: min,
  maxLength: max,
  wildcard: true,
  otherReadings: [{ source: OLDEST('components/parameters'), says: older }],
});

const sortBy = (...fields: string[]): QueryParam => ({ type: 'string', enum: fields, descPrefix: true });

export const ticketSearch: EndpointContract = {
  id: 'ticketSearch',
  method: 'GET',
  path: '/api/v1/tickets/search',
  operationId: 'searchTickets',
  source: NEWEST('paths/~1api~1v1~1tickets~1search/get'),
  orgId: true,
  scopes: ['Desk.tickets.READ', 'Desk.search.READ'],
  fromBase: 0,
  query: {
    ...SEARCH_PAGING,
    email: {
      type: 'list',
      items: 'string',
      maxItems: 30,
      wildcard: true,
      otherReadings: [{ source: OLDEST('paths/~1api~1v1~1tickets~1search/get'), says: 'no email parameter' }],
    },
    phone: {
      type: 'list',
      items: 'string',
      maxItems: 30,
      wildcard: true,
      otherReadings: [{ source: OLDEST('paths/~1api~1v1~1tickets~1search/get'), says: 'no phone parameter' }],
    },
    ticketNumber: { type: 'list', items: 'integer' },
    accountName: searchText(3, 200, 'accountName: 0–200 characters (newest: 3–500)'),
    subject: searchText(3, 1000, 'subject: 0–1000 characters'),
    departmentId: id,
    productName: searchText(3, 200, 'productName: 0–200 characters (newest: 3–500)'),
    _all: searchText(3, 100, '_all: 0–100 characters'),
    dueDateRange: timeRange,
    createdTimeRange: timeRange,
    modifiedTimeRange: timeRange,
    customerResponseTimeRange: timeRange,
    id: idList,
    productId: idList,
    contactId: idList,
    assigneeId: idList,
    accountId: idList,
    priority: { type: 'list', items: 'string' },
    status: { type: 'list', items: 'string' },
    ...customFields(),
    channel: { type: 'string' },
    description: { type: 'string', maxLength: 65535, wildcard: true },
    sortBy: sortBy('relevance', 'modifiedTime', 'createdTime', 'customerResponseTime'),
    tag: { type: 'string', minLength: 3, maxLength: 100, wildcard: true },
    contactName: { type: 'string', maxLength: 200, wildcard: true },
    category: { type: 'string', wildcard: true },
  },
  response: { status: 200, envelope: 'search', item: SEARCH_TICKET, empty: 204 },
  otherReadings: [{ source: OLDEST('paths/~1api~1v1~1tickets~1search/get'), says: 'no customField1..10 parameters' }],
};

export const contactSearch: EndpointContract = {
  id: 'contactSearch',
  method: 'GET',
  path: '/api/v1/contacts/search',
  operationId: 'searchContacts',
  source: NEWEST('paths/~1api~1v1~1contacts~1search/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ', 'Desk.search.READ'],
  fromBase: 0,
  query: {
    ...SEARCH_PAGING,
    email: { type: 'list', items: 'string', maxItems: 30, wildcard: true },
    phone: { type: 'list', items: 'string', maxItems: 30, wildcard: true },
    mobile: { type: 'list', items: 'string', maxItems: 30, wildcard: true },
    accountName: searchText(3, 200, 'accountName: 0–200 characters (newest: 3–500)'),
    createdTimeRange: timeRange,
    modifiedTimeRange: timeRange,
    id: idList,
    _all: searchText(3, 100, '_all: 0–100 characters (newest: 3–1000)'),
    ...customFields(),
    lastName: { type: 'string', maxLength: 200, wildcard: true },
    firstName: { type: 'string', maxLength: 40, wildcard: true },
    fullName: { type: 'string', maxLength: 200, wildcard: true },
    sortBy: sortBy('relevance', 'modifiedTime', 'createdTime', 'lastName', 'firstName'),
  },
  response: { status: 200, envelope: 'search', item: SEARCH_CONTACT, empty: 204 },
};

export const accountSearch: EndpointContract = {
  id: 'accountSearch',
  method: 'GET',
  path: '/api/v1/accounts/search',
  operationId: 'searchAccounts',
  source: NEWEST('paths/~1api~1v1~1accounts~1search/get'),
  orgId: true,
  // Sic: contacts, not accounts.
  scopes: ['Desk.contacts.READ', 'Desk.search.READ'],
  fromBase: 0,
  query: {
    ...SEARCH_PAGING,
    accountName: searchText(3, 200, 'accountName: 0–200 characters (newest: 3–500)'),
    createdTimeRange: timeRange,
    modifiedTimeRange: timeRange,
    id: idList,
    _all: searchText(3, 100, '_all: 0–100 characters (newest: 3–1000)'),
    ...customFields(),
    sortBy: sortBy('relevance', 'modifiedTime', 'createdTime', 'accountName'),
  },
  response: { status: 200, envelope: 'search', item: SEARCH_ACCOUNT, empty: 204 },
  otherReadings: [{ source: OLDEST('paths/~1api~1v1~1accounts~1search/get'), says: 'no customField1..10 parameters' }],
  notes: ['A name matches exactly (case aside) or, with a trailing *, as a prefix; a comma separates alternatives.'],
};
