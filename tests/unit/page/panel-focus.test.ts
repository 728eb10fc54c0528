// Where the focus is in the panel, described so that a new document of the same panel finds the same control.
import { describe, expect, it } from 'vitest';
import { describeFocus, findFocus, parsePanelFocus } from '../../../lib/page/panel-focus';

const PANEL = `<section tabindex="-1" aria-labelledby="title"><h2 id="title">Zoho Desk tickets</h2>
  <label>Search tickets <input type="search"></label>
  <div role="tablist"><button role="tab">Open 3</button><button role="tab">Closed 1</button></div>
  <button aria-label="Preview #101">Preview</button><button aria-label="Copy #101">Copy</button>
  <a href="https://desk.zoho.com/x">Printer   jams</a><a href="https://desk.zoho.com/y">Printer jams</a></section>`;

/** A new document drawn from the same markup (the frame that takes over). */
function drawn(): Document {
  const doc = document.implementation.createHTMLDocument('panel');
  doc.body.innerHTML = PANEL;
  return doc;
}

describe('describeFocus and findFocus', () => {
  it('find in a new document the control that had the focus: by tag, role and name, and which of the same name', () => {
    const before = drawn();
    const after = drawn();
    const pick = (doc: Document, selector: string, nth = 0) => doc.querySelectorAll<HTMLElement>(selector)[nth]!;
    for (const [selector, nth, described] of [
      ['input', 0, { tag: 'input', role: '', name: 'Search tickets', nth: 0 }],
      ['[role="tab"]', 1, { tag: 'button', role: 'tab', name: 'Closed 1', nth: 0 }],
      ['button:not([role])', 1, { tag: 'button', role: '', name: 'Copy #101', nth: 0 }],
      ['a', 1, { tag: 'a', role: '', name: 'Printer jams', nth: 1 }],
      ['section', 0, { tag: 'section', role: '', name: 'Zoho Desk tickets', nth: 0 }],
    ] as const) {
      pick(before, selector, nth).focus();
      expect(describeFocus(before)).toEqual(described);
      expect(findFocus(after, described)).toBe(pick(after, selector, nth));
    }
  });

  it('say so when nothing in the panel has the focus, or the control is gone', () => {
    const doc = drawn();
    expect(describeFocus(doc)).toBeNull();
    expect(findFocus(doc, { tag: 'button', role: '', name: 'Preview #102', nth: 0 })).toBeNull();
    // Fewer of the same name than before (a row went): the last of them.
    expect(findFocus(doc, { tag: 'a', role: '', name: 'Printer jams', nth: 5 })).toBe(doc.querySelectorAll('a')[1]);
  });
});

describe('parsePanelFocus', () => {
  const focus = { tag: 'button', role: 'tab', name: 'Open 3', nth: 0 };
  it('accepts a description and refuses anything else', () => {
    expect(parsePanelFocus(focus)).toEqual(focus);
    for (const bad of [
      null,
      'button',
      { ...focus, tag: 'button onclick' },
      { ...focus, tag: '' },
      { ...focus, role: 'tab"]' },
      { ...focus, name: 7 },
      { ...focus, name: 'x'.repeat(501) },
      { ...focus, nth: -1 },
      { ...focus, nth: 0.5 },
    ]) {
      expect(parsePanelFocus(bad)).toBeNull();
    }
  });
});
