/**
 * The `Time zone` select: the browser's zone first, then the zones grouped by region, each as
 * "Kolkata — India Standard Time (UTC+05:30)" in the admin's language. A native select, so typing
 * a place's first letters finds it from the keyboard in both browsers.
 */
import { useMemo } from 'preact/hooks';
import type { OptionsKey, OptionsTranslate } from '../../lib/shared/i18n/options';
import type { Language } from '../../lib/shared/protocol';
import { browserTimeZone, canonicalTimeZone, timeZoneGroups } from '../../lib/shared/time-zones';
import { ManagedNote } from './fields';

/** Region parts of IANA ids in words; a region not listed is shown as the id names it. */
const REGIONS: Record<string, OptionsKey> = {
  browser: 'zoneBrowser',
  Africa: 'zoneAfrica',
  America: 'zoneAmerica',
  Antarctica: 'zoneAntarctica',
  Arctic: 'zoneArctic',
  Asia: 'zoneAsia',
  Atlantic: 'zoneAtlantic',
  Australia: 'zoneAustralia',
  Europe: 'zoneEurope',
  Indian: 'zoneIndian',
  Pacific: 'zonePacific',
  other: 'zoneOther',
};

interface TimeZoneFieldProps {
  t: OptionsTranslate;
  language: Language;
  value: string;
  /** Zones to offer though the browser's list lacks them (a portal's). */
  extra?: (string | null)[];
  onChange: (zone: string) => void;
  managed?: boolean;
  disabled?: boolean;
}

export function TimeZoneField({ t, language, value, extra = [], onChange, managed, disabled }: TimeZoneFieldProps) {
  const shown = canonicalTimeZone(value);
  // Offsets as of opening the page: daylight saving time moves them, not the minutes spent here.
  const groups = useMemo(() => timeZoneGroups(language, Date.now(), browserTimeZone(), shown, ...extra), [language, shown, extra.join()]);
  return (
    <div class="field">
      <label for="time-zone">{t('timeZone')}</label>
      <select
        id="time-zone"
        value={shown}
        disabled={managed || disabled}
        aria-describedby={managed ? 'time-zone-hint time-zone-managed' : 'time-zone-hint'}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {groups.map((group) => (
          <optgroup key={group.region} label={REGIONS[group.region] ? t(REGIONS[group.region]!) : group.region}>
            {group.zones.map((zone) => (
              <option key={`${group.region}-${zone.id}`} value={zone.id}>
                {zone.name
                  ? t('zoneLabel', { city: zone.city, name: zone.name, offset: zone.offset })
                  : t('zoneLabelOffset', { city: zone.city, offset: zone.offset })}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id="time-zone-hint" class="hint">
        {t('timeZoneHint')}
      </p>
      {managed && <ManagedNote id="time-zone-managed" t={t} />}
    </div>
  );
}
