/**
 * The OAuth scopes the sandbox's Zoho Accounts knows: the Desk scopes DeskLink's endpoints
 * declare, and Zoho CRM's (`ZohoCRM.<group>[.<module>].<operation>`), which one grant may mix
 * with Desk's. Anything else is "Enter a valid scope" in the API console and `invalid_scope` at
 * consent.
 */
import { ALL_READ_SCOPES } from './desk/access';

const DESK_SCOPES: ReadonlySet<string> = new Set(ALL_READ_SCOPES);

const CRM_SCOPE = /^ZohoCRM\.(modules|settings|users|org)(\.[A-Za-z_]+)?\.(READ|CREATE|UPDATE|DELETE|ALL)$/;

export const isKnownScope = (scope: string): boolean => DESK_SCOPES.has(scope) || CRM_SCOPE.test(scope);
