/**
 * Desk clients as the background makes them: the real Desk host of the data centre, the
 * portal's shared request policy (one per portal in this worker, so every tab together stays
 * within the edition's concurrency), and — for the credential in force — the rule that Zoho's
 * INVALID_OAUTH marks that very credential rejected, so no further calls are made with it.
 */
import { markCredentialRejected, credentialSecret, type Credential } from '../credentials/credential';
import type { DataCentreId } from '../../shared/data-centres';
import { createDeskClient, type DeskClient } from '../desk/client';
import { createPortalPolicies, createRequestPolicy, type RequestLimiter } from '../desk/request-policy';
import { DeskLinkError } from '../../shared/errors';

const policies = createPortalPolicies();
/** Calls made before a portal is chosen (/organizations in the setup wizard). */
const setupPolicy = createRequestPolicy();

export interface DeskClientRequest {
  dataCentre: DataCentreId;
  credential: Credential;
  /** The portal (org id); absent for /organizations (portal not chosen yet). */
  portalId?: string;
  /** The portal's edition when known (sets its concurrency; default 5). */
  edition?: string | null;
  /**
   * True for the credential in force (stored or policy): INVALID_OAUTH marks it rejected.
   * False for a key being tried in the setup wizard, which is not stored.
   */
  markRejected: boolean;
}

function rejectionMarking(limiter: RequestLimiter, credential: Credential): RequestLimiter {
  return {
    async run(task, signal) {
      try {
        return await limiter.run(task, signal);
      } catch (error) {
        if (error instanceof DeskLinkError && error.code === 'INVALID_OAUTH')
          await markCredentialRejected(credential).catch(() => undefined);
        throw error;
      }
    },
  };
}

export function deskClientFor(request: DeskClientRequest): DeskClient {
  const shared = request.portalId !== undefined ? policies.get(request.portalId, request.edition ?? undefined) : setupPolicy;
  // An OAuth token is not rejected for good: oauth-renewal.ts renews it once, else signs out.
  const limiter = request.markRejected && request.credential.kind === 'zsc' ? rejectionMarking(shared, request.credential) : shared;
  return createDeskClient({
    dataCentre: request.dataCentre,
    token: credentialSecret(request.credential),
    ...(request.portalId !== undefined ? { orgId: request.portalId } : {}),
    limiter,
  });
}
