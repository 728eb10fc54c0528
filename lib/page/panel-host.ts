/**
 * The panel's elements on the CRM page: one host (and its hidden standby) at any time. They carry
 * nothing that names the extension's version or address; those this content-script instance did
 * not create (left behind by an older instance after an update or reload while the tab was
 * open) are removed.
 */

/** Tag of the shadow host (a valid custom-element name, so it can carry a shadow root). */
export const HOST_TAG = 'desklink-panel';
/** Tag of the hidden element where the next panel frame waits, loaded. */
export const STANDBY_TAG = 'desklink-standby';

/** Removes every DeskLink element except those in `keep`; returns how many were removed. */
export function removeOtherHosts(doc: Document, keep: readonly Element[]): number {
  let removed = 0;
  for (const element of doc.querySelectorAll(`${HOST_TAG}, ${STANDBY_TAG}`)) {
    if (keep.includes(element)) continue;
    element.remove();
    removed += 1;
  }
  return removed;
}
