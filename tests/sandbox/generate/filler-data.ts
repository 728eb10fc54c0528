/**
 * Generated filler: CRM Leads, Contacts and Accounts (about one per 40 tickets) with their Desk
 * contacts, accounts and tickets, plus a few Deals and custom-module records for the CRM pages.
 * Filler emails live on `.test` domains, so they never touch a fixture's tickets.
 * Invariant: every filler ticket is found by DeskLink's matching for exactly one CRM record.
 */
import { CRM_ORG } from '../fixtures';
import type { DataBuilder } from './builder';
import type { CrmModule, DeskAccount, DeskContact, PortalKey, StatusType } from './model';
import {
  COMPANY_A,
  COMPANY_B,
  COMPANY_KIND,
  EN_FIRST,
  EN_LAST,
  EN_SUBJECTS,
  JA_COMPANIES,
  JA_FAMILY,
  JA_GIVEN,
  JA_SUBJECTS,
} from './pools';

interface Owner {
  module: 'Leads' | 'Contacts' | 'Accounts';
  japanese: boolean;
  portals: PortalKey[];
  emails: string[];
  /** Desk contact of a person per portal (synced to the record or not). */
  contacts: Partial<Record<PortalKey, DeskContact>>;
  /** Desk account of an account record per portal, with its Desk contacts. */
  accounts: Partial<Record<PortalKey, { account: DeskAccount; people: DeskContact[] }>>;
  weight: number;
}

/** 19-digit CRM ids for filler records: org prefix, then a counter well above the fixtures'. */
const crmId = (n: number) => `5293322000${String(10_000_000 + n).padStart(9, '0')}`;

export function fillerRecordCount(totalTickets: number): number {
  return Math.max(5, Math.ceil(totalTickets / 40));
}

