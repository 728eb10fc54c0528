/**
 * The eviction's upper bound on stored tickets, kept where a stopped worker's successor finds it.
 * Without it the first write after every wake counts the whole ticket store (tens of thousands of
 * keys, a quarter of a second of worker time). `storage.session` outlives the MV3 worker but not
 * the browser session; after a browser restart the bound is counted once again. Content scripts
 * cannot read it (the session area's default access level).
 */
import { browser } from 'wxt/browser';

export interface EvictionBoundStore {
  /** The last bound saved, or null when none is known (a new browser session). */
  load(): Promise<number | null>;
  save(bound: number): Promise<void>;
}

const BOUND_KEY = 'cacheTicketBound';

export function createSessionEvictionBound(): EvictionBoundStore {
  return {
    async load() {
      try {
        const value: unknown = (await browser.storage.session.get(BOUND_KEY))[BOUND_KEY];
        return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
      } catch {
        return null; // no session area: count again, as a new session would
      }
    },
    async save(bound) {
      try {
        await browser.storage.session.set({ [BOUND_KEY]: bound });
      } catch {
        // Not kept: the next worker counts once.
      }
    },
  };
}
