/**
 * What the page shows once connected: the portal, the Desk user the connection acts as (name,
 * email, role), the data center, how it is connected (ZSC key, Sign in with Zoho, organisation
 * credential) and its scopes, with what a missing scope keeps DeskLink from doing; the enable
 * switch; language and time zone; `Change portal` and `Deactivate`, each behind a confirmation.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { LANGUAGE_NAMES, REGION_NAMES, type OptionsTranslate } from '../../lib/shared/i18n/options';
import { LANGUAGES, type Clock, type Language, type SettingsView } from '../../lib/shared/protocol';
import { missingFeatureScopes } from '../../lib/shared/scopes';
import { deskUserWords } from '../../lib/options/desk-user';
import { ConfirmDialog } from './ConfirmDialog';
import { Alert, ManagedNote, SelectField, Status } from './fields';
import { ClockField } from './ClockField';
import { TimeZoneField } from './TimeZoneField';

const HOW = { zsc: 'howZsc', oauth: 'howOauth', org: 'howOrg' } as const;
const MISSING = { createTickets: 'missingCreateTickets', readCrm: 'missingReadCrm' } as const;

interface ConnectedViewProps {
  t: OptionsTranslate;
  view: SettingsView;
  busy: boolean;
  status: string | null;
  error: string | null;
  onUpdate: (change: { enabled?: boolean; language?: Language; timeZone?: string; clock?: Clock }) => void;
  onChangePortal: () => void;
  onDeactivate: () => void;
  /** `Sign in with Zoho` again after an OAuth sign-in could not be renewed. */
  onReauthorize?: () => void;
  children?: ComponentChildren;
}

export function ConnectedView({
  t,
  view,
  busy,
  status,
  error,
  onUpdate,
  onChangePortal,
  onDeactivate,
  onReauthorize,
  children,
}: ConnectedViewProps) {
  const [confirming, setConfirming] = useState<'portal' | 'deactivate' | null>(null);
  const managed = (field: SettingsView['managed'][number]) => view.managed.includes(field);
  const dc = view.dataCentre;
  const portalName = view.portal?.name ?? '';
  const missing = view.grantedScopes ? missingFeatureScopes(view.grantedScopes) : [];

  return (
    <>
      <section class="card" aria-labelledby="connected-heading">
        <h2 id="connected-heading" tabIndex={-1}>
          {t('connectedHeading')}
        </h2>
        <dl>
          <dt>{t('connectedPortal')}</dt>
          <dd data-testid="connected-portal">{portalName}</dd>
          <dt>{t('connectedAs')}</dt>
          <dd data-testid="connected-email">{deskUserWords(view, t)}</dd>
          <dt>{t('connectedDataCenter')}</dt>
          <dd data-testid="connected-data-center">
            {dc ? t('regionWithCode', { region: REGION_NAMES[view.language][dc], code: DATA_CENTRES[dc].deskHost }) : ''}
          </dd>
          {view.authKind && (
            <>
              <dt>{t('connectedHow')}</dt>
              <dd>{t(HOW[view.authKind])}</dd>
              <dt>{t('connectedScopes')}</dt>
              <dd class="scopes">
                {view.grantedScopes ? (
                  <ul>
                    {view.grantedScopes.map((scope) => (
                      <li key={scope}>
                        <code>{scope}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t(view.authKind === 'org' ? 'scopesOrg' : 'scopesZsc')
                )}
              </dd>
            </>
          )}
        </dl>
        {missing.map(({ feature, scopes }) => (
          <p key={feature} class="hint">
            {t(MISSING[feature], { scopes: scopes.join(', ') })}
          </p>
        ))}
        {view.credentialState === 'rejected' && <Alert messages={[t('rejectedKey')]} />}
        {view.credentialState === 'signedOut' && (
          <>
            <Alert messages={[t('signedOutOptions')]} />
            {onReauthorize && (
              <div class="actions">
                <button type="button" class="primary" disabled={busy} onClick={onReauthorize}>
                  {t('signInWithZoho')}
                </button>
              </div>
            )}
          </>
        )}
        <div class="field checkbox">
          <input
            id="enabled"
            type="checkbox"
            checked={view.enabled}
            disabled={busy || managed('enabled')}
            aria-describedby={managed('enabled') ? 'enabled-hint enabled-managed' : 'enabled-hint'}
            onChange={(event) => onUpdate({ enabled: event.currentTarget.checked })}
          />
          <label for="enabled">{t('enable')}</label>
          <p id="enabled-hint" class="hint">
            {t('enableHint')}
          </p>
          {managed('enabled') && <ManagedNote id="enabled-managed" t={t} />}
        </div>
        <SelectField
          id="language"
          label={t('language')}
          value={view.language}
          choices={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          onChange={(value) => onUpdate({ language: value as Language })}
          managed={managed('language')}
          disabled={busy}
          t={t}
        />
        <TimeZoneField
          t={t}
          language={view.language}
          value={view.timeZone}
          onChange={(value) => onUpdate({ timeZone: value })}
          managed={managed('timeZone')}
          disabled={busy}
        />
        <ClockField
          t={t}
          language={view.language}
          clock={view.clock}
          onChange={(clock) => onUpdate({ clock })}
          disabled={busy || Boolean(view.locked)}
        />
        <div class="actions">
          <button type="button" class="secondary" disabled={busy || managed('portal')} onClick={() => setConfirming('portal')}>
            {t('changePortal')}
          </button>
          <button type="button" class="danger" disabled={busy || managed('credential')} onClick={() => setConfirming('deactivate')}>
            {t('deactivate')}
          </button>
        </div>
        {(managed('portal') || managed('credential')) && <ManagedNote id="setup-managed" t={t} />}
        <Status>{status}</Status>
        <Alert messages={error ? [error] : []} />
      </section>
      {children}
      {confirming === 'portal' && (
        <ConfirmDialog
          id="confirm-portal"
          title={t('changePortalTitle')}
          body={t('changePortalBody', { portal: portalName })}
          confirmLabel={t('changePortal')}
          cancelLabel={t('cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            onChangePortal();
          }}
        />
      )}
      {confirming === 'deactivate' && (
        <ConfirmDialog
          id="confirm-deactivate"
          title={t('deactivateTitle')}
          body={t('deactivateBody')}
          confirmLabel={t('deactivate')}
          cancelLabel={t('cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            onDeactivate();
          }}
        />
      )}
    </>
  );
}
