// The set-up step's three ways to connect, in order (Sign in with Zoho the one primary button);
// the organisation credential's fields, checks and portal step; a ZSC key Desk rejects offers
// the other two ways.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
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
const connected: SettingsView = {
  ...unconnected,
  connected: true,
  dataCentre: 'com',
  email: 'admin@zylker.com',
  portal: { id: A.id, name: A.companyName },
  credentialState: 'ok',
  authKind: 'org',
};

function mount(answers: AdminAnswers, language: 'en' | 'ja' = 'en') {
  const { send, sent } = fakeAdminBroker({
    'settings.get': () => ({ ...unconnected, language }),
    'diagnostics.get': () => ({ lastError: null, cache: { available: true, tickets: 0, records: 0 } }),
    ...answers,
  });
  render(<OptionsApp send={send} subscribe={() => () => {}} initialLanguage={language} redirectUri="https://abc.chromiumapp.org/" />);
  return sent;
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

afterEach(cleanup);

describe('the three ways to connect', () => {
  it('come in order, each saying when to use it, with Sign in with Zoho the one primary button', async () => {
    mount({});
    await screen.findByLabelText('Data center');
    const ways = screen.getAllByRole('group').map((group) => group.getAttribute('aria-labelledby'));
    expect(ways).toEqual(['oauth-heading', 'org-heading', 'zsc-heading']);
    expect(screen.getByRole('group', { name: 'Sign in with Zoho (recommended)' }).textContent).toContain('light-agent licence');
    expect(screen.getByRole('group', { name: 'Organisation credential' }).textContent).toContain('whole team');
    expect(screen.getByRole('group', { name: 'ZSC key and Email' }).textContent).toContain('Desk user it belongs to');
    const buttons = screen.getAllByRole('button');
    expect(buttons.filter((b) => !b.classList.contains('secondary')).map((b) => b.textContent)).toEqual(['Sign in with Zoho']);
  });

  it('the organisation credential has its own Client ID label; the secret and both codes are password inputs', async () => {
    mount({});
    const org = within(await screen.findByRole('group', { name: 'Organisation credential' }));
    expect(org.getByLabelText('Self Client ID')).toBeTruthy();
    for (const label of ['Client secret', 'Grant code', 'Refresh token']) {
      expect(org.getByLabelText<HTMLInputElement>(label).type).toBe('password');
    }
    // The sign-in keeps the name `Client ID` to itself.
    expect(screen.getAllByLabelText('Client ID')).toHaveLength(1);
  });

  it('are in Japanese too', async () => {
    mount({}, 'ja');
    expect(await screen.findByRole('group', { name: '組織の資格情報' })).toBeTruthy();
    for (const label of ['セルフクライアント ID', 'クライアントシークレット', '付与コード', 'リフレッシュトークン']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: '組織の資格情報で続ける' })).toBeTruthy();
  });
});

describe('the organisation credential', () => {
  it('lists the portals with a grant code and saves the chosen portal with it', async () => {
    const sent = mount({ 'setup.listPortals': () => ({ portals: [A] }), 'setup.save': () => connected });
    fireEvent.change(await screen.findByLabelText('Data center'), { target: { value: 'eu' } });
    type('Self Client ID', ' 1000.SELF ');
    type('Client secret', 'secret-1');
    type('Grant code', ' 1000.code ');
    fireEvent.click(screen.getByRole('button', { name: 'Continue with organisation credential' }));
    const credential = { kind: 'org', clientId: '1000.SELF', clientSecret: 'secret-1', grantCode: '1000.code' };
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'setup.listPortals')).toEqual({ command: 'setup.listPortals', dataCentre: 'eu', credential }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'setup.save')).toMatchObject({ dataCentre: 'eu', credential, portalId: A.id }),
    );
    expect(await screen.findByText('Organisation credential (Self Client)')).toBeTruthy();
  });

  it('takes a refresh token instead of a grant code', async () => {
    const sent = mount({ 'setup.listPortals': () => ({ portals: [A] }) });
    await screen.findByLabelText('Data center');
    type('Self Client ID', '1000.SELF');
    type('Client secret', 'secret-1');
    type('Refresh token', '1000.refresh');
    fireEvent.keyDown(screen.getByLabelText('Refresh token'), { key: 'Enter' });
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'setup.listPortals')).toMatchObject({
        credential: { kind: 'org', clientId: '1000.SELF', clientSecret: 'secret-1', refreshToken: '1000.refresh' },
      }),
    );
  });

  it('flags missing fields, and a grant code with a refresh token, without asking the broker', async () => {
    const sent = mount({});
    fireEvent.click(await screen.findByRole('button', { name: 'Continue with organisation credential' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Enter the Client ID of your Self Client');
    expect(alert.textContent).toContain('Enter the Client secret');
    expect(alert.textContent).toContain('either a Grant code or a Refresh token');
    type('Self Client ID', '1000.SELF');
    type('Client secret', 'secret-1');
    type('Grant code', '1000.code');
    type('Refresh token', '1000.refresh');
    fireEvent.click(screen.getByRole('button', { name: 'Continue with organisation credential' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter either a Grant code or a Refresh token, not both.'));
    type('Client secret', 'secret with space');
    type('Refresh token', '');
    fireEvent.click(screen.getByRole('button', { name: 'Continue with organisation credential' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('characters Zoho never uses'));
    expect(sent.map((r) => r.command)).toEqual(['settings.get']);
  });

  it('says in words when Zoho Accounts refuses an expired grant code, and stays on the form', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'GRANT_CODE_INVALID', detail: 'invalid_code' } }) });
    await screen.findByLabelText('Data center');
    type('Self Client ID', '1000.SELF');
    type('Client secret', 'secret-1');
    type('Grant code', '1000.code');
    fireEvent.click(screen.getByRole('button', { name: 'Continue with organisation credential' }));
    const alert = await screen.findByRole('alert');
    expect(within(screen.getByRole('group', { name: 'Organisation credential' })).getByRole('alert')).toBe(alert);
    expect(alert.textContent).toMatch(/grant code/i);
    expect(screen.getByLabelText('Self Client ID')).toBeTruthy();
  });
});

