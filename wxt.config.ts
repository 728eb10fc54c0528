import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ACCOUNTS_HOSTS, API_HOSTS, DESK_HOSTS } from './lib/shared/data-centres';

const httpsPatterns = (hosts: readonly string[]) => hosts.map((host) => `https://${host}/*`);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Parallel builds (e.g. two people testing at once) can each use their own output folder.
  outDir: process.env.DESKLINK_OUT_DIR || '.output',
  vite: () => ({ plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })] }),
  // Icons come from public/icon/<size>.png (drawn by tests/tools/make-icons.ts), found by WXT.
  // Content-script `matches` (every CRM host + crmsandbox twin, all_frames) are declared in
  // entrypoints/crm.content/index.ts from CRM_HOSTS.
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // storage: settings (storage.local), short-lived tokens (storage.session), managed policy.
    // identity: `Sign in with Zoho` (identity.launchWebAuthFlow, getRedirectURL).
    // scripting: the CRM content script registered at run time on a company's own CRM host.
    permissions: ['storage', 'identity', 'scripting'],
    // Only the hosts the background fetches: the Desk API of each data centre, and Zoho Accounts
    // of each data centre (accounts.zoho.<dc>), whose token endpoint the organisation credential's
    // token calls need (a grant code exchanged, access tokens refreshed). `Sign in with Zoho`
    // reaches Accounts through launchWebAuthFlow's window, which needs no host permission. And
    // CRM's REST API of each data centre (www.zohoapis.<dc>), where a record's emails and name
    // are confirmed when the sign-in holds Zoho CRM's read scopes.
    host_permissions: httpsPatterns([...DESK_HOSTS, ...ACCOUNTS_HOSTS, ...API_HOSTS]),
    // A company's own CRM host (an address the admin adds): asked for one origin at a time, on
    // the admin's click (permissions.request), never granted at install.
    optional_host_permissions: ['https://*/*'],
    // Never in private windows: the background's IndexedDB (credential, ticket cache) belongs to
    // the normal profile, so a private tab's lookups would leave the customers it viewed on disk.
    // Chrome and Firefox both honour not_allowed (Firefox has no `split`).
    incognito: 'not_allowed',
    // The panel is this page, framed into CRM record pages by the content script. A company's own
    // CRM host cannot be listed here (matches are fixed at build time), so every https page may
    // load the panel's address; yet only DeskLink's content script knows it (Chrome's per-session
    // address, so a page cannot probe for DeskLink; Firefox's per-profile moz-extension UUID), that
    // script runs only on Zoho's hosts and on those the admin added, and the broker answers only
    // frames on them.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: ['https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'desklink@desklink.app',
              // 153: the ESR DeskLink is tested on (an older one would be promised untested). Every version
              // from 147 has the Navigation API, so record switches in CRM's single-page app are
              // seen at its navigate event, never through WXT's fallback of a 1 s URL poll.
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '153.0' },
          },
        }
      : {
          // 114: JSON.parse hands revivers the source text, which keeps 19-digit Desk ids exact
          // (lib/background/desk/schema-primitives.ts); Firefox has it from 135.
          minimum_chrome_version: '114',
          // Enterprise policy schema (public/managed_schema.json). Chrome only: Firefox takes
          // managed settings from policies.json "3rdparty" and has no schema key.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // managed_schema.json is read by Chrome only; keep it out of the Firefox package.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') return;
      const at = files.findIndex((file) => file.relativeDest === 'managed_schema.json');
      if (at >= 0) files.splice(at, 1);
    },
    // The CRM content script uses the browsers' own promise-based APIs (Chrome MV3 `chrome`,
    // Firefox `browser`): webextension-polyfill would add ~2.8 KB gzip to every CRM page for
    // nothing (README, Performance). The background and options pages keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (alias && 'wxt/browser' in alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  zip: {
    // The AMO sources zip must rebuild the add-on (`npm ci && npm run build`) and hold nothing
    // else: no tests, sandbox, screenshots or reports. Dot-folders and node_modules are
    // excluded by WXT already.
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'demo-output/**',
      'test-results/**',
      'test-results-*/**',
      'playwright-report/**',
      'stats.html',
      'playwright.config.ts',
    ],
  },
});
