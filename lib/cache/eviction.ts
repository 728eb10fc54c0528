/**
 * Least-recently-used eviction: above the cap (tickets), the least recently used records are
 * dropped until the rest fit in 90% of the cap (so eviction does not run on every write), then
 * every ticket no remaining record references is swept (this also clears tickets orphaned when
 * a record was refetched with a different list).
 */
import { cacheDb, isQuotaError, markCacheUnavailable } from './db';

export const DEFAULT_TICKET_CAP = 50_000;
const KEEP_RATIO = 0.9;

let ticketCap = DEFAULT_TICKET_CAP;
let running: Promise<void> | null = null;
let rerun = false;

/** The cap in tickets (tests use a small one). */
export function setTicketCap(cap: number): void {
  ticketCap = Math.max(1, Math.floor(cap));
}

export function getTicketCap(): number {
  return ticketCap;
}

const ticketRef = (portalId: string, ticketId: string) => `${portalId}\u0000${ticketId}`;

export interface EvictionResult {
  records: number;
  tickets: number;
}

/** Evicts now if the cache holds more tickets than the cap. */
export async function evictIfOverCap(): Promise<EvictionResult> {
  const none = { records: 0, tickets: 0 };
  const db = await cacheDb();
  if (!db) return none;
  if ((await db.count('tickets')) <= ticketCap) return none;
  const target = Math.floor(ticketCap * KEEP_RATIO);
  try {
    const tx = db.transaction(['records', 'tickets'], 'readwrite');
    const kept = new Set<string>();
    let evicting = false;
    let evictedRecords = 0;
    // Newest first: keep records while their tickets fit; the most recent one is always kept.
    let cursor = await tx.objectStore('records').index('byLastUsed').openCursor(null, 'prev');
    while (cursor) {
      const { portalId, ticketIds } = cursor.value;
      if (!evicting) {
        const added = ticketIds.filter((id) => !kept.has(ticketRef(portalId, id))).length;
        if (kept.size > 0 && kept.size + added > target) evicting = true;
        else for (const id of ticketIds) kept.add(ticketRef(portalId, id));
      }
      if (evicting) {
        await cursor.delete();
        evictedRecords++;
      }
      cursor = await cursor.continue();
    }
    let evictedTickets = 0;
    let ticketCursor = await tx.objectStore('tickets').openKeyCursor();
    while (ticketCursor) {
      const [portalId, ticketId] = ticketCursor.primaryKey;
      if (!kept.has(ticketRef(portalId, ticketId))) {
        await tx.objectStore('tickets').delete(ticketCursor.primaryKey);
        evictedTickets++;
      }
      ticketCursor = await ticketCursor.continue();
    }
    await tx.done;
    return { records: evictedRecords, tickets: evictedTickets };
  } catch (error) {
    if (isQuotaError(error)) markCacheUnavailable(error);
    else console.warn('DeskLink cache eviction failed', error);
    return none;
  }
}

/** Runs eviction after a write, one run at a time (a write during a run triggers one more). */
export function scheduleEviction(): Promise<void> {
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    do {
      rerun = false;
      await evictIfOverCap();
    } while (rerun);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Resolves when no eviction is running (tests). */
export function evictionSettled(): Promise<void> {
  return running ?? Promise.resolve();
}
