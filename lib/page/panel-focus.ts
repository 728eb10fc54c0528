/**
 * Where keyboard focus is in the panel, told in words that survive a new document: the focused
 * control's tag, role and accessible name, and which of the controls so named it is. When CRM
 * renders its content again the panel's frame leaves with it (and the focus with the frame); the
 * frame that takes over the same record finds the same control by this description and focuses it.
 */

export interface PanelFocus {
  tag: string;
  /** The `role` attribute ('' when none). */
  role: string;
  name: string;
  /** Its place among the document's controls of the same tag, role and name (0: the first). */
  nth: number;
}

/** Longer than any name the panel draws (a ticket subject in a link is the longest). */
const MAX_NAME_LENGTH = 500;
const MAX_NTH = 10_000;
const TAG = /^[a-z][a-z0-9]{0,15}$/;
const ROLE = /^[a-z]{0,20}$/;

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The element's accessible name as the panel gives names: aria-label, aria-labelledby, its label, its text. */
function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return collapse(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    return collapse(
      labelledBy
        .split(/\s+/)
        .map((id) => doc.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return collapse(Array.from(labels, (each) => each.textContent).join(' '));
  return collapse(element.textContent);
}

const describe = (element: Element) => ({
  tag: element.tagName.toLowerCase(),
  role: element.getAttribute('role') ?? '',
  name: nameOf(element).slice(0, MAX_NAME_LENGTH),
});

const alike = (doc: Document, tag: string, role: string, name: string): Element[] =>
  Array.from(doc.getElementsByTagName(tag)).filter((each) => {
    const other = describe(each);
    return other.role === role && other.name === name;
  });

/** The control that has keyboard focus in `doc`, described; null when none has (the document itself). */
export function describeFocus(doc: Document): PanelFocus | null {
  const focused = doc.activeElement;
  if (!focused || focused === doc.body || focused === doc.documentElement) return null;
  const { tag, role, name } = describe(focused);
  return { tag, role, name, nth: Math.max(0, alike(doc, tag, role, name).indexOf(focused)) };
}

/** The control `focus` describes in `doc`, if it is there (the last of its kind when fewer are). */
export function findFocus(doc: Document, focus: PanelFocus): HTMLElement | null {
  const found = alike(doc, focus.tag, focus.role, focus.name);
  return (found[Math.min(focus.nth, found.length - 1)] as HTMLElement | undefined) ?? null;
}

/** `value` if it describes a focused control, else null (the content script checks what a frame sends). */
export function parsePanelFocus(value: unknown): PanelFocus | null {
  if (typeof value !== 'object' || value === null) return null;
  const { tag, role, name, nth } = value as Partial<Record<keyof PanelFocus, unknown>>;
  if (typeof tag !== 'string' || !TAG.test(tag)) return null;
  if (typeof role !== 'string' || !ROLE.test(role)) return null;
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) return null;
  if (typeof nth !== 'number' || !Number.isInteger(nth) || nth < 0 || nth > MAX_NTH) return null;
  return { tag, role, name, nth };
}
