/**
 * Step 1 of the wizard: the data center, then three ways to connect, in this order: `Sign in
 * with Zoho` (recommended, the one primary button; OAuthSignIn.tsx), the organisation credential
 * (OrgCredentialForm.tsx) and the ZSC key with its email and `Next`. Each way shows the broker's
 * answer to its own last attempt.
 */
import { useState } from 'preact/hooks';
import { DATA_CENTRE_IDS, type DataCentreId } from '../../lib/shared/data-centres';
import { REGION_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import type { Language } from '../../lib/shared/protocol';
import { checkCredentialForm, type CredentialFormErrors } from '../../lib/options/setup-form';
import { Alert, ManagedNote, SelectField, TextField } from './fields';
import { OAuthSignIn } from './OAuthSignIn';
import { OrgCredentialForm } from './OrgCredentialForm';

/** Which way to connect an attempt used. */
export type SetupWay = 'oauth' | 'org' | 'zsc';

interface SetupFormProps {
  t: OptionsTranslate;
  language: Language;
  initialDataCentre: DataCentreId;
  /**
   * The policy provides the credential: its email ('' when not known yet, as for an organisation
   * credential before myinfo names it); the ways to connect are then not shown. null: no policy credential.
   */
  policyEmail: string | null;
  dataCentreManaged: boolean;
  /** Policy locks the setup: every control is shown disabled, with the reason. */
  locked: boolean;
  busy: boolean;
  /** An error of the last attempt, already in words, and the way it used. */
  error: { way: SetupWay; message: string; keyRejected?: boolean } | null;
  /** `Next` with a ZSC key or an organisation credential (none: the policy's). */
  onNext: (dataCentre: DataCentreId, credential: CredentialInput | undefined) => void;
  /** `Sign in with Zoho` (offered when given, and not while a policy provides the key). */
  onSignIn?: (dataCentre: DataCentreId, clientId: string, multiDc: boolean) => void;
  /** The redirect URI to register in Zoho's API console (identity.getRedirectURL()). */
  redirectUri?: string | null;
}

export function SetupForm(props: SetupFormProps) {
  const { t, language, initialDataCentre, policyEmail, dataCentreManaged, locked, busy, error, onNext, onSignIn, redirectUri } = props;
  const [dataCentre, setDataCentre] = useState<DataCentreId>(initialDataCentre);
  const regions = REGION_NAMES[language];
  const errorOf = (way: SetupWay) => (error?.way === way ? error.message : null);

  return (
    <form class="card" onSubmit={(event) => event.preventDefault()} noValidate aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setupHeading')}</h2>
      {locked && (
        <p class="hint" id="setup-locked">
          {t('setupLocked')}
        </p>
      )}
      <SelectField
        id="data-center"
        label={t('dataCenter')}
        value={dataCentre}
        choices={DATA_CENTRE_IDS.map((id) => ({ value: id, label: `${regions[id]} (${id})` }))}
        onChange={(value) => setDataCentre(value as DataCentreId)}
        managed={dataCentreManaged}
        disabled={locked}
        t={t}
      />
      {policyEmail === null ? (
        <>
          {onSignIn && (
            <OAuthSignIn
              t={t}
              redirectUri={redirectUri ?? null}
              busy={busy}
              locked={locked}
              error={errorOf('oauth')}
              onSignIn={(clientId, multiDc) => onSignIn(dataCentre, clientId, multiDc)}
            />
          )}
          <OrgCredentialForm
            t={t}
            busy={busy}
            locked={locked}
            error={errorOf('org')}
            onNext={(credential) => onNext(dataCentre, credential)}
          />
          <ZscKeyFields
            t={t}
            busy={busy}
            locked={locked}
            error={errorOf('zsc')}
            keyRejected={error?.way === 'zsc' && error.keyRejected === true && !!onSignIn}
            onNext={(credential) => onNext(dataCentre, credential)}
          />
        </>
      ) : (
        <div class="field">
          <p>{t('keyManaged')}</p>
          {policyEmail && (
            <p>
              {t('email')}: <span class="value">{policyEmail}</span>
            </p>
          )}
          <ManagedNote id="credential-managed" t={t} />
          <Alert messages={error ? [error.message] : []} />
          <NextButton t={t} busy={busy} locked={locked} onNext={() => !locked && onNext(dataCentre, undefined)} />
        </div>
      )}
    </form>
  );
}

interface ZscKeyFieldsProps {
  t: OptionsTranslate;
  busy: boolean;
  locked: boolean;
  error: string | null;
  /** Desk refused the key: say how current accounts connect, with a button to go there. */
  keyRejected: boolean;
  onNext: (credential: CredentialInput) => void;
}

/** The seed's way: a ZSC key, its email and `Next` (Enter in either field presses it). */
function ZscKeyFields({ t, busy, locked, error, keyRejected, onNext }: ZscKeyFieldsProps) {
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [fieldErrors, setFieldErrors] = useState<CredentialFormErrors>({});

  const next = () => {
    if (locked) return;
    const checked = checkCredentialForm(key, email);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onNext(checked.credential);
  };
  const messages = [
    fieldErrors.key && t(fieldErrors.key),
    fieldErrors.email && t(fieldErrors.email),
    error,
    keyRejected && t('keyRejectedOtherWays'),
  ];

  return (
    <fieldset
      class="way"
      aria-labelledby="zsc-heading"
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || (event.target as HTMLElement).tagName !== 'INPUT') return;
        event.preventDefault();
        next();
      }}
    >
      <h3 id="zsc-heading">{t('zscHeading')}</h3>
      <p class="hint">{t('zscWhen')}</p>
      <TextField
        id="zsc-key"
        type="password"
        label={t('zscKey')}
        hint={t('keyHint')}
        value={key}
        invalid={!!fieldErrors.key}
        disabled={locked}
        onInput={setKey}
      />
      <TextField
        id="email"
        type="email"
        autocomplete="email"
        label={t('email')}
        hint={t('emailHint')}
        value={email}
        invalid={!!fieldErrors.email}
        disabled={locked}
        onInput={setEmail}
      />
      <Alert messages={messages.filter((m): m is string => !!m)} />
      {keyRejected && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => focusSignIn()}>
            {t('useOtherWay')}
          </button>
        </div>
      )}
      <NextButton t={t} busy={busy} locked={locked} onNext={next} />
    </fieldset>
  );
}

/** Takes the admin to the first of the other ways, `Sign in with Zoho`, the organisation credential just below it. */
function focusSignIn() {
  const field = document.getElementById('oauth-client-id');
  field?.scrollIntoView?.({ block: 'center' });
  field?.focus();
}

function NextButton({ t, busy, locked, onNext }: { t: OptionsTranslate; busy: boolean; locked: boolean; onNext: () => void }) {
  return (
    <div class="actions">
      <button
        type="button"
        class="secondary"
        disabled={busy || locked}
        aria-describedby={locked ? 'setup-locked' : undefined}
        onClick={onNext}
      >
        {t('next')}
      </button>
      {busy && <span class="hint">{t('working')}</span>}
    </div>
  );
}
