/**
 * A new ticket in Desk's terms: the `POST /tickets` body from what the rep filled in, the form's
 * choices (the user's departments, the portal's priority values), and the check made after a
 * create whose answer never came (did Desk make the ticket anyway?).
 *
 * The body follows Zoho's files and Postman collection (the readings differ; this satisfies
 * both): `subject` (≤ 255), `departmentId`, and either `contactId` or `contact {lastName, email}`
 * (Desk reuses the contact with that email, else creates it; the whole name goes in `lastName`,
 * as names are not split the same way in every language). The text is sent as typed: DeskLink
 * builds no HTML from it.
 */
import type { Identity, NewTicket, RecordRef } from '../../shared/commands';
import { DeskLinkError } from '../../shared/errors';
import type { NewTicketCustomer } from '../../shared/protocol';
import type { DeskClient } from './client';
import { contactSearchName, searchableEmails } from './identity';
import { findContacts } from './matching';
import type { Ticket } from './schemas';
import { NO_SHARING, type SharedContacts, type SharedLookups } from './shared-lookups';

/**
 * The channel of a ticket a sales rep raises from a CRM record, usually during or after a call.
 * One of Desk's default channels; a portal that renamed its channels may refuse it (a guess).
 */
const REP_CHANNEL = 'Phone';

export function createTicketBody(ticket: NewTicket): Record<string, unknown> {
  const customer =
    'contactId' in ticket.customer
      ? { contactId: ticket.customer.contactId }
      : { contact: { lastName: ticket.customer.name, email: ticket.customer.email } };
  return {
    subject: ticket.subject,
    departmentId: ticket.departmentId,
    ...customer,
    ...(ticket.description.trim() ? { description: ticket.description } : {}),
    ...(ticket.priority ? { priority: ticket.priority } : {}),
    ...(ticket.accountId ? { accountId: ticket.accountId } : {}),
    channel: REP_CHANNEL,
  };
}

/** The departments a ticket may go to: enabled ones the user belongs to, the portal's default first. */
export async function departmentChoices(client: DeskClient, signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const { data } = await client.myDepartments({ isEnabled: true }, signal);
  return data
    .filter((department) => department.isEnabled !== false)
    .sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true))
    .map((department) => ({ id: department.id, name: department.name ?? department.id }));
}

/** The portal's priority values, in Desk's order (none when the portal sends none). */
export async function priorityChoices(client: DeskClient, signal?: AbortSignal): Promise<string[]> {
  const { data } = await client.organizationFields({ module: 'tickets', apiNames: ['priority'] }, signal);
  const field = data.find((f) => f.apiName === 'priority');
  return [...new Set((field?.allowedValues ?? []).map((v) => v.value.trim()).filter(Boolean))];
}

/** Errors that mean "this connection may not read contacts": the form still offers the emails. */
const CONTACTS_REFUSED = new Set(['SCOPE_MISMATCH', 'FORBIDDEN', 'LICENSE_ACCESS_LIMITED']);

/**
 * Whom a Lead's or Contact's new ticket may be for: each of its emails under its name, named by
 * Desk contact id when Desk has exactly one contact with that email, or one linked to this very
 * record (`zohoCRMContact`); otherwise by email and name, so Desk finds or creates the contact.
 * A record without a readable email: the Desk contacts of its name linked to it.
 */
export async function personCustomers(
  client: DeskClient,
  record: RecordRef,
  identity: Identity,
  lookups: SharedLookups = NO_SHARING,
  signal?: AbortSignal,
): Promise<NewTicketCustomer[]> {
  const emails = searchableEmails(identity.emails);
  const name = identity.name?.trim() || emails[0] || '';
  const term = emails.length === 0 ? contactSearchName(name) : undefined;
  if (emails.length === 0 && !term) return [];
  // The search the record's tickets were found with: while fresh, the form opens without asking Desk.
  let contacts: SharedContacts['items'] = [];
  try {
    contacts = (await findContacts(client, term ? { name: term } : { emails }, lookups, signal)).items;
  } catch (error) {
    if (!(error instanceof DeskLinkError && CONTACTS_REFUSED.has(error.code))) throw error;
  }
  if (term) {
    return contacts
      .filter((contact) => contact.crmId === record.recordId)
      .map((contact) => {
        const email = contact.email?.trim();
        return { contactId: contact.id, name, ...(email ? { email } : {}) };
      });
  }
  return emails.map((email) => {
    const same = contacts.filter((contact) => contact.email?.toLowerCase() === email.toLowerCase());
    const own = same.find((contact) => contact.crmId === record.recordId) ?? (same.length === 1 ? same[0] : undefined);
    return own ? { contactId: own.id, name, email } : { email, name };
  });
}

/** Whom a Deal's new ticket may be for: its contact (the `Contact Name` lookup), as a person. */
export function dealCustomers(
  client: DeskClient,
  record: RecordRef,
  identity: Identity,
  lookups: SharedLookups = NO_SHARING,
  signal?: AbortSignal,
): Promise<NewTicketCustomer[]> {
  const contact = identity.lookups?.contact;
  if (!contact) return Promise.resolve([]);
  return personCustomers(
    client,
    { ...record, module: 'Contacts', recordId: contact.id },
    { emails: identity.emails, name: contact.name },
    lookups,
    signal,
  );
}

/** How long after sending a create the same ticket may show up: Desk's clock and ours differ a little. */
const JUST_CREATED_MS = 10 * 60_000;

/**
 * After a create whose answer never came: the ticket Desk made from it, if any, found among the
 * newest tickets of the contact it was for by its subject and a creation time since `sentAt`
 * (less a margin). A person named by email is every Desk contact with that email (which one Desk
 * files a ticket under when several share it is not documented); none means no ticket was made.
 */
export async function findJustCreated(client: DeskClient, ticket: NewTicket, sentAt: number, signal?: AbortSignal): Promise<Ticket | null> {
  let contactIds: string[];
  if ('contactId' in ticket.customer) contactIds = [ticket.customer.contactId];
  else {
    const email = ticket.customer.email.toLowerCase();
    const found = await client.searchContacts({ email: [ticket.customer.email], limit: 10 }, signal);
    contactIds = found.data.filter((contact) => contact.email?.toLowerCase() === email).map((contact) => contact.id);
  }
  const since = sentAt - JUST_CREATED_MS;
  for (const contactId of contactIds) {
    const { data } = await client.contactTickets(contactId, { sortBy: '-createdTime', limit: 10 }, signal);
    const match = data.find((candidate) => {
      const created = candidate.createdTime ? Date.parse(candidate.createdTime) : NaN;
      return candidate.subject?.trim() === ticket.subject && created >= since;
    });
    if (match) return match;
  }
  return null;
}
