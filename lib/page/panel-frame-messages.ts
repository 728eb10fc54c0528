/**
 * What the content script and the panel frame (DeskLink's own page, framed into the CRM page)
 * say to each other. They talk over a private MessageChannel: the content script hands one end
 * to the frame in a first message that carries the token it put in the frame's address, which
 * page scripts cannot read (the frame sits in a closed shadow root and is of another origin).
 * Page scripts share the content script's window, so that token is what tells the two apart.
 */
import type { PanelViewState, TicketAction } from './panel-state';
import type { PanelFocus } from './panel-focus';
import type { PanelUi } from './panel-ui';

/**
 * From the content script: draw this state, or nothing; or move focus to the panel (the rail item
 * was pressed). A frame taking over from one CRM took out of the page gets, with that record's
 * state, what the rep had set in the panel there (`ui`), and then the focus back on the control
 * that had it there (`control`). A waiting frame gets `rehearse`: it draws that state where
 * nobody sees it and drops it, so its first real draw runs warm (compiled code, formatters,
 * styles).
 */
export type ToFrame =
  | { kind: 'draw'; state: PanelViewState; ui?: PanelUi }
  | { kind: 'clear' }
  | { kind: 'focus'; control?: PanelFocus }
  | { kind: 'rehearse'; state: PanelViewState };

/**
 * From the frame: the user pressed Refresh, a set-up link or a ticket's Preview; or the panel's
 * size and name changed; or what the rep set in the panel for a record changed (`ui`), or where
 * the keyboard focus is in it (`focused`; null: not in this frame); or the frame has drawn and
 * painted a state and its process has nothing left to do (`idle`), so a waiting frame may load
 * there without holding up this one's paint.
 */
export type FromFrame =
  | { kind: 'refresh' }
  | { kind: 'openOptions' }
  | { kind: 'preview'; ticketId: string }
  | TicketAction
  | { kind: 'layout'; height: number; width: number; title: string }
  | { kind: 'ui'; recordKey: string; ui: PanelUi }
  | { kind: 'focused'; recordKey: string; focus: PanelFocus | null }
  | { kind: 'idle' };

/** The first message to the frame; the channel's other end travels with it. */
export interface FrameHello {
  desklinkPanel: string;
}

export const isFrameHello = (data: unknown, token: string): boolean =>
  token !== '' && typeof data === 'object' && data !== null && (data as Partial<FrameHello>).desklinkPanel === token;
