/** Sandbox CRM paths that are not record pages (the panel must stay away from them). */
import { CRM_ORG } from '../../sandbox/fixtures';

/** A Contacts custom-view list, as Zoho CRM NextGen addresses it. */
export const CONTACTS_LIST_PATH = `/crm/${CRM_ORG}/tab/Contacts/custom-view/5293322000000087501/list?page=1&per_page=10`;
