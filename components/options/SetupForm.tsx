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
import type { ConnectionFeatures } from '../../lib/shared/scopes';
import { checkCredentialForm, type CredentialFormErrors } from '../../lib/options/setup-form';
import type { SetupDraft, SetupWay } from '../../lib/options/wizard';
import { Alert, ManagedNote, SelectField, TextField } from './fields';
import { OAuthSignIn } from './OAuthSignIn';
import { OrgCredentialForm } from './OrgCredentialForm';
import { StepHeading } from './StepHeading';
import { WayChoice } from './WayChoice';

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
  /** Every field as typed (the wizard keeps it, so `Back` finds it again). */
  draft: SetupDraft;
  onDraft: (change: Partial<SetupDraft>) => void;
  busy: boolean;
  /** An error of the last attempt, already in words, and the way it used. */
  error: { way: SetupWay; message: string; keyRejected?: boolean; field?: 'email' } | null;
  /** `Next` with a ZSC key or an organisation credential (none: the policy's). */
  onNext: (dataCentre: DataCentreId, credential: CredentialInput | undefined) => void;
  /** `Sign in with Zoho` (offered when given, and not while a policy provides the key). */
  onSignIn?: (dataCentre: DataCentreId, clientId: string, multiDc: boolean, features: ConnectionFeatures) => void;
  /** The redirect URI to register in Zoho's API console (identity.getRedirectURL()). */
  redirectUri?: string | null;
}

export function SetupForm(props: SetupFormProps) {
  const {
    t,
    language,
    initialDataCentre,
    policyEmail,
    dataCentreManaged,
    locked,
    draft,
    onDraft,
    busy,
    error,
    onNext,
    onSignIn,
    redirectUri,
  } = props;
  const dataCentre = draft.dataCentre ?? initialDataCentre;
  const { way, features } = draft;
  const onWay = (chosen: SetupWay) => onDraft({ way: chosen });
  const setFeatures = (chosen: ConnectionFeatures) => onDraft({ features: chosen });
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
      <StepHeading id="setup-heading" t={t} step={1} title={t('setupHeading')} />
      {locked && (
        <p class="hint" id="setup-locked">
          {t('setupLocked')}
        </p>
      )}
      <SelectField
        id="data-center"
        label={t('dataCenter')}
        value={dataCentre}
        choices={DATA_CENTRE_IDS.map((id) => ({ value: id, label: t('regionWithCode', { region: regions[id], code: id }) }))}
        onChange={(value) => onDraft({ dataCentre: value as DataCentreId })}
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
              clientId={draft.clientId}
              multiDc={draft.multiDc}
              onDraft={onDraft}
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
              fields={draft.org}
              onFields={(org) => onDraft({ org })}
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
              draft={draft}
              onDraft={onDraft}
              emailError={error?.way === 'zsc' && error.field === 'email' ? error.message : null}
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
  draft: SetupDraft;
  onDraft: (change: Partial<SetupDraft>) => void;
  /** The broker found the key to be another user's than the email: said beside the email. */
  emailError: string | null;
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
function ZscKeyFields({ t, draft, onDraft, emailError, busy, locked, error, keyRejected, onOtherWay, onNext }: ZscKeyFieldsProps) {
  const { key, email } = draft;
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
        error={fieldErrors.key && t(fieldErrors.key)}
        disabled={locked}
        onInput={(value) => onDraft({ key: value })}
      />
      <TextField
        id="email"
        type="email"
        autocomplete="email"
        label={t('email')}
        hint={t('emailHint')}
        value={email}
        error={(fieldErrors.email && t(fieldErrors.email)) || emailError}
        disabled={locked}
        onInput={(value) => onDraft({ email: value })}
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
      <button
        type="button"
        class="primary"
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
