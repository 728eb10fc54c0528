/**
 * `POST /api/v1/tickets`: the body checked against the contract's create shape and the portal's
 * own values, the requester found (by `contactId`, or by the `contact` object's email, or created
 * from it), the ticket stored with the portal's next number and answered in the detail shape.
 * Where Zoho documents nothing the choices are marked [GUESS] (and listed in the README).
 */
import type { DeskContact, DeskTicket, PortalKey, PortalStore, StatusType } from '../generate/model';
import { EN_PRIORITIES, EN_STATUS, JA_PRIORITIES, JA_STATUS } from '../generate/pools';
import { jsonReply, type Reply } from '../reply';
import { checkBody, invalid, missing, passed } from './body';
import { deskError, invalidData, type FieldProblem } from './errors';
import { renderer } from './render';
import type { RouteContext } from './routes';
import { TICKET_CHANNELS } from './setup-answers';

/** [GUESS] An ASCII address with one `@` and a dot in its domain (the file's contact email is ASCII-only). */
const EMAIL = /^[\x21-\x3f\x41-\x7e]+@[\x21-\x3f\x41-\x7e]+\.[\x21-\x3f\x41-\x7e]+$/;
/** [GUESS] Desk's channel when the body names none. */
const DEFAULT_CHANNEL = 'Email';
const NONE: ReadonlySet<string> = new Set();

type Body = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const idText = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

function statusLabels(portal: PortalKey): Record<string, StatusType> {
  const labels = portal === 'B' ? JA_STATUS : EN_STATUS;
  return { [labels.Open]: 'Open', [labels['On Hold']]: 'On Hold', [labels.Closed]: 'Closed', [labels.Escalated]: 'Open' };
}

/** The body as JSON, or Desk's refusal of it. */
function parse(raw: string): { body: Body } | { refused: Reply } {
  // [GUESS] An empty body is EMPTY_PAYLOAD (422, the contract's status); text that is not a JSON
  // object is BAD_REQUEST (400, "malformed request" in the error catalogue).
  if (raw.trim() === '') return { refused: deskError('EMPTY_PAYLOAD') };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { refused: deskError('BAD_REQUEST', 'The request body is not valid JSON.') };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { refused: deskError('BAD_REQUEST', 'The request body is not a JSON object.') };
  return { body: value as Body };
}

/** The checks beyond the shape: ids that must exist in the portal, values from its picklists. */
function checkPortalValues(body: Body, store: PortalStore, portal: PortalKey, problems: FieldProblem[]): void {
  const ok = (pointer: string) => Object.hasOwn(body, pointer.slice(1)) && passed(problems, pointer);
  const found: FieldProblem[] = [];
  if (ok('/subject') && text(body.subject)!.trim() === '') found.push(missing('/subject'));
  // Every department of the sandbox is enabled; one that is not would be refused the same way.
  if (ok('/departmentId') && !store.departments.some((d) => d.id === idText(body.departmentId)))
    found.push(invalid('/departmentId', 'is not an enabled department of this portal'));
  if (!Object.hasOwn(body, 'contactId') && !Object.hasOwn(body, 'contact')) found.push(missing('/contactId'));
  if (ok('/contactId') && !store.contactById.has(idText(body.contactId)!))
    found.push(invalid('/contactId', 'is not a contact of this portal'));
  if (ok('/accountId') && !store.accountById.has(idText(body.accountId)!))
    found.push(invalid('/accountId', 'is not an account of this portal'));
  if (ok('/assigneeId') && body.assigneeId !== null && !store.agentById.has(idText(body.assigneeId)!))
    found.push(invalid('/assigneeId', 'is not an agent of this portal'));
  // The sandbox's portals have no teams, products or custom ticket fields.
  for (const key of ['teamId', 'productId'])
    if (ok(`/${key}`) && body[key] !== null) found.push(invalid(`/${key}`, 'is not known in this portal'));
  if (ok('/cf') && body.cf) for (const key of Object.keys(body.cf)) found.push(invalid(`/cf/${key}`, 'is not a field of this portal'));
  const priorities: readonly string[] = portal === 'B' ? JA_PRIORITIES : EN_PRIORITIES;
  if (ok('/priority') && body.priority !== null && !priorities.includes(text(body.priority)!))
    found.push(invalid('/priority', `is not one of ${priorities.join(', ')}`));
  const channels: readonly string[] = TICKET_CHANNELS;
  if (ok('/channel') && body.channel !== null && !channels.includes(text(body.channel)!))
    found.push(invalid('/channel', `is not one of ${TICKET_CHANNELS.join(', ')}`));
  if (ok('/status') && !Object.hasOwn(statusLabels(portal), text(body.status)!))
    found.push(invalid('/status', 'is not a status of this portal'));
  if (ok('/email') && body.email !== null && !EMAIL.test(text(body.email)!)) found.push(invalid('/email', 'is not an email address'));
  const contact = body.contact as Body | undefined;
  if (ok('/contact') && typeof contact?.email === 'string' && !EMAIL.test(contact.email))
    found.push(invalid('/contact/email', 'is not an email address'));
  if (ok('/contact') && typeof contact?.lastName === 'string' && contact.lastName.trim() === '') found.push(missing('/contact/lastName'));
  problems.push(...found);
}

