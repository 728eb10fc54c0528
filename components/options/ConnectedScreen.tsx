/**
 * Once connected, on the broker: the switch, language and time zone, `Change portal`,
 * `Deactivate`, signing in again after an OAuth sign-in could not be renewed, and diagnostics.
 */
import { useState } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { setupFailure } from '../../lib/options/setup-errors';
import type { WizardEvent } from '../../lib/options/wizard';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import type { OptionsTranslate } from '../../lib/shared/i18n/options';
import type { Language, SettingsView } from '../../lib/shared/protocol';
import { ConnectedView } from './ConnectedView';
import { CrmAddresses } from './CrmAddresses';
import type { RequestHostAccess } from '../../lib/options/crm-addresses';
import { Diagnostics } from './Diagnostics';
import { useBusy } from './use-busy';

interface ConnectedScreenProps {
  t: OptionsTranslate;
  view: SettingsView;
  send: AdminSend;
  /** Arrived by `Save`, which the screen confirms. */
  justSaved: boolean;
  onEvent: (event: WizardEvent) => void;
  /** The browser's prompt for a company CRM address's origin. */
  requestHostAccess?: RequestHostAccess;
}

export function ConnectedScreen({ t, view, send, justSaved, onEvent, requestHostAccess }: ConnectedScreenProps) {
  const [busy, during] = useBusy();
  const [status, setStatus] = useState<string | null>(() => (justSaved ? t('saved') : null));
  const [error, setError] = useState<string | null>(null);
  const { language } = view;

  /** Runs one command of this screen with the old messages cleared. */
  function run<T>(command: () => Promise<T>): Promise<T> {
    setError(null);
    setStatus(null);
    return during(command);
  }

  const update = async (change: { enabled?: boolean; language?: Language; timeZone?: string }) => {
    // Show the choice at once (a checkbox that waits for the broker looks broken); the broker's
    // answer then confirms it, or the previous view comes back with the error.
    onEvent({ type: 'viewUpdated', view: { ...view, ...change } });
    const answer = await run(() => send({ command: 'settings.update', ...change }));
    onEvent({ type: 'viewUpdated', view: answer.ok ? answer.data : view });
    if (!answer.ok) setError(adminErrorMessage(answer.error, language));
  };

  const changePortal = async () => {
    const answer = await run(() => send({ command: 'portal.change' }));
    if (!answer.ok) return setError(adminErrorMessage(answer.error, language));
    onEvent({ type: 'portalChangeStarted', portals: answer.data.portals });
    const fresh = await send({ command: 'settings.get' });
    if (fresh.ok) onEvent({ type: 'viewUpdated', view: fresh.data });
  };

  const deactivate = async () => {
    const answer = await run(() => send({ command: 'deactivate' }));
    if (answer.ok) onEvent({ type: 'deactivated', view: answer.data });
    else setError(adminErrorMessage(answer.error, language));
  };

  const reauthorize = async () => {
    const answer = await run(() => send({ command: 'oauth.reauthorize' }));
    if (!answer.ok) return setError(setupFailure(answer.error, language, { dataCentre: view.dataCentre ?? 'com', email: view.email }));
    onEvent({ type: 'viewUpdated', view: answer.data });
    setStatus(t('signedInAs', { email: answer.data.email ?? '' }));
  };

  return (
    <ConnectedView
      t={t}
      view={view}
      busy={busy}
      status={status}
      error={error}
      onUpdate={(change) => void update(change)}
      onChangePortal={() => void changePortal()}
      onDeactivate={() => void deactivate()}
      onReauthorize={() => void reauthorize()}
    >
      <Diagnostics t={t} language={language} timeZone={view.timeZone} send={send} busy={busy} during={during} />
      {requestHostAccess && <CrmAddresses language={language} send={send} requestAccess={requestHostAccess} />}
    </ConnectedView>
  );
}
