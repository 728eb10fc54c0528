/**
 * The Zoho OAuth scopes DeskLink asks for, by what the admin lets it do. Always the Desk read
 * scopes every Desk endpoint it calls declares (`ENDPOINT_SCOPES` in lib/background/desk/params.ts):
 * - Desk.tickets.READ: the ticket search and the ticket lists of contacts and accounts;
 * - Desk.contacts.READ: contacts and accounts (their searches, an account by id, a contact's tickets);
 * - Desk.search.READ: every search, and both ticket lists;
 * - Desk.basic.READ and Desk.settings.READ: /organizations (the portals) and /myinfo (the agent);
 * - Desk.organization.READ: /organizations, in Zoho's newest files.
 * Then `Desk.tickets.CREATE` when reps may create tickets, and Zoho CRM's read scope of each
 * record module when DeskLink may read a record's identity from CRM's API. One consent (or one
 * Self Client code) asks for all of them; Zoho's scope grammar lets one grant mix services.
 */
export const DESK_READ_SCOPES = [
  'Desk.tickets.READ',
  'Desk.contacts.READ',
  'Desk.search.READ',
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.organization.READ',
] as const;

const DESK_CREATE_SCOPE = 'Desk.tickets.CREATE';
/** The scopes that let a connection create tickets. */
export const DESK_CREATE_SCOPE_NAMES = [DESK_CREATE_SCOPE, 'Desk.tickets.ALL'] as const;

const CRM_READ_SCOPES = [
  'ZohoCRM.modules.leads.READ',
  'ZohoCRM.modules.contacts.READ',
  'ZohoCRM.modules.accounts.READ',
  'ZohoCRM.modules.deals.READ',
] as const;

/** What the admin allows before signing in; both on unless turned off. */
export interface ConnectionFeatures {
  /** Read a record's name and emails from Zoho CRM's API. */
  readCrm: boolean;
  /** Reps may create Desk tickets from a record. */
  createTickets: boolean;
}

export const ALL_FEATURES: ConnectionFeatures = { readCrm: true, createTickets: true };

export function scopesFor(features: ConnectionFeatures): string[] {
  return [...DESK_READ_SCOPES, ...(features.createTickets ? [DESK_CREATE_SCOPE] : []), ...(features.readCrm ? CRM_READ_SCOPES : [])];
}

/** Zoho's `scope` parameter: comma-separated, as Zoho documents. */
export const scopeParam = (scopes: readonly string[]): string => scopes.join(',');

/** Zoho treats scope names without regard to case (`ZohoCRM.modules.Leads.READ` is `…leads.READ`). */
const has = (granted: readonly string[], scope: string) => granted.some((g) => g.toLowerCase() === scope.toLowerCase());

/** A feature and the scopes it lacks in `granted` (nothing when every scope is there). */
interface MissingFeatureScopes {
  feature: keyof ConnectionFeatures;
  scopes: string[];
}

/** Which features the granted scopes do not cover, and what to add for each. */
export function missingFeatureScopes(granted: readonly string[]): MissingFeatureScopes[] {
  const missing: MissingFeatureScopes[] = [];
  if (!DESK_CREATE_SCOPE_NAMES.some((scope) => has(granted, scope)))
    missing.push({ feature: 'createTickets', scopes: [DESK_CREATE_SCOPE] });
  const crm = CRM_READ_SCOPES.filter(
    (scope) => !has(granted, scope) && !has(granted, 'ZohoCRM.modules.READ') && !has(granted, 'ZohoCRM.modules.ALL'),
  );
  if (crm.length > 0) missing.push({ feature: 'readCrm', scopes: crm });
  return missing;
}
