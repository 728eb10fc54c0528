/**
 * Where the panel goes on a record page: beside CRM's own related lists when they exist, else a
 * fallback that every NextGen page has. The first candidate found wins:
 *
 * 1. just before the first related-list section (`#relatedList<id>`, or the section holding a
 *    `crm-related-list-view-header`): the panel reads as one more related list;
 * 2. at the top of the record's scroll container `lyte-tab-body.dv_content_tab_body`;
 * 3. just after the always-mounted top bar `#crmNextGenTopMenu`;
 * 4. at the top of `document.body` (classic UI, unknown layouts).
 */

type Where = 'before' | 'after' | 'prepend';

interface Placement {
  anchor: Element;
  where: Where;
}

interface Candidate {
  css: string;
  where: Where;
}

// Ordered best first; each entry notes what it is.
const CANDIDATES: Candidate[] = [
  // A related-list section by id (NextGen: `#relatedList<relatedListId>`).
  { css: '[id^="relatedList"]', where: 'before' },
  // A related-list header component (NextGen), when sections carry no id.
  { css: 'crm-related-list-view-header', where: 'before' },
  // The record's scroll container (NextGen detail view).
  { css: 'lyte-tab-body.dv_content_tab_body', where: 'prepend' },
  // The top app bar, mounted on every NextGen page.
  { css: '#crmNextGenTopMenu', where: 'after' },
];

/** Every selector whose appearance may change the best placement. */
export const PLACEMENT_SELECTORS: readonly string[] = CANDIDATES.map((candidate) => candidate.css);

export function findPlacement(doc: Document): Placement | null {
  for (const { css, where } of CANDIDATES) {
    const anchor = doc.querySelector(css);
    if (anchor?.parentElement || (anchor && where === 'prepend')) return { anchor, where };
  }
  return doc.body ? { anchor: doc.body, where: 'prepend' } : null;
}

/** Is `host` already at that placement? */
export function isPlacedAt(host: Element, { anchor, where }: Placement): boolean {
  if (!host.isConnected) return false;
  switch (where) {
    case 'before':
      return anchor.previousElementSibling === host;
    case 'after':
      return anchor.nextElementSibling === host;
    case 'prepend':
      return anchor.firstElementChild === host;
  }
}

/**
 * Moves (or inserts) `host` to the placement. A host still in the page moves with `moveBefore`,
 * which keeps the panel frame inside it loaded (removing and inserting it would load it again).
 */
export function place(host: Element, { anchor, where }: Placement): void {
  const parent = where === 'prepend' ? anchor : anchor.parentNode;
  if (!parent) return;
  const before = where === 'before' ? anchor : where === 'after' ? anchor.nextSibling : anchor.firstChild;
  if (host.isConnected && parent.isConnected && typeof parent.moveBefore === 'function') {
    try {
      parent.moveBefore(host, before);
      return;
    } catch {
      // Not movable here (another document, a parent moveBefore refuses): insert instead.
    }
  }
  parent.insertBefore(host, before);
}
