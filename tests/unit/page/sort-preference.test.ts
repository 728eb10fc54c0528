import { describe, expect, it } from 'vitest';
import { createSortPreference } from '../../../lib/page/sort-preference';
import { DEFAULT_SORT } from '../../../lib/page/ticket-order';

/** An extension storage area in memory. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    get: (key: string) => Promise.resolve(items.has(key) ? { [key]: items.get(key) } : {}),
    set: (set: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(set)) items.set(key, value);
      return Promise.resolve();
    },
    items,
  };
}

describe('the remembered sort', () => {
  it('is open-first until the rep sorts, then what they chose, in a later page too', async () => {
    const area = memoryArea();
    const first = createSortPreference(area);
    await first.loaded;
    expect(first.get()).toEqual(DEFAULT_SORT);
    first.set({ column: 'due', direction: 'ascending' });
    const later = createSortPreference(area);
    expect(later.get()).toEqual(DEFAULT_SORT);
    await later.loaded;
    expect(later.get()).toEqual({ column: 'due', direction: 'ascending' });
  });

  it('reads broken or foreign values as the default', async () => {
    for (const stored of ['{oops', { column: 'x' }, 42]) {
      const preference = createSortPreference(memoryArea({ panelSort: stored }));
      await preference.loaded;
      expect(preference.get()).toEqual(DEFAULT_SORT);
    }
  });

  it('a choice made before the stored one is read wins', async () => {
    const preference = createSortPreference(memoryArea({ panelSort: { column: 'due', direction: 'ascending' } }));
    preference.set({ column: 'subject', direction: 'descending' });
    await preference.loaded;
    expect(preference.get()).toEqual({ column: 'subject', direction: 'descending' });
  });

  it('keeps the choice for the page when storage refuses it, or there is none', async () => {
    const refusing = { get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('full')) };
    const preference = createSortPreference(refusing);
    await preference.loaded;
    expect(preference.get()).toEqual(DEFAULT_SORT);
    preference.set({ column: 'subject', direction: 'ascending' });
    expect(preference.get()).toEqual({ column: 'subject', direction: 'ascending' });
    const none = createSortPreference(null);
    await none.loaded;
    expect(none.get()).toEqual(DEFAULT_SORT);
  });
});
