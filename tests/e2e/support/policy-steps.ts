/** What the Chromium and Firefox policy specs share: the policies they install and what the options page then says. */
import { ADMIN_EMAIL, KEYS, PORTALS } from '../../sandbox/fixtures';

/** A complete set-up from policy alone: data center, key with its email, portal; and a Desk call limit. */
export const PRESET = {
  dataCenter: 'com',
  zscKey: KEYS.admin,
  email: ADMIN_EMAIL,
  portalId: PORTALS.A.id,
  deskCallsPerMinute: 7,
} as const;

/** What the connected card shows for PRESET. */
export const PRESET_SHOWN = [PORTALS.A.companyName, 'United States (desk.zoho.com)', ADMIN_EMAIL];

/** The Diagnostics line for PRESET's limit. */
export const PRESET_LIMIT_SHOWN = '(limit 7 a minute)';

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
