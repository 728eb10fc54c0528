/**
 * Desk clients as the background makes them, for the broker and the setup checks alike: the
 * real Desk host of the data centre, `fetch` and the clock given once, and a request policy
 * chosen by who waits for the answer:
 * - the broker's calls on the connected portal share that portal's policy (one per portal in
 *   this worker), so every tab together stays within the edition's concurrency;
 * - an admin waiting at the form gets a policy of its own with one quick retry of a blip and no
 *   long backoff.
 */
import type { DataCentreId } from '../../shared/data-centres';
import type { ApiUsage, DroppedItems } from '../../shared/protocol';
import { createDeskClient, type DeskClient, type DroppedItems as DroppedReport } from './client';
import { createPortalPolicies, createRequestPolicy } from './request-policy';
import type { ApiCredits } from './transport';

export interface DeskClients {
  /** For the broker's calls on the connected portal (`edition` sets its concurrency; default 5). */
  forPortal(dataCentre: DataCentreId, token: string, portal: { id: string; edition?: string | null }): DeskClient;
  /** For a setup step; without a portal only /organizations can be called. */
  forSetup(dataCentre: DataCentreId, token: string, portalId?: string): DeskClient;
  /** What Desk last said of each portal's API credits in this worker, and whether they are spent. */
  usage(): ApiUsage[];
  /** Per portal, the items of Desk answers dropped for their shape in this worker. */
  dropped(): DroppedItems[];
}

/**
 * The longest Retry-After the broker waits out itself on the connected portal: a longer one is
 * answered at once with Desk's wait, and the panel counts it down where the rep sees it.
 */
const PORTAL_MAX_RETRY_AFTER_SEC = 5;

export function createDeskClients({ fetch, now }: { fetch: typeof globalThis.fetch; now: () => number }): DeskClients {
  const portals = createPortalPolicies({ now, maxRetryAfterSec: PORTAL_MAX_RETRY_AFTER_SEC });
  const credits = new Map<string, ApiCredits & { at: number }>();
  const noteCredits = (portalId: string) => (reported: ApiCredits) => credits.set(portalId, { ...reported, at: now() });
  const dropped = new Map<string, DroppedItems>();
  const noteDropped = (portalId: string) => (report: DroppedReport) => {
    const count = (dropped.get(portalId)?.count ?? 0) + report.count;
    dropped.set(portalId, { portalId, count, lastEndpoint: report.endpoint, lastIssue: report.issue, lastAt: now() });
  };
  return {
    forPortal: (dataCentre, token, portal) =>
      createDeskClient({
        dataCentre,
        token,
        orgId: portal.id,
        fetch,
        now,
        limiter: portals.get(portal.id, portal.edition ?? undefined),
        onCredits: noteCredits(portal.id),
        onDropped: noteDropped(portal.id),
      }),
    forSetup: (dataCentre, token, portalId) =>
      createDeskClient({
        dataCentre,
        token,
        ...(portalId ? { orgId: portalId, onCredits: noteCredits(portalId), onDropped: noteDropped(portalId) } : {}),
        fetch,
        now,
        limiter: createRequestPolicy({ maxTransientRetries: 1, maxRateLimitRetries: 1, baseDelayMs: 300, maxDelayMs: 2000, now }),
      }),
    dropped: () => [...dropped.values()],
    usage: () => {
      const spent = portals.spent();
      return [...new Set([...credits.keys(), ...spent.keys()])].map((portalId) => {
        const last = credits.get(portalId);
        const spentUntil = spent.get(portalId) ?? null;
        return {
          portalId,
          remaining: last?.remaining ?? null,
          lastWeight: last?.weight ?? null,
          reportedAt: last?.at ?? null,
          spentUntil,
        };
      });
    },
  };
}
