/** Step 2 of the wizard: `Portal`, `Language`, `Time zone`, `Save`. */
import { useMemo, useState } from 'preact/hooks';
import { LANGUAGE_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import { preselectedPortal, shownTimeZone, type PortalSelection } from '../../lib/options/portal-form';
import { LANGUAGES, type Language, type ManagedField, type PortalChoice } from '../../lib/shared/protocol';
import { timeZoneChoices } from '../../lib/shared/time-zones';
import { Alert, SelectField } from './fields';

interface PortalFormProps {
  t: OptionsTranslate;
  portals: PortalChoice[];
  /** Preselected portal id (policy's or the one chosen before), else Zoho's default portal. */
  portalId: string | null;
  language: Language;
  /** The time zone when the portal has none (the browser's, or the policy's). */
  fallbackTimeZone: string;
  managed: ManagedField[];
  busy: boolean;
  error: string | null;
  onSave: (selection: PortalSelection) => void;
  /** Absent when there is nothing to go back to (after `Change portal`). */
  onBack?: () => void;
}

export function PortalForm(props: PortalFormProps) {
  const { t, portals, managed, busy, error, onSave, onBack } = props;
  const [portalId, setPortalId] = useState(() => preselectedPortal(portals, props.portalId)?.id ?? '');
  const [language, setLanguage] = useState<Language>(props.language);
  // A time zone fixed by policy counts as chosen: it does not follow the portal.
  const [chosenZone, setChosenZone] = useState<string | null>(managed.includes('timeZone') ? props.fallbackTimeZone : null);
  const portal = portals.find((p) => p.id === portalId);
  const timeZone = shownTimeZone(chosenZone, portal, props.fallbackTimeZone);
  const zones = useMemo(() => timeZoneChoices(timeZone, ...portals.map((p) => p.timeZone)), [portals, timeZone]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (portal) onSave({ portal, language, timeZone });
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="portal-heading">
      <h2 id="portal-heading">{t('portalHeading')}</h2>
      <SelectField
        id="portal"
        label={t('portal')}
        value={portalId}
        choices={portals.map((p) => ({
          value: p.id,
          label: p.isDefault ? t('defaultPortal', { name: `${p.companyName} (${p.portalName})` }) : `${p.companyName} (${p.portalName})`,
        }))}
        onChange={setPortalId}
        managed={managed.includes('portal')}
        t={t}
      />
      <SelectField
        id="language"
        label={t('language')}
        value={language}
        choices={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        onChange={(value) => setLanguage(value as Language)}
        managed={managed.includes('language')}
        t={t}
      />
      <SelectField
        id="time-zone"
        label={t('timeZone')}
        value={timeZone}
        choices={zones.map((zone) => ({ value: zone, label: zone }))}
        onChange={setChosenZone}
        managed={managed.includes('timeZone')}
        t={t}
      />
      <Alert messages={error ? [error] : []} />
      <div class="actions">
        {onBack && (
          <button type="button" class="secondary" onClick={onBack} disabled={busy}>
            {t('back')}
          </button>
        )}
        <button type="submit" disabled={busy || !portal}>
          {t('save')}
        </button>
        {busy && <span class="hint">{t('working')}</span>}
      </div>
    </form>
  );
}
