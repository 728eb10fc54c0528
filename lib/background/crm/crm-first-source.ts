/**
 * A ticket source that searches Desk with the record's identity as CRM's API gives it, when the
 * connection may read CRM (crm-access.ts), and with the page's reading otherwise. The page's
 * reading is only a hint for speed: while CRM answers, Desk is already searched with what the
 * page shows; that answer is kept when CRM confirms the same identity, and dropped for a search
 * with CRM's when they differ, so the panel never shows the tickets of an identity CRM denies.
 *
 * CRM's answer is cached with the record (crm-record-cache.ts) under the tickets' freshness
 * rule, and the fingerprint the tickets are cached under is that of CRM's identity once known.
 * A refusal that only a person can change (scope, permission, token) is remembered for that
 * token, so CRM is not asked again for every record; each fallback's reason is noted for
 * diagnostics.
 *
 * Before the page shows any reading, `identityOf` says who the record is by CRM alone, when
 * nothing the page could show would change the search: the panel's ask as the address names the
 * record searches Desk with that, and the page's reading, mapped to CRM's, finds the same list.
 */
import type { Identity, RecordRef } from '../../shared/commands';
import type { PageIdentityReason } from '../../shared/protocol';
import { isFresh } from '../cache/freshness';
import type { ReadyContext } from '../broker/context';
import type { TicketSource } from '../broker/ticket-source';
import type { FoundRows } from '../desk/matching';
import { crmAccess } from './crm-access';
import { CrmRefusal, type CrmClient, type CrmRefusalReason } from './crm-client';
import type { CrmRecordCache, CrmRecordKey } from './crm-record-cache';
import type { IdentityNotes } from './identity-notes';
import { readRecordParties, type RecordParties } from './record-parties';

interface CrmFirstDeps {
  /** The Desk search, given whichever identity wins. */
  desk: TicketSource;
  crm: CrmClient;
  cache: CrmRecordCache;
  notes: IdentityNotes;
  now: () => number;
}

/** Refusals a new call with the same token would only repeat. */
const LASTING: ReadonlySet<CrmRefusalReason> = new Set(['scope', 'permission', 'token']);
/**
 * How long any other refusal (CRM unreachable, too slow, busy) stands for its record: the lookup
 * right behind the failed read (the page's, after the early ask's) takes the page's reading at
 * once instead of waiting out the same failure again; a later visit asks CRM afresh.
 */
const FAILED_READ_STANDS_MS = 30_000;

const crmKeyOf = (record: RecordRef): CrmRecordKey => ({
  crmOrg: `${record.dataCentre}/${record.orgSegment}`,
  recordKey: `${record.module}:${record.recordId}`,
});

/** The identity to search Desk with: CRM's values, the page's only where CRM has none of that kind. */
function identityFrom(parties: RecordParties, page: Identity): Identity {
  const named = (name: string | null | undefined) => (name ? { name } : page.name ? { name: page.name } : {});
  switch (parties.kind) {
    case 'person':
      return { emails: parties.emails, ...named(parties.name), ...(parties.accountName ? { accountName: parties.accountName } : {}) };
    case 'account': {
      const name = parties.name ?? page.accountName ?? page.name;
      return { emails: [], ...(name ? { name, accountName: name } : {}) };
    }
    case 'deal': {
      // CRM's lookups, named as CRM names them, else as the page showed them.
      const lookup = (crm: { id: string; name: string | null } | null, shown: { id: string; name: string } | undefined) => {
        const name = crm?.name ?? (shown?.id === crm?.id ? shown?.name : undefined);
        return crm && name ? { id: crm.id, name } : undefined;
      };
      const contact = lookup(parties.contact, page.lookups?.contact);
      const account = lookup(parties.account, page.lookups?.account);
      return {
        emails: parties.contact?.emails ?? [],
        ...named(parties.contact?.name),
        ...(parties.account?.name ? { accountName: parties.account.name } : {}),
        ...(contact || account ? { lookups: { ...(contact ? { contact } : {}), ...(account ? { account } : {}) } } : {}),
      };
    }
  }
}

/**
 * A page reading with every field filled, the linked records' ids CRM's: CRM's identity is
 * complete alone when filling the page's fields in changes nothing the Desk search is keyed on.
 */
