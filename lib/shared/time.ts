/**
 * Times as the panel writes them: in the settings' IANA time zone (not the browser's), in the
 * settings' language, through Intl, with the language's own clock habit (English 12-hour
 * "9:41 PM", Japanese 24-hour "21:41"). A bad zone name falls back to UTC rather than throwing.
 */
import type { Clock, Language } from './protocol';

const LOCALES: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

/** Each language's clock: English readers expect 12-hour times, Japanese readers 24-hour ones (unless the admin chose). */
const CLOCKS: Record<Language, Intl.DateTimeFormatOptions> = {
  en: { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' },
  ja: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
/** The admin's choice of clock, in whichever language: "9:41 PM" / "午後9:41", "21:41". */
const CHOSEN_CLOCKS: Record<Clock, Intl.DateTimeFormatOptions> = {
  '12': { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' },
  '24': { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/** The language's clock habit, or the admin's choice. */
export function clockOf(language: Language, clock: Clock | undefined): Clock {
  return clock ?? (language === 'ja' ? '24' : '12');
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone → the zone to use: checking builds an Intl.DateTimeFormat (~0.2 ms), once per zone, not per cell. */
const checkedZones = new Map<string, string>();

/** A valid IANA zone name for Intl, or 'UTC'. */
function safeTimeZone(timeZone: string): string {
  let safe = checkedZones.get(timeZone);
  if (safe === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      safe = timeZone;
    } catch {
      safe = 'UTC';
    }
    checkedZones.set(timeZone, safe);
  }
  return safe;
}

function formatter(language: Language, timeZone: string, withClock: boolean, clock?: Clock): Intl.DateTimeFormat {
  const zone = safeTimeZone(timeZone);
  const key = `${language}|${zone}|${withClock}|${clock ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      // The zone name makes the repeated hour at a DST fall-back unambiguous (01:30 PDT / PST).
      ...(withClock ? { ...(clock ? CHOSEN_CLOCKS[clock] : CLOCKS[language]), timeZoneName: 'short' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/** Epoch ms of an ISO string, or null when it is not a time. */
export function parseInstant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The machine-readable form for `<time datetime>`: the instant in UTC ISO 8601. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Date and clock time in the zone, e.g. "Mar 10, 2024, 3:30 AM PDT" / "2024年3月10日 19:30 JST"; `clock` overrides the language's habit. */
export function formatDateTime(ms: number, timeZone: string, language: Language, clock?: Clock): string {
  return formatter(language, timeZone, true, clock).format(ms);
}

/** Calendar date in the zone, e.g. "Mar 10, 2024". */
export function formatDate(ms: number, timeZone: string, language: Language): string {
  return formatter(language, timeZone, false).format(ms);
}

const AGE_STEPS: [unit: Intl.RelativeTimeFormatUnit, ms: number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** One formatter per language: building one costs more than formatting a row. */
const relativeFormatters = new Map<Language, Intl.RelativeTimeFormat>();

/** How long ago, e.g. "5 minutes ago" / "5 分前"; under a minute is "now" / "今". */
export function relativeAge(thenMs: number, nowMs: number, language: Language): string {
  let rtf = relativeFormatters.get(language);
  if (!rtf) relativeFormatters.set(language, (rtf = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' })));
  const elapsed = Math.max(0, nowMs - thenMs);
  for (const [unit, size] of AGE_STEPS) {
    if (elapsed >= size) return rtf.format(-Math.floor(elapsed / size), unit);
  }
  return rtf.format(0, 'second');
}
