/**
 * Reads who a CRM record is from its detail page: emails (primary, then secondary), record name
 * and account name. Zoho's markup drifts between releases and differs between NextGen and classic
 * pages, so every value comes from a list of selectors tried in order, newest markup first, each
 * entry saying where it was seen.
 * Only types are imported: this runs in the content script.
 */
import type { CrmModule } from '../shared/protocol';
import type { Identity } from '../shared/commands';
import { isEmailAddress } from '../shared/email-address';

/** One place a value may sit: a selector and, optionally, the attribute holding the value. */
interface Anchor {
  css: string;
  /** Attribute with the value; without it the element's text is used. */
  attr?: string;
}

// The primary Email field of a Lead or Contact, most certain first: the field's own components.
const PRIMARY_EMAIL: Anchor[] = [
  // NextGen: the share-email component inside the Email field carries the address (2024–2026).
  { css: '[data-zcqa="value_Email"] crm-rl-share-email[email]', attr: 'email' },
  // NextGen, field by its sub-value id (seen on live pages in 2026): the share-email component.
  { css: '#subvalue_EMAIL crm-rl-share-email[email]', attr: 'email' },
  // NextGen: a Lyte text node inside the field holds it in lt-prop-value.
  { css: '[data-zcqa="value_Email"] lyte-text[lt-prop-value]', attr: 'lt-prop-value' },
  // Same, inside the sub-value field.
  { css: '#subvalue_EMAIL lyte-text[lt-prop-value]', attr: 'lt-prop-value' },
  // NextGen: the visible mail link inside the field.
  { css: '[data-zcqa="value_Email"] a.cxEmailViewLink' },
  // Same, inside the sub-value field.
  { css: '#subvalue_EMAIL a.cxEmailViewLink' },
  // The sub-value field's own text (no inner component rendered).
  { css: '#subvalue_EMAIL' },
  // Classic UI: the field's value cell.
  { css: '#value_Email' },
];

// The Secondary Email field (API name Secondary_Email).
const SECONDARY_EMAIL: Anchor[] = [
  // NextGen, as for the primary field.
  { css: '[data-zcqa="value_Secondary_Email"] crm-rl-share-email[email]', attr: 'email' },
  // NextGen Lyte text.
  { css: '[data-zcqa="value_Secondary_Email"] lyte-text[lt-prop-value]', attr: 'lt-prop-value' },
  // NextGen mail link.
  { css: '[data-zcqa="value_Secondary_Email"] a.cxEmailViewLink' },
  // Classic UI.
  { css: '#value_Secondary_Email' },
];

// The email fields themselves: a masked value (`****`, no unmask permission) shows here as text.
const EMAIL_FIELDS: Anchor[] = [
  // NextGen fields.
  { css: '[data-zcqa="value_Email"]' },
  { css: '[data-zcqa="value_Secondary_Email"]' },
  // NextGen sub-value field.
  { css: '#subvalue_EMAIL' },
  // Classic UI.
  { css: '#value_Email' },
  { css: '#value_Secondary_Email' },
];

// Any email of the record's own detail area, used only when no email field gave one (unknown
// layouts). The same components sit in related lists and the timeline (NOT_IDENTITY).
const ANY_EMAIL: Anchor[] = [
  // Share-email components (header card and fields).
  { css: 'crm-rl-share-email[email*="@"]', attr: 'email' },
  // Mail links of email fields.
  { css: 'a.cxEmailViewLink' },
  // Lyte text whose value looks like an address.
  { css: 'lyte-text[lt-prop-value*="@"]', attr: 'lt-prop-value' },
];

// Related lists, activities and the timeline show OTHER people's addresses; never read identity from them.
const NOT_IDENTITY = [
  // Related-list sections and their headers.
  '[id^="relatedList"]',
  'crm-related-list-view-header',
  // Open and closed activities.
  'crm-activity-rel-wrapper',
  'crm-activity-rel-list',
  // The record's timeline (its entries name the people who emailed, called, changed fields).
  '[id^="timeline"]',
  'crm-timeline',
  // DeskLink's own rail item.
  '[data-desklink]',
].join(', ');

// A value CRM masked for a user without the unmask permission: never searched.
const MASKED = /\*{2,}/;

// The record's display name (Lead/Contact full name).
const PERSON_NAME: Anchor[] = [
  // NextGen title card (2026).
  { css: '#titlecard_FULLNAME' },
  // NextGen field value.
  { css: '[data-zcqa="value_FULLNAME"]' },
  // NextGen title component with the value in cx-prop-value.
  { css: '#title_FULLNAME crux-text-component[cx-prop-value]', attr: 'cx-prop-value' },
  // NextGen title card before 2026.
  { css: '#titlecard_LASTNAME' },
];

