// The set-up step's radio group `How to connect`, in order (Sign in with Zoho chosen first, each
// way's one button the step's primary one); what DeskLink may do and the scopes it asks for; the
// organisation credential's fields, checks and portal step; a ZSC key Desk rejects offers the
// other two ways.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/options/OptionsApp';
import type { PortalChoice, SettingsView } from '../../../../lib/shared/protocol';
import { fakeAdminBroker, type AdminAnswers } from '../../support/admin-broker';
import { UNCONNECTED_VIEW as unconnected } from '../../support/settings-views';
import { chooseWay, field } from '../../support/setup-ways';
import { scopesFor } from '../../../../lib/shared/scopes';

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

const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });

afterEach(cleanup);

describe('How to connect', () => {
  it('offers three ways in order, each saying when to use it; Sign in with Zoho is chosen and each way shows only its own fields', async () => {
    mount({});
    const group = await screen.findByRole('radiogroup', { name: 'How to connect' });
    const radios = within(group).getAllByRole<HTMLInputElement>('radio');
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(['Sign in with Zoho', 'Organisation credential', 'ZSC key']);
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false]);
    const when = radios.map((radio) => document.getElementById(radio.getAttribute('aria-describedby')!)!.textContent);
    expect(when[0]).toMatch(/^Recommended\..*light-agent licence/);
    expect(when[1]).toContain('whole team');
    expect(when[2]).toContain('Zoho CRM under Setup › Developer Space › ZSC Key');
    const buttons = () => screen.getAllByRole('button').map((b) => [b.textContent, b.classList.contains('secondary')]);
    expect(buttons()).toEqual([['Sign in with Zoho', false]]);
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    await chooseWay('Organisation credential');
    expect(buttons()).toEqual([['Next', false]]);
    expect(screen.queryByLabelText('Multi-DC client', { exact: false })).toBeNull();
    await chooseWay('ZSC key');
    expect(buttons()).toEqual([['Next', false]]);
    expect(screen.queryByLabelText('Client ID')).toBeNull();
  });

  it('the organisation credential: Client ID, and the secret and both codes as password inputs', async () => {
    mount({});
    await chooseWay('Organisation credential');
    const org = within(screen.getByRole('group', { name: 'Organisation credential' }));
    expect(org.getByLabelText<HTMLInputElement>('Client ID').type).toBe('text');
    for (const label of ['Client secret', 'Grant code', 'Refresh token']) {
      expect(org.getByLabelText<HTMLInputElement>(label).type).toBe('password');
    }
  });

  it('what DeskLink may do sets the scopes: the sign-in asks for them, the Self Client’s code is generated with them', async () => {
    const sent = mount({ 'oauth.signIn': () => ({ error: { code: 'OAUTH_DENIED' } }) });
    await screen.findByRole('radiogroup', { name: 'How to connect' });
    fireEvent.click(screen.getByLabelText('Create tickets from CRM records'));
    type('Client ID', '1000.CLIENT');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Zoho' }));
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'oauth.signIn')).toMatchObject({ features: { readCrm: true, createTickets: false } }),
    );
    await chooseWay('Organisation credential');
    // The choice carries over to the other way.
    expect(field<HTMLInputElement>('Create tickets from CRM records').checked).toBe(false);
    const scopes = () => screen.getByText(/^Generate the code with these scopes/).querySelector('code')!.textContent;
    expect(scopes()).toBe(
      'Desk.tickets.READ,Desk.contacts.READ,Desk.search.READ,Desk.basic.READ,Desk.settings.READ,Desk.organization.READ,' +
        'ZohoCRM.modules.leads.READ,ZohoCRM.modules.contacts.READ,ZohoCRM.modules.accounts.READ,ZohoCRM.modules.deals.READ',
    );
    fireEvent.click(field('Read the record’s name and emails from Zoho CRM'));
    fireEvent.click(field('Create tickets from CRM records'));
    expect(scopes()).toContain('Desk.organization.READ,Desk.tickets.CREATE');
    expect(scopes()).not.toContain('ZohoCRM');
  });

  it('is in Japanese too', async () => {
    mount({}, 'ja');
    expect(await screen.findByRole('radiogroup', { name: '接続のしかた' })).toBeTruthy();
    await chooseWay('組織の資格情報');
    for (const label of ['クライアント ID', 'クライアントシークレット', '付与コード', 'リフレッシュトークン']) {
      expect(field(label)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: '次へ' })).toBeTruthy();
  });
});

