/**
 * Where the broker gets a record's tickets: Zoho Desk, through lib/background/desk (client, request policy
 * with one limiter per portal, matching). Kept behind a small interface so the broker's caching
 * and sharing can be exercised without the network.
 */
import type { Identity, RecordRef } from '../../shared/commands';
import type { TicketSummary } from '../../shared/protocol';
import { findRecordTickets, identityFingerprint } from '../desk/matching';
import type { ReadyContext } from './context';
import { deskClientFor } from './desk-access';
import { withOAuthRenewal } from './oauth-renewal';

export interface FoundTickets {
  tickets: TicketSummary[];
  truncated: boolean;
}

export interface TicketSource {
  /** Fingerprint of the identity used to search: a different one means another answer. */
  fingerprint(record: RecordRef, identity: Identity): string | Promise<string>;
  find(ready: ReadyContext, record: RecordRef, identity: Identity, signal: AbortSignal): Promise<FoundTickets>;
}

/**
 * Zoho Desk through the portal's shared request policy; INVALID_OAUTH marks a key rejected, and
 * an OAuth sign-in is renewed once and retried (lib/background/broker/oauth-renewal.ts).
 */
export const deskTicketSource: TicketSource = withOAuthRenewal({
  fingerprint: identityFingerprint,
  async find(ready, record, identity, signal) {
    const client = deskClientFor({
      dataCentre: ready.dataCentre,
      credential: ready.credential,
      portalId: ready.portalId,
      edition: ready.portal.edition,
      markRejected: true,
    });
    const { tickets, truncated } = await findRecordTickets(client, record, identity, signal);
    return { tickets, truncated };
  },
});
