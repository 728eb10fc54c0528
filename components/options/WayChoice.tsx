/**
 * The first step's choice, a radio group named `How to connect`: `Sign in with Zoho` (the
 * default and recommended way), `Organisation credential` and `ZSC key`, in that order, each
 * described by a sentence of when to use it. Choosing one shows that way's fields below.
 */
import type { SetupWay } from '../../lib/options/wizard';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';

const WAYS = [
  { way: 'oauth', label: 'wayOauth', when: 'oauthWhen' },
  { way: 'org', label: 'wayOrg', when: 'orgWhen' },
  { way: 'zsc', label: 'wayZsc', when: 'zscWhen' },
] as const;

interface WayChoiceProps {
  t: OptionsTranslate;
  way: SetupWay;
  /** The ways offered (Sign in with Zoho needs the browser's identity API). */
  offered: readonly SetupWay[];
  locked: boolean;
  onChange: (way: SetupWay) => void;
}

export function WayChoice({ t, way, offered, locked, onChange }: WayChoiceProps) {
  return (
    <fieldset class="ways" role="radiogroup" aria-labelledby="how-to-connect">
      <legend id="how-to-connect">{t('howToConnect')}</legend>
      {WAYS.filter((choice) => offered.includes(choice.way)).map((choice) => (
        <div key={choice.way} class="way-choice">
          <input
            type="radio"
            id={`way-${choice.way}`}
            name="how-to-connect"
            value={choice.way}
            checked={way === choice.way}
            disabled={locked}
            aria-describedby={`way-${choice.way}-when`}
            onChange={() => onChange(choice.way)}
          />
          <label id={`way-${choice.way}-label`} for={`way-${choice.way}`}>
            {t(choice.label)}
          </label>
          <p id={`way-${choice.way}-when`} class="hint">
            {t(choice.when)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
