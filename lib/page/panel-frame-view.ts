/**
 * The panel frame's side (DeskLink's panel page, framed into the CRM page by ./panel-frame.ts):
 * it draws the state the content script sends, redraws when the rep comes back to the tab (the
 * "Updated … ago" line is drawn from the clock), tells the content script the panel's height and
 * name, and sends back what the user pressed. Events no user made are dropped first.
 *
 * A preview is asked of the broker by the frame itself when it can: the question and its answer
 * skip two hops through the CRM page's process each way, and only this frame redraws. (A frame put
 * in this one's place asks again, and the worker answers from its memory.) Where the broker
 * refuses the frame (CRM framed inside Zoho One, whose tab's address names no record; a tab
 * already on another record), that record's previews go through the content script.
 */
import type { NewTicket, PanelFrameAsk } from '../shared/commands';
import { panelText } from '../shared/i18n/panel';
import { copyText } from './copy-text';
import { linkToContentScript } from './panel-frame-link';
import { createDraftStore, type DraftArea, type TicketDraft } from './new-ticket-form';
import { describeFocus, findFocus, type PanelFocus } from './panel-focus';
import type { PanelViewState, PreviewState } from './panel-state';
import type { PanelUi } from './panel-ui';
import { createSortPreference, type SortPreference } from './sort-preference';
import type { TicketSort } from './ticket-order';
import { dropUntrustedEvents } from './trusted-events';

interface PanelActions {
  refresh: () => void;
  openOptions: () => void;
  /** Asks for a ticket's latest thread (it arrives with the next draw). */
  preview: (ticketId: string) => void;
  /** Remembers the table's order for this browser and redraws. */
  sort: (sort: TicketSort) => void;
  copy: (text: string) => Promise<boolean>;
  /** New ticket was pressed: the form's choices are wanted (they arrive with the next state). */
  ticketForm: () => void;
  createTicket: (ticket: NewTicket) => void;
  /** Keeps the record's draft in the extension (it survives closing the dialog and a reload). */
  saveDraft: (draft: TicketDraft) => void;
  clearDraft: () => void;
  /** What the rep set in the panel changed (kept, and handed over if CRM replaces this frame). */
  uiChanged: (ui: PanelUi) => void;
  /**
   * The New ticket dialog has drawn its fields: focuses the one the rep was in when CRM took the
   * frame this one replaced, if it was one of them and the rep has not moved since. False: none.
   */
  restoreFocus: () => boolean;
}

/** What the frame adds to the content script's state: this browser's table order. */
interface FrameExtras {
  sort: TicketSort;
  /** The record's kept New ticket draft (null: none). */
  draft: TicketDraft | null;
  /** What the rep set in the panel for this record, here or in the frame this one took over from (null: nothing). */
  ui: PanelUi | null;
}

interface PanelFrameViewDeps {
  /** The frame's own window. */
  win: Window;
  /** Draws `state` (null: nothing) into the frame's document. */
  draw: (state: PanelViewState | null, actions: PanelActions, extras: FrameExtras) => void;
  /** Draws `state` where nobody sees it and drops it (a waiting frame warming up); default: nothing. */
  rehearse?: (state: PanelViewState, actions: PanelActions, extras: FrameExtras) => void;
  /** Where the table's order is remembered (default: not remembered). */
  sortPreference?: SortPreference;
  /** Where New ticket drafts are kept (the extension's storage.session; default: not kept). */
  draftArea?: DraftArea;
  /** Asks the broker for a preview itself (default: every preview through the content script). */
  askPreview?: PanelFrameAsk;
}

/** The longest a drawn frame waits for its process to be idle before saying it is. */
const IDLE_TIMEOUT_MS = 1_000;

/** What a rehearsal's buttons do: nothing (it is never shown, and nobody can press them). */
const IDLE_ACTIONS: PanelActions = {
  refresh: () => undefined,
  openOptions: () => undefined,
  preview: () => undefined,
  sort: () => undefined,
  copy: () => Promise.resolve(false),
  ticketForm: () => undefined,
  createTicket: () => undefined,
  saveDraft: () => undefined,
  clearDraft: () => undefined,
  uiChanged: () => undefined,
  restoreFocus: () => false,
};

