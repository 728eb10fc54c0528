import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../lib/shared/numbers';

describe('formatCount', () => {
  it('groups thousands as each language writes them', () => {
    expect(formatCount(1000, 'en')).toBe('1,000');
    expect(formatCount(12, 'en')).toBe('12');
    expect(formatCount(1000, 'ja')).toBe('1,000');
  });
});
