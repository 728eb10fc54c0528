/**
 * Ways to connect as an admin meets them on the options page, written once and run in both
 * browsers (tests/e2e/options-ways.spec.ts in Chromium, tests/e2e/firefox-options-ways.spec.ts in
 * Firefox ESR): `How to connect` offers Sign in with Zoho first; a grant code of a Self Client
 * from Zoho's API console connects DeskLink and a CRM record shows its tickets; a light agent's
 * shows who it acts as; a Zoho user without a Desk licence is told so; once the admin revokes the
 * refresh token, the panel and the options page say the organisation credential was rejected; a
 * ZSC key Desk rejects offers the other two ways. Each scenario starts with DeskLink unconfigured.
 */
import { expect } from '@playwright/test';
import { ALL_READ_SCOPES } from '../../sandbox/desk/access';
import { ADMIN_EMAIL, KEYS, OAUTH_USERS, PORTALS, RECORDS } from '../../sandbox/fixtures';
import { unwrap } from '../support/admin';
import type { OptionsPage, OptionsWorld } from '../support/options-driver';
import { expectInPanel, expectTickets } from '../support/panel-steps';

interface OptionsScenario {
  title: string;
  /** Waits out a minute of DeskLink's own: the spec gives it a longer test timeout. */
  slow?: true;
  run: (world: OptionsWorld) => Promise<void>;
}

/** What the API console's Self Client gives the admin of portal A: client id and secret, a grant code. */
const selfClientOfAdmin = ({ sandbox }: OptionsWorld) =>
  sandbox.oauth.selfClient({ user: 'admin', portal: 'A', scopes: [...ALL_READ_SCOPES] });

/** Step 1 with an organisation credential: its way, Client ID, Client secret, Grant code, `Next`. */
async function enterOrgCredential(options: OptionsPage, grant: { clientId: string; clientSecret: string; code: string }) {
  await options.select('Data center', 'com');
  await options.choose('Organisation credential');
  await options.fill('Client ID', grant.clientId);
  await options.fill('Client secret', grant.clientSecret);
  await options.fill('Grant code', grant.code);
  await options.click('Next');
}

