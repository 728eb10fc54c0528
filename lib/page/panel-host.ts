/**
 * The panel's host element on the CRM page: one at any time. Each content-script instance stamps
 * its host with the extension version and an instance id; hosts of any other instance (an older
 * version left behind by an update or reload while the tab was open) are removed.
 */

/** Tag of the shadow host (a valid custom-element name, so it can carry a shadow root). */
export const HOST_TAG = 'desklink-panel';
const VERSION_ATTR = 'data-desklink-version';
const INSTANCE_ATTR = 'data-desklink-instance';

export function stampHost(host: Element, version: string, instance: string): void {
  host.setAttribute(VERSION_ATTR, version);
  host.setAttribute(INSTANCE_ATTR, instance);
}

/** Removes every DeskLink host except `keep`; returns how many were removed. */
export function removeOtherHosts(doc: Document, keep: Element | null): number {
  let removed = 0;
  for (const host of doc.querySelectorAll(`${HOST_TAG}, [${INSTANCE_ATTR}]`)) {
    if (host === keep) continue;
    host.remove();
    removed += 1;
  }
  return removed;
}

/** Stops key events at the host, so CRM's single-key hotkeys never see typing in the panel. */
export function isolateKeys(host: Element): void {
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
}
