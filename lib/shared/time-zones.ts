/** IANA time zones as this browser knows them (Intl), for the `Time zone` select and checks. */

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone Intl lists, plus `extra` zones it accepts but omits (e.g. a portal's alias). */
export function timeZoneChoices(...extra: (string | null | undefined)[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  if (!zones.has('UTC')) zones.add('UTC');
  for (const zone of extra) if (zone && isTimeZone(zone)) zones.add(zone);
  return [...zones].sort();
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
