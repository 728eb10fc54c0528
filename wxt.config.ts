import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ACCOUNTS_HOSTS, CRM_HOSTS, DESK_HOSTS } from './lib/crm/data-centres';

const httpsPatterns = (hosts: readonly string[]) => hosts.map((host) => `https://${host}/*`);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Parallel builds (e.g. two people testing at once) can each use their own output folder.
  outDir: process.env.DESKLINK_OUT_DIR || '.output',
  vite: () => ({ plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // storage: settings (storage.local) and the managed policy; identity: Sign in with Zoho.
    permissions: ['storage'],
    host_permissions: [...httpsPatterns(DESK_HOSTS), ...httpsPatterns(ACCOUNTS_HOSTS)],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'desklink@desklink.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
