/**
 * The fields of the organisation credential: an admin's Self Client from Zoho's API console (its
 * Client ID and Client secret) with a Grant code, which the broker exchanges for a refresh
 * token, or a Refresh token already held; what DeskLink may do, which gives the scopes to
 * generate the code with. The secret and both codes are password inputs. Draws only; the setup
 * screen lists the portals through the broker.
 */
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import { scopeParam, scopesFor, type ConnectionFeatures } from '../../lib/shared/scopes';
import { checkOrgCredentialForm, type OrgCredentialErrors, type OrgCredentialFields } from '../../lib/options/setup-form';
import { FeatureChoice } from './FeatureChoice';
import { Alert, TextField } from './fields';

interface OrgCredentialFormProps {
  t: OptionsTranslate;
  /** The fields as typed, kept by the wizard. */
  fields: OrgCredentialFields;
  onFields: (fields: OrgCredentialFields) => void;
  busy: boolean;
  locked: boolean;
  features: ConnectionFeatures;
  onFeatures: (features: ConnectionFeatures) => void;
  onNext: (credential: CredentialInput) => void;
  /** The broker's answer to the last attempt with this credential, in words. */
  error: string | null;
}

export function OrgCredentialForm({ t, fields, onFields, busy, locked, features, onFeatures, onNext, error }: OrgCredentialFormProps) {
  const [errors, setErrors] = useState<OrgCredentialErrors>({});
  const set = (name: keyof OrgCredentialFields) => (value: string) => onFields({ ...fields, [name]: value });

  const next = () => {
    if (locked) return;
    const checked = checkOrgCredentialForm(fields);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onNext(checked.credential);
  };
  // Enter in a field continues with the credential (the form itself submits nothing).
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLInputElement;
    if (event.key !== 'Enter' || target.tagName !== 'INPUT' || target.type === 'checkbox') return;
    event.preventDefault();
    next();
  };
  const fieldMessages = [...new Set([errors.clientId, errors.clientSecret, errors.code])]
    .filter((key) => key !== undefined)
    .map((key) => t(key));
  const messages = error ? [...fieldMessages, error] : fieldMessages;

  return (
    <div class="way" role="group" aria-labelledby="way-org-label" onKeyDown={onKeyDown}>
      <FeatureChoice t={t} idPrefix="org" features={features} locked={locked} onChange={onFeatures} />
      <p class="hint">
        {t('orgScopes')} <code>{scopeParam(scopesFor(features))}</code>
      </p>
      <TextField
        id="org-client-id"
        label={t('clientId')}
        hint={t('orgHint')}
        value={fields.clientId}
        error={errors.clientId && t(errors.clientId)}
        disabled={locked}
        onInput={set('clientId')}
      />
      <TextField
        id="org-client-secret"
        type="password"
        label={t('clientSecret')}
        value={fields.clientSecret}
        error={errors.clientSecret && t(errors.clientSecret)}
        disabled={locked}
        onInput={set('clientSecret')}
      />
      <TextField
        id="org-grant-code"
        type="password"
        label={t('grantCode')}
        value={fields.grantCode}
        error={errors.code && t(errors.code)}
        disabled={locked}
        onInput={set('grantCode')}
      />
      <TextField
        id="org-refresh-token"
        type="password"
        label={t('refreshToken')}
        value={fields.refreshToken}
        error={errors.code && t(errors.code)}
        disabled={locked}
        onInput={set('refreshToken')}
      />
      <Alert messages={messages} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy || locked} onClick={next}>
          {t('next')}
        </button>
        {busy && <span class="hint">{t('working')}</span>}
      </div>
    </div>
  );
}
