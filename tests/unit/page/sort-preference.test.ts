import { describe, expect, it } from 'vitest';
import { createSortPreference } from '../../../lib/page/sort-preference';
import { DEFAULT_SORT } from '../../../lib/page/ticket-order';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('the remembered sort', () => {
  it('is open-first until the rep sorts, then what they chose, in a later page too', () => {
    const storage = memoryStorage();
    const first = createSortPreference(storage);
    expect(first.get()).toEqual(DEFAULT_SORT);
    first.set({ column: 'due', direction: 'ascending' });
    expect(createSortPreference(storage).get()).toEqual({ column: 'due', direction: 'ascending' });
  });

  it('reads broken or foreign values as the default', () => {
    expect(createSortPreference(memoryStorage({ 'desklink.panel.sort': '{oops' })).get()).toEqual(DEFAULT_SORT);
    expect(createSortPreference(memoryStorage({ 'desklink.panel.sort': '{"column":"x"}' })).get()).toEqual(DEFAULT_SORT);
  });

  it('keeps the choice for the page when storage refuses it, or there is none', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const preference = createSortPreference(refusing);
    expect(preference.get()).toEqual(DEFAULT_SORT);
    preference.set({ column: 'subject', direction: 'ascending' });
    expect(preference.get()).toEqual({ column: 'subject', direction: 'ascending' });
    expect(createSortPreference(null).get()).toEqual(DEFAULT_SORT);
  });
});
