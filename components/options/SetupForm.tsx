/**
 * Step 1 of the wizard: the data center, then the radio group `How to connect` (WayChoice.tsx:
 * `Sign in with Zoho`, recommended and chosen first; `Organisation credential`; `ZSC key`) and
 * the chosen way's fields: OAuthSignIn.tsx, OrgCredentialForm.tsx, or the ZSC key with its email
 * and `Next`. Each way shows the broker's answer to its own last attempt; the one button shown
 * is the step's primary button.
 */
import { useEffect, useState } from 'preact/hooks';
import { DATA_CENTRE_IDS, type DataCentreId } from '../../lib/shared/data-centres';
import { REGION_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import type { Language } from '../../lib/shared/protocol';
import { ALL_FEATURES, type ConnectionFeatures } from '../../lib/shared/scopes';
import { checkCredentialForm, type CredentialFormErrors } from '../../lib/options/setup-form';
import { Alert, ManagedNote, SelectField, TextField } from './fields';
import { OAuthSignIn } from './OAuthSignIn';
import { OrgCredentialForm } from './OrgCredentialForm';
import { WayChoice, type SetupWay } from './WayChoice';

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
  /** The chosen way to connect (the setup screen keeps it: the guidance below follows it). */
  way: SetupWay;
  onWay: (way: SetupWay) => void;
  busy: boolean;
  /** An error of the last attempt, already in words, and the way it used. */
  error: { way: SetupWay; message: string; keyRejected?: boolean } | null;
  /** `Next` with a ZSC key or an organisation credential (none: the policy's). */
  onNext: (dataCentre: DataCentreId, credential: CredentialInput | undefined) => void;
  /** `Sign in with Zoho` (offered when given, and not while a policy provides the key). */
  onSignIn?: (dataCentre: DataCentreId, clientId: string, multiDc: boolean, features: ConnectionFeatures) => void;
  /** The redirect URI to register in Zoho's API console (identity.getRedirectURL()). */
  redirectUri?: string | null;
}

export function SetupForm(props: SetupFormProps) {
  const { t, language, initialDataCentre, policyEmail, dataCentreManaged, locked, way, onWay, busy, error, onNext, onSignIn, redirectUri } =
    props;
  const [dataCentre, setDataCentre] = useState<DataCentreId>(initialDataCentre);
  const [features, setFeatures] = useState<ConnectionFeatures>(ALL_FEATURES);
  // `Connect another way` shows the sign-in; its Client ID takes the focus once drawn.
  const [focusSignIn, setFocusSignIn] = useState(false);
  useEffect(() => {
    if (!focusSignIn || way !== 'oauth') return;
    setFocusSignIn(false);
    const field = document.getElementById('oauth-client-id');
    field?.scrollIntoView?.({ block: 'center' });
    field?.focus();
  }, [focusSignIn, way]);
  const regions = REGION_NAMES[language];
  const errorOf = (of: SetupWay) => (error?.way === of ? error.message : null);
  const offered: SetupWay[] = onSignIn ? ['oauth', 'org', 'zsc'] : ['org', 'zsc'];
  const shown = offered.includes(way) ? way : offered[0]!;

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
          <WayChoice t={t} way={shown} offered={offered} locked={locked} onChange={onWay} />
          {shown === 'oauth' && onSignIn && (
            <OAuthSignIn
              t={t}
              redirectUri={redirectUri ?? null}
              busy={busy}
              locked={locked}
              features={features}
              onFeatures={setFeatures}
              error={errorOf('oauth')}
              onSignIn={(clientId, multiDc) => onSignIn(dataCentre, clientId, multiDc, features)}
            />
          )}
          {shown === 'org' && (
            <OrgCredentialForm
              t={t}
              busy={busy}
              locked={locked}
              features={features}
              onFeatures={setFeatures}
              error={errorOf('org')}
              onNext={(credential) => onNext(dataCentre, credential)}
            />
          )}
          {shown === 'zsc' && (
            <ZscKeyFields
              t={t}
              busy={busy}
              locked={locked}
              error={errorOf('zsc')}
              keyRejected={error?.way === 'zsc' && error.keyRejected === true && !!onSignIn}
              onOtherWay={() => {
                onWay('oauth');
                setFocusSignIn(true);
              }}
              onNext={(credential) => onNext(dataCentre, credential)}
            />
          )}
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
  /** `Connect another way`: to the sign-in. */
  onOtherWay: () => void;
  onNext: (credential: CredentialInput) => void;
}

/** The seed's way: a ZSC key, its email and `Next` (Enter in either field presses it). */
function ZscKeyFields({ t, busy, locked, error, keyRejected, onOtherWay, onNext }: ZscKeyFieldsProps) {
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
    <div
      class="way"
      role="group"
      aria-labelledby="way-zsc-label"
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || (event.target as HTMLElement).tagName !== 'INPUT') return;
        event.preventDefault();
        next();
      }}
    >
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
          <button type="button" class="secondary" onClick={onOtherWay}>
            {t('useOtherWay')}
          </button>
        </div>
      )}
      <NextButton t={t} busy={busy} locked={locked} onNext={next} />
    </div>
  );
}

function NextButton({ t, busy, locked, onNext }: { t: OptionsTranslate; busy: boolean; locked: boolean; onNext: () => void }) {
  return (
    <div class="actions">
      <button type="button" disabled={busy || locked} aria-describedby={locked ? 'setup-locked' : undefined} onClick={onNext}>
        {t('next')}
      </button>
      {busy && <span class="hint">{t('working')}</span>}
    </div>
  );
}
