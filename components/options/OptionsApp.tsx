/**
 * The options page: the setup wizard while nothing is connected, the connected view after.
 * Talks to the broker only through `send` (admin commands); keeps nothing of the form anywhere
 * but in memory, so an error or a reload never leaves a half-saved setup behind.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DATA_CENTRES, type DataCentreId } from '../../lib/shared/data-centres';
import { adminErrorMessage } from '../../lib/shared/i18n/admin-errors';
import { optionsTranslator, setupErrorMessage } from '../../lib/shared/i18n/options';
import type {
  AdminRequestSchemas,
  CredentialInput,
  Diagnostics as DiagnosticsData,
  Language,
  PortalChoice,
  RequestOf,
  ResponseOf,
  SettingsView,
} from '../../lib/shared/messages';
import { isTimeZone } from '../../lib/shared/time-zones';
import { ConnectedView } from './ConnectedView';
import { Diagnostics } from './Diagnostics';
import { Guidance } from './Guidance';
import { PortalForm, type PortalSelection } from './PortalForm';
import { SetupForm } from './SetupForm';

type AdminCommand = keyof typeof AdminRequestSchemas;
export type AdminSend = <C extends AdminCommand>(request: RequestOf<C>) => Promise<ResponseOf<C>>;

interface OptionsAppProps {
  send: AdminSend;
  /** Calls back when settings or policy change elsewhere (another tab, a new policy). */
  subscribe: (onChange: () => void) => () => void;
  /** Language before the broker has answered. */
  initialLanguage: Language;
  /** identity.getRedirectURL(): shown beside `Sign in with Zoho` to register in Zoho's API console. */
  redirectUri?: string | null;
}

type Screen =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | {
      kind: 'portal';
      portals: PortalChoice[];
      dataCentre: DataCentreId;
      credential?: CredentialInput;
      fromSetup: boolean;
      signedInAs?: string;
    }
  | { kind: 'connected' };