describe('a ZSC key Desk rejects', () => {
  it('says how current Zoho Desk accounts connect, with a button that goes to the sign-in', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'INVALID_OAUTH', status: 401 } }) });
    await screen.findByLabelText('Data center');
    type('ZSC key', '1000.zsc.key');
    type('Email', 'admin@zylker.com');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho Desk rejected this key');
    expect(alert.textContent).toContain('Current Zoho Desk accounts connect with Sign in with Zoho or an organisation credential.');
    fireEvent.click(screen.getByRole('button', { name: 'Connect another way' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Client ID'));
  });

  it('a key of another data centre is not rejected: no other ways offered, the data centre named', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'INVALID_OAUTH', status: 401, dataCentre: 'eu' } }) });
    await screen.findByLabelText('Data center');
    type('ZSC key', '1000.zsc.key');
    type('Email', 'admin@zylker.com');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('belongs to the Europe data center');
    expect(screen.queryByRole('button', { name: 'Connect another way' })).toBeNull();
  });

  it('guides to Zoho CRM for the key', async () => {
    mount({});
    const guidance = await screen.findByRole('region', { name: 'Where do I get a ZSC key?' });
    expect(guidance.textContent).toContain('Zoho CRM under Setup › Developer Space › ZSC Key');
    expect(guidance.textContent).not.toContain('Developer Space › API');
  });
});

describe('the connected view says who the connection acts as and how it is connected', () => {
  it.each([
    ['zsc', 'ZSC key'],
    ['oauth', 'Sign in with Zoho (each rep as themselves)'],
    ['org', 'Organisation credential (Self Client)'],
  ] as const)('%s', async (authKind, how) => {
    mount({ 'settings.get': () => ({ ...connected, authKind }) });
    const region = await screen.findByRole('region', { name: 'Connected to Zoho Desk' });
    const rows = [...region.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(rows).toEqual([
      ['Portal', 'Zylker Inc.'],
      ['Acts as (Zoho Desk user)', 'admin@zylker.com'],
      ['Data center', 'United States (desk.zoho.com)'],
      ['Connected with', how],
    ]);
  });

  it('in Japanese', async () => {
    mount({ 'settings.get': () => ({ ...connected, language: 'ja' }) }, 'ja');
    const region = await screen.findByRole('region', { name: 'Zoho Desk に接続済み' });
    expect(region.textContent).toContain('動作する Zoho Desk ユーザー');
    expect(region.textContent).toContain('組織の資格情報（セルフクライアント）');
  });
});

describe('an organisation credential delivered by policy', () => {
  it('shows no way to connect, only that the organisation provides it, and Next lists its portals', async () => {
    const sent = mount({
      'settings.get': () => ({ ...unconnected, dataCentre: 'com', managed: ['credential', 'dataCentre'] }),
      'setup.listPortals': () => ({ portals: [A] }),
    });
    expect(await screen.findByText('The key or organisation credential is provided by your organization.')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByText(/^Email:/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'setup.listPortals')).toEqual({ command: 'setup.listPortals', dataCentre: 'com' }),
    );
  });
});
