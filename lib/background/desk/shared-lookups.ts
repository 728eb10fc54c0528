/**
 * Desk contacts and accounts found for one CRM record, kept for the next record that searches
 * the same: a converted lead and its contact share their emails, a deal and its account share
 * the account. Only who they are is shared (ids, links, pages); every record's tickets are still
 * its own fetch. Kept in the extension's database under the tickets' freshness rule
 * (lib/background/cache/desk-lookups.ts); values are checked on the way back in.
 */

/** A Desk contact as the CRM-link match needs it. */
interface SharedContact {
  id: string;
  email: string | null;
  webUrl: string | null;
  /** The CRM Lead or Contact it is linked to; null: not linked. */
  crmId: string | null;
}

export interface SharedContacts {
  items: SharedContact[];
  truncated: boolean;
}

/** The Desk account confirmed for a CRM account; null: none. */
export type SharedAccount = { id: string; accountName: string | null; webUrl: string | null } | null;

export interface SharedLookups {
  /**
   * The value kept under `key` while fresh, else `find`'s (kept for the next). Calls with one key
   * at the same time share one `find`. `check` returns undefined for a kept value of another shape.
   */
  share<T>(key: string, find: () => Promise<T>, check: (kept: unknown) => T | undefined): Promise<T>;
}

/** Every lookup made afresh (no database, tests of one record). */
export const NO_SHARING: SharedLookups = { share: (_key, find) => find() };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';

function isContact(value: unknown): value is SharedContact {
  return isObject(value) && typeof value.id === 'string' && isText(value.email) && isText(value.webUrl) && isText(value.crmId);
}

export function checkContacts(kept: unknown): SharedContacts | undefined {
  if (!isObject(kept) || typeof kept.truncated !== 'boolean' || !Array.isArray(kept.items)) return undefined;
  return kept.items.every(isContact) ? { items: kept.items, truncated: kept.truncated } : undefined;
}

export function checkAccount(kept: unknown): SharedAccount | undefined {
  if (kept === null) return null;
  if (!isObject(kept) || typeof kept.id !== 'string' || !isText(kept.accountName) || !isText(kept.webUrl)) return undefined;
  return { id: kept.id, accountName: kept.accountName, webUrl: kept.webUrl };
}
