// What the rep set in the panel, as the content script accepts it from a panel frame.
import { describe, expect, it } from 'vitest';
import { parsePanelUi } from '../../../lib/page/panel-ui';

const UI = { query: 'invoice', tab: 'onHold', shown: 20, open: ['1892000000093001'], composing: false };

describe('parsePanelUi', () => {
  it('accepts the search, the tab, the rows shown, the open previews and the open dialog', () => {
    expect(parsePanelUi(UI)).toEqual(UI);
    expect(parsePanelUi({ ...UI, query: '', open: [], composing: true })).toEqual({ ...UI, query: '', open: [], composing: true });
  });

  it('refuses anything else: another shape, an unknown tab, a ticket id that is not digits, an absurd count or search', () => {
    for (const bad of [
      null,
      'invoice',
      { ...UI, tab: 'spam' },
      { ...UI, open: ['../organizations'] },
      { ...UI, open: 'x' },
      { ...UI, shown: 0 },
      { ...UI, shown: 1.5 },
      { ...UI, query: 'x'.repeat(501) },
      { ...UI, query: 42 },
      { ...UI, composing: 'yes' },
    ]) {
      expect(parsePanelUi(bad)).toBeNull();
    }
  });
});
