/**
 * Step 2 on the broker: lists the stored credential's portals when step 1 did not (a resumed
 * setup, or `Change portal`), then `Save` checks the credential, stores the choices and connects
 * (the old portal's cached links are dropped only then). Failures stay on this step, in words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { saveRequest, type PortalSelection } from '../../lib/options/portal-form';
import { enteredEmail, setupFailure } from '../../lib/options/setup-errors';
import { offersBack, type PortalStep, type WizardEvent } from '../../lib/options/wizard';
import { optionsTranslator, type OptionsTranslate } from '../../lib/shared/i18n/options';
import type { Language, SettingsView } from '../../lib/shared/protocol';
import { PortalForm } from './PortalForm';
import { useBusy } from './use-busy';

interface PortalScreenProps {
  t: OptionsTranslate;
  view: SettingsView;
  /** The language the page speaks, step 2's `Language` until `Save`. */
  language: Language;
  step: PortalStep;
  send: AdminSend;
  onEvent: (event: WizardEvent) => void;
}

export function PortalScreen({ t, view, language, step, send, onEvent }: PortalScreenProps) {
  const [busy, during] = useBusy();
  // Words made when drawn, so choosing another language re-words a failure shown.
  const [failure, setFailure] = useState<((now: Language) => string) | null>(null);
  const { dataCentre, portals } = step;

  useEffect(() => {
    if (portals !== null) return;
    void send({ command: 'setup.listPortals', dataCentre }).then((answer) => {
      if (!answer.ok) setFailure(() => (now: Language) => setupFailure(answer.error, now, { dataCentre }));
      onEvent({ type: 'storedPortalsListed', portals: answer.ok ? answer.data.portals : [] });
    });
  }, [portals, dataCentre]);

  const save = async (selection: PortalSelection) => {
    setFailure(null);
    const checked = saveRequest(step, selection);
    if (!checked.ok) return setFailure(() => (now: Language) => optionsTranslator(now)(checked.error));
    const answer = await during(() => send(checked.request));
    if (answer.ok) return onEvent({ type: 'saved', view: answer.data });
    const email = enteredEmail(step.credential) ?? view.email;
    setFailure(() => (now: Language) => setupFailure(answer.error, now, { dataCentre, email, portalName: selection.portal.companyName }));
  };

  if (portals === null) return <p role="status">{t('working')}</p>;
  // Changing the portal starts from the current one (and its time zone); a policy's portal is fixed.
  const current = view.managed.includes('portal') || step.cancellable ? (view.portal?.id ?? null) : null;
  return (
    <>
      {step.signedInAs && <p role="status">{t('signedInAs', { email: step.signedInAs })}</p>}
      <PortalForm
        key={portals.map((p) => p.id).join()}
        t={t}
        pageLanguage={language}
        portals={portals}
        portalId={current}
        fallbackTimeZone={view.timeZone}
        managed={view.managed}
        busy={busy}
        error={failure ? failure(language) : null}
        onSave={(selection) => void save(selection)}
        onLanguage={(chosen) => onEvent({ type: 'languageChosen', language: chosen })}
        {...(offersBack(step) ? { onBack: () => onEvent({ type: 'back' }) } : {})}
        {...(step.cancellable ? { onCancel: () => onEvent({ type: 'cancelled' }) } : {})}
      />
    </>
  );
}
