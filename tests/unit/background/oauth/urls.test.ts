import { describe, expect, it } from 'vitest';
import { DATA_CENTRE_IDS } from '../../../../lib/shared/data-centres';
import { dataCentreOfLocation, signInAccountsHost } from '../../../../lib/background/oauth/locations';
import { ENDPOINT_SCOPES } from '../../../../lib/background/desk/params';
import { ALL_FEATURES, DESK_READ_SCOPES, scopesFor } from '../../../../lib/shared/scopes';
import { authorizeUrl, randomState, refreshUrl } from '../../../../lib/background/oauth/urls';

const input = {
  accountsHost: 'accounts.zoho.eu',
  clientId: '1000.ABCDEF',
  redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
  state: 's-123',
  scopes: DESK_READ_SCOPES,
};

describe('authorize and refresh URLs', () => {
  it('asks the chosen Accounts host for a token with the six read scopes, our redirect and state', () => {
    const url = new URL(authorizeUrl(input));
    expect(url.origin).toBe('https://accounts.zoho.eu');
    expect(url.pathname).toBe('/oauth/v2/auth');
    expect(url.searchParams.get('client_id')).toBe('1000.ABCDEF');
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('scope')).toBe(
      'Desk.tickets.READ,Desk.contacts.READ,Desk.search.READ,Desk.basic.READ,Desk.settings.READ,Desk.organization.READ',
    );
    expect(url.searchParams.get('redirect_uri')).toBe(input.redirectUri);
    expect(url.searchParams.get('state')).toBe('s-123');
  });

  it('renews at /oauth/v2/auth/refresh with the same parameters', () => {
    const url = new URL(refreshUrl({ ...input, redirectUri: 'https://0f1e2d3c.extensions.allizom.org/' }));
    expect(url.pathname).toBe('/oauth/v2/auth/refresh');
    expect(url.searchParams.get('redirect_uri')).toBe('https://0f1e2d3c.extensions.allizom.org/');
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('scope')).toContain('Desk.search.READ');
  });

  it('asks for what the admin allowed, in one consent: ticket creation and the CRM record modules added to the Desk read scopes', () => {
    const asked = (features: Parameters<typeof scopesFor>[0]) =>
      new URL(authorizeUrl({ ...input, scopes: scopesFor(features) })).searchParams.get('scope')!.split(',');
    expect(asked(ALL_FEATURES)).toEqual([
      ...DESK_READ_SCOPES,
      'Desk.tickets.CREATE',
      'ZohoCRM.modules.leads.READ',
      'ZohoCRM.modules.contacts.READ',
      'ZohoCRM.modules.accounts.READ',
      'ZohoCRM.modules.deals.READ',
    ]);
    expect(asked({ readCrm: false, createTickets: true })).toEqual([...DESK_READ_SCOPES, 'Desk.tickets.CREATE']);
    expect(asked({ readCrm: true, createTickets: false }).filter((s) => !s.endsWith('.READ'))).toEqual([]);
    expect(asked({ readCrm: false, createTickets: false })).toEqual([...DESK_READ_SCOPES]);
  });

  it('the Desk read scopes are every scope the Desk endpoints DeskLink reads declare, and only read scopes', () => {
    const asked = new URL(authorizeUrl(input)).searchParams.get('scope')!.split(',');
    expect(asked.filter((scope) => !scope.endsWith('.READ'))).toEqual([]);
    const { createTicket, ...reading } = ENDPOINT_SCOPES;
    expect(
      Object.values(reading)
        .flat()
        .filter((scope) => !asked.includes(scope)),
    ).toEqual([]);
    // Creating a ticket asks for its own scope, only when the admin allows it.
    expect(createTicket.filter((scope) => !scopesFor(ALL_FEATURES).includes(scope))).toEqual([]);
  });

  it('makes a different state every time', () => {
    const states = new Set(Array.from({ length: 50 }, randomState));
    expect(states.size).toBe(50);
    for (const s of states) expect(s).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('where a sign-in starts', () => {
  it('goes to the chosen data centre’s own Accounts host without multi-DC (Canada on zohocloud.ca)', () => {
    expect(signInAccountsHost('eu', false)).toBe('accounts.zoho.eu');
    expect(signInAccountsHost('ca', false)).toBe('accounts.zohocloud.ca');
    expect(signInAccountsHost('com.au', false)).toBe('accounts.zoho.com.au');
  });

  it('starts at accounts.zoho.com for every multi-DC sign-in but China’s', () => {
    for (const id of DATA_CENTRE_IDS.filter((d) => d !== 'com.cn')) expect(signInAccountsHost(id, true)).toBe('accounts.zoho.com');
    expect(signInAccountsHost('com.cn', true)).toBe('accounts.zoho.com.cn');
  });
});

describe('location → data centre', () => {
  it.each([
    ['us', 'com'],
    ['eu', 'eu'],
    ['in', 'in'],
    ['au', 'com.au'],
    ['jp', 'jp'],
    ['cn', 'com.cn'],
    ['sa', 'sa'],
    ['ca', 'ca'],
    ['CA', 'ca'],
    ['uk', 'uk'],
    ['ae', 'ae'],
  ])('%s → %s', (location, dataCentre) => {
    expect(dataCentreOfLocation(location)).toBe(dataCentre);
  });

  it('knows no data centre for locations DeskLink does not serve', () => {
    for (const location of ['sg', '', 'com', 'gb', 'uae']) expect(dataCentreOfLocation(location)).toBeUndefined();
  });
});
