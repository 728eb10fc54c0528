import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/options/OptionsApp';
import type { PortalChoice, SettingsView } from '../../../../lib/shared/protocol';
import { fakeAdminBroker, type AdminAnswers } from '../../support/admin-broker';
import { canonicalTimeZone } from '../../../../lib/shared/time-zones';
import { UNCONNECTED_VIEW as unconnected } from '../../support/settings-views';
import { chooseWay, field } from '../../support/setup-ways';

const A: PortalChoice = {
  id: '649182735',
  companyName: 'Zylker Inc.',
  portalName: 'zylker',
  isDefault: true,
  timeZone: 'America/Los_Angeles',
  edition: 'FREE',
};
const B: PortalChoice = {
  id: '7310045521',
  companyName: 'Zylker Japan 株式会社',
  portalName: 'zylkerjp',
  isDefault: false,
  timeZone: 'Asia/Tokyo',
  edition: 'ENTERPRISE',
};

const connected: SettingsView = {
  ...unconnected,
  connected: true,
  dataCentre: 'com',
  email: 'Admin@Zylker.com',
  portal: { id: A.id, name: '<img src=x onerror=alert(1)>' },
  credentialState: 'ok',
};
const diagnostics = {
  lastError: { code: 'NETWORK' as const, host: 'desk.zoho.com', at: Date.UTC(2026, 10, 25, 12) },
  cache: { available: true, tickets: 14, records: 2 },
};

function mount(answers: AdminAnswers, subscribe: (onChange: () => void) => () => void = () => () => {}) {
  const fake = fakeAdminBroker({ 'diagnostics.get': () => diagnostics, ...answers });
  render(<OptionsApp send={fake.send} subscribe={subscribe} initialLanguage="en" />);
  return fake;
}

afterEach(cleanup);

const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);

