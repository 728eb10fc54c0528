/**
 * The sandbox's data, deterministic for a given size: the fixtures of fixtures.ts exactly as
 * described there, plus generated filler (English and Japanese) for demos and benchmarks.
 * Datasets are built once per size and process, then shared.
 */
import { RECORDS, type RecordFixture } from './fixtures';
import { DataBuilder } from './generate/builder';
import { addFixtureRecords, addLinkFixtures, addPortalBasics } from './generate/fixture-data';
import { addFillers, addOtherModules } from './generate/filler-data';
import type { CrmModule, CrmRecord, Dataset, DeskTicket, PortalKey } from './generate/model';

export type {
  CrmModule,
  CrmRecord,
  Dataset,
  DeskAccount,
  DeskAgent,
  DeskContact,
  DeskTicket,
  PortalKey,
  StatusType,
} from './generate/model';
export { EPOCH, FAR_FUTURE } from './generate/model';
export { GLOBEX_ASIA_CRM_ID } from './generate/fixture-data';

export type SandboxSize = 'test' | 'demo' | 'bench' | number;

/** Filler tickets generated for a size (the fixtures add about 1,140 more). */
export function fillerTicketCount(size: SandboxSize = 'test'): number {
  if (typeof size === 'number') return Math.max(0, Math.floor(size));
  return { test: 50, demo: 2_000, bench: 100_000 }[size];
}

const SEED = 20110845;
const built = new Map<number, Dataset>();

export function getDataset(size: SandboxSize = 'test'): Dataset {
  const fillers = fillerTicketCount(size);
  const cached = built.get(fillers);
  if (cached) return cached;
  const b = new DataBuilder(SEED);
  addPortalBasics(b);
  addFixtureRecords(b);
  addFillers(b, fillers);
  addOtherModules(b);
  addLinkFixtures(b);
  for (const store of Object.values(b.portals)) store.seal();
  const crmById = new Map(b.crmRecords.map((r) => [r.id, r]));
  const crmByModule = new Map<CrmModule, CrmRecord[]>();
  for (const r of b.crmRecords) {
    const list = crmByModule.get(r.module) ?? [];
    list.push(r);
    crmByModule.set(r.module, list);
  }
  const dataset: Dataset = { portals: b.portals, crmRecords: b.crmRecords, crmById, crmByModule };
  built.set(fillers, dataset);
  return dataset;
}

/** Zoho's search window: `from` ≤ 999 with pages of 100 reaches the first 1,000 hits. */
export const SEARCH_WINDOW = 1000;

/**
 * The tickets DeskLink must show for a CRM record in a portal, by the matching rules of
 * design.md: persons → tickets by each email (within the search window) plus the tickets of
 * Desk contacts (found by email) synced to this record, or without an email the tickets of the
 * Desk contacts of the record's name synced to it; accounts → tickets of the Desk accounts
 * found by name (or name prefix) that are synced to this record (or, unsynced, carry exactly its name).
 */
export function expectedTickets(dataset: Dataset, record: CrmRecord, portal: PortalKey): DeskTicket[] {
  const store = dataset.portals[portal];
  const found = new Map<string, DeskTicket>();
  const add = (list: readonly DeskTicket[] | undefined) => list?.forEach((t) => found.set(t.id, t));
  if (record.module === 'Accounts') {
    // accounts/search matches a name exactly (or, with a trailing *, as a prefix).
    const name = (record.accountName ?? record.name).toLowerCase();
    for (const account of store.accounts) {
      const accountName = account.accountName.toLowerCase();
      if (!accountName.startsWith(name)) continue;
      if (account.zohoCRMAccount ? account.zohoCRMAccount === record.id : accountName === name) add(store.ticketsByAccount.get(account.id));
    }
  } else if (record.emails.length === 0) {
    for (const contact of store.contacts) {
      if (contact.zohoCRMContact === record.id && `${contact.firstName ?? ''} ${contact.lastName}`.trim() === record.name)
        add(store.ticketsByContact.get(contact.id));
    }
  } else {
    for (const email of record.emails) {
      const key = email.toLowerCase();
      add(store.ticketsByEmail.get(key)?.slice(0, SEARCH_WINDOW));
      for (const contact of store.contactsByEmail.get(key) ?? []) {
        if (contact.zohoCRMContact === record.id) add(store.ticketsByContact.get(contact.id));
      }
    }
  }
  return [...found.values()];
}

export interface GeneratedRecord extends RecordFixture {
  /** Whether it is one of fixtures.ts's RECORDS (else generated filler). */
  fixture: boolean;
}

/** Every CRM Lead, Contact and Account of a size, fixtures first, with their expected ticket counts. */
export function listCrmRecords(size: SandboxSize = 'test'): GeneratedRecord[] {
  const dataset = getDataset(size);
  const fixtureIds = new Set<string>(Object.values(RECORDS).map((r) => r.recordId));
  const out: GeneratedRecord[] = [];
  for (const shown of dataset.crmRecords) {
    if (shown.module !== 'Leads' && shown.module !== 'Contacts' && shown.module !== 'Accounts') continue;
    // The emails CRM holds decide the tickets; the page may show others.
    const r = shown.apiEmails ? { ...shown, emails: shown.apiEmails } : shown;
    out.push({
      module: shown.module,
      recordId: r.id,
      name: r.name,
      emails: [...r.emails],
      ...(shown.apiEmails ? { pageEmails: [...shown.emails] } : {}),
      ...(r.accountName ? { accountName: r.accountName } : {}),
      expectedTickets: {
        A: expectedTickets(dataset, r, 'A').length,
        B: expectedTickets(dataset, r, 'B').length,
        E: expectedTickets(dataset, r, 'E').length,
        U: expectedTickets(dataset, r, 'U').length,
      },
      fixture: fixtureIds.has(r.id),
    });
  }
  return out.sort((a, b) => Number(b.fixture) - Number(a.fixture));
}
