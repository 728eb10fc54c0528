/**
 * The options page's flow as a pure reducer: which screen shows, and what leads from one screen
 * to the next. Screens run their own broker commands and report each outcome here as an event;
 * an event the current screen cannot produce (a late answer after the screen changed) is ignored.
 *
 * loading → setup (nothing connected) | portal (a credential without a portal) | connected
 * setup --portalsListed--> portal --saved--> connected; portal --back--> setup (when offered)
 * connected --portalChangeStarted--> portal; connected --deactivated--> setup
 */
import type { DataCentreId } from '../shared/data-centres';
import type { ErrorInfo } from '../shared/errors';
import type { CredentialInput } from '../shared/commands';
import type { PortalChoice, SettingsView } from '../shared/protocol';

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
  | { type: 'saved'; view: SettingsView }
  /** `Change portal` confirmed: the broker unset the portal and listed those the credential reaches. */
  | { type: 'portalChangeStarted'; portals: PortalChoice[] }
  | { type: 'deactivated'; view: SettingsView }
  /** A fresh view that changes no screen by itself (a switch flipped, a new sign-in). */
  | { type: 'viewUpdated'; view: SettingsView }
  /** The settings or the policy changed elsewhere (another tab, a policy pushed). */
  | { type: 'changedElsewhere'; view: SettingsView };

export const initialWizard: WizardState = { view: null, screen: { kind: 'loading' } };

export function wizard(state: WizardState, event: WizardEvent): WizardState {
  const { screen } = state;
  switch (event.type) {
    case 'loadFailed':
      return screen.kind === 'loading' ? { ...state, screen: { kind: 'loading', error: event.error } } : state;
    case 'loaded':
      return screen.kind === 'loading' ? enter(event.view) : state;
    case 'portalsListed': {
      if (screen.kind !== 'setup') return state;
      const { dataCentre, credential, portals, signedInAs } = event;
      const step: PortalStep = { kind: 'portal', dataCentre, portals, fromSetup: true };
      return { ...state, screen: { ...step, ...(credential ? { credential } : {}), ...(signedInAs ? { signedInAs } : {}) } };
    }
    case 'storedPortalsListed':
      return screen.kind === 'portal' && screen.portals === null ? { ...state, screen: { ...screen, portals: event.portals } } : state;
    case 'back':
      return screen.kind === 'portal' && offersBack(screen) ? { ...state, screen: { kind: 'setup' } } : state;
    case 'saved': {
      if (screen.kind !== 'portal') return state;
      const next = enter(event.view);
      return next.screen.kind === 'connected' ? { ...next, screen: { kind: 'connected', justSaved: true } } : next;
    }
    case 'portalChangeStarted':
      if (screen.kind !== 'connected') return state;
      return {
        ...state,
        screen: { kind: 'portal', dataCentre: state.view?.dataCentre ?? 'com', portals: event.portals, fromSetup: false },
      };
    case 'deactivated':
      return screen.kind === 'connected' ? enter(event.view) : state;
    case 'viewUpdated':
      return { ...state, view: event.view };
    case 'changedElsewhere':
      // Only a screen the change made wrong is replaced; a step in progress keeps its place.
      return outdated(screen, event.view) ? enter(event.view) : { ...state, view: event.view };
  }
}

/** `Back` is offered after step 1, and when the stored credential reached no portal to choose. */
export function offersBack(step: PortalStep): boolean {
  return step.fromSetup || step.portals?.length === 0;
}

/** The screen a view calls for; a stored credential without a portal resumes at step 2. */
function enter(view: SettingsView): WizardState {
  if (view.connected) return { view, screen: { kind: 'connected', justSaved: false } };
  if (view.credentialState !== 'none' && view.dataCentre && !view.portal) {
    return { view, screen: { kind: 'portal', dataCentre: view.dataCentre, portals: null, fromSetup: false } };
  }
  return { view, screen: { kind: 'setup' } };
}

function outdated(screen: Screen, view: SettingsView): boolean {
  return (screen.kind === 'connected' && !view.connected) || (screen.kind === 'setup' && view.connected);
}
