import { describe, expect, it } from 'vitest';
import { initialWizard, offersBack, pageLanguage, wizard, type WizardEvent } from '../../../lib/options/wizard';
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

/** Step 1 as nothing was typed yet. */
const EMPTY_DRAFT = initialWizard.draft;
const run = (...events: WizardEvent[]) => events.reduce(wizard, initialWizard);
const atSetup = () => run({ type: 'loaded', view: unconnected });
const atConnected = () => run({ type: 'loaded', view: connected });

describe('the first screen', () => {
  it('follows the settings: setup when nothing is connected, connected when connected', () => {
    expect(atSetup()).toMatchObject({ view: unconnected, screen: { kind: 'setup' } });
    expect(atConnected()).toMatchObject({ view: connected, screen: { kind: 'connected', justSaved: false } });
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
    expect(wizard(step2, { type: 'saved', view: connected })).toMatchObject({
      view: connected,
      screen: { kind: 'connected', justSaved: true },
    });
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
    expect(wizard(atSetup(), { type: 'portalChangeStarted' }).screen).toEqual({ kind: 'setup' });
    expect(wizard(atSetup(), { type: 'cancelled' }).screen).toEqual({ kind: 'setup' });
  });
});

describe('once connected', () => {
  it('Change portal lists the stored credential’s portals on the portal step; Cancel returns with nothing changed, no Back', () => {
    const changing = wizard(atConnected(), { type: 'portalChangeStarted' });
    expect(changing.screen).toEqual({ kind: 'portal', dataCentre: 'eu', portals: null, fromSetup: false, cancellable: true });
    const listed = wizard(changing, { type: 'storedPortalsListed', portals: [A, B] });
    expect(listed.screen.kind === 'portal' && offersBack(listed.screen)).toBe(false);
    // Even when the credential reached no portal, the way out is Cancel, not step 1.
    const none = wizard(changing, { type: 'storedPortalsListed', portals: [] });
    expect(none.screen.kind === 'portal' && offersBack(none.screen)).toBe(false);
    expect(wizard(listed, { type: 'back' })).toBe(listed);
    expect(wizard(listed, { type: 'cancelled' })).toMatchObject({ view: connected, screen: { kind: 'connected', justSaved: false } });
  });

  it('Deactivate returns to step 1, still in the language the admin chose', () => {
    const japanese = run({ type: 'loaded', view: { ...connected, language: 'ja' } });
    const after = wizard(japanese, { type: 'deactivated', view: unconnected });
    expect(after).toMatchObject({ view: unconnected, screen: { kind: 'setup' } });
    expect(pageLanguage(after, 'en')).toBe('ja');
    // The settings' change may arrive before the command's answer: the language is kept either way.
    const seenFirst = wizard(japanese, { type: 'changedElsewhere', view: unconnected });
    expect(seenFirst.screen).toEqual({ kind: 'setup' });
    expect(pageLanguage(wizard(seenFirst, { type: 'deactivated', view: unconnected }), 'en')).toBe('ja');
  });

  it('a switch or a new sign-in changes the view, not the screen', () => {
    const off = { ...connected, enabled: false };
    expect(wizard(atConnected(), { type: 'viewUpdated', view: off })).toMatchObject({
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
    expect(elsewhere(step2, connected)).toMatchObject({ view: connected, screen: step2.screen });
    const locked = { ...connected, managed: ['enabled' as const] };
    expect(elsewhere(atConnected(), locked)).toMatchObject({ view: locked, screen: { kind: 'connected', justSaved: false } });
  });
});

describe('a wizard that keeps work', () => {
  const typed = (state: typeof initialWizard) =>
    wizard(state, { type: 'draftChanged', draft: { way: 'zsc', dataCentre: 'eu', key: '1000.zsc', email: 'admin@zylker.com' } });

  it('Back finds every field of step 1 as typed, the way and data centre too', () => {
    const step1 = typed(atSetup());
    const step2 = wizard(step1, { type: 'portalsListed', dataCentre: 'eu', credential: key, portals: [A] });
    const back = wizard(step2, { type: 'back' });
    expect(back.screen).toEqual({ kind: 'setup' });
    expect(back.draft).toEqual({ ...EMPTY_DRAFT, way: 'zsc', dataCentre: 'eu', key: '1000.zsc', email: 'admin@zylker.com' });
  });

  it('keeps each way’s fields when the admin switches ways', () => {
    const org = { clientId: '1000.C', clientSecret: 's', grantCode: 'g', refreshToken: '' };
    let state = typed(atSetup());
    state = wizard(state, { type: 'draftChanged', draft: { way: 'org', org } });
    state = wizard(state, { type: 'draftChanged', draft: { way: 'zsc' } });
    expect(state.draft).toMatchObject({ way: 'zsc', key: '1000.zsc', org });
  });

  it('what is typed before the settings arrive stays (first paint shows step 1 at once)', () => {
    const early = typed(initialWizard);
    expect(early.screen).toEqual({ kind: 'loading' });
    const loaded = wizard(early, { type: 'loaded', view: unconnected });
    expect(loaded.screen).toEqual({ kind: 'setup' });
    expect(loaded.draft.key).toBe('1000.zsc');
    // Next pressed before the settings came: the portals still lead to step 2, and the settings still arrive.
    const listed = wizard(early, { type: 'portalsListed', dataCentre: 'eu', credential: key, portals: [A] });
    expect(listed.screen).toMatchObject({ kind: 'portal', fromSetup: true });
    expect(wizard(listed, { type: 'loaded', view: unconnected })).toMatchObject({ view: unconnected, screen: listed.screen });
  });

  it('drops the draft (a key among it) once saved or deactivated', () => {
    const step2 = wizard(typed(atSetup()), { type: 'portalsListed', dataCentre: 'eu', credential: key, portals: [A] });
    expect(wizard(step2, { type: 'saved', view: connected }).draft).toEqual(EMPTY_DRAFT);
    const deactivated = wizard(typed(atConnected()), { type: 'deactivated', view: unconnected });
    expect(deactivated.draft).toEqual(EMPTY_DRAFT);
  });

  it('step 2’s language speaks at once and through Back; Save hands it to the settings', () => {
    const step2 = wizard(atSetup(), { type: 'portalsListed', dataCentre: 'eu', credential: key, portals: [A] });
    const japanese = wizard(step2, { type: 'languageChosen', language: 'ja' });
    expect(pageLanguage(japanese, 'en')).toBe('ja');
    expect(pageLanguage(wizard(japanese, { type: 'back' }), 'en')).toBe('ja');
    const saved = wizard(japanese, { type: 'saved', view: { ...connected, language: 'ja' } });
    expect(saved.keptLanguage).toBeNull();
    expect(pageLanguage(saved, 'en')).toBe('ja');
  });
});
