import { describe, expect, it } from 'vitest';
import { initialWizard, offersBack, wizard, type WizardEvent } from '../../../lib/options/wizard';
import type { PortalChoice, SettingsView } from '../../../lib/shared/protocol';
import { UNCONNECTED_VIEW as unconnected } from '../support/settings-views';

const A: PortalChoice = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: null,
  edition: null,
};
const B: PortalChoice = { ...A, id: '7310045521', companyName: 'Zylker Japan', portalName: 'zylkerjp', isDefault: false };

const connected: SettingsView = {
  ...unconnected,
  connected: true,
  dataCentre: 'eu',
  email: 'admin@zylker.com',
  portal: { id: A.id, name: A.companyName },
  credentialState: 'ok',
};
/** A key stored, its portal dropped (`Change portal`, then the page reloaded). */
const withoutPortal: SettingsView = { ...connected, connected: false, portal: null };
const key = { kind: 'zsc' as const, key: '1000.zsc', email: 'admin@zylker.com' };

const run = (...events: WizardEvent[]) => events.reduce(wizard, initialWizard);
const atSetup = () => run({ type: 'loaded', view: unconnected });
const atConnected = () => run({ type: 'loaded', view: connected });

describe('the first screen', () => {
  it('follows the settings: setup when nothing is connected, connected when connected', () => {
    expect(atSetup()).toEqual({ view: unconnected, screen: { kind: 'setup' } });
    expect(atConnected()).toEqual({ view: connected, screen: { kind: 'connected', justSaved: false } });
  });

  it('resumes at the portal step when a credential is stored without a portal, its portals still to list', () => {
    expect(run({ type: 'loaded', view: withoutPortal }).screen).toEqual({
      kind: 'portal',
      dataCentre: 'eu',
      portals: null,
      fromSetup: false,
    });
  });

  it('stays on loading with the error when the settings cannot be read', () => {
    const error = { code: 'INTERNAL' as const };
    expect(run({ type: 'loadFailed', error }).screen).toEqual({ kind: 'loading', error });
    expect(run({ type: 'loaded', view: unconnected }, { type: 'loadFailed', error }).screen).toEqual({ kind: 'setup' });
  });
});

describe('the setup steps', () => {
  it('Next leads to the portal step with the entered key; Back returns to step 1', () => {
    const step2 = wizard(atSetup(), { type: 'portalsListed', dataCentre: 'com', credential: key, portals: [A, B] });
    expect(step2.screen).toEqual({ kind: 'portal', dataCentre: 'com', credential: key, portals: [A, B], fromSetup: true });
    expect(step2.screen.kind === 'portal' && offersBack(step2.screen)).toBe(true);
    expect(wizard(step2, { type: 'back' }).screen).toEqual({ kind: 'setup' });
  });

  it('a sign-in carries who signed in and the data centre Zoho named', () => {
    const event: WizardEvent = {
      type: 'portalsListed',
      dataCentre: 'jp',
      credential: { kind: 'oauth' },
      portals: [A],
      signedInAs: 'a@z.jp',
    };
    expect(wizard(atSetup(), event).screen).toMatchObject({ kind: 'portal', dataCentre: 'jp', signedInAs: 'a@z.jp', fromSetup: true });
  });

  it('Save connects and the connected screen confirms it', () => {
    const step2 = wizard(atSetup(), { type: 'portalsListed', dataCentre: 'eu', credential: key, portals: [A] });
    expect(wizard(step2, { type: 'saved', view: connected })).toEqual({ view: connected, screen: { kind: 'connected', justSaved: true } });
  });

  it('a resumed step lists the stored portals; Back is offered only when there are none to choose', () => {
    const resumed = run({ type: 'loaded', view: withoutPortal });
    const listed = wizard(resumed, { type: 'storedPortalsListed', portals: [A, B] });
    expect(listed.screen).toMatchObject({ kind: 'portal', portals: [A, B], fromSetup: false });
    expect(listed.screen.kind === 'portal' && offersBack(listed.screen)).toBe(false);
    expect(wizard(listed, { type: 'back' })).toBe(listed);
    const none = wizard(resumed, { type: 'storedPortalsListed', portals: [] });
    expect(wizard(none, { type: 'back' }).screen).toEqual({ kind: 'setup' });
  });

  it('ignores an answer that arrives after its screen is gone', () => {
    const connectedState = atConnected();
    expect(wizard(connectedState, { type: 'portalsListed', dataCentre: 'com', credential: key, portals: [A] })).toBe(connectedState);
    expect(wizard(connectedState, { type: 'saved', view: connected })).toBe(connectedState);
    expect(wizard(connectedState, { type: 'storedPortalsListed', portals: [A] })).toBe(connectedState);
    expect(wizard(atSetup(), { type: 'deactivated', view: withoutPortal }).screen).toEqual({ kind: 'setup' });
    expect(wizard(atSetup(), { type: 'portalChangeStarted', portals: [A] }).screen).toEqual({ kind: 'setup' });
  });
});

describe('once connected', () => {
  it('Change portal runs the portal step on the stored credential, with no way back', () => {
    const changing = wizard(atConnected(), { type: 'portalChangeStarted', portals: [A, B] });
    expect(changing.screen).toEqual({ kind: 'portal', dataCentre: 'eu', portals: [A, B], fromSetup: false });
    expect(changing.screen.kind === 'portal' && offersBack(changing.screen)).toBe(false);
  });

  it('Deactivate returns to step 1', () => {
    expect(wizard(atConnected(), { type: 'deactivated', view: unconnected })).toEqual({ view: unconnected, screen: { kind: 'setup' } });
  });

  it('a switch or a new sign-in changes the view, not the screen', () => {
    const off = { ...connected, enabled: false };
    expect(wizard(atConnected(), { type: 'viewUpdated', view: off })).toEqual({
      view: off,
      screen: { kind: 'connected', justSaved: false },
    });
  });
});

describe('a change made elsewhere', () => {
  const elsewhere = (state: typeof initialWizard, view: SettingsView) => wizard(state, { type: 'changedElsewhere', view });

  it('replaces a screen it made wrong', () => {
    expect(elsewhere(atConnected(), unconnected).screen).toEqual({ kind: 'setup' });
    expect(elsewhere(atSetup(), connected).screen).toEqual({ kind: 'connected', justSaved: false });
    expect(elsewhere(atConnected(), withoutPortal).screen).toMatchObject({ kind: 'portal', portals: null });
  });

  it('keeps a step in progress and a screen still right, with the new view', () => {
    const step2 = wizard(atSetup(), { type: 'portalsListed', dataCentre: 'com', credential: key, portals: [A] });
    expect(elsewhere(step2, connected)).toEqual({ view: connected, screen: step2.screen });
    const locked = { ...connected, managed: ['enabled' as const] };
    expect(elsewhere(atConnected(), locked)).toEqual({ view: locked, screen: { kind: 'connected', justSaved: false } });
  });
});
