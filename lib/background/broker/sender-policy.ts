/**
 * Who may send what. PANEL commands come from DeskLink's content script in a tab on a Zoho CRM
 * host (any frame: CRM is framed inside Zoho One / CRM Plus, so the frame's own URL must be CRM);
 * ADMIN commands only from the extension's own pages, top frame. Everything else is refused.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { CRM_HOSTS } from '../../shared/data-centres';

/** The polyfill's type lacks `origin`, which Chrome reports (and checks) for web senders. */
export type MessageSender = Runtime.MessageSender & { origin?: string };

function parse(url: string | undefined): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** https, a CRM host exactly (no look-alikes such as crm.zoho.com.evil.example), default port. */
function isCrmUrl(url: string | undefined): boolean {
  const parsed = parse(url);
  return !!parsed && parsed.protocol === 'https:' && parsed.port === '' && !parsed.username && CRM_HOSTS.includes(parsed.hostname);
}

function fromThisExtension(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

export function isCrmTabSender(sender: MessageSender): boolean {
  if (!fromThisExtension(sender) || !sender.tab) return false;
  if (!isCrmUrl(sender.url)) return false;
  // Chrome also reports the origin; when it does, it must agree.
  return sender.origin === undefined || isCrmUrl(`${sender.origin}/`);
}

export function isExtensionPageSender(sender: MessageSender): boolean {
  if (!fromThisExtension(sender)) return false;
  const base = browser.runtime.getURL('/');
  const origin = base.replace(/\/$/, '');
  if (typeof sender.url !== 'string' || !sender.url.startsWith(base)) return false;
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  // In a tab (Chrome's options page opens in one): only as the top frame, so an extension page
  // framed by a web page cannot act as the admin; the tab's own URL, when visible, is ours too.
  if (sender.tab) {
    if (sender.frameId !== undefined && sender.frameId !== 0) return false;
    if (sender.tab.url !== undefined && !sender.tab.url.startsWith(base)) return false;
  }
  return true;
}
