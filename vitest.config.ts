import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not apply wxt.config's vite plugins, so Preact is added here too.
  plugins: [WxtVitest(), preact({ devToolsEnabled: false, prefreshEnabled: false })],
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'https://crm.zoho.com/crm/org20110845/tab/Contacts/5293322000003516055' } },
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/support/setup.ts'],
  },
});