export function runPanelFrameView({
  win,
  draw,
  rehearse,
  sortPreference = createSortPreference(null),
  draftArea,
  askPreview,
}: PanelFrameViewDeps): void {
  const doc = win.document;
  dropUntrustedEvents(win);
  let state: PanelViewState | null = null;
  /** The shown record's draft store and kept draft, read when the record changes. */
  let drafts: { recordKey: string; store: ReturnType<typeof createDraftStore> | null; draft: TicketDraft | null } | null = null;

  const followRecord = (recordKey: string) => {
    if (drafts?.recordKey === recordKey) return;
    const store = draftArea ? createDraftStore(draftArea, recordKey) : null;
    const current = { recordKey, store, draft: null as TicketDraft | null };
    drafts = current;
    void store
      ?.load()
      .then((draft) => {
        if (drafts !== current || !draft || current.draft) return;
        current.draft = draft;
        redraw();
      })
      .catch(() => undefined);
  };

  /** What the rep set in the panel, on the record it was set on. */
  let ui: { recordKey: string; ui: PanelUi } | null = null;

  /** Previews this frame asked the broker for, on the record they were asked on. */
  let asked: { recordKey: string; previews: Record<string, PreviewState> } | null = null;
  /** The record on which the broker refused this frame: its previews go through the content script. */
  let refusedOn: string | null = null;
  const withAsked = (shown: PanelViewState): PanelViewState =>
    asked?.recordKey === shown.recordKey ? { ...shown, previews: { ...shown.previews, ...asked.previews } } : shown;

  const preview = (ticketId: string) => {
    const shown = state;
    if (!askPreview || !shown?.record || refusedOn === shown.recordKey) return link.send({ kind: 'preview', ticketId });
    const known = withAsked(shown).previews?.[ticketId];
    if (known && known.kind !== 'error') return;
    if (asked?.recordKey !== shown.recordKey) asked = { recordKey: shown.recordKey, previews: {} };
    const mine = asked;
    // Kept, not drawn: the panel already shows an asked preview as loading.
    mine.previews[ticketId] = { kind: 'loading' };
    void askPreview({ command: 'tickets.preview', record: shown.record, ticketId }).then((answer) => {
      if (!answer.ok && answer.error.code === 'FORBIDDEN_SENDER') {
        refusedOn = mine.recordKey;
        delete mine.previews[ticketId];
        return link.send({ kind: 'preview', ticketId });
      }
      mine.previews[ticketId] = answer.ok ? { kind: 'ready', preview: answer.data } : { kind: 'error', error: answer.error };
      if (asked === mine && state?.recordKey === mine.recordKey) redraw();
    });
  };

  /**
   * A control the frame this one took over had focused, not drawn here yet (the dialog's fields
   * wait for the form's choices): the fields take it once drawn, instead of the Subject.
   */
  let awaitedFocus: { recordKey: string; control: PanelFocus } | null = null;
  /** Focuses the control described (as it was in the frame this one took over from), else the panel itself. */
  const focusControl = (control: PanelFocus | undefined) => {
    const found = control ? findFocus(doc, control) : null;
    awaitedFocus = control && !found && state ? { recordKey: state.recordKey, control } : null;
    (found ?? doc.querySelector<HTMLElement>('[data-panel-focus]'))?.focus({ preventScroll: true });
    // A search the rep was typing goes on where it ended.
    const input = found?.tagName === 'INPUT' ? (found as HTMLInputElement) : null;
    if (input?.type === 'search') input.setSelectionRange(input.value.length, input.value.length);
  };
  // The rep's own key or click decides where the focus goes from then on.
  const forgetAwaitedFocus = () => (awaitedFocus = null);
  doc.addEventListener('keydown', forgetAwaitedFocus, true);
  doc.addEventListener('pointerdown', forgetAwaitedFocus, true);
  const restoreFocus = () => {
    const awaited = awaitedFocus;
    awaitedFocus = null;
    const found = awaited && awaited.recordKey === state?.recordKey ? findFocus(doc, awaited.control) : null;
    found?.focus({ preventScroll: true });
    return found !== null;
  };

  const link = linkToContentScript(win, (message) => {
    if (message.kind === 'focus') {
      focusControl(message.control);
      return;
    }
    if (message.kind === 'rehearse') {
      rehearse?.(message.state, IDLE_ACTIONS, { sort: sortPreference.get(), draft: null, ui: null });
      return;
    }
    state = message.kind === 'draw' ? message.state : null;
    // Handed over with the record it was set on; another record (even one shown again later) starts afresh.
    if (message.kind === 'draw' && message.ui) ui = { recordKey: message.state.recordKey, ui: message.ui };
    else if (ui?.recordKey !== state?.recordKey) ui = null;
    if (state) followRecord(state.recordKey);
    redraw();
  });
  const actions: PanelActions = {
    refresh: () => link.send({ kind: 'refresh' }),
    openOptions: () => link.send({ kind: 'openOptions' }),
    preview,
    sort: (sort) => {
      sortPreference.set(sort);
      redraw();
    },
    copy: (text) => copyText(doc, text),
    ticketForm: () => link.send({ kind: 'ticketForm' }),
    createTicket: (ticket) => link.send({ kind: 'createTicket', ticket }),
    // The panel reopens the dialog from the drawn draft: keep the drawing in step with it.
    saveDraft: (draft) => {
      if (!drafts) return;
      drafts.draft = draft;
      void drafts.store?.save(draft).catch(() => undefined);
      redraw();
    },
    clearDraft: () => {
      if (!drafts) return;
      drafts.draft = null;
      void drafts.store?.clear().catch(() => undefined);
      // Called while the panel draws (a ticket was created): draw again after it.
      queueMicrotask(redraw);
    },
    // Not drawn again: the panel already shows it.
    uiChanged: (next) => {
      if (!state) return;
      ui = { recordKey: state.recordKey, ui: next };
      link.send({ kind: 'ui', recordKey: state.recordKey, ui: next });
    },
    restoreFocus,
  };
  // Where the focus is, for the frame that takes over if CRM takes this one out of the page.
  const reportFocus = (focus: PanelFocus | null) => state && link.send({ kind: 'focused', recordKey: state.recordKey, focus });
  // While a control is awaited the rep is still there, not on the panel holding the focus meanwhile.
  const awaitedControl = () => (awaitedFocus?.recordKey === state?.recordKey ? awaitedFocus?.control : undefined);
  doc.addEventListener('focusin', () => reportFocus(awaitedControl() ?? describeFocus(doc)));
  doc.addEventListener('focusout', (event) => event.relatedTarget === null && reportFocus(null));

  const reportLayout = () =>
    link.send({ kind: 'layout', height: doc.documentElement.getBoundingClientRect().height, width: win.innerWidth, title: doc.title });

  let idleAsked = false;
  /** Says `idle` once the drawn state is painted and nothing else waits in this frame's process. */
  const reportIdle = () => {
    if (idleAsked) return;
    idleAsked = true;
    const said = () => {
      idleAsked = false;
      link.send({ kind: 'idle' });
    };
    // The timeout keeps a busy process from never saying so.
    win.requestIdleCallback(said, { timeout: IDLE_TIMEOUT_MS });
  };

  function redraw(): void {
    if (state) doc.title = panelText(state.language)('region');
    const shownUi = state && ui?.recordKey === state.recordKey ? ui.ui : null;
    draw(state && withAsked(state), actions, { sort: sortPreference.get(), draft: drafts?.draft ?? null, ui: shownUi });
    reportLayout();
    if (state) reportIdle();
  }

  // The remembered sort arrives a moment after the first draw.
  void sortPreference.loaded.then(() => state && redraw());
  doc.addEventListener('visibilitychange', () => doc.visibilityState === 'visible' && redraw());
  new ResizeObserver(reportLayout).observe(doc.documentElement);
}