describe('the setup wizard', () => {
  it('is what shows while nothing is connected, with the contract labels', async () => {
    mount({ 'settings.get': () => unconnected });
    expect(await screen.findByLabelText('Data center')).toBeTruthy();
    const ways = screen.getByRole('radiogroup', { name: 'How to connect' });
    expect(
      within(ways)
        .getAllByRole('radio')
        .map((radio) => radio.closest('div')!.querySelector('label')!.textContent),
    ).toEqual(['Sign in with Zoho', 'Organisation credential', 'ZSC key']);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Sign in with Zoho' }).checked).toBe(true);
    await chooseWay('ZSC key');
    expect(field('ZSC key').type).toBe('password');
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
    const centres = [...select('Data center').options].map((o) => [o.value, o.text]);
    expect(centres.map(([v]) => v)).toEqual(['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'sa', 'ca', 'uk', 'ae']);
    expect(centres[0]![1]).toContain('United States');
    expect(centres.slice(-2).map(([, text]) => text)).toEqual(['United Kingdom (uk)', 'United Arab Emirates (ae)']);
    // Guidance for the three starting points.
    for (const heading of ['New to Zoho Desk', 'Admin of a Zoho Desk portal', 'Not a Zoho Desk admin']) {
      expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    }
  });

  it('draws step 1 at once, before the broker answers (a sleeping worker), and keeps what is typed', async () => {
    let answer: () => void = () => {};
    const fake = fakeAdminBroker({ 'settings.get': () => unconnected });
    const slowSend: typeof fake.send = (request) => new Promise((resolve) => (answer = () => resolve(fake.send(request))));
    render(<OptionsApp send={slowSend} subscribe={() => () => {}} initialLanguage="en" />);
    expect(screen.getByRole('heading', { name: 'Connect Zoho Desk' })).toBeTruthy();
    expect(screen.queryByText('Working…')).toBeNull();
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: '1000.zsc.typed-early' } });
    answer();
    await waitFor(() => expect(screen.getByText('Step 1 of 2')).toBeTruthy());
    expect(field('ZSC key').value).toBe('1000.zsc.typed-early');
  });

  it('flags an empty key and a malformed email in an alert without asking the broker', async () => {
    const { sent } = mount({ 'settings.get': () => unconnected });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: '   ' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'admin@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Enter the ZSC key');
    expect(alert.textContent).toContain('Enter the email address the key belongs to');
    expect(field('ZSC key').getAttribute('aria-invalid')).toBe('true');
    expect(sent.map((r) => r.command)).toEqual(['settings.get']);
  });

  it('a key with characters no Zoho key has gets its own message, with no request to Zoho', async () => {
    const { sent } = mount({ 'settings.get': () => unconnected });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: '1000.zsc\u200B.k\u00e9y' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: "o'brien+crm@Zylker.com" } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The key contains characters Zoho keys never have');
    expect(alert.textContent).not.toContain('email');
    expect(field('ZSC key').getAttribute('aria-invalid')).toBe('true');
    expect(sent.map((r) => r.command)).toEqual(['settings.get']);
  });

  it('Next lists portals with the default preselected; the time zone follows the portal; Save sends the choice', async () => {
    const { sent } = mount({
      'settings.get': () => unconnected,
      'setup.listPortals': () => ({ portals: [B, A] }),
      'setup.save': () => ({ ...connected, portal: { id: B.id, name: B.companyName } }),
    });
    fireEvent.change(await screen.findByLabelText('Data center'), { target: { value: 'com' } });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: ' 1000.zsc.key ' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'Admin@Zylker.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByLabelText('Portal');
    expect(sent[1]).toEqual({
      command: 'setup.listPortals',
      dataCentre: 'com',
      credential: { kind: 'zsc', key: '1000.zsc.key', email: 'Admin@Zylker.com' },
    });
    expect(select('Portal').value).toBe(A.id);
    expect(select('Time zone').value).toBe('America/Los_Angeles');
    expect(select('Language').value).toBe('en');
    expect([...select('Language').options].map((o) => o.text)).toEqual(['English', '日本語']);
    expect(select('Time zone').options.length).toBeGreaterThan(300);
    fireEvent.change(select('Portal'), { target: { value: B.id } });
    expect(select('Time zone').value).toBe('Asia/Tokyo');
    fireEvent.change(select('Language'), { target: { value: 'ja' } });
    // The chosen language speaks at once, before it is saved.
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('Zylker Japan 株式会社');
    expect(sent.find((r) => r.command === 'setup.save')).toEqual({
      command: 'setup.save',
      dataCentre: 'com',
      credential: { kind: 'zsc', key: '1000.zsc.key', email: 'Admin@Zylker.com' },
      portalId: B.id,
      language: 'ja',
      timeZone: 'Asia/Tokyo',
    });
    expect(screen.getByRole('checkbox', { name: 'Enable Zoho Desk integration' })).toBeTruthy();
  });

  it('says which data center a rejected key belongs to', async () => {
    mount({
      'settings.get': () => unconnected,
      'setup.listPortals': () => ({ error: { code: 'INVALID_OAUTH', status: 401, host: 'desk.zoho.eu', dataCentre: 'com' } }),
    });
    fireEvent.change(await screen.findByLabelText('Data center'), { target: { value: 'eu' } });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: 'k' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'a@b.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('belongs to the United States data center (desk.zoho.com)');
    expect(screen.queryByLabelText('Portal')).toBeNull();
  });

  it('names the email on a mismatch at Save and stays on the portal step', async () => {
    mount({
      'settings.get': () => unconnected,
      'setup.listPortals': () => ({ portals: [A] }),
      'setup.save': () => ({ error: { code: 'EMAIL_MISMATCH' } }),
    });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: 'k' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'wrong@zylker.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('another Zoho Desk user than wrong@zylker.com');
    expect(screen.getByLabelText('Portal')).toBeTruthy();
  });

  it('speaks Japanese when the settings say so', async () => {
    mount({ 'settings.get': () => ({ ...unconnected, language: 'ja' }) });
    expect(await screen.findByLabelText('データセンター')).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '接続のしかた' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoho でサインイン' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
  });
});

