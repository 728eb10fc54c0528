/**
 * What each fixture key may do (fixtures.ts KEYS): which portals /organizations lists, which
 * it can read, and whose agent it is. Keys are valid on the US Desk host only.
 */
import { ADMIN_EMAIL, KEYS, LIMITED_EMAIL, PORTALS } from '../fixtures';
import type { PortalKey } from '../generate/model';
import { HOME_DESK_HOST } from '../hosts';
import { accountsState } from '../accounts-state';

export interface KeyAccess {
  email: string;
  firstName: string;
  lastName: string;
  /** Portals /organizations lists. */
  listed: PortalKey[];
  /** Portals the key may read (orgId header); a listed but unreadable one answers OAUTH_ORG_MISMATCH. */
  readable: PortalKey[];
  /** Lacks Desk.basic.READ: /organizations, myinfo and departments answer SCOPE_MISMATCH. */
  lacksBasicScope?: boolean;
  isAdmin: boolean;
}

const ACCESS: Record<string, KeyAccess> = {
  [KEYS.admin]: { email: ADMIN_EMAIL, firstName: 'Asha', lastName: 'Admin', listed: ['A', 'B'], readable: ['A', 'B'], isAdmin: true },
  [KEYS.limited]: { email: LIMITED_EMAIL, firstName: 'Dana', lastName: 'Lopez', listed: ['A', 'C'], readable: ['A'], isAdmin: false },
  [KEYS.noScope]: {
    email: 'noscope@zylker.com',
    firstName: 'Nora',
    lastName: 'Scope',
    listed: ['A'],
    readable: ['A'],
    lacksBasicScope: true,
    isAdmin: false,
  },
  [KEYS.noPortals]: { email: 'nobody@zylker.com', firstName: 'Ned', lastName: 'Nobody', listed: [], readable: [], isAdmin: false },
  // KEYS.revoked is deliberately absent: always INVALID_OAUTH.
};

/** The token of an `Authorization: Zoho-oauthtoken <token>` header, if that is its form. */
export function tokenOf(authorization: string | undefined): string | undefined {
  const match = /^Zoho-oauthtoken\s+(\S+)\s*$/.exec(authorization ?? '');
  return match?.[1];
}

/** The key's access on `host`, or undefined when Desk would answer INVALID_OAUTH. */
export function accessFor(token: string | undefined, host: string): KeyAccess | undefined {
  if (!token || host !== HOME_DESK_HOST) return undefined;
  // An OAuth token from the sandbox's Accounts carries its user's access while it lives.
  return ACCESS[token] ?? ACCESS[accountsState.keyOfToken(token) ?? ''];
}

export function portalById(orgId: string | undefined): PortalKey | undefined {
  for (const key of ['A', 'B', 'C'] as const) if (PORTALS[key].id === orgId) return key;
  return undefined;
}
