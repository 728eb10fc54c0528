/**
 * Half-typed `New ticket` forms are kept per CRM record under keys with one prefix, so that
 * deactivating DeskLink can find and delete every one of them (a draft quotes a customer).
 */
const TICKET_DRAFT_PREFIX = 'newTicketDraft:';

export const ticketDraftKey = (recordKey: string) => `${TICKET_DRAFT_PREFIX}${recordKey}`;

interface KeyedArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Removes every kept draft from `area`. */
export async function forgetTicketDrafts(area: KeyedArea): Promise<void> {
  const keys = Object.keys(await area.get(null)).filter((key) => key.startsWith(TICKET_DRAFT_PREFIX));
  if (keys.length > 0) await area.remove(keys);
}
