/**
 * The table's sort, remembered per browser in the extension's storage.local (the panel page may
 * not use localStorage inside a CRM page). It is no secret: only a column and a direction. Until
 * the stored one is read the default applies; storage that refuses (full, gone) only forgets.
 */
import { DEFAULT_SORT, parseSort, type TicketSort } from './ticket-order';

const KEY = 'panelSort';

/** The part of an extension storage area this needs (browser.storage.local). */
interface SortStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SortPreference {
  /** The remembered sort, or the default before it is read. */
  get(): TicketSort;
  set(sort: TicketSort): void;
  /** Settles once the stored sort has been read (or could not be). */
  readonly loaded: Promise<void>;
}

export function createSortPreference(storage: SortStorage | null): SortPreference {
  let current: TicketSort = DEFAULT_SORT;
  let chosen = false;
  const loaded = (async () => {
    try {
      const stored = (await storage?.get(KEY))?.[KEY];
      // A choice made while reading wins over the stored one.
      if (!chosen && stored !== undefined) current = parseSort(stored);
    } catch {
      // Storage unavailable: the default stays.
    }
  })();
  return {
    get: () => current,
    set(sort) {
      current = sort;
      chosen = true;
      storage?.set({ [KEY]: sort }).catch(() => undefined);
    },
    loaded,
  };
}
