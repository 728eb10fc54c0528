/**
 * Zoho's `location` (the data centre of the signed-in user, returned in the token fragment) as
 * one of DeskLink's data centres (lib/shared/data-centres.ts), and where a multi-DC sign-in starts.
 */
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';

/** The data centre a `location` names; undefined for one DeskLink does not serve (sg …). */
export function dataCentreOfLocation(location: string): DataCentreId | undefined {
  const code = location.trim().toLowerCase();
  return Object.values(DATA_CENTRES).find((dc) => dc.location === code)?.id;
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
