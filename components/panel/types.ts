/** The panel's props: the session's view state plus "now", the options link and callbacks. */
import type { PanelViewState } from '../../lib/page/panel-state';
import type { TicketSort } from '../../lib/page/ticket-order';
import type { TicketDraft } from '../../lib/page/new-ticket-form';
import type { PanelUi } from '../../lib/page/panel-ui';
import type { NewTicket } from '../../lib/shared/commands';

export interface PanelProps extends Omit<PanelViewState, 'recordKey' | 'refreshing' | 'dataCentreMismatch'> {
  refreshing?: boolean;
  dataCentreMismatch?: PanelViewState['dataCentreMismatch'];
  /** "Now" for ages and overdue marks (epoch ms). */
  now: number;
  /** Where the set-up / sign-in links point (the options page). */
  optionsUrl: string;
  onRefresh: () => void;
  onOpenOptions: () => void;
  /** The table's order (default: open first); absent, the panel keeps its own. */
  sort?: TicketSort;
  onSort?: (sort: TicketSort) => void;
  /** A ticket's preview was opened: its latest thread is wanted (arrives in `previews`). */
  onPreview?: (ticketId: string) => void;
  /** Copies text to the clipboard; resolves true when it did. */
  onCopy?: (text: string) => Promise<boolean>;
  /** The record's kept New ticket draft. */
  draft?: TicketDraft | null;
  /** New ticket was pressed: the form's choices are wanted (they arrive in `newTicket`). */
  onTicketForm?: () => void;
  onCreateTicket?: (ticket: NewTicket) => void;
  onSaveDraft?: (draft: TicketDraft) => void;
  onClearDraft?: () => void;
  /** The dialog's fields are drawn: focuses the one the rep was in before CRM drew the panel again (false: none). */
  onRestoreFocus?: () => boolean;
  /** What the rep set in the list to start from (the search, the tab, rows shown, open previews). */
  ui?: PanelUi | null;
  /** What the rep set in the list changed. */
  onUiChange?: (ui: PanelUi) => void;
}
