/**
 * `Time format`: 12- or 24-hour times in the panel. Shows the language's habit until the admin
 * chooses (English 12-hour, Japanese 24-hour), each choice with an example time.
 */
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import { CLOCKS, type Clock, type Language } from '../../lib/shared/protocol';
import { clockOf } from '../../lib/shared/time';
import { SelectField } from './fields';

const LABELS = { '12': 'clock12', '24': 'clock24' } as const;

interface ClockFieldProps {
  t: OptionsTranslate;
  language: Language;
  /** The admin's choice; undefined: the language's habit. */
  clock: Clock | undefined;
  onChange: (clock: Clock) => void;
  disabled?: boolean;
}

export function ClockField({ t, language, clock, onChange, disabled }: ClockFieldProps) {
  return (
    <SelectField
      id="clock"
      label={t('clock')}
      value={clockOf(language, clock)}
      choices={CLOCKS.map((c) => ({ value: c, label: t(LABELS[c]) }))}
      onChange={(value) => onChange(value as Clock)}
      disabled={disabled}
      t={t}
    />
  );
}
