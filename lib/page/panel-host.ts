/**
 * The panel's host element on the CRM page: one at any time. It carries nothing that names the
 * extension's version or address; a host this content-script instance did not create (one an
 * older instance left behind after an update or reload while the tab was open) is removed.
 */

/** Tag of the shadow host (a valid custom-element name, so it can carry a shadow root). */
export const HOST_TAG = 'desklink-panel';

/** Removes every DeskLink host except `keep`; returns how many were removed. */
export function removeOtherHosts(doc: Document, keep: Element | null): number {
  let removed = 0;
  for (const host of doc.querySelectorAll(HOST_TAG)) {
    if (host === keep) continue;
    host.remove();
    removed += 1;
  }
  return removed;
}
