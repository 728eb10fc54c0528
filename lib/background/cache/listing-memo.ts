/**
 * What this worker last read or wrote of each record's list, and which of those tickets keep a
 * preview. A preview is nearly always asked moments after its record's list was shown: from this
 * memory it learns that the ticket is the record's and that nothing is stored for it, so its Desk
 * call starts without a database read. Only that answer comes from memory; anything else (a list
 * not seen in this worker, a stored preview to read) is read from the database, which stays the
 * truth. Bounded: past its size it starts again empty.
 */
interface ListingMemo {
  /** A record's list as just read or written; `withPreview`: those of its tickets that keep a preview. */
  noteList(portalId: string, recordKey: string, ticketIds: readonly string[], withPreview: ReadonlySet<string>): void;
  /** A ticket just put first in a record's list, stored without a preview. */
  noteAdded(portalId: string, recordKey: string, ticketId: string): void;
  /** A preview stored with a ticket. */
  notePreview(portalId: string, ticketId: string): void;
  /** True only when known here: the record's list holds the ticket, and no preview is stored with it. */
  listedWithoutPreview(portalId: string, recordKey: string, ticketId: string): boolean;
  clear(): void;
}

/** Records remembered at most (the least recently noted leave first). */
const MAX_LISTS = 100;
/** Tickets with a stored preview remembered at most before everything is forgotten. */
const MAX_PREVIEWED = 10_000;

const keyOf = (portalId: string, id: string) => `${portalId}\u0000${id}`;

export function createListingMemo(): ListingMemo {
  const lists = new Map<string, Set<string>>();
  /** Tickets (portal and id) whose stored copy keeps a preview, among those of the lists above. */
  const previewed = new Set<string>();

  function keepList(key: string, ids: Set<string>): void {
    lists.delete(key);
    lists.set(key, ids);
    for (const oldest of lists.keys()) {
      if (lists.size <= MAX_LISTS) break;
      lists.delete(oldest);
    }
  }

  const clear = () => {
    lists.clear();
    previewed.clear();
  };

  return {
    noteList(portalId, recordKey, ticketIds, withPreview) {
      if (previewed.size + ticketIds.length > MAX_PREVIEWED) clear();
      keepList(keyOf(portalId, recordKey), new Set(ticketIds));
      for (const id of ticketIds) {
        if (withPreview.has(id)) previewed.add(keyOf(portalId, id));
        else previewed.delete(keyOf(portalId, id));
      }
    },

    noteAdded(portalId, recordKey, ticketId) {
      previewed.delete(keyOf(portalId, ticketId));
      lists.get(keyOf(portalId, recordKey))?.add(ticketId);
    },

    notePreview(portalId, ticketId) {
      if (previewed.size >= MAX_PREVIEWED) clear();
      previewed.add(keyOf(portalId, ticketId));
    },

    listedWithoutPreview(portalId, recordKey, ticketId) {
      return lists.get(keyOf(portalId, recordKey))?.has(ticketId) === true && !previewed.has(keyOf(portalId, ticketId));
    },

    clear,
  };
}
