import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone, canonicalTimeZone, isTimeZone, timeZoneGroups } from '../../../lib/shared/time-zones';

const WINTER = Date.parse('2026-01-15T12:00:00Z');
const SUMMER = Date.parse('2026-07-15T12:00:00Z');
/** One zone as the picker offers it (from its region's group, not the browser's). */
const timeZoneChoice = (id: string, language: 'en' | 'ja', at: number) =>
  timeZoneGroups(language, at, 'UTC', id)
    .slice(1)
    .flatMap((g) => g.zones)
    .find((z) => z.id === id)!;
const ids = (groups: ReturnType<typeof timeZoneGroups>) => groups.flatMap((g) => g.zones.map((z) => z.id));

afterEach(() => vi.restoreAllMocks());

describe('canonical ids', () => {
  it('lists zones under their current IANA names, never the old aliases ICU still reports', () => {
    const all = ids(timeZoneGroups('en', WINTER, 'UTC'));
    for (const zone of [
      'Asia/Kolkata',
      'Asia/Ho_Chi_Minh',
      'Asia/Kathmandu',
      'Asia/Yangon',
      'Europe/Kyiv',
      'America/Argentina/Buenos_Aires',
    ])
      expect(all).toContain(zone);
    for (const alias of ['Asia/Calcutta', 'Asia/Saigon', 'Asia/Katmandu', 'Asia/Rangoon', 'Europe/Kiev', 'America/Buenos_Aires'])
      expect(all).not.toContain(alias);
    expect(all).toContain('UTC');
  });

  it('every zone the browser lists is offered (under its current name), each once per region', () => {
    const groups = timeZoneGroups('en', WINTER, 'UTC');
    const all = ids(groups.slice(1));
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(all).toContain(canonicalTimeZone(zone));
    expect(new Set(all).size).toBe(all.length);
  });

  it('a saved or portal alias is shown under its new name; an unknown one is not offered', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    const all = ids(timeZoneGroups('en', WINTER, 'UTC', 'Asia/Saigon', 'Mars/Olympus', null));
    expect(all).toContain('Asia/Ho_Chi_Minh');
    expect(all).not.toContain('Mars/Olympus');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('offsets and names', () => {
  it('shows the current UTC offset, which daylight saving time moves', () => {
    expect(timeZoneChoice('Asia/Kolkata', 'en', WINTER).offset).toBe('UTC+05:30');
    expect(timeZoneChoice('America/Los_Angeles', 'en', WINTER).offset).toBe('UTC-08:00');
    expect(timeZoneChoice('America/Los_Angeles', 'en', SUMMER).offset).toBe('UTC-07:00');
    expect(timeZoneChoice('UTC', 'en', WINTER)).toMatchObject({ offset: 'UTC±00:00', name: '' });
    expect(timeZoneChoice('Europe/London', 'en', WINTER).offset).toBe('UTC±00:00');
  });

  it('names the zone in the admin’s language (Intl long generic names) and the place from the id', () => {
    expect(timeZoneChoice('Asia/Kolkata', 'en', WINTER)).toEqual({
      id: 'Asia/Kolkata',
      city: 'Kolkata',
      name: 'India Standard Time',
      offset: 'UTC+05:30',
    });
    expect(timeZoneChoice('Asia/Tokyo', 'ja', WINTER).name).toBe('日本標準時');
    expect(timeZoneChoice('America/Argentina/Buenos_Aires', 'en', WINTER).city).toBe('Argentina / Buenos Aires');
  });
});

describe('order', () => {
  it('the browser’s zone comes first, canonical; then regions alphabetically, UTC and the like last, places alphabetically', () => {
    const groups = timeZoneGroups('en', WINTER, 'Asia/Calcutta');
    expect(groups[0]).toEqual({ region: 'browser', zones: [timeZoneChoice('Asia/Kolkata', 'en', WINTER)] });
    const regions = groups.slice(1).map((g) => g.region);
    expect(regions.slice(0, -1)).toEqual([...regions.slice(0, -1)].sort());
    expect(regions.at(-1)).toBe('other');
    const asia = groups.find((g) => g.region === 'Asia')!.zones.map((z) => z.city);
    expect(asia).toEqual([...asia].sort((a, b) => a.localeCompare(b)));
  });

  it('the browser’s zone as Intl reports it, under its current name', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Asia/Saigon',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect(browserTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });
});
