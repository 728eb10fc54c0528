/** The two ticket lists: `contacts/{id}/tickets` (Ticket.json) and `accounts/{id}/tickets` (Account.json). */
import { id } from './params';
import { desk } from './sources';
import { ACCOUNT_LIST_TICKET, CONTACT_LIST_TICKET } from './ticket-shapes';
import type { EndpointContract, QueryParam } from './types';

const sortBy: QueryParam = { type: 'string', enum: ['createdTime', 'modifiedTime'], descPrefix: true };
const isSpam: QueryParam = { type: 'boolean', default: false };
const DUE = ['overdue', 'tomorrow', 'currentWeek', 'currentMonth', 'today'] as const;
const OLDEST_ACCOUNT = desk('Account.json', '83b5c18', 'paths/~1api~1v1~1accounts~1{accountId}~1tickets/get, components/parameters');
const NEWEST_ACCOUNT = desk('Account.json', '3f7016e', 'paths/~1api~1v1~1accounts~1{accountId}~1tickets/get');

export const contactTickets: EndpointContract = {
  id: 'contactTickets',
  method: 'GET',
  path: '/api/v1/contacts/{contactId}/tickets',
  operationId: 'getTicketsByContact',
  source: desk('Ticket.json', '3f7016e', 'paths/~1api~1v1~1contacts~1{contactId}~1tickets/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ', 'Desk.tickets.READ', 'Desk.search.READ'],
  fromBase: 0,
  query: {
    include: { type: 'list', items: 'string', enum: ['products', 'departments', 'team', 'assignee', 'isRead'] },
    departmentId: id,
    limit: {
      type: 'integer',
      default: 25,
      otherReadings: [{ source: desk('Ticket.json', '83b5c18', 'components/parameters/limit'), says: 'limit: no default, no bounds' }],
    },
    from: {
      type: 'integer',
      min: 0,
      default: 0,
      otherReadings: [{ source: desk('Ticket.json', '83b5c18', 'components/parameters/from'), says: 'from: no default, no bounds' }],
    },
    sortBy,
    isSpam,
  },
  response: { status: 200, envelope: 'list', item: CONTACT_LIST_TICKET, empty: 204 },
  otherReadings: [
    {
      source: desk('Ticket.json', '83b5c18', 'paths/~1api~1v1~1contacts~1{contactId}~1tickets/get'),
      says: 'also a dueDate filter (one value)',
    },
  ],
  notes: [
    'Neither version bounds limit; a third-party copy of the Desk documentation says 99.',
    'The sort order is ascending unless the field carries a leading -.',
  ],
};

export const accountTickets: EndpointContract = {
  id: 'accountTickets',
  method: 'GET',
  path: '/api/v1/accounts/{accountId}/tickets',
  operationId: 'getTicketsByAccount',
  source: desk('Account.json', '3f7016e', 'paths/~1api~1v1~1accounts~1{accountId}~1tickets/get'),
  orgId: true,
  scopes: ['Desk.tickets.READ', 'Desk.search.READ'],
  fromBase: 1,
  query: {
    include: { type: 'list', items: 'string', enum: ['contacts', 'products', 'departments', 'team', 'assignee', 'isRead'] },
    departmentId: id,
    dueDate: {
      type: 'list',
      items: 'string',
      enum: DUE,
      maxItems: 1,
      source: OLDEST_ACCOUNT,
      otherReadings: [{ source: NEWEST_ACCOUNT, says: 'dueDate: a list of those values' }],
    },
    limit: {
      type: 'integer',
      min: 1,
      max: 99,
      source: OLDEST_ACCOUNT,
      otherReadings: [{ source: NEWEST_ACCOUNT, says: 'limit: 1–100' }],
    },
    from: {
      type: 'integer',
      min: 1,
      default: 1,
      source: OLDEST_ACCOUNT,
      otherReadings: [{ source: NEWEST_ACCOUNT, says: 'from: default 1, no minimum' }],
    },
    sortBy,
    isSpam,
  },
  response: { status: 200, envelope: 'list', item: ACCOUNT_LIST_TICKET, empty: 204 },
  notes: ['from counts from 1 here (the first ticket is from=1), unlike the searches and contacts/{id}/tickets.'],
};
