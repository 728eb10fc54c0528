/**
 * What a CRM record's identity becomes in Desk searches: the emails (Leads, Contacts) or the
 * account name (Accounts), cleaned for Zoho's syntax, and a fingerprint of it so the cache can
 * tell when a record's email or name changed and its tickets must be fetched again.
 */
import type { Identity, RecordRef } from '../../shared/commands';

/** Zoho's OR list takes at most 30 emails. */
const MAX_EMAILS = 30;

// No comma (Zoho's OR separator), no `*` (wildcard), no whitespace.
const EMAIL = /^[^\s,*@]+@[^\s,*@]+$/;

/** Trimmed, lower-cased, valid, de-duplicated case-insensitively, primary first, ≤ 30. */
export function searchableEmails(emails: readonly string[]): string[] {
  const unique = new Set<string>();
  for (const raw of emails) {
    const email = raw.trim().toLowerCase();
    if (EMAIL.test(email)) unique.add(email);
    if (unique.size === MAX_EMAILS) break;
  }
  return [...unique];
}

/** The record's account name, whitespace collapsed; '' when none. */
export function recordAccountName(record: RecordRef, identity: Identity): string {
  if (record.module !== 'Accounts') return '';
  return (identity.accountName ?? identity.name ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The `accountName` search value. Zoho reads a comma as OR and needs ≥ 3 characters, so a name
 * with a comma is searched by its part before the comma with a trailing wildcard
 * (`Acme, Inc.` → `Acme*`) and the exact name is checked on the results. undefined: not searchable.
 */
export function accountSearchTerm(name: string): string | undefined {
  const clean = name.replace(/\*/g, '').trim();
  if (!clean.includes(',')) return clean.length >= 3 ? clean : undefined;
  const head = clean.split(',')[0]!.trim();
  if (head.length >= 3) return `${head}*`;
  const longest = clean
    .split(',')
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0];
  return longest && longest.length >= 3 ? longest : undefined;
}

/** The same account name but for case and spacing; an account Zoho sent without a name has none. */
export const sameAccountName = (a: string | null, b: string) =>
  a !== null && a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** cyrb53: a fast 53-bit string hash (no crypto needed: this only detects change). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A stable fingerprint of the identity a search used: the same for the same set of emails in
 * any order or case (or the same account name), different when one changes.
 */
export function identityFingerprint(record: RecordRef, identity: Identity): string {
  if (record.module === 'Accounts') {
    const name = recordAccountName(record, identity).toLowerCase();
    return name ? `account:${hash53(name)}` : 'none';
  }
  if (record.module === 'Deals') {
    const { contact, account } = identity.lookups ?? {};
    if (!contact && !account) return 'none';
    // The contact's name is in the answer (whose ticket each row is), so it is part of the key.
    return `deal:${hash53(JSON.stringify([contact?.id ?? '', contact?.name ?? '', account?.id ?? '', account?.name.toLowerCase() ?? '']))}`;
  }
  const emails = searchableEmails(identity.emails).sort();
  if (emails.length) return `emails:${hash53(emails.join(','))}`;
  const name = contactSearchName(identity.name ?? '');
  return name ? `link:${hash53(name.toLowerCase())}` : 'none';
}

/**
 * The `fullName` search value for a person matched by CRM link: whitespace collapsed, no `*`
 * (Zoho's wildcard), at most Zoho's 200 characters; undefined when nothing is left.
 */
export function contactSearchName(name: string): string | undefined {
  const clean = name.replace(/\*/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return clean || undefined;
}
