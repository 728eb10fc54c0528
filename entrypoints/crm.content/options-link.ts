/**
 * The set-up / sign-in links open DeskLink's options page. A content script cannot call
 * runtime.openOptionsPage(), and a CRM page may not navigate to an extension page that is not
 * web-accessible, so the click asks the broker (`options.open`); the link's href is the page's
 * real URL for people who copy it or open it from the context menu.
 */
import { browser } from 'wxt/browser';

export const optionsPageUrl = () => browser.runtime.getURL('/options.html');

export function openOptionsPage(): void {
  void browser.runtime.sendMessage({ command: 'options.open' }).then(
    (answer: unknown) => {
      if ((answer as { ok?: unknown } | undefined)?.ok !== true) window.open(optionsPageUrl(), '_blank', 'noopener');
    },
    () => window.open(optionsPageUrl(), '_blank', 'noopener'),
  );
}
