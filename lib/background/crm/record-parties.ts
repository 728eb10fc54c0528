/**
 * Who a CRM record is, as CRM's API says, with only the fields each module needs:
 * - Leads and Contacts: `Email`, `Secondary_Email` and the name (`Full_Name`, else first and
 *   last), and a Contact's `Account_Name` lookup;
 * - Accounts: `Account_Name` (a plain string on the module itself) and the record's id;
 * - Deals: the `Contact_Name` and `Account_Name` lookups (`{id, name}`), then the contact's own
 *   emails, read from Contacts by the lookup's id.
 * A value of a shape no file allows (a number for an email, a lookup without an id) is left out,
 * never guessed at.
 */
import { isEmailAddress } from '../../shared/email-address';
import type { CrmApiModule, CrmClient, CrmRecordFields } from './crm-client';

interface Lookup {
  id: string;
  name: string | null;
}

/** A Lead's or Contact's identity. */
interface PersonParties {
  kind: 'person';
  emails: string[];
  name: string | null;
  accountName: string | null;
}

interface AccountParties {
  kind: 'account';
  id: string;
  name: string | null;
}

/** A Deal's contact (with the emails its own record holds) and account. */
interface DealParties {
  kind: 'deal';
  contact: (Lookup & { emails: string[] }) | null;
  account: Lookup | null;
}

export type RecordParties = PersonParties | AccountParties | DealParties;

/** How to read a record: the module in CRM's API, its id, and where to send it. */
interface RecordRead {
  apiDomain: string;
  token: string;
  module: CrmApiModule;
  id: string;
}

const PERSON_FIELDS = ['Email', 'Secondary_Email', 'Full_Name', 'First_Name', 'Last_Name'] as const;
const FIELDS: Record<CrmApiModule, readonly string[]> = {
  Leads: PERSON_FIELDS,
  Contacts: [...PERSON_FIELDS, 'Account_Name'],
  Accounts: ['Account_Name'],
  Deals: ['Contact_Name', 'Account_Name'],
};
/** A deal's contact: its emails and name only. */
const DEAL_CONTACT_FIELDS = PERSON_FIELDS;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** CRM's ids are digit strings; some answers send them as numbers. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{1,25}$/.test(value.trim())) return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return null;
}

/** A lookup `{id, name}`; null when absent, null, or without a usable id. */
function lookupOf(value: unknown): Lookup | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name } = value as { id?: unknown; name?: unknown };
  const lookupId = idOf(id);
  return lookupId ? { id: lookupId, name: text(name) } : null;
}

/** Primary then secondary, each a real address, without repeats. */
function emailsOf(record: CrmRecordFields): string[] {
  const emails: string[] = [];
  for (const value of [record.Email, record.Secondary_Email]) {
    const email = text(value);
    if (email && isEmailAddress(email) && !emails.some((e) => e.toLowerCase() === email.toLowerCase())) emails.push(email);
  }
  return emails;
}

function nameOf(record: CrmRecordFields): string | null {
  const full = text(record.Full_Name);
  if (full) return full;
  const parts = [text(record.First_Name), text(record.Last_Name)].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A Contact's account is a lookup; an older answer may send the name alone. */
const accountNameOf = (value: unknown): string | null =>
  lookupOf(value)?.name ?? text((value as { name?: unknown } | null)?.name) ?? text(value);

/** The record's parties; null when CRM has no such record. Refusals are thrown (CrmRefusal). */
export async function readRecordParties(client: CrmClient, read: RecordRead, signal: AbortSignal): Promise<RecordParties | null> {
  const record = await client.getRecord({ ...read, fields: FIELDS[read.module] }, signal);
  if (!record) return null;
  switch (read.module) {
    case 'Leads':
    case 'Contacts':
      return {
        kind: 'person',
        emails: emailsOf(record),
        name: nameOf(record),
        accountName: read.module === 'Contacts' ? accountNameOf(record.Account_Name) : null,
      };
    case 'Accounts':
      return { kind: 'account', id: read.id, name: text(record.Account_Name) };
    case 'Deals': {
      const contactLookup = lookupOf(record.Contact_Name);
      const contactRecord = contactLookup
        ? await client.getRecord({ ...read, module: 'Contacts', id: contactLookup.id, fields: DEAL_CONTACT_FIELDS }, signal)
        : null;
      return {
        kind: 'deal',
        contact: contactLookup
          ? {
              ...contactLookup,
              name: contactLookup.name ?? (contactRecord ? nameOf(contactRecord) : null),
              emails: contactRecord ? emailsOf(contactRecord) : [],
            }
          : null,
        account: lookupOf(record.Account_Name),
      };
    }
  }
}
