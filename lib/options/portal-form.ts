/**
 * Step 2's choices: which portal is preselected, which time zone shows, and the `setup.save`
 * request they make with what step 1 entered.
 */
import type { RequestOf } from '../shared/commands';
import type { Clock, Language, PortalChoice } from '../shared/protocol';
import { isTimeZone } from '../shared/time-zones';
import type { PortalStep } from './wizard';

export interface PortalSelection {
  portal: PortalChoice;
  language: Language;
  timeZone: string;
  /** Chosen by the admin; absent: the panel follows the language's habit. */
  clock?: Clock;
}

/** The given portal (the policy's), else Zoho's default portal, else the first. */
export function preselectedPortal(portals: PortalChoice[], portalId: string | null): PortalChoice | undefined {
  return portals.find((p) => p.id === portalId) ?? portals.find((p) => p.isDefault) ?? portals[0];
}

/** The time zone follows the chosen portal until the admin picks one; a portal without one keeps the fallback. */
export function shownTimeZone(chosen: string | null, portal: PortalChoice | undefined, fallback: string): string {
  return chosen ?? portal?.timeZone ?? fallback;
}

type SaveRequest = { ok: true; request: RequestOf<'setup.save'> } | { ok: false; error: 'timeZoneInvalid' };

/** `Save`: the step's data centre (after a multi-DC sign-in, the one Zoho named) and credential, with the choices. */
export function saveRequest(step: PortalStep, selection: PortalSelection): SaveRequest {
  if (!isTimeZone(selection.timeZone)) return { ok: false, error: 'timeZoneInvalid' };
  return {
    ok: true,
    request: {
      command: 'setup.save',
      dataCentre: step.dataCentre,
      ...(step.credential ? { credential: step.credential } : {}),
      portalId: selection.portal.id,
      language: selection.language,
      timeZone: selection.timeZone,
      ...(selection.clock ? { clock: selection.clock } : {}),
    },
  };
}
