/** Shapes of the endpoints a ticket preview and the new-ticket form use: a thread, field metadata, the create body. */
import { always, nullable, opt } from './fields';
import { desk } from './sources';
import type { FieldSpec, Shape } from './types';

const shape = (name: string, source: Shape['source'], fields: Record<string, FieldSpec>, extra: Partial<Shape> = {}): Shape => ({
  name,
  source,
  fields,
  closed: true,
  ...extra,
});

const AUTHOR = shape('author', desk('Conversation.json', '75e1ba5', 'components/schemas/generalThreadResponseJson/author'), {
  id: nullable.id(),
  name: nullable.string(),
  firstName: opt(nullable.string()),
  lastName: opt(nullable.string()),
  email: opt(nullable.string()),
  photoURL: opt(nullable.url()),
  // One example in the file gives the type as a one-element array.
  type: { types: ['string', 'array', 'null'], presence: 'required', items: always.string() },
});

/** `tickets/{id}/latestThread`: one thread with its `content` (the threads list has none). */
export const THREAD = shape(
  'generalThreadResponseJson',
  desk('Conversation.json', '75e1ba5', 'components/schemas/generalThreadResponseJson'),
  {
    id: always.id(),
    summary: nullable.string({ maxLength: 100 }),
    content: nullable.string(),
    contentType: nullable.string({ enum: ['text/plain', 'text/html', 'html', 'plainText'] }),
    plainText: opt(nullable.string()),
    isContentTruncated: opt(nullable.boolean()),
    fullContentURL: opt(nullable.url()),
    direction: nullable.string({ enum: ['in', 'out'] }),
    channel: nullable.string(),
    status: nullable.string({ enum: ['SUCCESS', 'PENDING', 'FAILED', 'DRAFT'] }),
    visibility: nullable.string({ enum: ['public', 'private'] }),
    author: nullable.object(AUTHOR),
    createdTime: nullable.date(),
    hasAttach: nullable.boolean(),
    attachmentCount: nullable.count(),
    isDescriptionThread: opt(nullable.boolean()),
    canReply: opt(nullable.boolean()),
  },
  {
    closed: false,
    notes: ['oneOf general/email/facebook/twitter/forum shapes; email threads add cc, to, bcc, fromEmailAddress, replyTo, isForward'],
  },
);

/** `fields?module=tickets`: one field's metadata, picklists in `allowedValues` (Field.json @3f7016e). */
export const FIELD = shape(
  'field',
  desk('Field.json', '3f7016e', 'components/schemas (field list)'),
  {
    id: always.id(),
    apiName: always.string(),
    displayLabel: nullable.string(),
    type: nullable.string(),
    isCustomField: nullable.boolean(),
    isMandatory: opt(nullable.boolean()),
    allowedValues: opt(
      nullable.array(
        always.object(shape('allowedValue', desk('Field.json', '3f7016e', 'allowedValues'), { value: always.string() }, { closed: false })),
      ),
    ),
  },
  { closed: false },
);

/** `organizationFields?module=tickets`: as `fields`; the status field's values carry their statusType. */
export const ORGANIZATION_FIELD = shape(
  'organizationField',
  desk('FieldOld.json', 'bc1833e', 'organizationFields'),
  {
    id: always.id(),
    apiName: always.string(),
    displayLabel: nullable.string(),
    type: nullable.string(),
    allowedValues: opt(
      nullable.array(
        always.object(
          shape(
            'allowedValue',
            desk('FieldOld.json', 'bc1833e', 'allowedValues'),
            { value: always.string(), statusType: opt(nullable.string()) },
            { closed: false },
          ),
        ),
      ),
    ),
  },
  { closed: false },
);

/** `POST tickets` body (createTicketRequest): no other key is accepted. */
export const CREATE_TICKET_BODY = shape(
  'createTicketRequest',
  desk('Ticket.json', '3f7016e', 'components/requestBodies/createTicketRequest'),
  {
    // The file allows 1000; Zoho's Postman collection (and Desk's form) 255: the stricter reading.
    subject: opt(always.string({ maxLength: 255 })),
    departmentId: always.id(),
    contactId: opt(always.id()),
    contact: opt(
      always.object(
        shape('contact', desk('Ticket.json', '3f7016e', 'createTicketRequest/contact'), {
          lastName: always.string({ maxLength: 200 }),
          email: always.string({ maxLength: 255 }),
          firstName: opt(nullable.string({ maxLength: 100 })),
        }),
      ),
    ),
    email: opt(nullable.string({ maxLength: 150 })),
    phone: opt(always.string({ maxLength: 120 })),
    description: opt(nullable.string({ maxLength: 65535 })),
    priority: opt(nullable.string()),
    status: opt(always.string()),
    channel: opt(nullable.string()),
    classification: opt(nullable.string()),
    category: opt(nullable.string()),
    subCategory: opt(nullable.string()),
    language: opt(nullable.string()),
    dueDate: opt(nullable.date()),
    assigneeId: opt(nullable.id()),
    teamId: opt(nullable.id()),
    productId: opt(nullable.id()),
    accountId: opt(always.id()),
    cf: opt(nullable.map(nullable.string({ maxLength: 255 }))),
  },
);
