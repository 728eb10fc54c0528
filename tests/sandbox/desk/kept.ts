/**
 * What the sandbox never varies, though the files allow it:
 * - identity (a ticket's id and number): an item without one cannot be told apart from another;
 * - what a lookup matched on (the email searched, the contact or account a ticket belongs to,
 *   the CRM link of a contact or an account): Desk found the record by it, so it is there;
 * - the facts the fixture records are described by (subjects, statuses, priorities, times,
 *   assignees, overdue state), which the tests count and read.
 * - what a ticket created through the API was sent with.
 * Everything else, a filler ticket's subject, status and status type included, varies with the
 * seed within what the files allow.
 */
import type { DeskTicket } from '../generate/model';

const IDENTITY = ['id', 'ticketNumber'];
const LOOKUP = ['email', 'contactId', 'accountId'];
const FIXTURE_FACTS = [
  'subject',
  'status',
  'statusType',
  'webUrl',
  'createdTime',
  'modifiedTime',
  'dueDate',
  'isOverDue',
  'priority',
  'category',
  'description',
  'assignee',
  'assigneeId',
  'isEscalated',
  'contact',
];

const FILLER_TICKET: ReadonlySet<string> = new Set([...IDENTITY, ...LOOKUP]);
const FIXTURE_TICKET: ReadonlySet<string> = new Set([...FILLER_TICKET, ...FIXTURE_FACTS]);
/** A ticket created through the API: what was sent (and what Desk set from it) reads back as it was. */
const CREATED_TICKET: ReadonlySet<string> = new Set([...FIXTURE_TICKET, 'channel', 'phone', 'departmentId', 'language', 'threadCount']);

export const ticketKept = (t: DeskTicket): ReadonlySet<string> => (t.created ? CREATED_TICKET : t.fixture ? FIXTURE_TICKET : FILLER_TICKET);

/** A contact's and an account's `webUrl` too: the panel's View all in Zoho Desk link reads it. */
export const CONTACT_KEPT: ReadonlySet<string> = new Set([
  'id',
  'email',
  'zohoCRMContact',
  'zohoCRMContact.id',
  'zohoCRMContact.type',
  'webUrl',
]);
export const ACCOUNT_KEPT: ReadonlySet<string> = new Set(['id', 'accountName', 'zohoCRMAccount', 'zohoCRMAccount.id', 'webUrl']);
export const AGENT_KEPT: ReadonlySet<string> = new Set(['id', 'emailId', 'firstName', 'lastName', 'name']);
/** The agent of a user described by their role (a light agent): the role is one of its facts. */
export const ROLE_AGENT_KEPT: ReadonlySet<string> = new Set([...AGENT_KEPT, 'rolePermissionType']);
export const DEPARTMENT_KEPT: ReadonlySet<string> = new Set(['id', 'name', 'isEnabled', 'isDefault']);