export const WAYS_TO_CONNECT_SCENARIOS: readonly OptionsScenario[] = [
  {
    title: 'a grant code of a Self Client connects: the connected view says whom it acts as and how, and a record shows its tickets',
    async run(world) {
      const grant = selfClientOfAdmin(world);
      const refreshTokens = () => world.sandbox.oauth.refreshTokens({ clientId: grant.clientId }).length;
      const before = refreshTokens();
      const options = await world.openOptions();
      await enterOrgCredential(options, grant);
      await options.click('Save');

      const connected = await options.regionText('Connected to Zoho Desk');
      expect(connected).toContain(PORTALS.A.companyName);
      // The user as myinfo names them: name (if Zoho sent one), email, role.
      const actsAs = connected.slice(connected.indexOf('Acts as (Zoho Desk user)'), connected.indexOf('Data center'));
      expect(actsAs).toContain(ADMIN_EMAIL);
      expect(connected).toContain('United States (desk.zoho.com)');
      expect(connected).toContain('Connected withOrganisation credential (Self Client)');
      expect(connected).toContain('ScopesThose its code was generated with');
      // The grant code was exchanged once, for the refresh token DeskLink keeps.
      expect(refreshTokens()).toBe(before + 1);

      const tab = await world.open(RECORDS.contact);
      await expectTickets(tab, RECORDS.contact);
      // An admin's credential may create tickets.
      expect(await tab.panel().countOf('button', 'New ticket')).toBe(1);
    },
  },
  {
    title:
      'a light agent’s Self Client: the options page names the user and the role, and the rep sees the portal’s tickets but no New ticket',
    async run(world) {
      const grant = world.sandbox.oauth.selfClient({ user: 'lightAgent', portal: 'B', scopes: [...ALL_READ_SCOPES] });
      const options = await world.openOptions();
      await enterOrgCredential(options, grant);
      await options.select('Portal', PORTALS.B.id);
      await options.click('Save');
      const connected = await options.regionText('Connected to Zoho Desk');
      expect(connected).toContain(`(${OAUTH_USERS.lightAgent.email}), Light agent`);
      expect(connected).toContain(PORTALS.B.companyName);
      const panel = (await world.open(RECORDS.contact)).panel();
      await expectInPanel(panel, 'tab', `All ${RECORDS.contact.expectedTickets.B}`, { timeout: 20_000 });
      // Desk lets a light agent read only: the panel offers no New ticket.
      expect(await panel.countOf('button', 'New ticket')).toBe(0);
    },
  },
  {
    title: 'a Zoho user with no Zoho Desk licence: Next says a Desk agent or light-agent licence is needed, and nothing is saved',
    async run(world) {
      const grant = world.sandbox.oauth.selfClient({ user: 'nonAgent', scopes: [...ALL_READ_SCOPES] });
      const options = await world.openOptions();
      await enterOrgCredential(options, grant);
      expect(await options.alertText()).toContain(
        'This Zoho user belongs to no Zoho Desk portal in this data center. Reading tickets needs a Zoho Desk agent or light-agent licence',
      );
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({ ok: true, data: { connected: false } });
    },
  },
  {
    title: 'a revoked refresh token: the panel and the options page say Zoho rejected the organisation credential',
    slow: true,
    async run(world) {
      const grant = selfClientOfAdmin(world);
      const credential = { kind: 'org', clientId: grant.clientId, clientSecret: grant.clientSecret, grantCode: grant.code } as const;
      const save = {
        command: 'setup.save',
        dataCentre: 'com',
        credential,
        portalId: PORTALS.A.id,
        language: 'en',
        timeZone: PORTALS.A.timeZone,
      } as const;
      const tokensOfClient = () => world.sandbox.oauth.refreshTokens({ clientId: grant.clientId }).map((t) => t.refreshToken);
      const earlier = tokensOfClient();
      unwrap(await world.sendAdmin(save), 'setup.save');
      const issued = tokensOfClient().filter((token) => !earlier.includes(token));
      expect(issued).toHaveLength(1);
      await expectTickets(await world.open(RECORDS.contact), RECORDS.contact);

      // The admin revokes the refresh token DeskLink holds (the sandbox's other tests' tokens of this client stay).
      expect(world.sandbox.oauth.revoke({ refreshToken: issued[0]! })).toBe(1);
      const panel = (await world.open(RECORDS.lead)).panel();
      // DeskLink asks Zoho Accounts for an access token at most once a minute (Zoho limits token
      // requests per refresh token), so it learns of the revocation at its first refresh after
      // that minute; until then the panel asks the rep to wait, and the rep presses Refresh.
      const rejected = /refused the organisation credential: its refresh token was revoked/;
      const alertsAfterRefresh = async () => {
        const alerts = await panel.textsOf('alert');
        if (alerts.length === 1 && !rejected.test(alerts[0]!) && (await panel.countOf('button', 'Refresh')) === 1) {
          await panel.click('button', 'Refresh');
        }
        return alerts;
      };
      await expect.poll(alertsAfterRefresh, { timeout: 150_000, intervals: [5_000] }).toEqual([expect.stringMatching(rejected)]);
      expect(await panel.rows()).toHaveLength(0);

      const options = await world.openOptions();
      expect(await options.regionText('Connected to Zoho Desk')).toContain(
        'Zoho rejected the saved key or organisation credential (invalid, or its refresh token revoked).',
      );
    },
  },
  {
    title:
      'a ZSC key Zoho Desk rejects: the alert says current accounts sign in or use an organisation credential, and a button goes there',
    async run(world) {
      const options = await world.openOptions();
      await options.select('Data center', 'com');
      await options.choose('ZSC key');
      await options.fill('ZSC key', KEYS.revoked);
      await options.fill('Email', ADMIN_EMAIL);
      await options.click('Next');
      const alert = await options.alertText();
      expect(alert).toContain('Zoho Desk rejected this key in the United States data center');
      expect(alert).toContain('Current Zoho Desk accounts connect with Sign in with Zoho or an organisation credential.');
      await options.click('Connect another way');
      await expect.poll(() => options.focusedLabel()).toBe('Client ID');
      expect(await world.sendAdmin({ command: 'settings.get' })).toMatchObject({
        ok: true,
        data: { connected: false, credentialState: 'none' },
      });
    },
  },
];
