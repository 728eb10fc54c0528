/**
 * accounts.zoho.<dc> (Zoho Accounts, OAuth): place reserved. The OAuth issue fills this in
 * (authorize page, token fragment redirect, /oauth/v2/auth/refresh, revocation). Until then
 * every request answers 404 {"error":"not_implemented"}.
 */
import { jsonReply, type Reply } from './reply';

export interface AccountsRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
}

export function handleAccounts(_req: AccountsRequest): Reply {
  return jsonReply(404, { error: 'not_implemented' });
}
