/**
 * The organisation credential: an admin's Self Client from Zoho's API console (its Client ID and
 * Client secret) with a Grant code, which the broker exchanges for a refresh token, or a Refresh
 * token already held. The secret and both codes are password inputs. Draws only; the setup
 * screen lists the portals through the broker.
 */
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { CredentialInput } from '../../lib/shared/commands';
import { checkOrgCredentialForm, type OrgCredentialErrors, type OrgCredentialFields } from '../../lib/options/setup-form';
import { Alert, TextField } from './fields';

interface OrgCredentialFormProps {
  t: OptionsTranslate;
  busy: boolean;
  locked: boolean;
  onNext: (credential: CredentialInput) => void;
  /** The broker's answer to the last attempt with this credential, in words. */
  error: string | null;
}

const EMPTY: OrgCredentialFields = { clientId: '', clientSecret: '', grantCode: '', refreshToken: '' };

export function OrgCredentialForm({ t, busy, locked, onNext, error }: OrgCredentialFormProps) {
  const [fields, setFields] = useState<OrgCredentialFields>(EMPTY);
  const [errors, setErrors] = useState<OrgCredentialErrors>({});
  const set = (name: keyof OrgCredentialFields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));

  const next = () => {
    if (locked) return;
    const checked = checkOrgCredentialForm(fields);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onNext(checked.credential);
  };
  // Enter in these fields continues with them; it must not submit the key form (`Next`).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    next();
  };
  const fieldMessages = [...new Set([errors.clientId, errors.clientSecret, errors.code])]
    .filter((key) => key !== undefined)
    .map((key) => t(key));
  const messages = error ? [...fieldMessages, error] : fieldMessages;

  return (
    <fieldset class="way" aria-labelledby="org-heading" onKeyDown={onKeyDown}>
      <h3 id="org-heading">{t('orgHeading')}</h3>
      <p class="hint">{t('orgWhen')}</p>
      <TextField
        id="org-client-id"
        label={t('orgClientId')}
        hint={t('orgHint')}
        value={fields.clientId}
        invalid={!!errors.clientId}
        disabled={locked}
        onInput={set('clientId')}
      />
      <TextField
        id="org-client-secret"
        type="password"
        label={t('clientSecret')}
        value={fields.clientSecret}
        invalid={!!errors.clientSecret}
        disabled={locked}
        onInput={set('clientSecret')}
      />
      <TextField
        id="org-grant-code"
        type="password"
        label={t('grantCode')}
        value={fields.grantCode}
        invalid={!!errors.code}
        disabled={locked}
        onInput={set('grantCode')}
      />
      <TextField
        id="org-refresh-token"
        type="password"
        label={t('refreshToken')}
        value={fields.refreshToken}
        invalid={!!errors.code}
        disabled={locked}
        onInput={set('refreshToken')}
      />
      <Alert messages={messages} />
      <div class="actions">
        <button type="button" class="secondary" disabled={busy || locked} onClick={next}>
          {t('orgNext')}
        </button>
      </div>
    </fieldset>
  );
}
