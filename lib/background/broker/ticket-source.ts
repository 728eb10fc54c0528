/**
 * Where the broker gets a record's tickets: Zoho Desk, through the portal's shared request
 * policy and lib/background/desk/matching.ts. Kept behind a small interface so the broker's
 * caching and sharing can be exercised without the network.
 */
import type { Identity, RecordRef } from '../../shared/commands';
import type { ThreadPreview, TicketSummary } from '../../shared/protocol';
import type { DeskLookupCache } from '../cache/desk-lookups';
import { deskToken } from '../credentials/credential';
import type { DeskClients } from '../desk/desk-clients';
import { findRecordTickets, identityFingerprint, type OnFirstRows } from '../desk/matching';
import { toThreadPreview } from '../desk/thread-preview';
import type { ReadyContext } from './context';

interface FoundTickets {
  tickets: TicketSummary[];
  truncated: boolean;
  /** The record's contact or account page in Desk (absent: not known). */
  deskUrl?: string | null;
  /** Fingerprint of the identity actually searched, when the source chose another than it was given. */
  fingerprint?: string;
}

export interface TicketSource {
  /**
   * Fingerprint of the identity `find` would search with `ready.credential`: a different one
   * means another answer.
   */
  fingerprint(record: RecordRef, identity: Identity, ready: ReadyContext): string | Promise<string>;
  /**
   * Who the record is by the source's own word (CRM's API), complete without the page's reading:
   * `find` with it searches the same as with any page reading. null when only the page can say.
   */
  identityOf?(ready: ReadyContext, record: RecordRef): Promise<Identity | null>;
  /**
   * The record's tickets, asked with `ready.credential`. `onFirstRows` hears the tickets found so
   * far when the rest need another round trip to Desk (only for the identity the answer is for).
   */
  find(ready: ReadyContext, record: RecordRef, identity: Identity, signal: AbortSignal, onFirstRows?: OnFirstRows): Promise<FoundTickets>;
  /** The ticket's latest public thread as plain text; null when it has none. Sources without it (test doubles) have no previews. */
  latestThread?(ready: ReadyContext, ticketId: string, signal: AbortSignal): Promise<ThreadPreview | null>;
}

/** `lookups`: the Desk contacts and accounts one record's search found, for the others (none: each searches). */
export function createDeskTicketSource(desk: DeskClients, lookups?: DeskLookupCache): TicketSource {
  return {
    fingerprint: identityFingerprint,
    async find(ready, record, identity, signal, onFirstRows) {
      const client = desk.forPortal(ready.dataCentre, deskToken(ready.credential), ready.portal);
      const shared = lookups?.forPortal(ready.portalId);
      const { tickets, truncated, deskUrl } = await findRecordTickets(client, record, identity, signal, shared, onFirstRows);
      return { tickets, truncated, deskUrl };
    },
    async latestThread(ready, ticketId, signal) {
      const client = desk.forPortal(ready.dataCentre, deskToken(ready.credential), ready.portal);
      const thread = await client.latestThread(ticketId, { needPublic: true, include: ['plainText'] }, signal);
      return thread ? toThreadPreview(thread) : null;
    },
  };
}
