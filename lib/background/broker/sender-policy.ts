/**
 * Who may send what. PANEL commands come from DeskLink's content script in a tab on a Zoho CRM
 * host (any frame: CRM is framed inside Zoho One / CRM Plus, so the frame's own URL must be CRM),
 * (or on a company CRM host the admin added, `customHosts`), and only about the record that frame
 * shows; the few a panel frame may send itself (`PANEL_FRAME_COMMANDS`) also come from
 * DeskLink's panel page framed into a tab whose own URL is that record's; ADMIN commands only from
 * the extension's own pages, top frame. Everything else is refused.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { RecordRef } from '../../shared/commands';
import type { CustomCrmHosts } from '../../shared/crm-address';
import { CRM_HOSTS, dataCentreOfCrmHost } from '../../shared/data-centres';
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
function isCrmUrl(url: string | undefined, customHosts?: CustomCrmHosts): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username) return false;
  return CRM_HOSTS.includes(parsed.hostname) || customHosts?.has(parsed.hostname) === true;
}

function fromThisExtension(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * DeskLink's panel page (whatever its address's fragment), framed into a tab: never a top frame,
 * which would be the page opened on its own. Chrome also reports the origin; when it does, it
 * must be the extension's.
 */
function isFramedPanelPage(sender: MessageSender): boolean {
  if (!fromThisExtension(sender) || !sender.tab || sender.frameId === undefined || sender.frameId === 0) return false;
  const url = parse(sender.url);
  const page = new URL(browser.runtime.getURL('/panel.html'));
  // Chrome gives a framed page's address a per-session host of its own (`use_dynamic_url`) and may
  // report either that or the extension's id; both are this extension's. Compared part by part:
  // `URL.origin` is "null" for an extension's scheme in some runtimes.
  const hosts = [page.host, new URL(browser.runtime.getURL('/')).host];
  if (!url || url.protocol !== page.protocol || !hosts.includes(url.host) || url.pathname !== page.pathname) return false;
  return sender.origin === undefined || hosts.some((host) => sender.origin === `${page.protocol}//${host}`);
}

/**
 * The panel page framed into a tab whose own (top) URL is a CRM page. Its requests are bound to
 * that URL's record; inside Zoho One or CRM Plus the tab's URL is the wrapper's, so a panel there
 * asks through its content script instead.
 */
export function isPanelFrameSender(sender: MessageSender, customHosts?: CustomCrmHosts): boolean {
  return isFramedPanelPage(sender) && isCrmUrl(sender.tab?.url, customHosts);
}

/** The sending frame (or, for a panel frame, its tab) is on one of Zoho's own CRM hosts: no company host needs looking up. */
export function isOnZohoCrmHost(sender: MessageSender): boolean {
  return isCrmUrl(sender.url) || (isFramedPanelPage(sender) && isCrmUrl(sender.tab?.url));
}

export function isCrmTabSender(sender: MessageSender, customHosts?: CustomCrmHosts): boolean {
  if (!fromThisExtension(sender) || !sender.tab) return false;
  if (!isCrmUrl(sender.url, customHosts)) return false;
  // Chrome also reports the origin; when it does, it must agree.
  return sender.origin === undefined || isCrmUrl(`${sender.origin}/`, customHosts);
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

/** Host, data centre and CRM org of a frame's document (what a page cannot change without loading another document). */
function documentOf(
  url: string | undefined,
  customHosts?: CustomCrmHosts,
): { crmHost: string; dataCentre: string; orgSegment: string } | null {
  const parsed = parse(url);
  const dataCentre = parsed && (dataCentreOfCrmHost(parsed.hostname)?.id ?? customHosts?.get(parsed.hostname.toLowerCase()));
  const orgSegment = parsed && /^\/crm\/([^/]+)\//.exec(parsed.pathname)?.[1];
  return dataCentre && orgSegment ? { crmHost: parsed.hostname.toLowerCase(), dataCentre, orgSegment } : null;
}

/** `url` is the page of exactly this record. */
function showsRecord(url: string | undefined, record: RecordRef, customHosts?: CustomCrmHosts): boolean {
  const shown = url ? parseRecordPage(url, customHosts) : null;
  return (
    !!shown &&
    shown.crmHost === record.crmHost.toLowerCase() &&
    shown.dataCentre === record.dataCentre &&
    shown.orgSegment === record.orgSegment &&
    shown.module === record.module &&
    shown.recordId === record.recordId
  );
}

/** The URL the browser reports now for a tab (undefined when it shows none). */
export type CurrentTabUrl = (tabId: number) => Promise<string | undefined>;

/**
 * A panel command asks only about the record the sending frame shows, as the browser reports it:
 * - host, data centre and CRM org must be those of the frame's document (`sender.url`);
 * - in a tab's top frame, module and record id must be those of the tab's URL. CRM switches
 *   records with history.pushState, which both browsers leave out of `sender.url` (it stays the
 *   document's first URL) but not out of the tab's URL; that URL may lag a switch by a moment in
 *   the message's own copy, so the browser is asked once more before refusing.
 * A CRM frame inside Zoho One or CRM Plus is bound to its document only: the tab's URL is the
 * wrapper's, and nothing else tells which record such a frame shows now.
 */
export async function isAboutShownRecord(
  sender: MessageSender,
  record: RecordRef,
  currentTabUrl: CurrentTabUrl,
  customHosts?: CustomCrmHosts,
): Promise<boolean> {
  if (isFramedPanelPage(sender)) return tabShowsRecord(sender, record, currentTabUrl, customHosts);
  const document = documentOf(sender.url, customHosts);
  if (!document) return false;
  if (document.crmHost !== record.crmHost.toLowerCase() || document.dataCentre !== record.dataCentre) return false;
  if (document.orgSegment !== record.orgSegment) return false;
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  if (!topFrame) return true;
  // A browser that shows no tab URL at all leaves the document's binding.
  if (sender.tab?.url === undefined && sender.tab?.id === undefined) return true;
  return tabShowsRecord(sender, record, currentTabUrl, customHosts, true);
}

/**
 * After a wait: the sender's tab shows `record` by the browser's word now. A frame inside Zoho
 * One or CRM Plus, or a tab whose URL the browser does not give, cannot tell: yes.
 */
export async function tabStillShowsRecord(
  sender: MessageSender,
  record: RecordRef,
  currentTabUrl: CurrentTabUrl,
  customHosts?: CustomCrmHosts,
): Promise<boolean> {
  const topFrame = isFramedPanelPage(sender) || sender.frameId === undefined || sender.frameId === 0;
  if (!topFrame || sender.tab?.id === undefined) return true;
  const now = await currentTabUrl(sender.tab.id).catch(() => undefined);
  return now === undefined || showsRecord(now, record, customHosts);
}

/** The sender's tab shows `record` now (asked once more when the message's copy of its URL lags a switch). */
async function tabShowsRecord(
  sender: MessageSender,
  record: RecordRef,
  currentTabUrl: CurrentTabUrl,
  customHosts: CustomCrmHosts | undefined,
  noUrlIsEnough = false,
): Promise<boolean> {
  const tab = sender.tab;
  if (showsRecord(tab?.url, record, customHosts)) return true;
  if (tab?.id === undefined) return false;
  const now = await currentTabUrl(tab.id).catch(() => undefined);
  if (now === undefined && tab.url === undefined) return noUrlIsEnough;
  return showsRecord(now, record, customHosts);
}
