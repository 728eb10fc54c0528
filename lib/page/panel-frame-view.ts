/**
 * The panel frame's side (DeskLink's panel page, framed into the CRM page by ./panel-frame.ts):
 * it draws the state the content script sends, redraws when the rep comes back to the tab (the
 * "Updated … ago" line is drawn from the clock), tells the content script the panel's height and
 * name, and sends back what the user pressed. Events no user made are dropped first.
 */
import { panelText } from '../shared/i18n/panel';
import { copyText } from './copy-text';
import { linkToContentScript } from './panel-frame-link';
import type { PanelViewState } from './panel-state';
import { createSortPreference, type SortPreference } from './sort-preference';
import type { TicketSort } from './ticket-order';
import { dropUntrustedEvents } from './trusted-events';

interface PanelActions {
  refresh: () => void;
  openOptions: () => void;
  /** Asks for a ticket's latest thread (it arrives with the next state). */
  preview: (ticketId: string) => void;
  /** Remembers the table's order for this browser and redraws. */
  sort: (sort: TicketSort) => void;
  copy: (text: string) => Promise<boolean>;
}

/** What the frame adds to the content script's state: this browser's table order. */
interface FrameExtras {
  sort: TicketSort;
}

interface PanelFrameViewDeps {
  /** The frame's own window. */
  win: Window;
  /** Draws `state` (null: nothing) into the frame's document. */
  draw: (state: PanelViewState | null, actions: PanelActions, extras: FrameExtras) => void;
  /** Where the table's order is remembered (default: not remembered). */
  sortPreference?: SortPreference;
}

export function runPanelFrameView({ win, draw, sortPreference = createSortPreference(null) }: PanelFrameViewDeps): void {
  const doc = win.document;
  dropUntrustedEvents(win);
  let state: PanelViewState | null = null;

  const link = linkToContentScript(win, (message) => {
    state = message.kind === 'draw' ? message.state : null;
    redraw();
  });
  const actions: PanelActions = {
    refresh: () => link.send({ kind: 'refresh' }),
    openOptions: () => link.send({ kind: 'openOptions' }),
    preview: (ticketId) => link.send({ kind: 'preview', ticketId }),
    sort: (sort) => {
      sortPreference.set(sort);
      redraw();
    },
    copy: (text) => copyText(doc, text),
  };
  const reportLayout = () => link.send({ kind: 'layout', height: doc.documentElement.getBoundingClientRect().height, title: doc.title });

  function redraw(): void {
    if (state) doc.title = panelText(state.language)('region');
    draw(state, actions, { sort: sortPreference.get() });
    reportLayout();
  }

  // The remembered sort arrives a moment after the first draw.
  void sortPreference.loaded.then(() => state && redraw());
  doc.addEventListener('visibilitychange', () => doc.visibilityState === 'visible' && redraw());
  new ResizeObserver(reportLayout).observe(doc.documentElement);
}
