import type { SettingsView } from '../../../lib/shared/protocol';

/** The options page's view of a browser where nothing is connected yet (English, Berlin time). */
export const UNCONNECTED_VIEW: SettingsView = {
  connected: false,
  dataCentre: null,
  email: null,
  portal: null,
  enabled: true,
  language: 'en',
  timeZone: 'Europe/Berlin',
  credentialState: 'none',
  managed: [],
};
