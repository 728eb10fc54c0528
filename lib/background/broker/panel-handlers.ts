/** Handlers of the commands the content script sends (dispatch checks the sender first). */
import { browser } from 'wxt/browser';
import { CRM_MODULES } from '../../shared/protocol';
import { crmAccess } from '../crm/crm-access';
import type { HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';
import { createNewTicketHandlers, mayCreate } from './new-ticket-handlers';
import { createTicketPreviewHandler } from './ticket-preview';
import { createTicketsHandlers } from './tickets-handlers';

export function createPanelHandlers(parts: BrokerParts): HandlersFrom<'page'> {
  return {
    // What the panel needs to draw itself (no secrets, no email).
    // Read afresh: a page asks this after it saw the settings or the policy change.
    'panel.config': async () => {
      const { settings, credential, state } = await parts.loadContext({ fresh: true });
      return {
        state,
        language: settings.language,
        timeZone: settings.timeZone,
        ...(settings.clock ? { clock: settings.clock } : {}),
        dataCentre: settings.dataCentre,
        portalName: settings.portal?.name ?? null,
        actingAs: settings.authKind === 'oauth' ? (settings.agent?.name ?? null) : null,
        canCreate: state === 'ready' && mayCreate(settings, credential),
        crmModules:
          state === 'ready' && credential && settings.dataCentre
            ? CRM_MODULES.filter((module) => 'token' in crmAccess(credential, settings.dataCentre!, module))
            : [],
      };
    },
    ...createTicketsHandlers({ ...parts, source: parts.tickets }),
    ...createNewTicketHandlers(parts),
    'tickets.preview': createTicketPreviewHandler({ ...parts, source: parts.tickets }),
    // The panel's set-up / sign-in link: content scripts cannot open the options page.
    'options.open': async () => {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
  };
}
