/**
 * What the options page shows under diagnostics: the last Desk error kept in storage.local, the
 * cache's state, the Desk calls this browser made, the policy values ignored, each portal's
 * API credits as Desk last reported them (`X-Rate-Limit-Remaining-v3`) or spent until Zoho's
 * next day, and the answer items dropped for a shape Zoho's files do not allow.
 *
 * storage.local is readable by content scripts, so the last error keeps only what DeskLink itself
 * decides (code, status, the Desk host, the wait Zoho asked for, the time): never Zoho's own
 * text, which may quote a header, a key or half of one.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from '../../shared/errors';
import type { ApiUsage, CrmIdentitySource, Diagnostics, DroppedItems } from '../../shared/protocol';
import type { TicketCache } from '../cache/ticket-cache';
import { readPolicy } from '../policy';
import type { DeskCallBudget } from './desk-call-budget';

const LAST_ERROR_KEY = 'diagnostics.lastError';

type LastError = NonNullable<Diagnostics['lastError']>;

export interface DiagnosticsStore {
  /** Remembers a failed Desk call. Aborted calls are not failures. */
  record(error: ErrorInfo): Promise<void>;
  read(): Promise<Diagnostics>;
  clear(): Promise<void>;
}

async function readLastError(): Promise<LastError | null> {
  const stored = (await browser.storage.local.get(LAST_ERROR_KEY))[LAST_ERROR_KEY] as LastError | undefined;
  if (!stored || typeof stored !== 'object' || typeof stored.code !== 'string') return null;
  if (stored.detail === undefined) return stored;
  // Written by an earlier version, which kept Zoho's text: drop it.
  const { detail: _detail, ...kept } = stored;
  await browser.storage.local.set({ [LAST_ERROR_KEY]: kept });
  return kept;
}

/** The Desk hosts are DeskLink's own constants; anything else is not kept. */
const HOST = /^[a-z0-9.-]{1,253}$/;

export function createDiagnostics({
  cache,
  budget,
  now,
  apiUsage,
  droppedItems,
  crmIdentity,
}: {
  cache: TicketCache;
  budget: DeskCallBudget;
  now: () => number;
  /** The Desk clients' record of each portal's API credits. */
  apiUsage: () => ApiUsage[];
  /** The Desk clients' count of answer items dropped for their shape. */
  droppedItems: () => DroppedItems[];
  /** Where the last record's identity came from (CRM's API, or the page and why). */
  crmIdentity?: () => Promise<CrmIdentitySource | null>;
}): DiagnosticsStore {
  return {
    async record(error) {
      if (error.code === 'ABORTED') return;
      const stored: LastError = { code: error.code, at: now() };
      if (error.status !== undefined) stored.status = error.status;
      if (error.host !== undefined && HOST.test(error.host)) stored.host = error.host;
      if (error.retryAfterSec !== undefined) stored.retryAfterSec = error.retryAfterSec;
      // DeskLink's own list of the refused endpoint's scopes, never Zoho's text.
      if (error.scopes) stored.scopes = error.scopes;
      try {
        await browser.storage.local.set({ [LAST_ERROR_KEY]: stored });
      } catch (e) {
        console.warn('DeskLink could not record the last error', e);
      }
    },
    async read() {
      const [lastError, stats, deskCalls, { ignored }, identitySource] = await Promise.all([
        readLastError(),
        cache.stats(),
        budget.usage(),
        readPolicy(),
        crmIdentity?.() ?? null,
      ]);
      return {
        lastError,
        cache: { ...cache.availability(), ...stats },
        deskCalls,
        policyIgnored: ignored,
        apiUsage: apiUsage(),
        droppedItems: droppedItems(),
        ...(identitySource ? { crmIdentity: identitySource } : {}),
      };
    },
    async clear() {
      await browser.storage.local.remove(LAST_ERROR_KEY);
    },
  };
}
