import { describe, expect, it } from 'vitest';
import { clockOf, formatDate, formatDateTime, isoInstant, parseInstant, relativeAge } from '../../../lib/shared/time';

const at = (iso: string) => Date.parse(iso);

describe('formatDateTime in the settings time zone', () => {
  it('writes Tokyo time, crossing into the next day and year', () => {
    const text = formatDateTime(at('2024-12-31T15:30:00Z'), 'Asia/Tokyo', 'ja');
    expect(text).toContain('2025年1月1日');
    expect(text).toContain('00:30');
  });

  it('writes Los Angeles time in English with the clock time', () => {
    const text = formatDateTime(at('2024-12-31T15:30:00Z'), 'America/Los_Angeles', 'en');
    expect(text).toMatch(/Dec 31, 2024/);
    expect(text).toMatch(/7:30\sAM PST/);
  });

  it('follows the spring-forward DST edge in Los Angeles (01:59 PST is followed by 03:00 PDT)', () => {
    expect(formatDateTime(at('2024-03-10T09:59:00Z'), 'America/Los_Angeles', 'en')).toMatch(/1:59\sAM PST/);
    expect(formatDateTime(at('2024-03-10T10:00:00Z'), 'America/Los_Angeles', 'en')).toMatch(/3:00\sAM PDT/);
  });

  it('keeps the repeated hour of the fall-back DST edge apart by its zone name', () => {
    const first = formatDateTime(at('2024-11-03T08:30:00Z'), 'America/Los_Angeles', 'en');
    const second = formatDateTime(at('2024-11-03T09:30:00Z'), 'America/Los_Angeles', 'en');
    expect(first).toMatch(/1:30\sAM PDT/);
    expect(second).toMatch(/1:30\sAM PST/);
  });

  it('follows the European DST edge (Berlin moves from UTC+1 to UTC+2)', () => {
    expect(formatDateTime(at('2024-03-31T00:30:00Z'), 'Europe/Berlin', 'en')).toMatch(/1:30\sAM/);
    expect(formatDateTime(at('2024-03-31T01:30:00Z'), 'Europe/Berlin', 'en')).toMatch(/3:30\sAM/);
  });

  it('follows each language’s clock: 12-hour in English, 24-hour in Japanese', () => {
    expect(formatDateTime(at('2024-06-01T21:41:00Z'), 'UTC', 'en')).toMatch(/^Jun 1, 2024, 9:41\sPM UTC$/);
    expect(formatDateTime(at('2024-06-01T22:05:00Z'), 'Asia/Tokyo', 'ja')).toContain('07:05');
    expect(formatDateTime(at('2024-06-01T12:41:00Z'), 'Asia/Tokyo', 'ja')).toContain('21:41');
  });

  it('follows the admin’s clock over the language’s habit', () => {
    expect(formatDateTime(at('2024-06-01T21:41:00Z'), 'UTC', 'en', '24')).toMatch(/^Jun 1, 2024, 21:41\sUTC$/);
    expect(formatDateTime(at('2024-06-01T12:41:00Z'), 'Asia/Tokyo', 'ja', '12')).toMatch(/午後\s?9:41/);
    expect(formatDateTime(at('2024-06-01T21:41:00Z'), 'UTC', 'en', '12')).toBe(formatDateTime(at('2024-06-01T21:41:00Z'), 'UTC', 'en'));
    expect(clockOf('en', undefined)).toBe('12');
    expect(clockOf('ja', undefined)).toBe('24');
    expect(clockOf('ja', '12')).toBe('12');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(formatDateTime(at('2024-06-01T22:05:00Z'), 'Mars/Olympus_Mons', 'en')).toMatch(/10:05\sPM UTC/);
  });
});

describe('formatDate', () => {
  it('gives the calendar date of the zone, not of UTC', () => {
    expect(formatDate(at('2024-06-01T20:00:00Z'), 'Asia/Tokyo', 'en')).toBe('Jun 2, 2024');
    expect(formatDate(at('2024-06-01T03:00:00Z'), 'America/Los_Angeles', 'en')).toBe('May 31, 2024');
    expect(formatDate(at('2024-06-01T20:00:00Z'), 'Asia/Tokyo', 'ja')).toBe('2024年6月2日');
  });
});

describe('instants', () => {
  it('parses ISO strings and rejects garbage', () => {
    expect(parseInstant('2024-06-01T20:00:00.000Z')).toBe(at('2024-06-01T20:00:00Z'));
    expect(parseInstant('2024-06-01T20:00:00+09:00')).toBe(at('2024-06-01T11:00:00Z'));
    expect(parseInstant('not a date')).toBeNull();
    expect(parseInstant(null)).toBeNull();
    expect(parseInstant('')).toBeNull();
  });

  it('writes the machine-readable instant in UTC ISO 8601', () => {
    expect(isoInstant(at('2024-06-01T20:00:00+09:00'))).toBe('2024-06-01T11:00:00.000Z');
  });
});

describe('relativeAge', () => {
  const now = at('2024-06-01T12:00:00Z');
  it.each([
    [now - 10_000, 'en', 'now'],
    [now - 5 * 60_000, 'en', '5 minutes ago'],
    [now - 2 * 3600_000, 'en', '2 hours ago'],
    [now - 3 * 24 * 3600_000, 'en', '3 days ago'],
    [now - 5 * 60_000, 'ja', '5 分前'],
    [now - 24 * 3600_000, 'ja', '昨日'],
  ] as const)('%i → %s %s', (then, language, text) => {
    expect(relativeAge(then, now, language)).toBe(text);
  });

  it('never says "in the future" for a clock running slightly behind', () => {
    expect(relativeAge(now + 5_000, now, 'en')).toBe('now');
  });
});
