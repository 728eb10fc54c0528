/**
 * IANA time zones for the `Time zone` picker and checks: canonical names (browsers built on ICU
 * still list some zones under names IANA has since replaced), each zone's current UTC offset and
 * its name in the admin's language through Intl, grouped by region, the browser's zone first.
 */
import type { Language } from './protocol';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Old names ICU lists (Intl.supportedValuesOf, resolvedOptions) for zones IANA renamed: shown and saved under the new name. */
const RENAMED: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The zone under its current IANA name (an old one only if this browser does not know the new one yet). */
export function canonicalTimeZone(zone: string): string {
  const renamed = RENAMED[zone];
  return renamed && isTimeZone(renamed) ? renamed : zone;
}

/** Every zone Intl lists, under current names, plus `extra` zones it accepts but omits (e.g. a portal's). */
function canonicalZones(extra: (string | null | undefined)[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map(canonicalTimeZone));
  zones.add('UTC');
  for (const zone of extra) if (zone && isTimeZone(zone)) zones.add(canonicalTimeZone(zone));
  return [...zones];
}

export function browserTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

interface TimeZoneChoice {
  /** The IANA id saved in the settings, e.g. Asia/Kolkata. */
  id: string;
  /** The place as the id names it, e.g. "Kolkata", "Argentina / Buenos Aires". */
  city: string;
  /** The zone's name in the admin's language, e.g. "India Standard Time" / "インド標準時"; '' when Intl has none but an offset. */
  name: string;
  /** The offset now, e.g. "UTC+05:30", "UTC-08:00", "UTC±00:00". */
  offset: string;
}

/** Zones of one region of the id (Africa, America, Asia, …; `browser` is the browser's own zone; `other` is UTC and the like). */
interface TimeZoneGroup {
  region: string;
  zones: TimeZoneChoice[];
}

const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

function zonePart(zone: string, locale: string, style: 'longOffset' | 'longGeneric', at: number): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** "GMT+05:30" → "UTC+05:30"; "GMT" or "GMT+00:00" → "UTC±00:00". */
function utcOffset(zone: string, at: number): string {
  const gmt = zonePart(zone, 'en-US', 'longOffset', at).replace(/^GMT/, '');
  return gmt === '' || /^[+-]00:00$/.test(gmt) ? 'UTC±00:00' : `UTC${gmt}`;
}

function timeZoneChoice(id: string, language: Language, at: number): TimeZoneChoice {
  const city = id.includes('/') ? id.split('/').slice(1).join(' / ').replace(/_/g, ' ') : id;
  const name = zonePart(id, LOCALES[language], 'longGeneric', at);
  // A zone Intl has no name for (UTC, Etc/…) is named by its offset alone.
  return { id, city, name: /^(GMT|UTC)([+-]|$)/.test(name) ? '' : name, offset: utcOffset(id, at) };
}

/**
 * The picker's groups at moment `at` (offsets change with daylight saving time): the browser's
 * zone first, then each region in alphabetical order, its zones by place name.
 */
export function timeZoneGroups(
  language: Language,
  at: number,
  browserZone: string,
  ...extra: (string | null | undefined)[]
): TimeZoneGroup[] {
  const first = canonicalTimeZone(browserZone);
  const regions = new Map<string, TimeZoneChoice[]>();
  for (const id of canonicalZones([first, ...extra])) {
    const region = id.includes('/') ? id.slice(0, id.indexOf('/')) : 'other';
    if (!regions.has(region)) regions.set(region, []);
    regions.get(region)!.push(timeZoneChoice(id, language, at));
  }
  const groups = [...regions.entries()]
    .sort(([a], [b]) => (a === 'other' ? 1 : b === 'other' ? -1 : a.localeCompare(b)))
    .map(([region, zones]) => ({ region, zones: zones.sort((a, b) => a.city.localeCompare(b.city)) }));
  return [{ region: 'browser', zones: [timeZoneChoice(first, language, at)] }, ...groups];
}
