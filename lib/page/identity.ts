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

// The primary Email field of a Lead or Contact.
const PRIMARY_EMAIL: Anchor[] = [
  // NextGen: the share-email component inside the Email field carries the address (2024–2026).
  { css: '[data-zcqa="value_Email"] crm-rl-share-email[email]', attr: 'email' },
  // NextGen: a Lyte text node inside the field holds it in lt-prop-value.
  { css: '[data-zcqa="value_Email"] lyte-text[lt-prop-value]', attr: 'lt-prop-value' },
  // NextGen: the visible mail link inside the field.
  { css: '[data-zcqa="value_Email"] a.cxEmailViewLink' },
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

// Any email on the page, used only when neither field above is found (unknown layouts).
const ANY_EMAIL: Anchor[] = [
  // Share-email components (header card and fields).
  { css: 'crm-rl-share-email[email*="@"]', attr: 'email' },
  // Mail links of email fields.
  { css: 'a.cxEmailViewLink' },
  // Lyte text whose value looks like an address.
  { css: 'lyte-text[lt-prop-value*="@"]', attr: 'lt-prop-value' },
];

// Related lists and activities show OTHER people's addresses; never read identity from them.
const NOT_IDENTITY = '[id^="relatedList"], crm-related-list-view-header, crm-activity-rel-wrapper, crm-activity-rel-list';

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

/** Every selector identity depends on: the page shows a record once some of these appear. */
export const IDENTITY_SELECTORS: readonly string[] = [
  ...PRIMARY_EMAIL,
  ...SECONDARY_EMAIL,
  ...ANY_EMAIL,
  ...PERSON_NAME,
  ...ACCOUNT_TITLE,
  ...ANY_TITLE,
].map((anchor) => anchor.css);

const MAX_EMAILS = 30; // Zoho's OR list (lib/shared/messages.ts IdentitySchema)
const MAX_TEXT = 500;

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

/** Values of every element matching the anchors, outside related lists, in anchor order. */
function readAll(root: ParentNode, anchors: readonly Anchor[]): string[] {
  const values: string[] = [];
  for (const anchor of anchors) {
    for (const element of root.querySelectorAll(anchor.css)) {
      if (element.closest(NOT_IDENTITY)) continue;
      const value = valueOf(element, anchor);
      if (value) values.push(value);
    }
  }
  return values;
}

/** The first non-empty value the anchors give. */
function readFirst(root: ParentNode, anchors: readonly Anchor[]): string | undefined {
  for (const anchor of anchors) {
    for (const element of root.querySelectorAll(anchor.css)) {
      if (element.closest(NOT_IDENTITY)) continue;
      const value = valueOf(element, anchor);
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * `mailto:` and surrounding text stripped; only addresses as Zoho accepts them (the broker refuses
 * a lookup carrying any other), once each (any case).
 */
function uniqueEmails(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const candidate of candidates) {
    const email = candidate.replace(/^mailto:/i, '').trim();
    if (!isEmailAddress(email) || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    emails.push(email);
  }
  return emails.slice(0, MAX_EMAILS);
}

function readEmails(root: ParentNode): string[] {
  const fields = uniqueEmails([...readAll(root, PRIMARY_EMAIL), ...readAll(root, SECONDARY_EMAIL)]);
  return fields.length > 0 ? fields : uniqueEmails(readAll(root, ANY_EMAIL));
}

/** The tab title, e.g. "Ayesha Khan - Leads - Zoho CRM", without the app's suffix. */
function nameFromTitle(title: string): string | undefined {
  const parts = title.split(/\s+[-|–]\s+/);
  const name = clean(parts[0]);
  if (parts.length < 2 || !name || /zoho/i.test(name)) return undefined;
  return name;
}

function readRecordName(root: ParentNode, module: CrmModule, title = ''): string | undefined {
  const own = module === 'Accounts' ? ACCOUNT_TITLE : PERSON_NAME;
  return readFirst(root, own) ?? readFirst(root, ANY_TITLE) ?? nameFromTitle(title);
}

/** Everything the broker needs to find this record's tickets. */
export function readIdentity(root: ParentNode, module: CrmModule, title = ''): Identity {
  const name = readRecordName(root, module, title);
  if (module === 'Accounts') {
    return { emails: [], ...(name ? { name, accountName: name } : {}) };
  }
  const accountName = readFirst(root, CONTACT_ACCOUNT);
  return {
    emails: readEmails(root),
    ...(name ? { name } : {}),
    ...(module === 'Contacts' && accountName ? { accountName } : {}),
  };
}

/** Can the broker look this record up? Leads/Contacts need an email, Accounts a name. */
export function isSearchable(identity: Identity, module: CrmModule): boolean {
  return module === 'Accounts' ? Boolean(identity.accountName) : identity.emails.length > 0;
}

/** A short string that changes when the page shows another record's name or emails. */
export function identityFingerprint(identity: Identity): string {
  return JSON.stringify([identity.name ?? '', identity.accountName ?? '', identity.emails.map((e) => e.toLowerCase())]);
}
