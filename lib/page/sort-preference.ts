/**
 * The table's sort, remembered per browser: in the panel page's own storage (the extension's
 * origin, which CRM pages cannot read). Storage that refuses (full, disabled) only forgets.
 */
import { DEFAULT_SORT, parseSort, type TicketSort } from './ticket-order';

const KEY = 'desklink.panel.sort';

export interface SortPreference {
  get(): TicketSort;
  set(sort: TicketSort): void;
}

/** The page's local storage, or null where the browser refuses it (storage switched off). */
export function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export function createSortPreference(storage: Pick<Storage, 'getItem' | 'setItem'> | null): SortPreference {
  let current: TicketSort | null = null;
  return {
    get() {
      if (current) return current;
      try {
        const stored = storage?.getItem(KEY);
        current = stored ? parseSort(JSON.parse(stored)) : DEFAULT_SORT;
      } catch {
        current = DEFAULT_SORT;
      }
      return current;
    },
    set(sort) {
      current = sort;
      try {
        storage?.setItem(KEY, JSON.stringify(sort));
      } catch {
        // Kept for this page only.
      }
    },
  };
}
