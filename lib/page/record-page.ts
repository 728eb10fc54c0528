/**
 * The record a CRM page shows, parsed from its URL. The rules live in lib/shared/record-page.ts:
 * the broker applies the same ones to the URL of the frame that sent a panel command.
 */
export { parseRecordPage, recordKey } from '../shared/record-page';
