/**
 * A `Zoho Desk tickets` item in CRM's related-list rail (Notes, Attachments, …) with the number of
 * open tickets; pressing it scrolls to the panel and moves focus into it.
 *
 * The item lives in CRM's own page, where page scripts can read and press it, so it carries
 * nothing but the label and the count, and it acts only on a press a user made (a click a
 * script dispatched is ignored). Without a rail (another layout, the rail not rendered yet)
 * there is no item and nothing else changes. Lyte re-renders the rail, so the item is put back
 * whenever a rail appears again.
 */
import { watchElements } from './element-watcher';

// CRM's related-list rail, most certain first: the list holding the related-list labels (NextGen),
// else the list of rail rows.
const RAIL_ANCHORS = [
  // NextGen: a related list's rail label, inside its row.
  'crm-related-list-label',
  // NextGen rail rows ("Notes", "Contacts 5").
  'li.dv_leftLi',
];

/** Marks the item as DeskLink's (the identity reader and the rail search skip it). */
const MARK = 'data-desklink';

export interface RailItem {
  /** Shows the item with this label and open-ticket count (null: not known yet). */
  show(label: string, openCount: number | null): void;
  /** Takes the item out of the page. */
  hide(): void;
}

interface RailItemDeps {
  doc: Document;
  /** Ends every watch and removes the item (the content script's context). */
  signal: AbortSignal;
  /** What a user's press does: scroll to the panel and focus it. */
  onActivate: () => void;
}

/** The rail's row of the first related list, outside anything DeskLink added. */
function findRailRow(doc: Document): Element | null {
  for (const selector of RAIL_ANCHORS) {
    for (const element of doc.querySelectorAll(selector)) {
      if (element.closest(`[${MARK}]`)) continue;
      const row = element.closest('li');
      if (row?.parentElement) return row;
    }
  }
  return null;
}

export function createRailItem({ doc, signal, onActivate }: RailItemDeps): RailItem {
  const item = doc.createElement('li');
  item.setAttribute(MARK, 'rail');
  item.className = 'dv_leftLi';
  const button = doc.createElement('button');
  button.type = 'button';
  button.style.cssText = 'font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: start;';
  const label = doc.createElement('span');
  const count = doc.createElement('span');
  button.append(label, count);
  item.append(button);
  button.addEventListener('click', (event) => {
    if (!event.isTrusted || signal.aborted) return;
    event.preventDefault();
    onActivate();
  });

  let shown = false;
  let watching: AbortController | null = null;

  /** After the rail's related lists, before its own actions ("Add Related List"). */
  const place = () => {
    if (!shown || signal.aborted) return;
    const row = findRailRow(doc);
    const rail = row?.parentElement;
    if (!rail) return;
    if (item.parentElement === rail) return;
    const rows = [...rail.children].filter((child) => child.querySelector('crm-related-list-label') && child !== item);
    const last = rows.at(-1);
    if (last) last.after(item);
    else rail.append(item);
  };

  const hide = () => {
    shown = false;
    watching?.abort();
    watching = null;
    item.remove();
  };
  signal.addEventListener('abort', hide, { once: true });

  return {
    show(text, openCount) {
      if (signal.aborted) return;
      label.textContent = text;
      count.textContent = openCount === null ? '' : ` ${openCount}`;
      shown = true;
      if (!watching) {
        watching = new AbortController();
        const stop = watching.signal;
        signal.addEventListener('abort', () => watching?.abort(), { once: true, signal: stop });
        watchElements(doc, RAIL_ANCHORS, place, stop);
      }
      place();
    },
    hide,
  };
}
