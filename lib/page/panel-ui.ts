/**
 * What the rep has set in the panel beyond the session's state: the search typed, the status tab,
 * how many rows are shown, which previews are open and whether the New ticket dialog is open. The panel frame keeps it while it shows a
 * record; when CRM renders its content again (the frame goes with it), the frame that takes over
 * the same record starts from it instead of from scratch.
 */
import { STATUS_TABS, type StatusTab } from './ticket-list';

export interface PanelUi {
  query: string;
  tab: StatusTab;
  shown: number;
  /** Ticket ids whose preview is open. */
  open: string[];
  /** The New ticket dialog is open (what was typed in it is kept apart, as the record's draft). */
  composing: boolean;
}

/** Longer than any search a rep types; the search box keeps what it is given. */
const MAX_QUERY_LENGTH = 500;
const MAX_OPEN_PREVIEWS = 200;
const MAX_SHOWN = 10_000;

/** A Zoho Desk ticket id as a frame may name one: a digit string. */
export const isTicketId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,24}$/.test(value);

/** `value` if it is a panel's UI state, else null (the content script checks what a frame sends). */
export function parsePanelUi(value: unknown): PanelUi | null {
  if (typeof value !== 'object' || value === null) return null;
  const { query, tab, shown, open, composing } = value as Partial<Record<keyof PanelUi, unknown>>;
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return null;
  if (!STATUS_TABS.includes(tab as StatusTab)) return null;
  if (typeof shown !== 'number' || !Number.isInteger(shown) || shown < 1 || shown > MAX_SHOWN) return null;
  if (!Array.isArray(open) || open.length > MAX_OPEN_PREVIEWS) return null;
  const ids = open as unknown[];
  if (!ids.every(isTicketId)) return null;
  if (typeof composing !== 'boolean') return null;
  return { query, tab: tab as StatusTab, shown, open: [...ids], composing };
}
