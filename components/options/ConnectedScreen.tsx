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
import type { Clock, Language, SettingsView } from '../../lib/shared/protocol';
import { ConnectedView } from './ConnectedView';
import { CrmAddresses } from './CrmAddresses';
import type { RequestHostAccess } from '../../lib/options/crm-addresses';
import { Diagnostics } from './Diagnostics';
import { NextSteps } from './NextSteps';
import { useBusy } from './use-busy';

/** A message put in words when drawn, so a language chosen afterwards re-words it. */
type Words = (t: OptionsTranslate, language: Language) => string;

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
  const [status, setStatus] = useState<Words | null>(() => (justSaved ? (now: OptionsTranslate) => now('saved') : null));
  const [error, setError] = useState<Words | null>(null);
  const { language } = view;

  /** Runs one command of this screen with the old messages cleared (a status stays for a language change, which re-words it). */
  function run<T>(command: () => Promise<T>, keepStatus = false): Promise<T> {
    setError(null);
    if (!keepStatus) setStatus(null);
    return during(command);
  }

  const update = async (change: { enabled?: boolean; language?: Language; timeZone?: string; clock?: Clock }) => {
    // Show the choice at once (a checkbox that waits for the broker looks broken); the broker's
    // answer then confirms it, or the previous view comes back with the error.
    onEvent({ type: 'viewUpdated', view: { ...view, ...change } });
    const answer = await run(() => send({ command: 'settings.update', ...change }), Object.keys(change).join() === 'language');
    onEvent({ type: 'viewUpdated', view: answer.ok ? answer.data : view });
    if (!answer.ok) setError(() => (_: OptionsTranslate, now: Language) => adminErrorMessage(answer.error, now));
  };

  // Nothing is dropped yet: step 2 lists the portals, and only its `Save` of another portal drops the old one's links.
  const changePortal = () => onEvent({ type: 'portalChangeStarted' });

  const deactivate = async () => {
    const answer = await run(() => send({ command: 'deactivate' }));
    if (answer.ok) onEvent({ type: 'deactivated', view: answer.data });
    else setError(() => (_: OptionsTranslate, now: Language) => adminErrorMessage(answer.error, now));
  };

  const reauthorize = async () => {
    const answer = await run(() => send({ command: 'oauth.reauthorize' }));
    if (!answer.ok) {
      const { dataCentre, email } = view;
      return setError(
        () => (_: OptionsTranslate, now: Language) => setupFailure(answer.error, now, { dataCentre: dataCentre ?? 'com', email }),
      );
    }
    onEvent({ type: 'viewUpdated', view: answer.data });
    const signedIn = answer.data.email ?? '';
    setStatus(() => (now: OptionsTranslate) => now('signedInAs', { email: signedIn }));
  };

  return (
    <ConnectedView
      t={t}
      view={view}
      busy={busy}
      status={status ? status(t, language) : null}
      error={error ? error(t, language) : null}
      onUpdate={(change) => void update(change)}
      onChangePortal={changePortal}
      onDeactivate={() => void deactivate()}
      onReauthorize={() => void reauthorize()}
    >
      {justSaved && view.dataCentre && <NextSteps t={t} dataCentre={view.dataCentre} authKind={view.authKind ?? null} />}
      <Diagnostics t={t} language={language} timeZone={view.timeZone} send={send} busy={busy} during={during} />
      {requestHostAccess && (
        <CrmAddresses language={language} send={send} requestAccess={requestHostAccess} locked={Boolean(view.locked)} />
      )}
    </ConnectedView>
  );
}
