/** What the Chromium and Firefox policy specs share: the policies they install and what the options page then says. */
import { ALL_READ_SCOPES } from '../../sandbox/desk/access';
import { ADMIN_EMAIL, KEYS, PORTALS } from '../../sandbox/fixtures';
import type { Sandbox } from '../../sandbox/index';

/** A complete set-up from policy alone: data center, key with its email, portal; a Desk call limit; no ticket creation. */
export const PRESET = {
  dataCenter: 'com',
  zscKey: KEYS.admin,
  email: ADMIN_EMAIL,
  portalId: PORTALS.A.id,
  deskCallsPerMinute: 7,
  allowCreate: false,
} as const;

/** What the connected card shows for PRESET. */
export const PRESET_SHOWN = [PORTALS.A.companyName, 'United States (desk.zoho.com)', ADMIN_EMAIL];

/** The Diagnostics line for PRESET's limit. */
export const PRESET_LIMIT_SHOWN = '(limit 7 a minute)';

/**
 * An organisation credential by policy, as an admin deploys one: a Self Client's code generated
 * in the API console for portal A, exchanged once for a refresh token (with curl, say), and the
 * client's ID and secret with that refresh token, the data center and the portal.
 */
export function orgCredentialPolicy(sandbox: Sandbox): Record<string, string> {
  const grant = sandbox.oauth.selfClient({ user: 'admin', portal: 'A', scopes: [...ALL_READ_SCOPES] });
  const exchange = { grant_type: 'authorization_code', client_id: grant.clientId, client_secret: grant.clientSecret, code: grant.code };
  const answer = sandbox.oauth.selfClients.token(new URLSearchParams(exchange), grant.location);
  if (typeof answer.refresh_token !== 'string') throw new Error(`the grant code was not exchanged: ${JSON.stringify(answer)}`);
  return {
    dataCenter: 'com',
    portalId: PORTALS.A.id,
    clientId: grant.clientId,
    clientSecret: grant.clientSecret,
    refreshToken: answer.refresh_token,
  };
}

/** What the connected card shows for orgCredentialPolicy(). */
export const ORG_CREDENTIAL_SHOWN = [PORTALS.A.companyName, 'Organisation credential (Self Client)', 'Managed by your organization'];

/** A value of the right JSON type that DeskLink cannot use: both browsers pass it on. */
export const UNUSABLE_VALUE = { language: 'fr' } as const;
export const UNUSABLE_VALUE_SHOWN = 'Policy value language ignored: expected en or ja';

/** A value of the wrong JSON type: Firefox passes it on; Chromium drops it against managed_schema.json. */
export const WRONG_TYPE = { enabled: 'no' } as const;
export const WRONG_TYPE_SHOWN = 'Policy value enabled ignored: expected true or false';

/**
 * Page source (a string, so no transpiler helper reaches the page): the names of the options
 * page's controls a user could still use, leaving out Diagnostics (`Test connection`, `Clear
 * cache`), which change no setting. With `locked`, none may be left.
 */
export const USABLE_SETTING_CONTROLS = `(() => {
  const diagnostics = [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === 'Diagnostics');
  return [...document.querySelectorAll('button, input, select, textarea')]
    .filter((c) => !c.disabled && !(diagnostics && diagnostics.contains(c)))
    .map((c) => ((c.labels && c.labels[0] && c.labels[0].textContent) || c.textContent || c.id || c.localName).trim());
})()`;
