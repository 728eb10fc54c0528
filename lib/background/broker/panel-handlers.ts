/** Handlers of the PANEL commands (content script on CRM tabs; dispatch checks the sender first). */
import { browser } from 'wxt/browser';
import type { HandlersFrom } from './handlers';
import { panelConfig } from './panel-config';
import { getTickets } from './tickets';

export const panelHandlers: HandlersFrom<'page'> = {
  'panel.config': () => panelConfig(),
  'tickets.get': getTickets,
  // The panel's set-up / sign-in link (added by the panel issue: content scripts cannot open it).
  'options.open': async () => {
    await browser.runtime.openOptionsPage();
    return { opened: true };
  },
};