function fullPageReading(parties: RecordParties): Identity {
  const lookup = (crm: { id: string } | null) => ({ id: crm?.id ?? '0', name: 'page' });
  return {
    emails: ['page@page.invalid'],
    name: 'page',
    accountName: 'page',
    ...(parties.kind === 'deal' ? { lookups: { contact: lookup(parties.contact), account: lookup(parties.account) } } : {}),
  };
}

/** Whether the Desk search can run with this identity at all (else there is nothing to start early). */
const searchable = (record: RecordRef, identity: Identity) => {
  if (record.module === 'Accounts') return Boolean(identity.accountName ?? identity.name);
  if (record.module === 'Deals') return Boolean(identity.lookups?.contact || identity.lookups?.account);
  return identity.emails.length > 0 || Boolean(identity.name);
};

export function createCrmFirstTicketSource({ desk, crm, cache, notes, now }: CrmFirstDeps): TicketSource {
  /** Tokens CRM refused for good, and why (a new sign-in brings a new token). */
  const refused = new Map<string, PageIdentityReason>();

  /** CRM reads in flight, by record: the early ask and a lookup of the same record share one. */
  const reading = new Map<string, Promise<RecordParties | null>>();
  /** Reads that failed but may succeed later, by record, while they stand. */
  const failed = new Map<string, { refusal: CrmRefusal; at: number }>();
  /**
   * CRM's answers read and still being stored, by record: the Desk search they start does not
   * wait for the write, and reads meanwhile take them from here (after it, from the cache).
   */
  const storing = new Map<string, { parties: RecordParties | null; fetchedAt: number }>();
  const storingKey = (key: CrmRecordKey) => `${key.crmOrg}\n${key.recordKey}`;

  /** What the cache says of the record, or will once the answer being stored is. */
  async function known(record: RecordRef): Promise<{ parties: RecordParties | null; fresh: boolean } | null> {
    const key = crmKeyOf(record);
    const held = storingKey(key);
    const answer = storing.get(held);
    if (answer) return { parties: answer.parties, fresh: isFresh(answer.fetchedAt, now()) };
    return cache.read(key, now());
  }

  /** The record's CRM access, or why the page's reading is searched instead (no scope, a refused token). */
  function accessFor(ready: ReadyContext, record: RecordRef): { apiDomain: string; token: string } | { reason: PageIdentityReason } {
    const access = crmAccess(ready.credential, ready.dataCentre, record.module);
    const refusal = 'token' in access ? refused.get(access.token) : undefined;
    return refusal ? { reason: refusal } : access;
  }

  // Diagnostics only: noted beside the search, never before it (the note is a storage write).
  const fromPage = (record: RecordRef, reason: PageIdentityReason) => void notes.note({ source: 'page', module: record.module, reason });

  /** CRM's answer for the record, read once however many ask meanwhile, and cached. */
  function readParties(
    access: { apiDomain: string; token: string },
    record: RecordRef,
    signal: AbortSignal,
  ): Promise<RecordParties | null> {
    const key = crmKeyOf(record);
    const id = JSON.stringify([key.crmOrg, key.recordKey, access.token]);
    const running = reading.get(id);
    if (running) return running;
    const failure = failed.get(id);
    if (failure && now() - failure.at < FAILED_READ_STANDS_MS) return Promise.reject(failure.refusal);
    failed.delete(id);
    // Just read, and still being stored: the same answer.
    const held = storing.get(storingKey(key));
    if (held && isFresh(held.fetchedAt, now())) return Promise.resolve(held.parties);
    const read = (async () => {
      const parties = await readRecordParties(crm, { ...access, module: record.module, id: record.recordId }, signal);
      const storedAs = storingKey(key);
      const answer = { parties, fetchedAt: now() };
      storing.set(storedAs, answer);
      void cache
        .write(key, parties, answer.fetchedAt)
        .catch(() => undefined)
        .finally(() => storing.get(storedAs) === answer && storing.delete(storedAs));
      return parties;
    })();
    reading.set(id, read);
    void read
      .catch((error: unknown) => {
        if (error instanceof CrmRefusal && !LASTING.has(error.reason)) failed.set(id, { refusal: error, at: now() });
      })
      .finally(() => reading.delete(id));
    return read;
  }

  /** A refusal: remembered when lasting, what CRM said before forgotten, the fallback noted. */
  async function refusedBy(error: CrmRefusal, token: string, record: RecordRef): Promise<void> {
    if (LASTING.has(error.reason)) refused.set(token, error.reason);
    storing.delete(storingKey(crmKeyOf(record)));
    await cache.forget(crmKeyOf(record));
    fromPage(record, error.reason);
  }

  return {
    async fingerprint(record, identity, ready) {
      // Where `find` searches the page's reading (no CRM access, or a refused token), its list is
      // stored under the page's fingerprint, whatever CRM said of the record under another sign-in.
      if (!('token' in accessFor(ready, record))) return desk.fingerprint(record, identity, ready);
      const cached = await known(record);
      const parties = cached?.parties;
      return desk.fingerprint(record, parties ? identityFrom(parties, identity) : identity, ready);
    },

    async find(ready, record, identity, signal, onFirstRows) {
      const pageFingerprint = await desk.fingerprint(record, identity, ready);
      const access = accessFor(ready, record);
      if (!('token' in access)) {
        fromPage(record, access.reason);
        return { ...(await desk.find(ready, record, identity, signal, onFirstRows)), fingerprint: pageFingerprint };
      }

      const cached = await known(record);
      // Start Desk on the page's reading while CRM answers; its result (and its first rows) wait
      // for CRM's word.
      const early = new AbortController();
      const stop = () => early.abort();
      signal.addEventListener('abort', stop, { once: true });
      let heldFirstRows: FoundRows | null = null;
      let adopted = false;
      const speculative =
        cached?.fresh || !searchable(record, identity)
          ? null
          : desk.find(ready, record, identity, early.signal, (rows) => (adopted ? onFirstRows?.(rows) : (heldFirstRows = rows)));
      let speculativeDone = false;
      speculative?.then(
        () => (speculativeDone = true),
        () => (speculativeDone = true),
      );
      /** The search on the page's reading is the answer: its first rows, held or to come, go out (not once it is whole). */
      const adoptSpeculative = (running: NonNullable<typeof speculative>) => {
        adopted = true;
        if (heldFirstRows && !speculativeDone) onFirstRows?.(heldFirstRows);
        return running;
      };
      const pageAnswer = async () => ({
        ...(await (speculative ? adoptSpeculative(speculative) : desk.find(ready, record, identity, signal, onFirstRows))),
        fingerprint: pageFingerprint,
      });

      try {
        let parties: RecordParties | null;
        if (cached?.fresh) parties = cached.parties;
        else {
          try {
            parties = await readParties(access, record, signal);
          } catch (error) {
            if (!(error instanceof CrmRefusal)) throw error;
            await refusedBy(error, access.token, record);
            return await pageAnswer();
          }
        }
        if (!parties) {
          fromPage(record, 'noRecord');
          return await pageAnswer();
        }
        void notes.note({ source: 'crm', module: record.module });
        const confirmed = identityFrom(parties, identity);
        const fingerprint = await desk.fingerprint(record, confirmed, ready);
        if (speculative && fingerprint === pageFingerprint) return { ...(await adoptSpeculative(speculative)), fingerprint };
        early.abort();
        return { ...(await desk.find(ready, record, confirmed, signal, onFirstRows)), fingerprint };
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },

    async identityOf(ready, record) {
      const access = accessFor(ready, record);
      if (!('token' in access)) return null;
      let parties: RecordParties | null;
      try {
        const cached = await known(record);
        parties = cached?.fresh ? cached.parties : await readParties(access, record, new AbortController().signal);
      } catch (error) {
        // The lookup with the page's reading meets the same refusal (it stands a while) and says
        // what went wrong.
        if (error instanceof CrmRefusal) await refusedBy(error, access.token, record);
        return null;
      }
      if (!parties) return null;
      const alone = identityFrom(parties, { emails: [] });
      if (!searchable(record, alone)) return null;
      const [own, filled] = await Promise.all([
        desk.fingerprint(record, alone, ready),
        desk.fingerprint(record, identityFrom(parties, fullPageReading(parties)), ready),
      ]);
      return own === filled ? alone : null;
    },

    ...(desk.latestThread ? { latestThread: desk.latestThread.bind(desk) } : {}),
  };
}