// An Account's name (its record name).
const ACCOUNT_TITLE: Anchor[] = [
  // NextGen title card of accounts.
  { css: '#titlecard_ACCOUNTNAME' },
  // NextGen Account_Name field of an account.
  { css: '[data-zcqa="value_Account_Name"]' },
];

// Header names of older NextGen and classic pages, for any module.
const ANY_TITLE: Anchor[] = [
  // Older NextGen header.
  { css: '.entityNameContent' },
  // Older NextGen header title.
  { css: '.cxEntityHeaderTitle' },
  // Older NextGen header (data attribute).
  { css: '[data-zcqa="entityName"]' },
  // Classic UI breadcrumb.
  { css: '#entityNameInBCView' },
];

// The account a Contact belongs to (a lookup field).
const CONTACT_ACCOUNT: Anchor[] = [
  // NextGen lookup component inside the Account_Name field, value in cx-prop-value.
  { css: '[data-zcqa="value_Account_Name"] crux-lookup-component[cx-prop-value]', attr: 'cx-prop-value' },
  // NextGen field value text.
  { css: '[data-zcqa="value_Account_Name"]' },
  // Classic UI.
  { css: '#value_Account_Name' },
];

// A Deal's name.
const DEAL_TITLE: Anchor[] = [
  // NextGen Deal_Name field.
  { css: '[data-zcqa="value_Deal_Name"]' },
  // NextGen title card (the record name of any module).
  { css: '#titlecard_FULLNAME' },
];

/** Where a Deal's lookup sits: the field, and the record module its link points to. */
interface LookupField {
  fields: string[];
  /** The `/tab/<Module>/<id>` segment the lookup's link carries. */
  tab: 'Contacts' | 'Accounts';
}

// A Deal's `Contact Name` lookup: NextGen field, classic cell.
const DEAL_CONTACT: LookupField = { fields: ['[data-zcqa="value_Contact_Name"]', '#value_Contact_Name'], tab: 'Contacts' };
// A Deal's `Account Name` lookup: NextGen field, classic cell.
const DEAL_ACCOUNT: LookupField = { fields: ['[data-zcqa="value_Account_Name"]', '#value_Account_Name'], tab: 'Accounts' };

/** Every selector identity depends on: the page shows a record once some of these appear. */
export const IDENTITY_SELECTORS: readonly string[] = [
  ...PRIMARY_EMAIL,
  ...SECONDARY_EMAIL,
  ...EMAIL_FIELDS,
  ...ANY_EMAIL,
  ...PERSON_NAME,
  ...ACCOUNT_TITLE,
  ...DEAL_TITLE,
  ...ANY_TITLE,
]
  .map((anchor) => anchor.css)
  .concat([DEAL_CONTACT, DEAL_ACCOUNT].flatMap((lookup) => lookup.fields.map((field) => `${field} a[href]`)));

const MAX_EMAILS = 30; // Zoho's OR list (lib/shared/commands.ts IdentitySchema)
const MAX_TEXT = 500;
const RECORD_ID = /^\d{13,19}$/;

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

/** A lookup's cx-prop-value may be JSON (`{"name": …, "id": …}`) or plain text. */
function lookupText(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    const name = (parsed as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return raw;
  }
}

function valueOf(element: Element, anchor: Anchor): string {
  const raw = anchor.attr ? element.getAttribute(anchor.attr) : element.textContent;
  return clean(lookupText(clean(raw)));
}

/** The elements matching the anchor outside related lists, activities and the timeline. */
function ownElements(root: ParentNode, css: string): Element[] {
  return [...root.querySelectorAll(css)].filter((element) => !element.closest(NOT_IDENTITY));
}

/** Values of every element matching the anchors, in anchor order. */
function readAll(root: ParentNode, anchors: readonly Anchor[]): string[] {
  return anchors.flatMap((anchor) => ownElements(root, anchor.css).map((element) => valueOf(element, anchor))).filter(Boolean);
}

/** The first non-empty value the anchors give. */
function readFirst(root: ParentNode, anchors: readonly Anchor[]): string | undefined {
  return readAll(root, anchors)[0];
}

/**
 * `mailto:` and surrounding text stripped; only addresses as Zoho accepts them (the broker refuses
 * a lookup carrying any other), never a masked one (`d****@…` would be a wildcard search), once
 * each (any case).
 */
