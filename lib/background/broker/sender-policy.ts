/**
 * Who may send what. PANEL commands come from DeskLink's content script in a tab on a Zoho CRM
 * host (any frame: CRM is framed inside Zoho One / CRM Plus, so the frame's own URL must be CRM),
 * and only about the record that frame shows; ADMIN commands only from the extension's own
 * pages, top frame. Everything else is refused.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { RecordRef } from '../../shared/commands';
import { CRM_HOSTS } from '../../shared/data-centres';
import { parseRecordPage } from '../../shared/record-page';

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

/**
 * A panel command is about the record the sending frame shows, as its URL says (the browser
 * reports the frame's URL, which the page cannot forge): the frame must be a Lead, Contact or
 * Account page, and a record named in the request must be that one. A page script writes what
 * it likes into the page, but it cannot make DeskLink look up another record than the one shown.
 */
export function isBoundToSenderRecord(sender: MessageSender, request: object): boolean {
  const shown = parseRecordPage(sender.url ?? '');
  if (!shown) return false;
  const asked = (request as { record?: RecordRef }).record;
  if (!asked) return true;
  return (
    asked.crmHost.toLowerCase() === shown.crmHost &&
    asked.dataCentre === shown.dataCentre &&
    asked.orgSegment === shown.orgSegment &&
    asked.module === shown.module &&
    asked.recordId === shown.recordId
  );
}
