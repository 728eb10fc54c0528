/**
 * Step 2 on the broker: lists the stored credential's portals when step 1 did not, then `Save`
 * checks the credential, stores the choices and connects. Failures stay on this step, in words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { saveRequest, type PortalSelection } from '../../lib/options/portal-form';
import { enteredEmail, setupFailure } from '../../lib/options/setup-errors';
import { offersBack, type PortalStep, type WizardEvent } from '../../lib/options/wizard';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { SettingsView } from '../../lib/shared/protocol';
import { PortalForm } from './PortalForm';
import { useBusy } from './use-busy';

interface PortalScreenProps {
  t: OptionsTranslate;
  view: SettingsView;
  step: PortalStep;
  send: AdminSend;
  onEvent: (event: WizardEvent) => void;
}

export function PortalScreen({ t, view, step, send, onEvent }: PortalScreenProps) {
  const [busy, during] = useBusy();
  const [error, setError] = useState<string | null>(null);
  const { language } = view;
  const { dataCentre, portals } = step;

  useEffect(() => {
    if (portals !== null) return;
    void send({ command: 'setup.listPortals', dataCentre }).then((answer) => {
      if (!answer.ok) setError(setupFailure(answer.error, language, { dataCentre }));
      onEvent({ type: 'storedPortalsListed', portals: answer.ok ? answer.data.portals : [] });
    });
  }, [portals, dataCentre]);

  const save = async (selection: PortalSelection) => {
    setError(null);
    const checked = saveRequest(step, selection);
    if (!checked.ok) return setError(t(checked.error));
    const answer = await during(() => send(checked.request));
    if (answer.ok) return onEvent({ type: 'saved', view: answer.data });
    const email = enteredEmail(step.credential) ?? view.email;
    setError(setupFailure(answer.error, language, { dataCentre, email, portalName: selection.portal.companyName }));
  };

  if (portals === null) return <p role="status">{t('working')}</p>;
  return (
    <>
      {step.signedInAs && <p role="status">{t('signedInAs', { email: step.signedInAs })}</p>}
      <PortalForm
        key={portals.map((p) => p.id).join()}
        t={t}
        portals={portals}
        portalId={view.managed.includes('portal') ? (view.portal?.id ?? null) : null}
        language={view.language}
        fallbackTimeZone={view.timeZone}
        managed={view.managed}
        busy={busy}
        error={error}
        onSave={(selection) => void save(selection)}
        {...(offersBack(step) ? { onBack: () => onEvent({ type: 'back' }) } : {})}
      />
    </>
  );
}
