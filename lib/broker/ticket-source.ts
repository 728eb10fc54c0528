/**
 * Where the broker gets a record's tickets: Zoho Desk, through lib/desk (client, request policy
 * with one limiter per portal, matching). Kept behind a small interface so the broker's caching
 * and sharing can be exercised without the network.
 */
import type { Identity, RecordRef, TicketSummary } from '../messages';
import type { ReadyContext } from './context';

export interface FoundTickets {
  tickets: TicketSummary[];
  truncated: boolean;
}

export interface TicketSource {
  /** Fingerprint of the identity used to search: a different one means another answer. */
  fingerprint(record: RecordRef, identity: Identity): string | Promise<string>;
  find(ready: ReadyContext, record: RecordRef, identity: Identity, signal: AbortSignal): Promise<FoundTickets>;
}

/** Placeholder until lib/desk's matching lands. */
export const deskTicketSource: TicketSource = {
  fingerprint: (record, identity) => JSON.stringify([record.module, record.recordId, [...identity.emails].map((e) => e.toLowerCase()).sort(), identity.accountName ?? '']),
  find: async () => {
    throw new Error('matching not available yet');
  },
};
