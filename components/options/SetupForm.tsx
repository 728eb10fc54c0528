/**
 * Step 1 of the wizard: data center, ZSC key and its email, `Next`; beside the key, the OAuth
 * sign-in (`Client ID`, `Sign in with Zoho`, the redirect URI to register; OAuthSignIn.tsx).
 */
import { useState } from 'preact/hooks';
import { DATA_CENTRE_IDS, type DataCentreId } from '../../lib/shared/data-centres';
import { REGION_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import type { Language } from '../../lib/shared/protocol';
import { checkCredentialForm, type CredentialFormErrors } from '../../lib/options/setup-form';
import { Alert, ManagedNote, SelectField, TextField } from './fields';
import { OAuthSignIn } from './OAuthSignIn';

interface SetupFormProps {
  t: OptionsTranslate;
  language: Language;
  initialDataCentre: DataCentreId;
  /** Email fixed by policy (with the key); the key fields are then not shown. */
  policyEmail: string | null;
  dataCentreManaged: boolean;
  /** Policy locks the setup: every control is shown disabled, with the reason. */
  locked: boolean;
  busy: boolean;
  /** An error of the last `Next`, already in words. */
  error: string | null;
  onNext: (dataCentre: DataCentreId, credential: CredentialInput | undefined) => void;
  /** `Sign in with Zoho` (offered when given, and not while a policy provides the key). */
  onSignIn?: (dataCentre: DataCentreId, clientId: string, multiDc: boolean) => void;
  /** The redirect URI to register in Zoho's API console (identity.getRedirectURL()). */
  redirectUri?: string | null;
}

export function SetupForm({
  t,
  language,
  initialDataCentre,
  policyEmail,
  dataCentreManaged,
  locked,
  busy,
  error,
  onNext,
  onSignIn,
  redirectUri,
}: SetupFormProps) {
  const [dataCentre, setDataCentre] = useState<DataCentreId>(initialDataCentre);
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [fieldErrors, setFieldErrors] = useState<CredentialFormErrors>({});
  const regions = REGION_NAMES[language];

  const submit = (event: Event) => {
    event.preventDefault();
    if (locked) return;
    if (policyEmail !== null) return onNext(dataCentre, undefined);
    const checked = checkCredentialForm(key, email);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onNext(dataCentre, checked.credential);
  };

  const messages = [fieldErrors.key && t(fieldErrors.key), fieldErrors.email && t(fieldErrors.email), error].filter(
    (m): m is string => !!m,
  );

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="setup-heading">
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
        </>
      ) : (
        <div class="field">
          <p>{t('keyManaged')}</p>
          <p>
            {t('email')}: <span class="value">{policyEmail}</span>
          </p>
          <ManagedNote id="credential-managed" t={t} />
        </div>
      )}
      <Alert messages={messages} />
      <div class="actions">
        <button type="submit" disabled={busy || locked} aria-describedby={locked ? 'setup-locked' : undefined}>
          {t('next')}
        </button>
        {busy && <span class="hint">{t('working')}</span>}
      </div>
      {policyEmail === null && onSignIn && (
        <OAuthSignIn
          t={t}
          redirectUri={redirectUri ?? null}
          busy={busy}
          locked={locked}
          onSignIn={(clientId, multiDc) => onSignIn(dataCentre, clientId, multiDc)}
        />
      )}
    </form>
  );
}
