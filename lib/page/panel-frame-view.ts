/**
 * The panel frame's side (DeskLink's panel page, framed into the CRM page by ./panel-frame.ts):
 * it draws the state the content script sends, redraws when the rep comes back to the tab (the
 * "Updated … ago" line is drawn from the clock), tells the content script the panel's height and
 * name, and sends back what the user pressed. Events no user made are dropped first.
 */
import { panelText } from '../shared/i18n/panel';
import { linkToContentScript } from './panel-frame-link';
import type { PanelViewState } from './panel-state';
import { dropUntrustedEvents } from './trusted-events';

interface PanelActions {
  refresh: () => void;
  openOptions: () => void;
}

interface PanelFrameViewDeps {
  /** The frame's own window. */
  win: Window;
  /** Draws `state` (null: nothing) into the frame's document. */
  draw: (state: PanelViewState | null, actions: PanelActions) => void;
}

export function runPanelFrameView({ win, draw }: PanelFrameViewDeps): void {
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
  };
  const reportLayout = () => link.send({ kind: 'layout', height: doc.documentElement.getBoundingClientRect().height, title: doc.title });

  function redraw(): void {
    if (state) doc.title = panelText(state.language)('region');
    draw(state, actions);
    reportLayout();
  }

  doc.addEventListener('visibilitychange', () => doc.visibilityState === 'visible' && redraw());
  new ResizeObserver(reportLayout).observe(doc.documentElement);
}
