/**
 * Chromium's prompt for an optional host permission is a browser dialog that neither the DevTools
 * protocol nor Playwright reaches (measured: `permissions.request` stays pending under automation,
 * and `--apps-gallery-install-auto-confirm-for-tests=accept` does not answer it). What the harness
 * can do is what a user does in chrome://extensions, Site access: allow DeskLink on that site
 * (the page's own `developerPrivate.addHostPermission`). Chromium then answers DeskLink's own
 * `permissions.request` for that origin, still made from the admin's click, without a dialog.
 * This stands in for the admin pressing Allow; nothing is granted until DeskLink asks.
 */
import type { BrowserContext } from '@playwright/test';

export async function allowSiteInChromium(context: BrowserContext, extensionId: string, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(([id, pattern]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, pattern) as Promise<void>, [
      extensionId,
      origin,
    ] as const);
  } finally {
    await page.close();
  }
}
