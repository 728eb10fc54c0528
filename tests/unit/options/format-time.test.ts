import { describe, expect, it } from 'vitest';
import { formatAdminTime } from '../../../lib/options/format-time';

const noonUtc = Date.UTC(2026, 10, 25, 12);

describe('formatAdminTime', () => {
  it('writes the moment in the configured time zone and the admin’s language', () => {
    expect(formatAdminTime(noonUtc, 'en', 'Asia/Tokyo')).toBe('Nov 25, 2026, 9:00:00 PM');
    expect(formatAdminTime(noonUtc, 'ja', 'Asia/Tokyo')).toBe('2026/11/25 21:00:00');
  });

  it('falls back to UTC when the configured zone is not one', () => {
    expect(formatAdminTime(noonUtc, 'en', 'Mars/Olympus')).toBe('Nov 25, 2026, 12:00:00 PM');
  });
});
