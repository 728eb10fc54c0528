/**
 * Step 1 on the broker: `Sign in with Zoho` signs in and lists the agent's portals; `Next` lists
 * those the entered organisation credential or ZSC key reaches; either way the wizard moves on
 * to the portal step. Failures stay on this step, in words, beside the way that failed.
 */
import { useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { enteredEmail, keyRejected, setupFailure } from '../../lib/options/setup-errors';
import type { SetupDraft, SetupWay, WizardEvent } from '../../lib/options/wizard';
import type { DataCentreId } from '../../lib/shared/data-centres';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import type { Language, SettingsView } from '../../lib/shared/protocol';
import type { ConnectionFeatures } from '../../lib/shared/scopes';
import { Guidance } from './Guidance';
import { SetupForm } from './SetupForm';
import { useBusy } from './use-busy';

interface SetupScreenProps {
  t: OptionsTranslate;
  view: SettingsView;
  /** The language the page speaks (the view's, or the one kept over a deactivation). */
  language: Language;
  draft: SetupDraft;
  send: AdminSend;
  redirectUri: string | null;
  onEvent: (event: WizardEvent) => void;
}

/** A failed attempt, put in words when drawn: a language chosen afterwards re-words it. */
interface Failure {
  way: SetupWay;
  words: (language: Language) => string;
  keyRejected?: boolean;
  /** The field the failure is about (the key's email), shown beside it. */
  field?: 'email';
}

export function SetupScreen({ t, view, language, draft, send, redirectUri, onEvent }: SetupScreenProps) {
  const [busy, during] = useBusy();
  const [failure, setError] = useState<Failure | null>(null);
  const error = failure && { ...failure, message: failure.words(language) };
  const onDraft = (change: Partial<SetupDraft>) => onEvent({ type: 'draftChanged', draft: change });

  const next = async (dataCentre: DataCentreId, credential: CredentialInput | undefined) => {
    setError(null);
    const answer = await during(() => send({ command: 'setup.listPortals', dataCentre, ...(credential ? { credential } : {}) }));
    if (answer.ok) onEvent({ type: 'portalsListed', dataCentre, ...(credential ? { credential } : {}), portals: answer.data.portals });
    else
      setError({
        way: credential?.kind === 'org' ? 'org' : 'zsc',
        words: (now) => setupFailure(answer.error, now, { dataCentre, email: enteredEmail(credential), way: credential?.kind }),
        keyRejected: keyRejected(answer.error, credential, dataCentre),
        ...(answer.error.code === 'EMAIL_MISMATCH' ? { field: 'email' as const } : {}),
      });
  };

  const signIn = async (dataCentre: DataCentreId, clientId: string, multiDc: boolean, features: ConnectionFeatures) => {
    setError(null);
    const answer = await during(() => send({ command: 'oauth.signIn', dataCentre, clientId, multiDc, features }));
    if (!answer.ok) return setError({ way: 'oauth', words: (now) => setupFailure(answer.error, now, { dataCentre, way: 'oauth' }) });
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
        draft={draft}
        onDraft={onDraft}
        busy={busy}
        error={error}
        onNext={(dataCentre, credential) => void next(dataCentre, credential)}
        onSignIn={(dataCentre, clientId, multiDc, features) => void signIn(dataCentre, clientId, multiDc, features)}
        redirectUri={redirectUri}
      />
      {draft.way === 'zsc' && <Guidance t={t} />}
    </>
  );
}
