/**
 * Finds the Desk tickets of a CRM record:
 * - Leads and Contacts: `tickets/search` by every email of the record, plus the tickets of the
 *   Desk contacts whose `zohoCRMContact.id` is the record (found by `contacts/search` on the
 *   same emails; the link may name a Lead or a Contact). Without a readable email: only the
 *   tickets of the Desk contacts found by the record's name that are linked to the record.
 * - Accounts: `accounts/search` by name, confirmed by `zohoCRMAccount.id` (fetched per account:
 *   search results omit it), then that account's tickets; their list omits `modifiedTime`, so the
 *   100 most recently changed come once more from `tickets/search` by account id, which has it.
 *   The exact-name hit's tickets are fetched while its link is checked (it is nearly always the
 *   one), and dropped when the check picks another account.
 * - Deals: the tickets of the deal's contact (linked Desk contacts, as above, by the lookup's
 *   name and id) and of its account (as an Account record), each marked whose it is; a ticket
 *   of both is the contact's.
 * Tickets are merged by id, newest first. Every page inside Zoho's window is fetched. Each call
 * starts as soon as what it needs is known. The Desk contacts and account a search found are
 * shared with other records searching the same emails or name (shared-lookups.ts).
 *
 * A Lead's or Contact's linked contacts' tickets are a second round trip after the two searches:
 * the tickets found by email are told (`onFirstRows`) as soon as that second round trip is known
 * to be needed, so the rep reads them while the rest come.
 */
import { DeskLinkError } from '../../shared/errors';
import type { Identity, RecordRef } from '../../shared/commands';
import type { TicketSummary } from '../../shared/protocol';
import type { DeskClient } from './client';
import {
  accountSearchTerm,
  contactSearchName,
  identityFingerprint,
  recordAccountName,
  sameAccountName,
  searchableEmails,
} from './identity';
import { collectPages, type Collected } from './paging';
import type { Account, Ticket } from './schemas';
import { checkAccount, checkContacts, NO_SHARING, type SharedAccount, type SharedContacts, type SharedLookups } from './shared-lookups';
import { toTicketSummary } from './ticket-summary';

export { identityFingerprint } from './identity';

/** A record's tickets as found so far (all of them, or the first rows). */
export interface FoundRows {
  tickets: TicketSummary[];
  /** Zoho's window cut a list: "showing the first 1,000". */
  truncated: boolean;
  /** The Desk page of the record's Desk contact or account (`webUrl`), when one was found. */
  deskUrl: string | null;
}

interface RecordTickets extends FoundRows {
  fingerprint: string;
}

/** Hears a record's first rows: every ticket one search found, while another round trip is still out. */
export type OnFirstRows = (rows: FoundRows) => void;

/** Accounts whose CRM link is checked one by one, exact-name hits first. */
const MAX_ACCOUNTS_CHECKED = 10;
/** Errors that mean "this key may not read contacts": the email search still counts. */
const PERMISSION_CODES = new Set(['SCOPE_MISMATCH', 'FORBIDDEN', 'LICENSE_ACCESS_LIMITED']);

