/** `panel.config`: what the panel needs to draw itself (no secrets, no email). */
import type { PanelConfig } from '../../shared/protocol';
import { loadContext } from './context';

export async function panelConfig(): Promise<PanelConfig> {
  const { settings, state } = await loadContext();
  return {
    state,
    language: settings.language,
    timeZone: settings.timeZone,
    dataCentre: settings.dataCentre,
    portalName: settings.portal?.name ?? null,
  };
}
