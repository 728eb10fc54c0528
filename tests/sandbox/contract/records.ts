/** Single records: an account, a contact, a ticket, statistics, a ticket's latest thread. */
import { THREAD } from './create-shapes';
import { id } from './params';
import { ACCOUNT_DETAIL, CONTACT_DETAIL, STATISTICS } from './record-shapes';
import { desk } from './sources';
import { TICKET_DETAIL } from './ticket-shapes';
import type { EndpointContract } from './types';

export const getAccount: EndpointContract = {
  id: 'getAccount',
  method: 'GET',
  path: '/api/v1/accounts/{accountId}',
  operationId: 'getAccount',
  source: desk('Account.json', '3f7016e', 'paths/~1api~1v1~1accounts~1{accountId}/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ'],
  query: {
    include: {
      type: 'list',
      items: 'string',
      enum: ['owner'],
      maxItems: 1,
      otherReadings: [
        { source: desk('Account.json', '83b5c18', 'paths/~1api~1v1~1accounts~1{accountId}/get'), says: 'include: an array of owner' },
      ],
    },
  },
  response: { status: 200, envelope: 'object', item: ACCOUNT_DETAIL },
};

export const getContact: EndpointContract = {
  id: 'getContact',
  method: 'GET',
  path: '/api/v1/contacts/{contactId}',
  operationId: 'getContact',
  source: desk('Contact.json', '3f7016e', 'paths/~1api~1v1~1contacts~1{contactId}/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ'],
  query: { include: { type: 'list', items: 'string', enum: ['accounts', 'owner'] } },
  response: { status: 200, envelope: 'object', item: CONTACT_DETAIL },
};

export const getTicket: EndpointContract = {
  id: 'getTicket',
  method: 'GET',
  path: '/api/v1/tickets/{ticketId}',
  operationId: 'getTicket',
  source: desk('Ticket.json', '3f7016e', 'paths/~1api~1v1~1tickets~1{ticketId}/get'),
  orgId: true,
  scopes: ['Desk.tickets.READ'],
  query: {
    include: {
      type: 'list',
      items: 'string',
      enum: ['contacts', 'products', 'departments', 'team', 'assignee', 'contract', 'isRead', 'skills'],
    },
  },
  response: { status: 200, envelope: 'object', item: TICKET_DETAIL },
};

export const contactStatistics: EndpointContract = {
  id: 'contactStatistics',
  method: 'GET',
  path: '/api/v1/contacts/{contactId}/statistics',
  operationId: 'getContactStatistics',
  source: desk('Contact.json', '3f7016e', 'paths/~1api~1v1~1contacts~1{contactId}~1statistics/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ'],
  query: { departmentId: id },
  response: { status: 200, envelope: 'object', item: STATISTICS },
};

export const accountStatistics: EndpointContract = {
  id: 'accountStatistics',
  method: 'GET',
  path: '/api/v1/accounts/{accountId}/statistics',
  operationId: 'getAccountStatistics',
  source: desk('Account.json', '3f7016e', 'paths/~1api~1v1~1accounts~1{accountId}~1statistics/get'),
  orgId: true,
  scopes: ['Desk.contacts.READ'],
  query: { departmentId: id },
  response: { status: 200, envelope: 'object', item: STATISTICS },
};

export const latestThread: EndpointContract = {
  id: 'latestThread',
  method: 'GET',
  path: '/api/v1/tickets/{ticketId}/latestThread',
  operationId: 'getLastThreadMessage',
  source: desk('Thread.json', '75e1ba5', 'paths/~1api~1v1~1tickets~1{ticketId}~1latestThread/get'),
  orgId: true,
  scopes: ['Desk.tickets.READ'],
  query: {
    needPublic: { type: 'boolean', default: false },
    needIncomingThread: { type: 'boolean', default: false },
    include: { type: 'list', items: 'string', enum: ['source', 'plainText'] },
    threadStatus: { type: 'string', enum: ['success', 'failed'] },
  },
  response: { status: 200, envelope: 'object', item: THREAD, empty: 204 },
  notes: ['needPublic=true: the latest public thread; needIncomingThread=true: the latest thread from the customer.'],
};
