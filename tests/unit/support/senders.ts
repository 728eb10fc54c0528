// Message senders as the browser reports them, for broker tests (not a test file itself).
import type { MessageSender } from '../../../lib/background/broker/sender-policy';

const EXT_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const CRM_URL = 'https://crm.zoho.com/crm/org20110845/tab/Contacts/5293322000004120017';

const tab = (url: string | undefined, id = 7) =>
  ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false, ...(url ? { url } : {}) }) as MessageSender['tab'];

/** The content script in a CRM tab's top frame. */
export const crmTab = (url = CRM_URL): MessageSender => ({ id: EXT_ID, url, origin: new URL(url).origin, tab: tab(url), frameId: 0 });

/** The content script inside a CRM frame embedded in Zoho One. */
export const crmFrameInZohoOne = (): MessageSender => ({
  id: EXT_ID,
  url: CRM_URL,
  origin: 'https://crm.zoho.com',
  tab: tab('https://one.zoho.com/zohoone/zylker/home/cxapp/crm/'),
  frameId: 3,
});

/** DeskLink's panel page framed into a CRM tab (its address carries the channel's token); `null`: the tab's address is hidden. */
export const panelFrame = (tabUrl: string | null = CRM_URL): MessageSender => ({
  id: EXT_ID,
  url: `${EXT_ORIGIN}/panel.html#2645c919ac50c86ad6c1ce3d46ff5fd0`,
  origin: EXT_ORIGIN,
  tab: tab(tabUrl ?? undefined),
  frameId: 56,
});

/** The options page opened in a tab (Chrome). */
export const optionsTab = (): MessageSender => ({
  id: EXT_ID,
  url: `${EXT_ORIGIN}/options.html`,
  origin: EXT_ORIGIN,
  tab: tab(`${EXT_ORIGIN}/options.html`),
  frameId: 0,
});

/** The options page embedded by the browser's add-ons manager (no tab). */
export const optionsEmbedded = (): MessageSender => ({ id: EXT_ID, url: `${EXT_ORIGIN}/options.html`, origin: EXT_ORIGIN });

export { CRM_URL, EXT_ID, EXT_ORIGIN, tab };
