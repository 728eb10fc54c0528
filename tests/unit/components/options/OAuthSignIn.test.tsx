// The options page's `Sign in with Zoho`: Client ID, redirect URI shown, sign-in → portal step →
// Save with the signed-in agent; a denied consent in words (role alert); `Sign in again`.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/options/OptionsApp';
import type { PortalChoice, SettingsView } from '../../../../lib/shared/protocol';
import { fakeAdminBroker, type AdminAnswers } from '../../support/admin-broker';
import { UNCONNECTED_VIEW as unconnected } from '../../support/settings-views';

const A: PortalChoice = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const connected: SettingsView = {
  ...unconnected,
  connected: true,
  dataCentre: 'com',
  email: 'admin@zylker.com',
  portal: { id: A.id, name: 'Zylker Inc.' },
  credentialState: 'ok',
  authKind: 'oauth',
};

function mount(answers: AdminAnswers, language: 'en' | 'ja' = 'en') {
  const { send, sent } = fakeAdminBroker({
    'diagnostics.get': () => ({ lastError: null, cache: { available: true, tickets: 0, records: 0 } }),
    ...answers,
  });
  render(<OptionsApp send={send} subscribe={() => () => {}} initialLanguage={language} redirectUri={REDIRECT} />);
  return sent;
}

afterEach(cleanup);

describe('Sign in with Zoho on the setup form', () => {
  it('is the way chosen first: a Client ID field, what DeskLink may do, the button and the redirect URI to register', async () => {
    mount({ 'settings.get': () => unconnected });
    expect(await screen.findByLabelText('Client ID')).toBeTruthy();
    for (const feature of ['Read the record’s name and emails from Zoho CRM', 'Create tickets from CRM records']) {
      expect(screen.getByLabelText<HTMLInputElement>(feature).checked).toBe(true);
    }
    expect(screen.getByRole('button', { name: 'Sign in with Zoho' })).toBeTruthy();
    expect(screen.getByTestId('oauth-redirect-uri').textContent).toBe(REDIRECT);
  });

  it('an empty Client ID is flagged without asking the broker', async () => {
    const sent = mount({ 'settings.get': () => unconnected });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with Zoho' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Client ID');
    expect(sent.map((r) => r.command)).toEqual(['settings.get']);
  });

  it('signs in, shows who signed in, and saves the chosen portal with the sign-in', async () => {
    const sent = mount({
      'settings.get': () => unconnected,
      'oauth.signIn': () => ({ dataCentre: 'com', email: 'admin@zylker.com', portals: [A] }),
      'setup.save': () => connected,
    });
    fireEvent.change(await screen.findByLabelText('Data center'), { target: { value: 'eu' } });
    fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: ' 1000.CLIENT ' } });
    fireEvent.click(screen.getByLabelText(/Multi-DC client/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Zoho' }));
    expect(await screen.findByText('Signed in to Zoho as admin@zylker.com.')).toBeTruthy();
    expect(sent.find((r) => r.command === 'oauth.signIn')).toEqual({
      command: 'oauth.signIn',
      dataCentre: 'eu',
      clientId: '1000.CLIENT',
      multiDc: true,
      features: { readCrm: true, createTickets: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.some((r) => r.command === 'setup.save')).toBe(true));
    // Multi-DC: the data centre is the one Zoho named (com), not the form's starting point.
    expect(sent.find((r) => r.command === 'setup.save')).toMatchObject({
      dataCentre: 'com',
      credential: { kind: 'oauth' },
      portalId: A.id,
    });
    expect(await screen.findByTestId('connected-email')).toBeTruthy();
  });

  it('a denied consent shows an alert saying what to do, and stays on the form', async () => {
    mount({ 'settings.get': () => unconnected, 'oauth.signIn': () => ({ error: { code: 'OAUTH_DENIED', detail: 'access_denied' } }) });
    fireEvent.input(await screen.findByLabelText('Client ID'), { target: { value: '1000.CLIENT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Zoho' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('denied');
    expect(alert.textContent).toContain('Sign in with Zoho');
    expect(screen.getByLabelText('Client ID')).toBeTruthy();
  });

  it('is in Japanese too', async () => {
    mount({ 'settings.get': () => ({ ...unconnected, language: 'ja' }) }, 'ja');
    expect(await screen.findByLabelText('クライアント ID')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoho でサインイン' })).toBeTruthy();
  });
});

describe('Sign in again once connected', () => {
  it('a signed-out connection says so and signs in again through oauth.reauthorize', async () => {
    const sent = mount({ 'settings.get': () => ({ ...connected, credentialState: 'signedOut' }), 'oauth.reauthorize': () => connected });
    expect((await screen.findByRole('alert')).textContent).toContain('expired');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Zoho' }));
    expect(await screen.findByText('Signed in to Zoho as admin@zylker.com.')).toBeTruthy();
    expect(sent.some((r) => r.command === 'oauth.reauthorize')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
