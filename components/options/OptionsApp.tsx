/**
 * The options page's shell: reads the settings, follows changes made elsewhere, and shows the
 * screen the wizard is on (lib/options/wizard.ts). Each screen runs its own commands through
 * `send` and reports the outcome as a wizard event. Nothing of a form is kept anywhere but in
 * memory, so an error or a reload never leaves a half-saved setup behind.
 */
import { useEffect, useReducer } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { initialWizard, wizard } from '../../lib/options/wizard';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import { optionsTranslator } from '../../lib/shared/i18n/options';
import type { Language } from '../../lib/shared/protocol';
import type { RequestHostAccess } from '../../lib/options/crm-addresses';
import { ConnectedScreen } from './ConnectedScreen';
import { Notices } from './Notices';
import { PortalScreen } from './PortalScreen';
import { SetupScreen } from './SetupScreen';

interface OptionsAppProps {
  send: AdminSend;
  /** Calls back when settings or policy change elsewhere (another tab, a new policy). */
  subscribe: (onChange: () => void) => () => void;
  /** Language before the broker has answered. */
  initialLanguage: Language;
  /** identity.getRedirectURL(): shown beside `Sign in with Zoho` to register in Zoho's API console. */
  redirectUri?: string | null;
  /** permissions.request for a company CRM address's origin. */
  requestHostAccess?: RequestHostAccess;
}

export function OptionsApp({ send, subscribe, initialLanguage, redirectUri = null, requestHostAccess }: OptionsAppProps) {
  const [{ view, screen }, dispatch] = useReducer(wizard, initialWizard);
  const language = view?.language ?? initialLanguage;
  const t = optionsTranslator(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
  }, [language]);

  useEffect(() => {
    void send({ command: 'settings.get' }).then((answer) =>
      dispatch(answer.ok ? { type: 'loaded', view: answer.data } : { type: 'loadFailed', error: answer.error }),
    );
  }, []);

  // Changes made elsewhere (policy pushed, another options tab) show without a reload.
  useEffect(
    () =>
      subscribe(() => {
        void send({ command: 'settings.get' }).then((answer) => {
          if (answer.ok) dispatch({ type: 'changedElsewhere', view: answer.data });
        });
      }),
    [subscribe, send],
  );

  return (
    <main class="options" lang={language}>
      <h1>{t('pageTitle')}</h1>
      <p class="intro">{t('intro')}</p>
      {screen.kind === 'loading' && <p role="status">{t('working')}</p>}
      {screen.kind === 'loading' && screen.error && <p role="alert">{adminErrorMessage(screen.error, language)}</p>}
      {view && <Notices t={t} view={view} />}
      {view && screen.kind === 'setup' && <SetupScreen t={t} view={view} send={send} redirectUri={redirectUri} onEvent={dispatch} />}
      {view && screen.kind === 'portal' && <PortalScreen t={t} view={view} step={screen} send={send} onEvent={dispatch} />}
      {view && screen.kind === 'connected' && (
        <ConnectedScreen
          t={t}
          view={view}
          send={send}
          justSaved={screen.justSaved}
          onEvent={dispatch}
          requestHostAccess={requestHostAccess}
        />
      )}
    </main>
  );
}
