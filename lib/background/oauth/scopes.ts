/**
 * The Zoho OAuth scopes DeskLink asks for: read tickets, read
 * contacts and accounts, search, and the basic profile (organizations, myinfo). Together they
 * cover every endpoint lib/background/desk calls; nothing here can write.
 */
const DESK_SCOPES = ['Desk.tickets.READ', 'Desk.contacts.READ', 'Desk.search.READ', 'Desk.basic.READ'] as const;

/** The `scope` parameter: comma-separated, as Zoho documents. */
export const DESK_SCOPE_PARAM = DESK_SCOPES.join(',');
