/**
 * The panel frame: DeskLink's own page, framed into CRM record pages by the content script.
 * Wiring only: lib/page/panel-frame-view.ts talks to the content script; this draws the panel.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { TicketsPanel } from '../../components/panel/TicketsPanel';
import { runPanelFrameView } from '../../lib/page/panel-frame-view';
import { createSortPreference } from '../../lib/page/sort-preference';
import { createBrokerClient } from '../../lib/shared/broker-client';

type Draw = Parameters<typeof runPanelFrameView>[0]['draw'];

const app = document.getElementById('app')!;
/**
 * How often a waiting frame draws the state it will be shown with, out of sight, before it is
 * shown: its drawing code is past its first, slowest runs by its first real draw (five beat one
 * on a day's waiting in both browsers).
 */
const REHEARSALS = 5;
const optionsUrl = new URL('/options.html', location.href).href;

const panel = (...[state, actions, { sort, draft, ui }]: Parameters<Draw>) =>
  state && (
    <TicketsPanel
      key={state.recordKey}
      {...state}
      now={Date.now()}
      optionsUrl={optionsUrl}
      onRefresh={actions.refresh}
      onOpenOptions={actions.openOptions}
      sort={sort}
      onSort={actions.sort}
      onPreview={actions.preview}
      onCopy={actions.copy}
      draft={draft}
      onTicketForm={actions.ticketForm}
      onCreateTicket={actions.createTicket}
      onSaveDraft={actions.saveDraft}
      onClearDraft={actions.clearDraft}
      onRestoreFocus={actions.restoreFocus}
      ui={ui}
      onUiChange={actions.uiChanged}
    />
  );

runPanelFrameView({
  win: window,
  sortPreference: createSortPreference(browser.storage.local),
  // The extension's own storage, out of the CRM page's reach (Firefox gives this frame no storage.session).
  draftArea: 'session' in browser.storage && browser.storage.session ? browser.storage.session : browser.storage.local,
  askPreview: createBrokerClient<'page'>({ sendMessage: (message) => browser.runtime.sendMessage(message) }),
  draw: (...args) => render(panel(...args), app),
  // Into an element outside the document, then unmounted: nothing is shown, focused or announced.
  rehearse: (...args) => {
    for (let i = 0; i < REHEARSALS; i++) {
      const scratch = document.createElement('div');
      render(panel(...args), scratch);
      render(null, scratch);
    }
  },
});