function uniqueEmails(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const candidate of candidates) {
    const email = candidate.replace(/^mailto:/i, '').trim();
    if (email.includes('*') || !isEmailAddress(email) || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    emails.push(email);
  }
  return emails.slice(0, MAX_EMAILS);
}

/** The record's emails, and whether an email field showed a masked value instead. */
function readEmails(root: ParentNode): { emails: string[]; masked: boolean } {
  const fieldValues = [...readAll(root, PRIMARY_EMAIL), ...readAll(root, SECONDARY_EMAIL)];
  const masked = [...fieldValues, ...readAll(root, EMAIL_FIELDS)].some((value) => MASKED.test(value));
  const fields = uniqueEmails(fieldValues);
  if (fields.length > 0 || masked) return { emails: fields, masked };
  return { emails: uniqueEmails(readAll(root, ANY_EMAIL)), masked: false };
}

/** The tab title, e.g. "Ayesha Khan - Leads - Zoho CRM", without the app's suffix. */
function nameFromTitle(title: string): string | undefined {
  const parts = title.split(/\s+[-|–]\s+/);
  const name = clean(parts[0]);
  if (parts.length < 2 || !name || /zoho/i.test(name)) return undefined;
  return name;
}

function readRecordName(root: ParentNode, module: CrmModule, title = ''): string | undefined {
  const own = module === 'Accounts' ? ACCOUNT_TITLE : module === 'Deals' ? DEAL_TITLE : PERSON_NAME;
  return readFirst(root, own) ?? readFirst(root, ANY_TITLE) ?? nameFromTitle(title);
}

/** A lookup's target: the record id from its link (`…/tab/<Module>/<id>`) and the name it shows. */
function readLookup(root: ParentNode, lookup: LookupField): { id: string; name: string } | undefined {
  const idInPath = new RegExp(`/tab/${lookup.tab}/(\\d{13,19})(?:[/?#]|$)`);
  for (const field of lookup.fields) {
    for (const link of ownElements(root, `${field} a[href]`)) {
      const id = idInPath.exec(link.getAttribute('href') ?? '')?.[1];
      const name = clean(link.textContent);
      if (id && RECORD_ID.test(id) && name) return { id, name };
    }
  }
  return undefined;
}

/** Everything the broker needs to find this record's tickets. */
export function readIdentity(root: ParentNode, module: CrmModule, title = ''): Identity {
  const name = readRecordName(root, module, title);
  if (module === 'Accounts') {
    return { emails: [], ...(name ? { name, accountName: name } : {}) };
  }
  if (module === 'Deals') {
    const contact = readLookup(root, DEAL_CONTACT);
    const account = readLookup(root, DEAL_ACCOUNT);
    return {
      emails: [],
      ...(name ? { name } : {}),
      ...(contact || account ? { lookups: { ...(contact ? { contact } : {}), ...(account ? { account } : {}) } } : {}),
    };
  }
  const accountName = readFirst(root, CONTACT_ACCOUNT);
  const { emails, masked } = readEmails(root);
  return {
    emails,
    ...(name ? { name } : {}),
    ...(module === 'Contacts' && accountName ? { accountName } : {}),
    ...(masked ? { emailMasked: true } : {}),
  };
}

/**
 * Can the broker look this record up? Accounts need a name; Deals a contact or account lookup;
 * Leads and Contacts an email, or else their name (Desk contacts linked to the record).
 */
export function isSearchable(identity: Identity, module: CrmModule): boolean {
  if (module === 'Accounts') return Boolean(identity.accountName);
  if (module === 'Deals') return Boolean(identity.lookups?.contact || identity.lookups?.account);
  return identity.emails.length > 0 || Boolean(identity.name);
}

/**
 * Has the page shown what it will show? A person without an email yet may get it late (lazy or
 * slow fields): the watch gives such a record its settle time before looking up by name. A
 * masked email will never show, so that record is complete.
 */
export function isComplete(identity: Identity, module: CrmModule): boolean {
  if (module === 'Leads' || module === 'Contacts') return identity.emails.length > 0 || identity.emailMasked === true;
  return isSearchable(identity, module);
}

/** A short string that changes when the page shows another record's name, emails or lookups. */
export function identityFingerprint(identity: Identity): string {
  return JSON.stringify([
    identity.name ?? '',
    identity.accountName ?? '',
    identity.emails.map((e) => e.toLowerCase()),
    identity.emailMasked === true,
    identity.lookups?.contact?.id ?? '',
    identity.lookups?.account?.id ?? '',
  ]);
}
