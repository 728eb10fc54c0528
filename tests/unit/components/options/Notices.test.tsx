import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/options/OptionsApp';
import type { SettingsView } from '../../../../lib/shared/protocol';
import { fakeAdminBroker } from '../../support/admin-broker';
import { UNCONNECTED_VIEW as unconnected } from '../../support/settings-views';

const connected: SettingsView = {
  ...unconnected,
  connected: true,
  dataCentre: 'com',
  email: 'Admin@Zylker.com',
  portal: { id: '649182735', name: 'Zylker Inc.' },
  credentialState: 'ok',
};
const diagnostics = {
  lastError: null,
  cache: { available: false, reason: 'InvalidStateError: no', tickets: 0, records: 0 },
  deskCalls: { today: 42, lastMinute: 7, limitPerMinute: 60 },
};

function mount(view: SettingsView) {
  const fake = fakeAdminBroker({ 'settings.get': () => view, 'diagnostics.get': () => diagnostics });
  render(<OptionsApp send={fake.send} subscribe={() => () => {}} initialLanguage="en" />);
}

afterEach(cleanup);

describe('policy values DeskLink ignored', () => {
  it('are listed, each with what it should have been, on every screen', async () => {
    for (const view of [unconnected, connected]) {
      mount({
        ...view,
        policyIgnored: [
          { key: 'enabled', expected: 'boolean' },
          { key: 'deskCallsPerMinute', expected: 'callsPerMinute' },
          { key: 'dataCenter', expected: 'dataCentre' },
        ],
      });
      const notes = await screen.findByRole('region', { name: 'Enterprise policy' });
      const items = within(notes)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
      expect(items).toEqual([
        'Policy value enabled ignored: expected true or false',
        'Policy value deskCallsPerMinute ignored: expected a whole number from 1 to 1000',
        'Policy value dataCenter ignored: expected one of com, eu, in, com.au, jp, com.cn, sa, ca, uk, ae',
      ]);
      expect(within(notes).getByText('enabled').tagName).toBe('CODE');
      cleanup();
    }
  });

  it('nothing is said when the policy is fine', async () => {
    mount({ ...connected, policyIgnored: [] });
    await screen.findByRole('heading', { name: 'Connected to Zoho Desk' });
    expect(screen.queryByRole('region', { name: 'Enterprise policy' })).toBeNull();
  });
});

describe('a browser that does not let DeskLink keep data', () => {
  it('the options page loads, says why, and warns that the key lasts only until the browser closes', async () => {
    mount({ ...connected, credentialStorage: { persistent: false, reason: 'InvalidStateError: A mutation operation was attempted' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('InvalidStateError: A mutation operation was attempted');
    expect(alert.textContent).toContain('The key is kept only until the browser closes');
    // Tickets are fetched every time: diagnostics say the cache is off, and why.
    const cache = await screen.findByTestId('cache-size');
    await waitFor(() => expect(cache.textContent).toContain('Not available (InvalidStateError: no)'));
  });

  it('no warning while the key is kept', async () => {
    mount({ ...connected, credentialStorage: { persistent: true } });
    await screen.findByRole('heading', { name: 'Connected to Zoho Desk' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('diagnostics', () => {
  it('show the Zoho Desk requests made today and in the last minute, with the limit', async () => {
    mount(connected);
    const calls = await screen.findByTestId('desk-calls');
    await waitFor(() => expect(calls.textContent).toBe('42 today, 7 in the last minute (limit 60 a minute)'));
  });
});
