/** Sandbox CRM pages that are not record pages (the panel must stay away from them). */
import { CUSTOM_VIEW_ID } from '../../sandbox/crm/routes';
import { CRM_ORG } from '../../sandbox/fixtures';

/** The Contacts "all contacts" custom-view list, as Zoho CRM NextGen addresses it. */
export const CONTACTS_LIST_PATH = `/crm/${CRM_ORG}/tab/Contacts/custom-view/${CUSTOM_VIEW_ID.Contacts}/list?page=1&per_page=10`;

/** A row of a sandbox list view (Zoho's `lyte-tr`, marked `data-zcqa="lv_row_<id>"`). */
export const LIST_ROW = 'lyte-tr[data-zcqa^="lv_row_"]';