export function OptionsApp({ send, subscribe, initialLanguage, redirectUri = null }: OptionsAppProps) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [diagnostics, setDiagnostics] = useState<DiagnosticsData | null>(null);
  const [diagStatus, setDiagStatus] = useState<string | null>(null);
  const [diagError, setDiagError] = useState<string | null>(null);
  const language = view?.language ?? initialLanguage;
  const t = optionsTranslator(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
  }, [language]);

  const loadDiagnostics = useCallback(async () => {
    const answer = await send({ command: 'diagnostics.get' });
    if (answer.ok) setDiagnostics(answer.data);
  }, [send]);

  /** The screen a fresh view calls for; resumes the portal step after `Change portal`. */
  const enter = useCallback(
    async (next: SettingsView) => {
      setView(next);
      if (next.connected) {
        setScreen({ kind: 'connected' });
        void loadDiagnostics();
      } else if (next.credentialState !== 'none' && next.dataCentre && !next.portal) {
        const answer = await send({ command: 'setup.listPortals', dataCentre: next.dataCentre });
        setScreen({ kind: 'portal', portals: answer.ok ? answer.data.portals : [], dataCentre: next.dataCentre, fromSetup: false });
        if (!answer.ok) setError(setupErrorMessage(answer.error, setupContext(next.language, next.dataCentre)));
      } else {
        setScreen({ kind: 'setup' });
      }
    },
    [send, loadDiagnostics],
  );

  useEffect(() => {
    void send({ command: 'settings.get' }).then((answer) =>
      answer.ok ? enter(answer.data) : setError(adminErrorMessage(answer.error, initialLanguage)),
    );
  }, []);

  // Changes made elsewhere (policy pushed, another options tab) show without a reload.
  useEffect(
    () =>
      subscribe(() => {
        void send({ command: 'settings.get' }).then((answer) => {
          if (!answer.ok) return;
          setView(answer.data);
          setScreen((current) => {
            const stale = (current.kind === 'connected' && !answer.data.connected) || (current.kind === 'setup' && answer.data.connected);
            if (stale) void enter(answer.data);
            return current;
          });
        });
      }),
    [subscribe, send, enter],
  );

  /** Runs one command with the page marked busy and old messages cleared. */
  async function run<C extends AdminCommand>(request: RequestOf<C>): Promise<ResponseOf<C>> {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      return await send(request);
    } finally {
      setBusy(false);
    }
  }

  const onNext = async (dataCentre: DataCentreId, credential: CredentialInput | undefined) => {
    const answer = await run({ command: 'setup.listPortals', dataCentre, ...(credential ? { credential } : {}) });
    if (answer.ok)
      setScreen({ kind: 'portal', portals: answer.data.portals, dataCentre, ...(credential ? { credential } : {}), fromSetup: true });
    else
      setError(
        setupErrorMessage(answer.error, setupContext(language, dataCentre, credential?.kind === 'zsc' ? credential.email : undefined)),
      );
  };

  /** `Sign in with Zoho`: consent in Zoho's window, then the portal step with the agent's portals. */
  const onSignIn = async (dataCentre: DataCentreId, clientId: string, multiDc: boolean) => {
    const answer = await run({ command: 'oauth.signIn', dataCentre, clientId, multiDc });
    if (!answer.ok) return setError(setupErrorMessage(answer.error, setupContext(language, dataCentre)));
    const { portals, email } = answer.data;
    setScreen({
      kind: 'portal',
      portals,
      dataCentre: answer.data.dataCentre,
      credential: { kind: 'oauth' },
      fromSetup: true,
      signedInAs: email,
    });
  };

  const onReauthorize = async () => {
    const answer = await run({ command: 'oauth.reauthorize' });
    if (!answer.ok)
      return setError(setupErrorMessage(answer.error, setupContext(language, view?.dataCentre ?? 'com', view?.email ?? undefined)));
    setView(answer.data);
    setStatus(t('signedInAs', { email: answer.data.email ?? '' }));
  };

  const onSave = async (selection: PortalSelection) => {
    if (screen.kind !== 'portal') return;
    if (!isTimeZone(selection.timeZone)) return setError(t('timeZoneInvalid'));
    const { dataCentre, credential } = screen;
    const answer = await run({
      command: 'setup.save',
      dataCentre,
      ...(credential ? { credential } : {}),
      portalId: selection.portal.id,
      language: selection.language,
      timeZone: selection.timeZone,
    });
    if (!answer.ok) {
      const email = (credential?.kind === 'zsc' ? credential.email : undefined) ?? view?.email ?? undefined;
      return setError(
        setupErrorMessage(answer.error, { ...setupContext(language, dataCentre, email), portalName: selection.portal.companyName }),
      );
    }
    await enter(answer.data);
    setStatus(optionsTranslator(answer.data.language)('saved'));
  };

  const onUpdate = async (change: { enabled?: boolean; language?: Language; timeZone?: string }) => {
    // Show the choice at once (a checkbox that waits for the broker looks broken); the broker's
    // answer then confirms it, or the previous view comes back with the error.
    const before = view;
    if (before) setView({ ...before, ...change });
    const answer = await run({ command: 'settings.update', ...change });
    if (answer.ok) setView(answer.data);
    else {
      setView(before);
      setError(adminErrorMessage(answer.error, language));
    }
  };

  const onChangePortal = async () => {
    const answer = await run({ command: 'portal.change' });
    if (!answer.ok) return setError(adminErrorMessage(answer.error, language));
    const dataCentre = view?.dataCentre ?? 'com';
    setScreen({ kind: 'portal', portals: answer.data.portals, dataCentre, fromSetup: false });
    const fresh = await send({ command: 'settings.get' });
    if (fresh.ok) setView(fresh.data);
  };

  const onDeactivate = async () => {
    const answer = await run({ command: 'deactivate' });
    if (!answer.ok) return setError(adminErrorMessage(answer.error, language));
    setDiagnostics(null);
    await enter(answer.data);
  };

  const diagnosticsCommand = async (command: 'cache.clear' | 'connection.test') => {
    setBusy(true);
    setDiagStatus(null);
    setDiagError(null);
    try {
      if (command === 'cache.clear') {
        const answer = await send({ command: 'cache.clear' });
        if (answer.ok) {
          setDiagnostics(answer.data);
          setDiagStatus(t('cacheCleared'));
        } else setDiagError(adminErrorMessage(answer.error, language));
      } else {
        const answer = await send({ command: 'connection.test' });
        if (answer.ok) setDiagStatus(t('testOk', { portal: answer.data.portalName, email: answer.data.email }));
        else setDiagError(adminErrorMessage(answer.error, language));
        await loadDiagnostics();
      }
    } finally {
      setBusy(false);
    }
  };

  const formatTime = (at: number) =>
    new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: view && isTimeZone(view.timeZone) ? view.timeZone : 'UTC',
    }).format(at);

  return (
    <main class="options" lang={language}>
      <h1>{t('pageTitle')}</h1>
      <p class="intro">{t('intro')}</p>
      {screen.kind === 'loading' && <p role="status">{t('working')}</p>}
      {screen.kind === 'loading' && error && <p role="alert">{error}</p>}
      {screen.kind === 'setup' && view && (
        <>
          <SetupForm
            t={t}
            language={language}
            initialDataCentre={view.dataCentre ?? 'com'}
            policyEmail={view.managed.includes('credential') ? view.email : null}
            dataCentreManaged={view.managed.includes('dataCentre')}
            busy={busy}
            error={error}
            onNext={onNext}
            onSignIn={onSignIn}
            redirectUri={redirectUri}
          />
          <Guidance t={t} />
        </>
      )}
      {screen.kind === 'portal' && screen.signedInAs && <p role="status">{t('signedInAs', { email: screen.signedInAs })}</p>}
      {screen.kind === 'portal' && view && (
        <PortalForm
          key={screen.portals.map((p) => p.id).join()}
          t={t}
          portals={screen.portals}
          portalId={view.managed.includes('portal') ? (view.portal?.id ?? null) : null}
          language={view.language}
          fallbackTimeZone={view.timeZone}
          managed={view.managed}
          busy={busy}
          error={error}
          onSave={onSave}
          {...(screen.fromSetup || screen.portals.length === 0 ? { onBack: () => (setError(null), setScreen({ kind: 'setup' })) } : {})}
        />
      )}
      {screen.kind === 'connected' && view && (
        <ConnectedView
          t={t}
          view={view}
          busy={busy}
          status={status}
          error={error}
          onUpdate={onUpdate}
          onChangePortal={onChangePortal}
          onDeactivate={onDeactivate}
          onReauthorize={onReauthorize}
        >
          <Diagnostics
            t={t}
            data={diagnostics}
            formatTime={formatTime}
            busy={busy}
            status={diagStatus}
            error={diagError}
            onClearCache={() => void diagnosticsCommand('cache.clear')}
            onTestConnection={() => void diagnosticsCommand('connection.test')}
          />
        </ConnectedView>
      )}
    </main>
  );
}

function setupContext(language: Language, dataCentre: DataCentreId, email?: string) {
  return { language, dataCentre, deskHost: DATA_CENTRES[dataCentre].deskHost, ...(email ? { email } : {}) };
}