describe('the portal step', () => {
  const hostile: PortalChoice = {
    id: '8800120034',
    companyName: '<img src=x onerror=alert(1)>',
    portalName: '"><script>alert(2)</script>',
    isDefault: false,
    timeZone: null,
    edition: 'FREE',
  };

  async function portalStep(portals: PortalChoice[]) {
    mount({ 'settings.get': () => unconnected, 'setup.listPortals': () => ({ portals }) });
    await chooseWay('ZSC key');
    fireEvent.input(field('ZSC key'), { target: { value: 'k' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'a@b.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByLabelText('Portal');
  }

  it('shows a hostile company and portal name as text in the Portal select', async () => {
    await portalStep([A, hostile]);
    const option = [...select('Portal').options].find((o) => o.value === hostile.id)!;
    expect(option.textContent).toBe('<img src=x onerror=alert(1)> ("><script>alert(2)</script>)');
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('Time zone lists every IANA zone; a portal without a zone keeps the browser’s', async () => {
    await portalStep([{ ...hostile, companyName: 'No zone', isDefault: true }, A]);
    const zones = [...select('Time zone').options].map((o) => o.value);
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(zones).toContain(canonicalTimeZone(zone));
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    // unconnected.timeZone is what the broker reports as the browser's zone.
    expect(select('Time zone').value).toBe('Europe/Berlin');
    fireEvent.change(select('Portal'), { target: { value: A.id } });
    expect(select('Time zone').value).toBe('America/Los_Angeles');
  });

  it('Language starts from the broker’s default (the browser’s language)', async () => {
    mount({ 'settings.get': () => ({ ...unconnected, language: 'ja' }), 'setup.listPortals': () => ({ portals: [A] }) });
    await chooseWay('ZSCキー');
    fireEvent.input(field('ZSCキー'), { target: { value: 'k' } });
    fireEvent.input(screen.getByLabelText('メールアドレス'), { target: { value: 'a@b.example' } });
    fireEvent.click(screen.getByRole('button', { name: '次へ' }));
    await screen.findByLabelText('ポータル');
    expect(select('言語').value).toBe('ja');
  });
});

describe('the connected view', () => {
  it('shows portal, email and data center; a hostile portal name stays text', async () => {
    mount({ 'settings.get': () => connected });
    const portal = await screen.findByTestId('connected-portal');
    expect(portal.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(portal.querySelector('img')).toBeNull();
    expect(screen.getByTestId('connected-email').textContent).toBe('Admin@Zylker.com');
    expect(screen.getByTestId('connected-data-center').textContent).toContain('desk.zoho.com');
    // Diagnostics are read once the connected view shows.
    await waitFor(() => expect(screen.getByTestId('cache-size').textContent).toBe('14 tickets for 2 records'));
    expect(screen.getByTestId('last-error').textContent).toContain('NETWORK from desk.zoho.com');
  });

  it('the checkbox switches the integration', async () => {
    const { sent } = mount({ 'settings.get': () => connected, 'settings.update': (r) => ({ ...connected, enabled: r.enabled }) });
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Enable Zoho Desk integration' });
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(false));
    expect(sent.find((r) => r.command === 'settings.update')).toEqual({ command: 'settings.update', enabled: false });
  });

  it('Change portal asks first, then lists the stored key’s portals from the current one; Cancel changes nothing', async () => {
    const { sent } = mount({
      'settings.get': () => ({ ...connected, portal: { id: B.id, name: B.companyName } }),
      'setup.listPortals': () => ({ portals: [A, B] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Change portal' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Change the portal?' });
    expect(dialog.textContent).toContain('removed from this browser');
    expect(dialog.textContent).toContain('Zoho Desk keeps all its data');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change portal' }));
    expect(await screen.findByLabelText('Portal')).toBeTruthy();
    expect(sent.at(-1)).toEqual({ command: 'setup.listPortals', dataCentre: 'com' });
    // The current portal, not Zoho's default, and the current time zone, not the portal's.
    expect(select('Portal').value).toBe(B.id);
    expect(select('Time zone').value).toBe('Europe/Berlin');
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('checkbox', { name: 'Enable Zoho Desk integration' })).toBeTruthy();
    expect(sent.some((r) => r.command === 'setup.save')).toBe(false);
  });

  it('Deactivate can be cancelled; confirmed, it returns to the setup form', async () => {
    const { sent } = mount({ 'settings.get': () => connected, deactivate: () => unconnected });
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent.some((r) => r.command === 'deactivate')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByRole('radiogroup', { name: 'How to connect' })).toBeTruthy();
  });

  it('policy-managed controls are locked and say so', async () => {
    mount({ 'settings.get': () => ({ ...connected, managed: ['enabled', 'credential', 'portal'] }) });
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Enable Zoho Desk integration' });
    expect(box.disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Change portal' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Deactivate' }).disabled).toBe(true);
    expect(screen.getAllByText('Managed by your organization').length).toBeGreaterThan(0);
    expect(select('Language').disabled).toBe(false);
  });

  it('follows a change made elsewhere (policy pushed) without a reload', async () => {
    let notify = () => {};
    let view = connected;
    mount({ 'settings.get': () => view }, (onChange) => ((notify = onChange), () => {}));
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Enable Zoho Desk integration' });
    view = { ...connected, enabled: false, managed: ['enabled'] };
    notify();
    await waitFor(() => expect(box.checked).toBe(false));
    expect(box.disabled).toBe(true);
  });

  it('Test connection and Clear cache report their result', async () => {
    mount({
      'settings.get': () => connected,
      'connection.test': () => ({ portalName: 'Zylker Inc.', email: 'admin@zylker.com' }),
      'cache.clear': () => ({ lastError: null, cache: { available: true, tickets: 0, records: 0 } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connection works: Zylker Inc., signed in as admin@zylker.com.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    expect(await screen.findByText('Cache cleared.')).toBeTruthy();
    expect(screen.getByTestId('cache-size').textContent).toBe('Empty');
  });
});
