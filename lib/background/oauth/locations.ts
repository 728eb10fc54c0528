/**
 * Zoho's `location` (the data centre of the signed-in user, returned in the token fragment) as
 * one of DeskLink's data centres (lib/shared/data-centres.ts), and where a multi-DC sign-in starts.
 */
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';

/** Zoho's location codes. Canada's Accounts host is accounts.zohocloud.ca (not zoho.ca). */
const LOCATION_TO_DATA_CENTRE: Record<string, DataCentreId> = {
  us: 'com',
  eu: 'eu',
  in: 'in',
  au: 'com.au',
  jp: 'jp',
  cn: 'com.cn',
  sa: 'sa',
  ca: 'ca',
};

/** The data centre a `location` names; undefined for one DeskLink does not serve (uk, sg, ae …). */
export function dataCentreOfLocation(location: string): DataCentreId | undefined {
  return LOCATION_TO_DATA_CENTRE[location.trim().toLowerCase()];
}

/**
 * The Accounts host a sign-in starts at. A multi-DC client starts at accounts.zoho.com for every
 * data centre but China, whose separate instance starts at accounts.zoho.com.cn; Zoho then sends
 * the user on to their own data centre and names it in `location`.
 */
export function signInAccountsHost(dataCentre: DataCentreId, multiDc: boolean): string {
  if (!multiDc) return DATA_CENTRES[dataCentre].accountsHost;
  return dataCentre === 'com.cn' ? DATA_CENTRES['com.cn'].accountsHost : DATA_CENTRES.com.accountsHost;
}
