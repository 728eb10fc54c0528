/**
 * The options page's flow as a pure reducer: which screen shows, and what leads from one screen
 * to the next. Screens run their own broker commands and report each outcome here as an event;
 * an event the current screen cannot produce (a late answer after the screen changed) is ignored.
 *
 * loading → setup (nothing connected) | portal (a credential without a portal) | connected
 * setup --portalsListed--> portal --saved--> connected; portal --back--> setup (when offered)
 * connected --portalChangeStarted--> portal --cancelled--> connected; connected --deactivated--> setup
 *
 * Step 1's fields live here as a draft, not in the screen, so `Back` finds them as they were
 * typed; the draft (a key among them) is dropped once saved or deactivated. The page's language
 * is kept across a deactivation, which deletes the stored one.
 */
import type { DataCentreId } from '../shared/data-centres';
import type { ErrorInfo } from '../shared/errors';
import type { CredentialInput } from '../shared/commands';
import type { Language, PortalChoice, SettingsView } from '../shared/protocol';
import { ALL_FEATURES, type ConnectionFeatures } from '../shared/scopes';
import type { OrgCredentialFields } from './setup-form';

/** Which way to connect: the choice, and the way an attempt used. */
export type SetupWay = 'oauth' | 'org' | 'zsc';

/** Step 1 as typed: every field of every way, so switching ways or going `Back` loses nothing. */
export interface SetupDraft {
  /** null: the view's (or com). */
  dataCentre: DataCentreId | null;
  way: SetupWay;
  key: string;
  email: string;
  clientId: string;
  multiDc: boolean;
  org: OrgCredentialFields;
  features: ConnectionFeatures;
}

const EMPTY_DRAFT: SetupDraft = {
  dataCentre: null,
  way: 'oauth',
  key: '',
  email: '',
  clientId: '',
  multiDc: false,
  org: { clientId: '', clientSecret: '', grantCode: '', refreshToken: '' },
  features: ALL_FEATURES,
};

/** Step 2: `Portal`, `Language`, `Time zone`, `Save`. */
export interface PortalStep {
  kind: 'portal';
  dataCentre: DataCentreId;
  /** What step 1 entered; absent: the credential the broker holds (stored, or a sign-in waiting for `Save`). */
  credential?: CredentialInput;
  /** null until listed: a stored credential without a portal (say, a reload after `Change portal`) lists them on arrival. */
  portals: PortalChoice[] | null;
  /** Step 1 led here, so `Back` returns to it. */
  fromSetup: boolean;
  /** The agent `Sign in with Zoho` signed in as. */
  signedInAs?: string;
  /** Reached by `Change portal`: `Cancel` returns to the connected view with nothing changed. */
  cancellable?: true;
}

type Screen =
  | { kind: 'loading'; error?: ErrorInfo }
  | { kind: 'setup' }
  | PortalStep
  /** justSaved: arrived by `Save`, which the screen confirms. */
  | { kind: 'connected'; justSaved: boolean };

interface WizardState {
  /** The broker's view of the settings; null until its first answer. */
  view: SettingsView | null;
  screen: Screen;
  draft: SetupDraft;
  /** The language the admin chose at step 2 or before deactivating (the broker forgets it with the settings); null: the view's. */
  keptLanguage: Language | null;
}

export type WizardEvent =
  /** The first `settings.get` failed; the page has nothing else to show. */
  | { type: 'loadFailed'; error: ErrorInfo }
  /** The first `settings.get` answered. */
  | { type: 'loaded'; view: SettingsView }
  /** Step 1 listed the portals: `Next` with the entered credential, or `Sign in with Zoho`. */
  | { type: 'portalsListed'; dataCentre: DataCentreId; credential?: CredentialInput; portals: PortalChoice[]; signedInAs?: string }
  /** Step 2 listed the stored credential's portals on arrival (none when that failed). */
  | { type: 'storedPortalsListed'; portals: PortalChoice[] }
  | { type: 'back' }
  /** Step 2's `Language` chosen: the page speaks it at once, before `Save` stores it. */
  | { type: 'languageChosen'; language: Language }
  /** Step 1's fields changed (any of them). */
  | { type: 'draftChanged'; draft: Partial<SetupDraft> }
  | { type: 'saved'; view: SettingsView }
  /** `Change portal` confirmed: step 2 lists the stored credential's portals; nothing is dropped before `Save`. */
  | { type: 'portalChangeStarted' }
  /** `Cancel` on a portal step reached by `Change portal`. */
  | { type: 'cancelled' }
  | { type: 'deactivated'; view: SettingsView }
  /** A fresh view that changes no screen by itself (a switch flipped, a new sign-in). */
  | { type: 'viewUpdated'; view: SettingsView }
  /** The settings or the policy changed elsewhere (another tab, a policy pushed). */
  | { type: 'changedElsewhere'; view: SettingsView };

