/**
 * The set-up / sign-in links open DeskLink's options page. A content script cannot call
 * runtime.openOptionsPage(), and a CRM page may not navigate to an extension page that is not
 * web-accessible (Chrome shows ERR_BLOCKED_BY_CLIENT), so a click asks the broker
 * (`options.open`). The href is the page's real URL, for people who copy it.
 */
import { browser } from 'wxt/browser';
import type { Ask } from './record-session';

export const optionsPageUrl = () => browser.runtime.getURL('/options.html');

export function openOptionsPage(ask: Ask): void {
  void ask({ command: 'options.open' });
}
