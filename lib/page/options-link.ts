/**
 * The set-up / sign-in links open DeskLink's options page. A content script cannot call
 * runtime.openOptionsPage(), and the options page's address must not appear in the CRM page, so
 * a click asks the broker (`options.open`).
 */
import type { Ask } from './record-session';

export function openOptionsPage(ask: Ask): void {
  void ask({ command: 'options.open' });
}
