/** Step 2 of the wizard: `Portal`, `Language`, `Time zone`, `Save` (with `Back`, or `Cancel` after `Change portal`). */
import { useState } from 'preact/hooks';
import { LANGUAGE_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import { preselectedPortal, shownTimeZone, type PortalSelection } from '../../lib/options/portal-form';
import { LANGUAGES, type Clock, type Language, type ManagedField, type PortalChoice } from '../../lib/shared/protocol';
import { ClockField } from './ClockField';
import { Alert, SelectField } from './fields';
import { StepHeading } from './StepHeading';
import { TimeZoneField } from './TimeZoneField';

interface PortalFormProps {
  t: OptionsTranslate;
  /** The language the page speaks (the select's first value). */
  pageLanguage: Language;
  portals: PortalChoice[];
  /** Preselected portal id (policy's, or the current one when changing it), else Zoho's default portal. */
  portalId: string | null;
  /** The time zone when the portal has none (the browser's, or the policy's). */
  fallbackTimeZone: string;
  managed: ManagedField[];
  busy: boolean;
  error: string | null;
  onSave: (selection: PortalSelection) => void;
  /** Absent when there is nothing to go back to (after `Change portal`). */
  onBack?: () => void;
  /** After `Change portal`: keep the current portal. */
  onCancel?: () => void;
  /** The language chosen here speaks at once (the page re-renders in it). */
  onLanguage: (language: Language) => void;
}

export function PortalForm(props: PortalFormProps) {
  const { t, pageLanguage: language, portals, managed, busy, error, onSave, onBack, onCancel, onLanguage } = props;
  const [portalId, setPortalId] = useState(() => preselectedPortal(portals, props.portalId)?.id ?? '');
  // A time zone fixed by policy, or the current one when changing the portal, counts as chosen: it does not follow the portal.
  const [chosenZone, setChosenZone] = useState<string | null>(managed.includes('timeZone') || onCancel ? props.fallbackTimeZone : null);
  const [clock, setClock] = useState<Clock | undefined>(undefined);
  const portal = portals.find((p) => p.id === portalId);
  const timeZone = shownTimeZone(chosenZone, portal, props.fallbackTimeZone);
  const portalLabel = (p: PortalChoice) => t('portalChoice', { company: p.companyName, portal: p.portalName });

  const submit = (event: Event) => {
    event.preventDefault();
    if (portal) onSave({ portal, language, timeZone, ...(clock ? { clock } : {}) });
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="portal-heading">
      <StepHeading id="portal-heading" t={t} step={2} title={t('portalHeading')} />
      <SelectField
        id="portal"
        label={t('portal')}
        value={portalId}
        choices={portals.map((p) => ({
          value: p.id,
          label: p.isDefault ? t('defaultPortal', { name: portalLabel(p) }) : portalLabel(p),
        }))}
        onChange={setPortalId}
        managed={managed.includes('portal')}
        t={t}
      />
      {onCancel && (
        <p class="hint" id="portal-change-note">
          {t('portalChangeNote')}
        </p>
      )}
      <SelectField
        id="language"
        label={t('language')}
        value={language}
        choices={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        onChange={(value) => onLanguage(value as Language)}
        managed={managed.includes('language')}
        t={t}
      />
      <TimeZoneField
        t={t}
        language={language}
        value={timeZone}
        extra={portals.map((p) => p.timeZone)}
        onChange={setChosenZone}
        managed={managed.includes('timeZone')}
      />
      <ClockField t={t} language={language} clock={clock} onChange={setClock} />
      <Alert messages={error ? [error] : []} />
      <div class="actions">
        {onBack && (
          <button type="button" class="secondary" onClick={onBack} disabled={busy}>
            {t('back')}
          </button>
        )}
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy || !portal}>
          {t('save')}
        </button>
        {busy && <span class="hint">{t('working')}</span>}
      </div>
    </form>
  );
}
