import { describe, expect, it } from 'vitest';
import { createListingMemo } from '../../../../lib/background/cache/listing-memo';

const P = '649182735';

describe('listing memo', () => {
  it('knows a listed ticket without a stored preview, and nothing else', () => {
    const memo = createListingMemo();
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't1')).toBe(false);
    memo.noteList(P, 'Contacts:1', ['t1', 't2'], new Set(['t2']));
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't1')).toBe(true);
    // A stored preview is read from the database, as is a ticket of another record or portal.
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't2')).toBe(false);
    expect(memo.listedWithoutPreview(P, 'Leads:1', 't1')).toBe(false);
    expect(memo.listedWithoutPreview('7310045521', 'Contacts:1', 't1')).toBe(false);
    memo.notePreview(P, 't1');
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't1')).toBe(false);
    memo.noteAdded(P, 'Contacts:1', 't3');
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't3')).toBe(true);
    memo.clear();
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't3')).toBe(false);
  });

  it('forgets the least recently noted lists past a hundred', () => {
    const memo = createListingMemo();
    for (let i = 0; i <= 100; i += 1) memo.noteList(P, `Contacts:${i}`, [`t${i}`], new Set());
    expect(memo.listedWithoutPreview(P, 'Contacts:0', 't0')).toBe(false);
    expect(memo.listedWithoutPreview(P, 'Contacts:1', 't1')).toBe(true);
    expect(memo.listedWithoutPreview(P, 'Contacts:100', 't100')).toBe(true);
  });
});
