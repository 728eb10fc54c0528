/**
 * What DeskLink may do, chosen before signing in or generating a Self Client's code: read a
 * record's identity from Zoho CRM and create tickets. Each adds its scopes to the one consent;
 * turning one off asks Zoho for less. Draws only.
 */
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { ConnectionFeatures } from '../../lib/shared/scopes';

interface FeatureChoiceProps {
  t: OptionsTranslate;
  /** Prefix of the checkboxes' ids: each way that shows the choice has its own. */
  idPrefix: string;
  features: ConnectionFeatures;
  locked: boolean;
  onChange: (features: ConnectionFeatures) => void;
}

const FEATURES = [
  { feature: 'readCrm', label: 'featureReadCrm', hint: 'featureReadCrmHint' },
  { feature: 'createTickets', label: 'featureCreate', hint: 'featureCreateHint' },
] as const;

export function FeatureChoice({ t, idPrefix, features, locked, onChange }: FeatureChoiceProps) {
  return (
    <fieldset class="features">
      <legend>{t('featuresLegend')}</legend>
      {FEATURES.map(({ feature, label, hint }) => {
        const id = `${idPrefix}-${feature}`;
        return (
          <div key={feature} class="field checkbox">
            <input
              id={id}
              type="checkbox"
              checked={features[feature]}
              disabled={locked}
              aria-describedby={`${id}-hint`}
              onChange={(event) => onChange({ ...features, [feature]: event.currentTarget.checked })}
            />
            <label for={id}>{t(label)}</label>
            <p id={`${id}-hint`} class="hint">
              {t(hint)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