describe('the organisation credential', () => {
  it('lists the portals with a grant code and saves the chosen portal with it', async () => {
    const sent = mount({ 'setup.listPortals': () => ({ portals: [A] }), 'setup.save': () => connected });
    fireEvent.change(await screen.findByLabelText('Data center'), { target: { value: 'eu' } });
    await chooseWay('Organisation credential');
    type('Client ID', ' 1000.SELF ');
    type('Client secret', 'secret-1');
    type('Grant code', ' 1000.code ');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
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
    await chooseWay('Organisation credential');
    type('Client ID', '1000.SELF');
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
    await chooseWay('Organisation credential');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Enter the Client ID of your Self Client');
    expect(alert.textContent).toContain('Enter the Client secret');
    expect(alert.textContent).toContain('either a Grant code or a Refresh token');
    type('Client ID', '1000.SELF');
    type('Client secret', 'secret-1');
    type('Grant code', '1000.code');
    type('Refresh token', '1000.refresh');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter either a Grant code or a Refresh token, not both.'));
    type('Client secret', 'secret with space');
    type('Refresh token', '');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('characters Zoho never uses'));
    expect(sent.map((r) => r.command)).toEqual(['settings.get']);
  });

  it('says in words when Zoho Accounts refuses an expired grant code, and stays on the form', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'GRANT_CODE_INVALID', detail: 'invalid_code' } }) });
    await chooseWay('Organisation credential');
    type('Client ID', '1000.SELF');
    type('Client secret', 'secret-1');
    type('Grant code', '1000.code');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(within(screen.getByRole('group', { name: 'Organisation credential' })).getByRole('alert')).toBe(alert);
    expect(alert.textContent).toMatch(/grant code/i);
    expect(field('Client ID')).toBeTruthy();
  });
});

describe('a ZSC key Desk rejects', () => {
  it('says how current Zoho Desk accounts connect, with a button that goes to the sign-in', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'INVALID_OAUTH', status: 401 } }) });
    await chooseWay('ZSC key');
    type('ZSC key', '1000.zsc.key');
    type('Email', 'admin@zylker.com');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Zoho Desk rejected this key');
    expect(alert.textContent).toContain('Current Zoho Desk accounts connect with Sign in with Zoho or an organisation credential.');
    fireEvent.click(screen.getByRole('button', { name: 'Connect another way' }));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Sign in with Zoho' }).checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field('Client ID')));
  });

  it('a key of another data centre is not rejected: no other ways offered, the data centre named', async () => {
    mount({ 'setup.listPortals': () => ({ error: { code: 'INVALID_OAUTH', status: 401, dataCentre: 'eu' } }) });
    await chooseWay('ZSC key');
    type('ZSC key', '1000.zsc.key');
    type('Email', 'admin@zylker.com');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('belongs to the Europe data center');
    expect(screen.queryByRole('button', { name: 'Connect another way' })).toBeNull();
  });

  it('guides to Zoho CRM for the key, once the ZSC key is chosen', async () => {
    mount({});
    await screen.findByRole('radiogroup', { name: 'How to connect' });
    expect(screen.queryByRole('region', { name: 'Where do I get a ZSC key?' })).toBeNull();
    await chooseWay('ZSC key');
    const guidance = await screen.findByRole('region', { name: 'Where do I get a ZSC key?' });
    expect(guidance.textContent).toContain('Zoho CRM under Setup › Developer Space › ZSC Key');
    expect(guidance.textContent).not.toContain('Developer Space › API');
  });
});

describe('the connected view says who the connection acts as, how it is connected and with which scopes', () => {
  const agent = { name: 'Rei Sato', role: 'Light' };
  const asked = scopesFor({ readCrm: false, createTickets: false });
  it.each([
    ['zsc', {}, 'Rei Sato (admin@zylker.com), Light agent', 'ZSC key', 'Those of the key (Zoho does not report them to DeskLink)'],
    [
      'oauth',
      { grantedScopes: asked },
      'Rei Sato (admin@zylker.com), Light agent',
      'Sign in with Zoho (each rep as themselves)',
      asked.join(''),
    ],
    [
      'org',
      { agent: { name: null, role: 'Admin' } },
      'admin@zylker.com, Administrator',
      'Organisation credential (Self Client)',
      'Those its code was generated with (Zoho does not report them to DeskLink)',
    ],
  ] as const)('%s', async (authKind, extra, who, how, scopes) => {
    mount({ 'settings.get': () => ({ ...connected, agent, authKind, ...extra }) });
    const region = await screen.findByRole('region', { name: 'Connected to Zoho Desk' });
    const rows = [...region.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(rows).toEqual([
      ['Portal', 'Zylker Inc.'],
      ['Acts as (Zoho Desk user)', who],
      ['Data center', 'United States (desk.zoho.com)'],
      ['Connected with', how],
      ['Scopes', scopes],
    ]);
  });

  it('says which scope a feature the sign-in did not ask for lacks, and how to add it', async () => {
    mount({
      'settings.get': () => ({ ...connected, authKind: 'oauth', grantedScopes: scopesFor({ readCrm: true, createTickets: false }) }),
    });
    const region = await screen.findByRole('region', { name: 'Connected to Zoho Desk' });
    expect(region.textContent).toContain('Creating tickets is not allowed: the connection lacks Desk.tickets.CREATE.');
    expect(region.textContent).not.toContain('Reading records from Zoho CRM is not allowed');
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
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByText(/^Email:/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(sent.find((r) => r.command === 'setup.listPortals')).toEqual({ command: 'setup.listPortals', dataCentre: 'com' }),
    );
  });
});
