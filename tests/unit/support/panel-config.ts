/** The panel's configuration as the broker answers it once connected with a key, for record-session tests. */
import type { PanelConfig } from '../../../lib/shared/protocol';

export const readyConfig = (overrides: Partial<PanelConfig> = {}): PanelConfig => ({
  state: 'ready',
  language: 'en',
  timeZone: 'UTC',
  dataCentre: 'com',
  portalName: 'Zylker Inc.',
  actingAs: null,
  canCreate: false,
  crmModules: [],
  ...overrides,
});
