/**
 * Change notifications for code that must follow the settings live (content scripts, the options
 * page): the stored settings in storage.local and the enterprise policy (area `managed`).
 * Free of zod on purpose, so the content script can import it cheaply.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';

/** Calls `onChange` after the settings or the policy changed; returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