/** The requester: by id, else the portal's oldest contact of that email, else a new contact. */
function requester(ctx: RouteContext, body: Body, now: number): { contact: DeskContact; isNew: boolean } {
  const store = ctx.records.readable(ctx.portal);
  // [GUESS] With both, Desk takes contactId (its description: the contact object is for a contact not yet in Desk).
  if (Object.hasOwn(body, 'contactId')) return { contact: store.contactById.get(idText(body.contactId)!)!, isNew: false };
  const given = body.contact as { email: string; lastName: string; firstName?: string | null };
  // [GUESS] Of several contacts with that email, Desk takes the oldest.
  const existing = (store.contactsByEmail.get(given.email.toLowerCase()) ?? []).reduce<DeskContact | undefined>(
    (oldest, c) => (!oldest || c.createdTime < oldest.createdTime ? c : oldest),
    undefined,
  );
  if (existing) return { contact: existing, isNew: false };
  const contact: DeskContact = {
    id: ctx.records.newId(ctx.portal, 'contact'),
    firstName: given.firstName ?? null,
    lastName: given.lastName,
    email: given.email,
    secondaryEmail: null,
    phone: null,
    mobile: null,
    accountId: idText(body.accountId),
    zohoCRMContact: null,
    createdTime: now,
    modifiedTime: now,
  };
  return { contact: ctx.records.addContact(ctx.portal, contact), isNew: true };
}

export function createTicket(ctx: RouteContext): Reply {
  const parsed = parse(ctx.body);
  if ('refused' in parsed) return parsed.refused;
  const { body } = parsed;
  const store = ctx.records.readable(ctx.portal);
  const problems = checkBody(ctx.row.body!, body, ctx.row.bodyRequired);
  checkPortalValues(body, store, ctx.portal, problems);
  if (problems.length) return invalidData(problems);

  const now = ctx.now;
  const { contact, isNew } = requester(ctx, body, now);
  const status = text(body.status) ?? (ctx.portal === 'B' ? JA_STATUS.Open : EN_STATUS.Open);
  const statusType = statusLabels(ctx.portal)[status]!;
  const description = text(body.description);
  const ticket: DeskTicket = {
    id: ctx.records.newId(ctx.portal, 'ticket'),
    ticketNumber: ctx.records.nextTicketNumber(ctx.portal),
    subject: text(body.subject)!,
    // Kept as sent: Desk is given plain text by DeskLink, and the answer shows what it stored.
    description: description ?? '',
    status,
    statusType,
    priority: text(body.priority),
    channel: text(body.channel) ?? DEFAULT_CHANNEL,
    language: ctx.portal === 'B' ? 'Japanese' : 'English',
    category: text(body.category),
    email: text(body.email) ?? contact.email,
    phone: text(body.phone),
    contactId: contact.id,
    // [GUESS] Without an accountId the ticket takes its contact's account.
    accountId: idText(body.accountId) ?? contact.accountId,
    departmentId: idText(body.departmentId)!,
    // [GUESS] No assignment rule runs in the sandbox: unassigned unless the body names an agent.
    assigneeId: idText(body.assigneeId),
    createdTime: now,
    modifiedTime: now,
    // [GUESS] No SLA in the sandbox's portals: no due date.
    dueDate: text(body.dueDate) ? Date.parse(text(body.dueDate)!) : null,
    closedTime: statusType === 'Closed' ? now : null,
    onholdTime: statusType === 'On Hold' ? now : null,
    customerResponseTime: now,
    threadCount: description ? 1 : 0,
    commentCount: 0,
    isEscalated: status === (ctx.portal === 'B' ? JA_STATUS.Escalated : EN_STATUS.Escalated),
    fixture: false,
    created: true,
    ...(description === null ? { nulls: ['description'] } : {}),
  };
  ctx.records.addTicket(ctx.portal, ticket, { newContact: isNew, body });
  const answer = renderer(ctx.records.readable(ctx.portal), ctx.variation).ticket(ctx.row.response.item, ticket, NONE);
  return jsonReply(200, answer);
}
