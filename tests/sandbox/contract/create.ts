/** `POST tickets` (Ticket.json createTicket). */
import { CREATE_TICKET_BODY } from './create-shapes';
import { desk } from './sources';
import { TICKET_DETAIL } from './ticket-shapes';
import type { EndpointContract } from './types';

export const createTicket: EndpointContract = {
  id: 'createTicket',
  method: 'POST',
  path: '/api/v1/tickets',
  operationId: 'createTicket',
  source: desk('Ticket.json', '3f7016e', 'paths/~1api~1v1~1tickets/post'),
  orgId: true,
  scopes: ['Desk.tickets.CREATE'],
  query: {},
  body: CREATE_TICKET_BODY,
  // The newest file requires departmentId and contactId; the oldest also contact, status and subject.
  // A contact object stands in for a contactId (the file's own description of contactId).
  bodyRequired: ['departmentId', 'subject'],
  response: { status: 200, envelope: 'object', item: TICKET_DETAIL },
  otherReadings: [
    {
      source: desk('Ticket.json', '83b5c18', 'components/requestBodies/addRequestjson'),
      says: 'required: contact, contactId, departmentId, status, subject',
    },
    { source: desk('Ticket.json', '3f7016e', 'components/requestBodies/createTicketRequest'), says: 'required: departmentId, contactId' },
    { source: desk('Ticket.json', '3f7016e', 'components/requestBodies/createTicketRequest/subject'), says: 'subject: maxLength 1000' },
  ],
  notes: [
    'Success is 200 with the ticket (the file has no 201).',
    'Either contactId or contact {lastName, email} names the requester.',
    "subject at most 255 characters, as Zoho's Postman collection says (the file: 1000).",
  ],
};
