/**
 * The Zoho OAuth scopes DeskLink asks for: every scope the Desk endpoints it calls declare
 * (`ENDPOINT_SCOPES` in lib/background/desk/params.ts), all read-only:
 * - Desk.tickets.READ: the ticket search and the ticket lists of contacts and accounts;
 * - Desk.contacts.READ: contacts and accounts (their searches, an account by id, a contact's tickets);
 * - Desk.search.READ: every search, and both ticket lists;
 * - Desk.basic.READ and Desk.settings.READ: /organizations (the portals) and /myinfo (the agent);
 * - Desk.organization.READ: /organizations, in Zoho's newest files.
 */
const DESK_SCOPES = [
  'Desk.tickets.READ',
  'Desk.contacts.READ',
  'Desk.search.READ',
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.organization.READ',
] as const;

/** The `scope` parameter: comma-separated, as Zoho documents. */
export const DESK_SCOPE_PARAM = DESK_SCOPES.join(',');
