import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/options/OptionsApp';
import type { SettingsView } from '../../../../lib/shared/protocol';
import { fakeAdminBroker } from '../../support/admin-broker';
import { UNCONNECTED_VIEW as unconnected } from '../../support/settings-views';
import { chooseWay, field } from '../../support/setup-ways';

function mount(view: SettingsView) {
  const fake = fakeAdminBroker({
    'settings.get': () => view,
    'diagnostics.get': () => ({ cache: { available: true, tickets: 0, records: 0 } }),
    'oauth.redirectUri': () => ({ redirectUri: 'https://abc.chromiumapp.org/' }),
  });
  render(<OptionsApp send={fake.send} subscribe={() => () => {}} initialLanguage="en" />);
  return fake;
}

afterEach(cleanup);

describe('the set-up form under a locked policy with nothing set up', () => {
  it('shows every control disabled with the reason, and Next asks nothing', async () => {
    const { sent } = mount({ ...unconnected, locked: true });
    const ways = await screen.findByRole('radiogroup', { name: 'How to connect' });
    const form = ways.closest('form')!;
    const controls = () => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')];
    expect(controls().map((c) => c.labels?.[0]?.textContent ?? c.textContent)).toEqual(
      expect.arrayContaining(['Data center', 'Sign in with Zoho', 'Organisation credential', 'ZSC key', 'Client ID']),
    );
    for (const control of controls()) expect(control.matches(':disabled'), control.id || control.textContent).toBe(true);
    // No way can be chosen: the sign-in's fields stay, disabled.
    fireEvent.click(screen.getByRole('radio', { name: 'ZSC key' }));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Sign in with Zoho' }).checked).toBe(true);
    expect(field('Client ID').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/locked DeskLink’s settings in this browser: it can only be set up by policy/)).toBeTruthy();
    fireEvent.submit(form);
    expect(sent.filter((r) => r.command === 'setup.listPortals' || r.command === 'oauth.signIn')).toEqual([]);
  });

  it('leaves the form usable when the policy does not lock it', async () => {
    mount(unconnected);
    await chooseWay('ZSC key');
    expect(field('ZSC key').matches(':disabled')).toBe(false);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }).disabled).toBe(false);
    expect(screen.queryByText(/it can only be set up by policy/)).toBeNull();
  });
});