export function addFillers(b: DataBuilder, totalTickets: number): void {
  const rng = b.rng;
  const used = new Set<string>();
  const unique = (base: string, join: (base: string, n: number) => string) => {
    let value = base;
    for (let n = 2; used.has(value); n++) value = join(base, n);
    used.add(value);
    return value;
  };
  const owners: Owner[] = [];
  const count = fillerRecordCount(totalTickets);

  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const module = roll < 0.6 ? 'Contacts' : roll < 0.85 ? 'Leads' : 'Accounts';
    const japanese = rng.chance(0.3);
    const portals: PortalKey[] = rng.chance(0.2) ? ['A', 'B'] : ['A'];
    const id = crmId(i);
    const owner: Owner = {
      module,
      japanese,
      portals,
      emails: [],
      contacts: {},
      accounts: {},
      weight: 1 + Math.floor(rng.next() ** 3 * 80),
    };
    const company = japanese ? rng.pick(JA_COMPANIES) : `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)}`;
    const domain = `${rng.pick(COMPANY_A).toLowerCase().replace(/\s/g, '')}${rng.int(1, 99)}.test`;

    if (module === 'Accounts') {
      const accountName = unique(japanese ? company : `${company} ${rng.pick(COMPANY_KIND)}`, (base, n) => `${base} ${n}`);
      b.crm({ module, id, name: accountName, emails: [], accountName, phone: `+1 555 ${rng.int(1000, 9999)}`, ownerName: 'Ben Carter' });
      for (const portal of portals) {
        const account = b.account(portal, { accountName, website: `https://www.${domain}`, zohoCRMAccount: id });
        const people = Array.from({ length: rng.int(1, 3) }, () => {
          const [first, last] = [rng.pick(EN_FIRST), rng.pick(EN_LAST)];
          const email = unique(`${first}.${last}@${domain}`.toLowerCase().replace(/'/g, ''), (base, n) => base.replace('@', `${n}@`));
          return b.contact(portal, { firstName: first, lastName: last, email, accountId: account.id });
        });
        owner.accounts[portal] = { account, people };
      }
    } else {
      const [firstName, lastName, local] = japanese
        ? (() => {
            const f = rng.pick(JA_FAMILY),
              g = rng.pick(JA_GIVEN);
            return [g[0], f[0], `${g[1]}.${f[1]}`];
          })()
        : (() => {
            const f = rng.pick(EN_FIRST),
              l = rng.pick(EN_LAST);
            return [f, l, `${f}.${l}`.toLowerCase().replace(/'/g, '')];
          })();
      const primary = unique(`${local}@${domain}`, (base, n) => base.replace('@', `${n}@`));
      owner.emails.push(primary);
      if (rng.chance(0.3)) owner.emails.push(unique(`${local}@mail${rng.int(1, 9)}.test`, (base, n) => base.replace('@', `${n}@`)));
      const name = japanese ? `${lastName} ${firstName}` : `${firstName} ${lastName}`;
      b.crm({
        module,
        id,
        name,
        firstName,
        lastName,
        emails: [...owner.emails],
        ...(module === 'Contacts' ? { accountName: company } : { company }),
        phone: `+1 555 ${rng.int(1000, 9999)}`,
        ownerName: 'Chen Wei',
      });
      const synced = rng.chance(module === 'Contacts' ? 0.5 : 0.2);
      for (const portal of portals) {
        owner.contacts[portal] = b.contact(portal, {
          firstName,
          lastName,
          email: primary,
          secondaryEmail: owner.emails[1] ?? null,
          zohoCRMContact: synced && portal === 'A' ? id : null,
        });
      }
    }
    owners.push(owner);
  }

  // Spread the tickets over the owners by weight (a few records have many tickets, most a few).
  const cumulative: number[] = [];
  let total = 0;
  for (const o of owners) cumulative.push((total += o.weight));
  for (let t = 0; t < totalTickets; t++) {
    const target = rng.next() * total;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    const o = owners[lo]!;
    const portal: PortalKey = o.portals.length > 1 && rng.chance(0.3) ? 'B' : 'A';
    const roll = rng.next();
    const statusType: StatusType = roll < 0.55 ? 'Closed' : roll < 0.85 ? 'Open' : 'On Hold';
    const overdue = statusType !== 'Closed' && rng.chance(0.25);
    const japanese = o.japanese || portal === 'B';
    const subject = rng.pick(japanese ? JA_SUBJECTS : EN_SUBJECTS);
    const accountEntry = o.accounts[portal];
    if (accountEntry) {
      const person = rng.pick(accountEntry.people);
      b.ticket(portal, {
        subject,
        statusType,
        overdue,
        japanese,
        email: person.email,
        contactId: person.id,
        accountId: accountEntry.account.id,
      });
      continue;
    }
    const contact = o.contacts[portal]!;
    let email = o.emails[0]!;
    if (o.emails[1] && rng.chance(0.2)) email = o.emails[1];
    // A synced contact's ticket may carry another requester email: found only through the contact.
    else if (contact.zohoCRMContact && rng.chance(0.1)) email = `requester${t}@elsewhere.test`;
    b.ticket(portal, { subject, statusType, overdue, japanese, email, contactId: contact.id });
  }
}

/** A few records of modules DeskLink ignores, so their pages exist too. */
export function addOtherModules(b: DataBuilder): void {
  const other: [CrmModule, string, string][] = [];
  for (let i = 0; i < 12; i++)
    other.push(['Potentials', `5293322000005${String(100000 + i).padStart(6, '0')}`, `${b.rng.pick(COMPANY_A)} renewal ${2026 + (i % 2)}`]);
  for (let i = 0; i < 6; i++)
    other.push(['CustomModule1', `5293322000006${String(100000 + i).padStart(6, '0')}`, `Asset ${CRM_ORG.slice(-3)}-${i + 1}`]);
  for (const [module, id, name] of other) b.crm({ module, id, name, emails: [], ownerName: 'Asha Admin' });
}