export const initialWizard: WizardState = { view: null, screen: { kind: 'loading' }, draft: EMPTY_DRAFT, keptLanguage: null };

/** The language the page speaks: the one kept over a deactivation, else the settings'. */
export function pageLanguage(state: WizardState, fallback: Language): Language {
  return state.keptLanguage ?? state.view?.language ?? fallback;
}

export function wizard(state: WizardState, event: WizardEvent): WizardState {
  const { screen } = state;
  switch (event.type) {
    case 'loadFailed':
      return screen.kind === 'loading' ? { ...state, screen: { kind: 'loading', error: event.error } } : state;
    case 'loaded':
      // Step 1 shows before the settings arrive (first paint): the draft typed meanwhile stays.
      return screen.kind === 'loading' ? { ...state, ...enter(event.view) } : { ...state, view: state.view ?? event.view };
    case 'portalsListed': {
      // From the first paint's step 1 too (settings not yet read).
      if (screen.kind !== 'setup' && screen.kind !== 'loading') return state;
      const { dataCentre, credential, portals, signedInAs } = event;
      const step: PortalStep = { kind: 'portal', dataCentre, portals, fromSetup: true };
      return { ...state, screen: { ...step, ...(credential ? { credential } : {}), ...(signedInAs ? { signedInAs } : {}) } };
    }
    case 'storedPortalsListed':
      return screen.kind === 'portal' && screen.portals === null ? { ...state, screen: { ...screen, portals: event.portals } } : state;
    case 'back':
      return screen.kind === 'portal' && offersBack(screen) ? { ...state, screen: { kind: 'setup' } } : state;
    case 'languageChosen':
      return { ...state, keptLanguage: event.language };
    case 'draftChanged':
      return { ...state, draft: { ...state.draft, ...event.draft } };
    case 'saved': {
      if (screen.kind !== 'portal') return state;
      const next = { ...state, ...enter(event.view), draft: EMPTY_DRAFT, keptLanguage: null };
      return next.screen.kind === 'connected' ? { ...next, screen: { kind: 'connected', justSaved: true } } : next;
    }
    case 'portalChangeStarted':
      if (screen.kind !== 'connected') return state;
      return {
        ...state,
        screen: { kind: 'portal', dataCentre: state.view?.dataCentre ?? 'com', portals: null, fromSetup: false, cancellable: true },
      };
    case 'cancelled':
      return screen.kind === 'portal' && screen.cancellable ? { ...state, screen: { kind: 'connected', justSaved: false } } : state;
    case 'deactivated':
      if (screen.kind !== 'connected') return state;
      return { ...state, ...enter(event.view), draft: EMPTY_DRAFT, keptLanguage: state.view?.language ?? null };
    case 'viewUpdated':
      return { ...state, view: event.view };
    case 'changedElsewhere':
      // Only a screen the change made wrong is replaced; a step in progress keeps its place.
      if (!outdated(screen, event.view)) return { ...state, view: event.view };
      // A deactivation seen through the settings' change (it may come before the command's answer) keeps the language too.
      return screen.kind === 'connected'
        ? { ...state, ...enter(event.view), draft: EMPTY_DRAFT, keptLanguage: state.view?.language ?? null }
        : { ...state, ...enter(event.view) };
  }
}

/** `Back` is offered after step 1, and when the stored credential reached no portal to choose (not when changing the portal: `Cancel` is). */
export function offersBack(step: PortalStep): boolean {
  return !step.cancellable && (step.fromSetup || step.portals?.length === 0);
}

/** The screen a view calls for; a stored credential without a portal resumes at step 2. */
function enter(view: SettingsView): Pick<WizardState, 'view' | 'screen'> {
  if (view.connected) return { view, screen: { kind: 'connected', justSaved: false } };
  if (view.credentialState !== 'none' && view.dataCentre && !view.portal) {
    return { view, screen: { kind: 'portal', dataCentre: view.dataCentre, portals: null, fromSetup: false } };
  }
  return { view, screen: { kind: 'setup' } };
}

function outdated(screen: Screen, view: SettingsView): boolean {
  return (screen.kind === 'connected' && !view.connected) || (screen.kind === 'setup' && view.connected);
}
