/**
 * Whether this connection may read a record from CRM's API, and with what: only a `Sign in
 * with Zoho` token whose consent included the module's CRM read scope (an admin may have turned
 * that off before signing in). A ZSC key is not a CRM token, and an organisation credential's
 * scopes are not known to DeskLink, so both read the page instead. The host is the data centre's
 * CRM API domain (`www.zohoapis.<tld>`), the one Zoho's token answers name as `api_domain`.
 */
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';
import type { Credential } from '../credentials/credential';
import { signInScopes } from '../oauth/sign-in';
import type { CrmApiModule } from './crm-client';

type CrmAccess = { apiDomain: string; token: string } | { reason: 'notSignIn' | 'noCrmScope' };

/** The modules a read touches: a Deal's contact is read from Contacts too. */
const MODULES_READ: Record<CrmApiModule, readonly string[]> = {
  Leads: ['leads'],
  Contacts: ['contacts'],
  Accounts: ['accounts'],
  Deals: ['deals', 'contacts'],
};

/** Zoho's scope names are matched without regard to case; a module's scope or all modules'. */
function grants(scopes: readonly string[], module: string): boolean {
  const granted = new Set(scopes.map((scope) => scope.toLowerCase()));
  return ['zohocrm.modules.read', 'zohocrm.modules.all', `zohocrm.modules.${module}.read`, `zohocrm.modules.${module}.all`].some((scope) =>
    granted.has(scope),
  );
}

export function crmAccess(credential: Credential, dataCentre: DataCentreId, module: CrmApiModule): CrmAccess {
  if (credential.kind !== 'oauth') return { reason: 'notSignIn' };
  const scopes = signInScopes(credential);
  if (!MODULES_READ[module].every((name) => grants(scopes, name))) return { reason: 'noCrmScope' };
  // The token's own `api_domain` when Zoho named one, else the data centre's (the same for every documented one).
  return { apiDomain: credential.apiDomain ?? DATA_CENTRES[dataCentre].apiDomain, token: credential.accessToken };
}
