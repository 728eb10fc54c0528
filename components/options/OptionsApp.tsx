/**
 * The options page's shell: reads the settings, follows changes made elsewhere, and shows the
 * screen the wizard is on (lib/options/wizard.ts). Each screen runs its own commands through
 * `send` and reports the outcome as a wizard event. Nothing of a form is kept anywhere but in
 * memory, so an error or a reload never leaves a half-saved setup behind.
 *
 * Step 1 shows at first paint while the settings are read (a worker waking up can take seconds);
 * what is typed meanwhile stays in the wizard's draft. When the screen changes, the new step's
 * heading takes the focus, so a keyboard or screen-reader user starts reading there.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { AdminSend } from '../../lib/options/admin-send';
import { initialWizard, pageLanguage, wizard } from '../../lib/options/wizard';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import { optionsTranslator } from '../../lib/shared/i18n/options';
import type { Language, SettingsView } from '../../lib/shared/protocol';
import { browserTimeZone } from '../../lib/shared/time-zones';
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

/** What step 1 assumes until the broker answers: nothing connected, nothing managed. */
function firstPaintView(language: Language): SettingsView {
  return {
    connected: false,
    dataCentre: null,
    email: null,
    portal: null,
    enabled: true,
    language,
    timeZone: browserTimeZone(),
    credentialState: 'none',
    managed: [],
  };
}

/** The heading each screen's focus goes to. */
const HEADINGS = { loading: 'setup-heading', setup: 'setup-heading', portal: 'portal-heading', connected: 'connected-heading' } as const;

export function OptionsApp({ send, subscribe, initialLanguage, redirectUri = null, requestHostAccess }: OptionsAppProps) {
  const [state, dispatch] = useReducer(wizard, initialWizard);
  const { view, screen, draft } = state;
  const language = pageLanguage(state, initialLanguage);
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

  // A new step (not the first paint, nor the settings arriving behind step 1) takes the focus to its heading.
  const heading = screen.kind === 'portal' && screen.portals === null ? null : HEADINGS[screen.kind];
  const shownHeading = useRef<string | null>(HEADINGS.loading);
  useEffect(() => {
    if (heading === null || heading === shownHeading.current) return;
    // Not drawn yet (a step waiting for its portals): the focus moves once it is.
    const element = document.getElementById(heading);
    if (!element) return;
    shownHeading.current = heading;
    element.focus();
  }, [heading, screen, view]);

  // Until the settings arrive, steps 1 and 2 assume nothing is connected (Next may be pressed before).
  const setupView = view ?? firstPaintView(language);
  return (
    <main class="options" lang={language}>
      <h1>{t('pageTitle')}</h1>
      <p class="intro">{t('intro')}</p>
      {screen.kind === 'loading' && screen.error && <p role="alert">{adminErrorMessage(screen.error, language)}</p>}
      {view && <Notices t={t} view={view} />}
      {(screen.kind === 'setup' || (screen.kind === 'loading' && !screen.error)) && (
        <SetupScreen t={t} view={setupView} language={language} draft={draft} send={send} redirectUri={redirectUri} onEvent={dispatch} />
      )}
      {screen.kind === 'portal' && <PortalScreen t={t} view={setupView} language={language} step={screen} send={send} onEvent={dispatch} />}
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
