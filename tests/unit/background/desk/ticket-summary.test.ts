import { describe, expect, it } from 'vitest';
import { TicketSchema } from '../../../../lib/background/desk/schemas';
import { toTicketSummary } from '../../../../lib/background/desk/ticket-summary';

describe('toTicketSummary: the ticket’s contact', () => {
  it('names the contact Desk sent with the ticket, first name first', () => {
    const ticket = TicketSchema.parse({ id: '1', contact: { id: '2', firstName: 'Daniel', lastName: 'Okafor', email: null } });
    expect(toTicketSummary(ticket).contactName).toBe('Daniel Okafor');
  });

  it('leaves the name out when the answer carried no contact, or one without a name', () => {
    expect(toTicketSummary(TicketSchema.parse({ id: '1' }))).not.toHaveProperty('contactName');
    expect(toTicketSummary(TicketSchema.parse({ id: '1', contact: { id: '2', firstName: null, lastName: ' ' } }))).not.toHaveProperty(
      'contactName',
    );
  });
});
