/**
 * Step 1 on the broker: `Sign in with Zoho` signs in and lists the agent's portals; `Next` lists
 * those the entered organisation credential or ZSC key reaches; either way the wizard moves on
 * to the portal step. Failures stay on this step, in words, beside the way that failed.
 */
import { useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { enteredEmail, keyRejected, setupFailure } from '../../lib/options/setup-errors';
import type { WizardEvent } from '../../lib/options/wizard';
import type { DataCentreId } from '../../lib/shared/data-centres';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import type { SettingsView } from '../../lib/shared/protocol';
import type { ConnectionFeatures } from '../../lib/shared/scopes';
import { Guidance } from './Guidance';
import { SetupForm } from './SetupForm';
import { useBusy } from './use-busy';
import type { SetupWay } from './WayChoice';

interface SetupScreenProps {
  t: OptionsTranslate;
  view: SettingsView;
  send: AdminSend;
  redirectUri: string | null;
  onEvent: (event: WizardEvent) => void;
}

export function SetupScreen({ t, view, send, redirectUri, onEvent }: SetupScreenProps) {
  const [busy, during] = useBusy();
  const [way, setWay] = useState<SetupWay>('oauth');
  const [error, setError] = useState<{ way: SetupWay; message: string; keyRejected?: boolean } | null>(null);
  const { language } = view;

  const next = async (dataCentre: DataCentreId, credential: CredentialInput | undefined) => {
    setError(null);
    const answer = await during(() => send({ command: 'setup.listPortals', dataCentre, ...(credential ? { credential } : {}) }));
    if (answer.ok) onEvent({ type: 'portalsListed', dataCentre, ...(credential ? { credential } : {}), portals: answer.data.portals });
    else
      setError({
        way: credential?.kind === 'org' ? 'org' : 'zsc',
        message: setupFailure(answer.error, language, { dataCentre, email: enteredEmail(credential), way: credential?.kind }),
        keyRejected: keyRejected(answer.error, credential, dataCentre),
      });
  };

  const signIn = async (dataCentre: DataCentreId, clientId: string, multiDc: boolean, features: ConnectionFeatures) => {
    setError(null);
    const answer = await during(() => send({ command: 'oauth.signIn', dataCentre, clientId, multiDc, features }));
    if (!answer.ok) return setError({ way: 'oauth', message: setupFailure(answer.error, language, { dataCentre, way: 'oauth' }) });
    // A multi-DC client signs in wherever the agent's account lives: Zoho names that data centre.
    const { portals, email } = answer.data;
    onEvent({ type: 'portalsListed', dataCentre: answer.data.dataCentre, credential: { kind: 'oauth' }, portals, signedInAs: email });
  };

  return (
    <>
      <SetupForm
        t={t}
        language={language}
        initialDataCentre={view.dataCentre ?? 'com'}
        policyEmail={view.managed.includes('credential') ? (view.email ?? '') : null}
        dataCentreManaged={view.managed.includes('dataCentre')}
        locked={view.locked === true}
        way={way}
        onWay={setWay}
        busy={busy}
        error={error}
        onNext={(dataCentre, credential) => void next(dataCentre, credential)}
        onSignIn={(dataCentre, clientId, multiDc, features) => void signIn(dataCentre, clientId, multiDc, features)}
        redirectUri={redirectUri}
      />
      {way === 'zsc' && <Guidance t={t} />}
    </>
  );
}
