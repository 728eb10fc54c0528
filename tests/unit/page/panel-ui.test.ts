// What the rep set in the panel, as the content script accepts it from a panel frame.
import { describe, expect, it } from 'vitest';
import { parsePanelUi } from '../../../lib/page/panel-ui';

const UI = { query: 'invoice', tab: 'onHold', shown: 20, open: ['1892000000093001'] };

describe('parsePanelUi', () => {
  it('accepts the search, the tab, the rows shown and the open previews', () => {
    expect(parsePanelUi(UI)).toEqual(UI);
    expect(parsePanelUi({ ...UI, query: '', open: [] })).toEqual({ ...UI, query: '', open: [] });
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
    ]) {
      expect(parsePanelUi(bad)).toBeNull();
    }
  });
});
