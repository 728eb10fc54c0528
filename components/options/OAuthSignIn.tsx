/**
 * The fields of the recommended way to connect, `Sign in with Zoho`, each rep as themselves: the
 * `Client ID` of a Client-based app from Zoho's API console, an optional multi-DC switch, what
 * DeskLink may do (the scopes the consent asks for), the redirect URI this browser gives Zoho
 * (to register as the app's redirect URI and JavaScript domain) and the button. Draws only; the
 * options app runs the sign-in through the broker.
 */
import { useState } from 'preact/hooks';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { SetupDraft } from '../../lib/options/wizard';
import type { ConnectionFeatures } from '../../lib/shared/scopes';
import { FeatureChoice } from './FeatureChoice';
import { Alert, FieldError } from './fields';

interface OAuthSignInProps {
  t: OptionsTranslate;
  /** The fields as typed, kept by the wizard. */
  clientId: string;
  multiDc: boolean;
  onDraft: (change: Partial<SetupDraft>) => void;
  /** identity.getRedirectURL(); null where the browser has no identity API. */
  redirectUri: string | null;
  busy: boolean;
  /** Policy locks the setup: shown, but nothing can be entered or pressed. */
  locked: boolean;
  features: ConnectionFeatures;
  onFeatures: (features: ConnectionFeatures) => void;
  onSignIn: (clientId: string, multiDc: boolean) => void;
  /** The broker's answer to the last sign-in, in words. */
  error?: string | null;
}

export function OAuthSignIn(props: OAuthSignInProps) {
  const { t, clientId, multiDc, onDraft, redirectUri, busy, locked, features, onFeatures, onSignIn, error = null } = props;
  const [missing, setMissing] = useState(false);

  const signIn = () => {
    if (locked) return;
    const id = clientId.trim();
    setMissing(id === '');
    if (id) onSignIn(id, multiDc);
  };

  return (
    <div class="way oauth" role="group" aria-labelledby="way-oauth-label">
      <p id="oauth-hint" class="hint">
        {t('oauthHint')}
      </p>
      <div class="field">
        <label for="oauth-client-id">{t('clientId')}</label>
        <input
          id="oauth-client-id"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={clientId}
          disabled={locked}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'oauth-client-id-error oauth-hint' : 'oauth-hint'}
          onInput={(event) => onDraft({ clientId: event.currentTarget.value })}
          onKeyDown={(event) => {
            // Enter here signs in (the form itself submits nothing).
            if (event.key === 'Enter') {
              event.preventDefault();
              signIn();
            }
          }}
        />
        <FieldError id="oauth-client-id" error={missing ? t('clientIdRequired') : null} />
      </div>
      <div class="field checkbox">
        <input
          id="oauth-multi-dc"
          type="checkbox"
          checked={multiDc}
          disabled={locked}
          onChange={(event) => onDraft({ multiDc: event.currentTarget.checked })}
        />
        <label for="oauth-multi-dc">{t('multiDc')}</label>
      </div>
      <FeatureChoice t={t} idPrefix="oauth" features={features} locked={locked} onChange={onFeatures} />
      <div class="field">
        <p class="hint">
          {t('redirectUri')}: <code data-testid="oauth-redirect-uri">{redirectUri ?? '…'}</code>
        </p>
      </div>
      <Alert messages={[missing ? t('clientIdRequired') : null, error].filter((m): m is string => !!m)} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy || locked} onClick={signIn}>
          {t('signInWithZoho')}
        </button>
      </div>
    </div>
  );
}