const byNewest = (a: TicketSummary, b: TicketSummary) => {
  const at = a.modifiedTime ?? a.createdTime ?? '';
  const bt = b.modifiedTime ?? b.createdTime ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return a.id.length !== b.id.length ? b.id.length - a.id.length : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

/** One entry per ticket id; a copy with a real modifiedTime (search) beats one without (list). */
function mergeTickets(lists: readonly Ticket[][], now: number): TicketSummary[] {
  const byId = new Map<string, Ticket>();
  for (const ticket of lists.flat()) {
    const known = byId.get(ticket.id);
    if (!known || (!known.modifiedTime && ticket.modifiedTime)) byId.set(ticket.id, ticket);
  }
  return [...byId.values()].map((t) => toTicketSummary(t, now)).sort(byNewest);
}

const ticketsOfContact = (client: DeskClient, contactId: string, signal?: AbortSignal) =>
  collectPages('contactTickets', async (from, limit) => {
    const page = await client.contactTickets(contactId, { from, limit, sortBy: '-modifiedTime' }, signal);
    return { items: page.data, received: page.received };
  });

const ticketsOfAccount = (client: DeskClient, accountId: string, signal?: AbortSignal) =>
  collectPages('accountTickets', async (from, limit) => {
    // With each ticket's contact: on an account's page the rep needs to know who raised it.
    const page = await client.accountTickets(accountId, { include: ['contacts'], from, limit, sortBy: '-modifiedTime' }, signal);
    return { items: page.data, received: page.received };
  });

/** Last-change times the account's ticket list lacks: one search page, newest change first. */
const RECENTLY_CHANGED = 100;

async function recentlyChangedOfAccount(client: DeskClient, accountId: string, signal?: AbortSignal): Promise<Collected<Ticket>> {
  try {
    const page = await client.searchTickets({ accountId: [accountId], sortBy: '-modifiedTime', from: 0, limit: RECENTLY_CHANGED }, signal);
    return { items: page.data, truncated: false };
  } catch (error) {
    // The list alone still shows every ticket (with its creation time, labelled as such).
    if (error instanceof DeskLinkError && PERMISSION_CODES.has(error.code)) return { items: [], truncated: false };
    throw error;
  }
}

/** The Desk contacts found by these emails or this name, as another record's search may have found them already. */
export function findContacts(
  client: DeskClient,
  by: { emails: string[] } | { name: string },
  lookups: SharedLookups,
  signal?: AbortSignal,
) {
  const key = 'emails' in by ? `contacts:email:${[...by.emails].sort().join(',')}` : `contacts:name:${by.name}`;
  const find = async (): Promise<SharedContacts> => {
    const found = await collectPages('contactSearch', async (from, limit) => {
      const query = 'emails' in by ? { email: by.emails } : { fullName: by.name };
      const page = await client.searchContacts({ ...query, from, limit }, signal);
      return { items: page.data, received: page.received, count: page.count };
    });
    const items = found.items.map((c) => ({ id: c.id, email: c.email, webUrl: c.webUrl, crmId: c.zohoCRMContact?.id ?? null }));
    return { items, truncated: found.truncated };
  };
  return lookups.share(key, find, checkContacts);
}

/**
 * Tickets of the Desk contacts linked to this CRM record, among those Desk finds by the emails or
 * the name. `onLinkedFound` hears the record's Desk page as the linked contacts' tickets are asked.
 */
async function linkedContactTickets(
  client: DeskClient,
  by: { emails: string[] } | { name: string },
  recordId: string,
  lookups: SharedLookups,
  signal?: AbortSignal,
  onLinkedFound?: (deskUrl: string | null) => void,
) {
  const emails = 'emails' in by ? by.emails : [];
  const contacts = await findContacts(client, by, lookups, signal);
  const linkedContacts = contacts.items.filter((c) => c.crmId === recordId);
  const linked = new Set(linkedContacts.map((c) => c.id));
  // The record's page in Desk: its linked contact, else the contact with its primary email.
  const primary = emails[0]?.toLowerCase();
  const own = linkedContacts[0] ?? contacts.items.find((c) => primary !== undefined && c.email?.toLowerCase() === primary);
  const deskUrl = own?.webUrl ?? null;
  if (linked.size > 0) onLinkedFound?.(deskUrl);
  const results = await Promise.all([...linked].map((contactId) => ticketsOfContact(client, contactId, signal)));
  return {
    items: results.flatMap((r) => r.items),
    truncated: contacts.truncated || results.some((r) => r.truncated),
    deskUrl,
  };
}

/**
 * A person's tickets by email and by CRM link. `onFirstRows` hears the email search's tickets
 * once they are in and the linked contacts' are still to come (not when the contact search
 * finds no linked contact: the email search's tickets are then all of them).
 */
async function personTickets(
  client: DeskClient,
  record: RecordRef,
  emails: string[],
  lookups: SharedLookups,
  signal?: AbortSignal,
  onFirstRows?: OnFirstRows,
) {
  let found: Collected<Ticket> | null = null;
  let linkedPage: { deskUrl: string | null } | null = null;
  let linkedPending = true;
  let told = false;
  const tell = () => {
    if (told || !onFirstRows || !found || !linkedPage || !linkedPending) return;
    told = true;
    onFirstRows({ tickets: mergeTickets([found.items], client.now()), truncated: found.truncated, deskUrl: linkedPage.deskUrl });
  };
  const byEmail = collectPages('ticketSearch', async (from, limit) => {
    const page = await client.searchTickets({ email: emails, sortBy: '-modifiedTime', from, limit }, signal);
    return { items: page.data, received: page.received, count: page.count };
  }).then((collected) => {
    found = collected;
    tell();
    return collected;
  });
  const byLink = linkedContactTickets(client, { emails }, record.recordId, lookups, signal, (deskUrl) => {
    linkedPage = { deskUrl };
    tell();
  })
    .catch((error: unknown) => {
      if (error instanceof DeskLinkError && PERMISSION_CODES.has(error.code)) return { items: [], truncated: false, deskUrl: null };
      throw error;
    })
    .finally(() => {
      linkedPending = false;
    });
  return Promise.all([byEmail, byLink]);
}

/** A person without a readable email: the Desk contacts of that name linked to the CRM record. */
async function linkedByName(client: DeskClient, name: string, recordId: string, lookups: SharedLookups, signal?: AbortSignal) {
  const term = contactSearchName(name);
  return term ? linkedContactTickets(client, { name: term }, recordId, lookups, signal) : { items: [], truncated: false, deskUrl: null };
}

/** An account's tickets: the list, and the recently changed with their times. */
const ofAccount = (client: DeskClient, accountId: string, signal?: AbortSignal) =>
  Promise.all([ticketsOfAccount(client, accountId, signal), recentlyChangedOfAccount(client, accountId, signal)]);

/**
 * The Desk account linked to a CRM account (null: none), as another lookup of the same record
 * and name may have confirmed it already. `onGuess` hears the likely account while a search made
 * here confirms it.
 */
function confirmedAccount(
  client: DeskClient,
  name: string,
  recordId: string,
  lookups: SharedLookups,
  signal?: AbortSignal,
  onGuess?: (likely: Account) => void,
): Promise<SharedAccount> {
  const key = `account:${recordId}:${name.replace(/\s+/g, ' ').trim().toLowerCase()}`;
  const find = async (): Promise<SharedAccount> => {
    const found = await findAccount(client, name, recordId, signal, onGuess);
    return found ? { id: found.id, accountName: found.accountName, webUrl: found.webUrl } : null;
  };
  return lookups.share(key, find, checkAccount);
}

/** The Desk account of a CRM account and its tickets, the likely account's started while it is confirmed. */
async function accountTickets(client: DeskClient, name: string, recordId: string, lookups: SharedLookups, signal?: AbortSignal) {
  let guess: { id: string; sources: Promise<Collected<Ticket>[]>; drop: AbortController } | undefined;
  const speculate = (candidate: Account) => {
    const drop = new AbortController();
    signal?.addEventListener('abort', () => drop.abort(), { once: true });
    const sources = ofAccount(client, candidate.id, drop.signal);
    sources.catch(() => undefined);
    guess = { id: candidate.id, sources, drop };
  };
  const account = await confirmedAccount(client, name, recordId, lookups, signal, speculate);
  // Another account (or none) confirmed: the guess's rows are never used.
  if (guess && guess.id !== account?.id) guess.drop.abort();
  const sources = !account ? [] : guess?.id === account.id ? await guess.sources : await ofAccount(client, account.id, signal);
  return { sources, deskUrl: account?.webUrl ?? null };
}

/**
 * A Deal's contact's tickets: by the contact's emails and CRM link when its emails are known (CRM's
 * API gives them; the deal's page does not), else the Desk contacts of its name linked to it.
 */
async function dealContactTickets(
  client: DeskClient,
  deal: RecordRef,
  contact: { id: string; name: string },
  emails: string[],
  lookups: SharedLookups,
  signal?: AbortSignal,
) {
  if (emails.length === 0) return linkedByName(client, contact.name, contact.id, lookups, signal);
  const [byEmail, byLink] = await personTickets(client, { ...deal, module: 'Contacts', recordId: contact.id }, emails, lookups, signal);
  return { items: [...byEmail.items, ...byLink.items], truncated: byEmail.truncated || byLink.truncated, deskUrl: byLink.deskUrl };
}

/** A Deal: its contact's and its account's tickets, each row saying whose it is. */
async function dealTickets(
  client: DeskClient,
  record: RecordRef,
  identity: Identity,
  lookups: SharedLookups,
  signal?: AbortSignal,
): Promise<Omit<RecordTickets, 'fingerprint'>> {
  const { contact, account } = identity.lookups ?? {};
  const [ofContact, ofAccount] = await Promise.all([
    contact ? dealContactTickets(client, record, contact, searchableEmails(identity.emails), lookups, signal) : null,
    account ? accountTickets(client, account.name, account.id, lookups, signal) : null,
  ]);
  const contactIds = new Set(ofContact?.items.map((t) => t.id));
  const accountSources = ofAccount?.sources ?? [];
  const tickets = mergeTickets([ofContact?.items ?? [], ...accountSources.map((s) => s.items)], client.now()).map(
    (ticket): TicketSummary => ({
      ...ticket,
      whose: contact && contactIds.has(ticket.id) ? { kind: 'contact', name: contact.name } : { kind: 'account' },
    }),
  );
  return {
    tickets,
    truncated: Boolean(ofContact?.truncated) || accountSources.some((s) => s.truncated),
    deskUrl: ofContact?.deskUrl ?? ofAccount?.deskUrl ?? null,
  };
}

/**
 * The Desk account of a CRM account: the hit linked to the record id; failing that, the one
 * hit with exactly the record's name and no CRM link at all. Search results do not carry the
 * link, so each candidate is fetched (exact names first, at most 10). `onGuess` hears of the
 * exact-name hit to be checked first, before its check.
 */
async function findAccount(
  client: DeskClient,
  name: string,
  recordId: string,
  signal?: AbortSignal,
  onGuess?: (likely: Account) => void,
): Promise<Account | undefined> {
  const term = accountSearchTerm(name);
  if (!term) return undefined;
  const { data: hits } = await client.searchAccounts({ accountName: term, from: 0, limit: 25 }, signal);
  const ordered = [...hits].sort((a, b) => Number(sameAccountName(b.accountName, name)) - Number(sameAccountName(a.accountName, name)));
  const first = ordered[0];
  if (onGuess && first && first.zohoCRMAccount === undefined && sameAccountName(first.accountName, name)) onGuess(first);
  const checked: Account[] = [];
  for (const hit of ordered) {
    const account =
      hit.zohoCRMAccount !== undefined || checked.length >= MAX_ACCOUNTS_CHECKED ? hit : ((await client.getAccount(hit.id, signal)) ?? hit);
    if (account.zohoCRMAccount?.id === recordId) return account;
    checked.push(account);
  }
  const unlinkedSameName = checked.filter((a) => a.zohoCRMAccount === null && sameAccountName(a.accountName, name));
  return unlinkedSameName.length === 1 ? unlinkedSameName[0] : undefined;
}

export async function findRecordTickets(
  client: DeskClient,
  record: RecordRef,
  identity: Identity,
  signal?: AbortSignal,
  lookups: SharedLookups = NO_SHARING,
  onFirstRows?: OnFirstRows,
): Promise<RecordTickets> {
  const fingerprint = identityFingerprint(record, identity);
  if (record.module === 'Deals') return { ...(await dealTickets(client, record, identity, lookups, signal)), fingerprint };
  let sources: Collected<Ticket>[] = [];
  let deskUrl: string | null = null;
  if (record.module === 'Accounts') {
    const name = recordAccountName(record, identity);
    if (name) ({ sources, deskUrl } = await accountTickets(client, name, record.recordId, lookups, signal));
  } else {
    const emails = searchableEmails(identity.emails);
    if (emails.length) {
      const [byEmail, byLink] = await personTickets(client, record, emails, lookups, signal, onFirstRows);
      sources = [byEmail, byLink];
      deskUrl = byLink.deskUrl;
    } else if (identity.name) {
      const byLink = await linkedByName(client, identity.name, record.recordId, lookups, signal);
      sources = [byLink];
      deskUrl = byLink.deskUrl;
    }
  }
  return {
    tickets: mergeTickets(
      sources.map((s) => s.items),
      client.now(),
    ),
    truncated: sources.some((s) => s.truncated),
    fingerprint,
    deskUrl,
  };
}

/** A Desk contact a new ticket may be for. */
interface AccountContact {
  contactId: string;
  name: string;
  email?: string;
}

/**
 * An Account record's Desk account (as its tickets are matched: the one their lookup confirmed,
 * while fresh, without asking Desk again) and the Desk contacts filed
 * under it (the contact search by account name, kept to those whose account is this one, at most
 * 50, the ones Desk files under another account left out): whom a new ticket from the Account
 * page may be for.
 */
export async function accountPeople(
  client: DeskClient,
  record: RecordRef,
  identity: Identity,
  lookups: SharedLookups = NO_SHARING,
  signal?: AbortSignal,
): Promise<{ accountId: string | null; contacts: AccountContact[] }> {
  const name = recordAccountName(record, identity);
  const account = name ? await confirmedAccount(client, name, record.recordId, lookups, signal) : null;
  if (!account) return { accountId: null, contacts: [] };
  const term = accountSearchTerm(account.accountName ?? name ?? '');
  const { data } = term ? await client.searchContacts({ accountName: term, from: 0, limit: 50 }, signal) : { data: [] };
  const contacts = data
    // Found by the account's name: kept unless Desk names another account (it may leave accountId out).
    .filter((contact) => contact.accountId === account.id || contact.accountId == null)
    .map((contact) => {
      const fullName = [contact.firstName, contact.lastName].filter((part) => part?.trim()).join(' ');
      const email = contact.email?.trim();
      return { contactId: contact.id, name: fullName || email || contact.id, ...(email ? { email } : {}) };
    });
  return { accountId: account.id, contacts };
}
