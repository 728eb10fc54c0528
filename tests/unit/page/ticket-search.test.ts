import { describe, expect, it } from 'vitest';
import { searchTickets } from '../../../lib/page/ticket-search';
import { ticket } from '../support/cache';

const list = [
  ticket(1, { ticketNumber: '1234', subject: 'Invoice is wrong' }),
  ticket(2, { ticketNumber: '5678', subject: 'Two-factor code not arriving' }),
  ticket(3, { ticketNumber: '9012', subject: null }),
  ticket(4, { ticketNumber: null, subject: '請求書の再発行' }),
];
const found = (query: string) => searchTickets(list, query).map((t) => t.ticketNumber);

describe('searchTickets', () => {
  it('finds by subject, ignoring case', () => {
    expect(found('invoice')).toEqual(['1234']);
    expect(found('CODE')).toEqual(['5678']);
  });

  it('finds by number, with or without #, and by part of it', () => {
    expect(found('#5678')).toEqual(['5678']);
    expect(found('901')).toEqual(['9012']);
  });

  it('needs every word, in any order', () => {
    expect(found('arriving two')).toEqual(['5678']);
    expect(found('invoice code')).toEqual([]);
  });

  it('folds full-width characters and finds Japanese subjects', () => {
    expect(found('ＩＮＶＯＩＣＥ')).toEqual(['1234']);
    expect(found('＃１２３４')).toEqual(['1234']);
    expect(found('請求書')).toEqual([null]);
  });

  it('an empty or blank query keeps every ticket (a copy)', () => {
    expect(found('')).toHaveLength(4);
    expect(found('   ')).toHaveLength(4);
    expect(searchTickets(list, '')).not.toBe(list);
  });
});
