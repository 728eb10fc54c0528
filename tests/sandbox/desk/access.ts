/**
 * Who a Desk request comes from: the fixture key (or the sandbox OAuth token) in its
 * `Authorization: Zoho-oauthtoken <token>` header, which data centre that user lives in, which
 * portals /organizations lists and which the token may read, whose agent it is, and the scopes it
 * carries.
 */
import { DATA_CENTRES, type DataCentreId } from '../../../lib/shared/data-centres';
import { accountsState } from '../accounts-state';
import { KEYS, OAUTH_USERS, PORTALS } from '../fixtures';
import type { PortalKey } from '../generate/model';

/** Every Desk scope a full-access token of the sandbox carries. */
export const ALL_READ_SCOPES = [
  'Desk.tickets.READ',
  'Desk.tickets.CREATE',
  'Desk.contacts.READ',
  'Desk.search.READ',
  'Desk.basic.READ',
  'Desk.settings.READ',
  'Desk.organization.READ',
  'Desk.departments.READ',
  'Desk.fields.READ',
] as const;

export interface KeyAccess {
  email: string;
  firstName: string;
  lastName: string;
  /** Where the user's account (and Desk portals) live: the token works on that Desk host only. */
  dataCentre: DataCentreId;
  /** Portals /organizations lists. */
  listed: PortalKey[];
  /** Portals the key may read (orgId header); a listed but unreadable one answers OAUTH_ORG_MISMATCH. */
  readable: PortalKey[];
  scopes: ReadonlySet<string>;
  isAdmin: boolean;
  /** false: a Zoho user without a Desk agent licence (LICENSE_ACCESS_LIMITED on portal calls). */
  licensed: boolean;
  /**
   * The role the user is described by (myinfo `rolePermissionType`, then never varied); without
   * it `Admin` or `AgentPublic` from isAdmin, varied like any nullable value. `Light`: a light
   * agent, who may read but not add, edit or delete records (403 FORBIDDEN on writes).
   */
  role?: 'Admin' | 'AgentPublic' | 'Light';
}

const without = (...missing: string[]) => new Set(ALL_READ_SCOPES.filter((s) => !missing.includes(s)));
const FULL = new Set<string>(ALL_READ_SCOPES);

const person = (email: string, firstName: string, lastName: string) => ({ email, firstName, lastName });

const ACCESS: Record<keyof typeof KEYS, KeyAccess | undefined> = {
  admin: {
    ...person(OAUTH_USERS.admin.email, 'Asha', 'Admin'),
    dataCentre: 'com',
    listed: ['A', 'B'],
    readable: ['A', 'B'],
    scopes: FULL,
    isAdmin: true,
    licensed: true,
  },
  limited: {
    ...person(OAUTH_USERS.limited.email, 'Dana', 'Lopez'),
    dataCentre: 'com',
    listed: ['A', 'C'],
    readable: ['A'],
    scopes: FULL,
    isAdmin: false,
    licensed: true,
  },
  noScope: {
    ...person(OAUTH_USERS.noScope.email, 'Nora', 'Scope'),
    dataCentre: 'com',
    listed: ['A'],
    readable: ['A'],
    scopes: without('Desk.basic.READ'),
    isAdmin: false,
    licensed: true,
  },
  noPortals: {
    ...person(OAUTH_USERS.noPortals.email, 'Ned', 'Nobody'),
    dataCentre: 'com',
    listed: [],
    readable: [],
    scopes: FULL,
    isAdmin: false,
    licensed: true,
  },
  // Always INVALID_OAUTH.
  revoked: undefined,
  noSearch: {
    ...person('nosearch@zylker.com', 'Sam', 'Search'),
    dataCentre: 'com',
    listed: ['A'],
    readable: ['A'],
    scopes: without('Desk.search.READ'),
    isAdmin: false,
    licensed: true,
  },
  unlicensed: {
    ...person('visitor@zylker.com', 'Una', 'Licensed'),
    dataCentre: 'com',
    listed: ['A'],
    readable: ['A'],
    scopes: FULL,
    isAdmin: false,
    licensed: false,
  },
  euAdmin: {
    ...person(OAUTH_USERS.euAdmin.email, 'Anna', 'Admin'),
    dataCentre: 'eu',
    listed: ['E'],
    readable: ['E'],
    scopes: FULL,
    isAdmin: true,
    licensed: true,
  },
  ukAdmin: {
    ...person(OAUTH_USERS.ukAdmin.email, 'Amelia', 'Admin'),
    dataCentre: 'uk',
    listed: ['U'],
    readable: ['U'],
    scopes: FULL,
    isAdmin: true,
    licensed: true,
  },
  agent: {
    ...person(OAUTH_USERS.agent.email, 'Ravi', 'Agent'),
    dataCentre: 'com',
    listed: ['A', 'B'],
    readable: ['A', 'B'],
    scopes: FULL,
    isAdmin: false,
    licensed: true,
    role: 'AgentPublic',
  },
  lightAgent: {
    ...person(OAUTH_USERS.lightAgent.email, 'Lena', 'Light'),
    dataCentre: 'com',
    listed: ['B'],
    readable: ['B'],
    scopes: FULL,
    isAdmin: false,
    licensed: true,
    role: 'Light',
  },
  // Zoho documents no answer for a Zoho user who is in no Desk portal. [GUESS] /organizations
  // answers 204 (it lists "organizations to which the current user belongs": none) and a portal
  // call answers OAUTH_ORG_MISMATCH, the documented code for a token not valid for that orgId
  // (its status, 401 or 403, is the contract table's; 403 FORBIDDEN is the other reading).
  nonAgent: {
    ...person(OAUTH_USERS.nonAgent.email, 'Sam', 'Sales'),
    dataCentre: 'com',
    listed: [],
    readable: [],
    scopes: FULL,
    isAdmin: false,
    licensed: true,
  },
};

const byToken = new Map<string, KeyAccess>();
for (const [name, key] of Object.entries(KEYS)) {
  const access = ACCESS[name as keyof typeof KEYS];
  if (access) byToken.set(key, access);
}

const SCOPED_PREFIX = '1000.zsc.scoped.';

/**
 * A key of the portal admin generated with exactly these scopes (a Self Client key can carry any
 * set): tests reach every SCOPE_MISMATCH with it.
 */
export const keyWithScopes = (scopes: readonly string[]): string => SCOPED_PREFIX + Buffer.from(scopes.join(',')).toString('base64url');

function scopedAccess(token: string): KeyAccess | undefined {
  if (!token.startsWith(SCOPED_PREFIX)) return undefined;
  const scopes = Buffer.from(token.slice(SCOPED_PREFIX.length), 'base64url').toString('utf8').split(',').filter(Boolean);
  return { ...ACCESS.admin!, scopes: new Set(scopes) };
}

/** The token of an `Authorization: Zoho-oauthtoken <token>` header, if that is its form. */
export function tokenOf(authorization: string | undefined): string | undefined {
  const match = /^Zoho-oauthtoken\s+(\S+)\s*$/.exec(authorization ?? '');
  return match?.[1];
}

/**
 * The access of a fixture key, or of a live OAuth token from the sandbox's Accounts (it carries
 * the access of its user's fixture key); undefined when Desk would answer INVALID_OAUTH.
 */
export function accessOfToken(token: string): KeyAccess | undefined {
  const direct = byToken.get(token) ?? scopedAccess(token);
  if (direct) return direct;
  const user = accountsState.userOfToken(token);
  if (!user) return undefined;
  const { key, email, location } = OAUTH_USERS[user];
  // A Self Client's code is generated for one portal: its tokens read that portal only (Zoho's
  // OAUTH_ORG_MISMATCH is "the user chose a different organization while generating the token").
  const bound = accountsState.portalOfToken(token);
  if (key && bound) return { ...ACCESS[key]!, readable: ACCESS[key]!.readable.filter((portal) => portal === bound) };
  if (key) return ACCESS[key];
  // A Zoho user of another data centre with no Desk portal: /organizations answers 204 there.
  const dataCentre = Object.values(DATA_CENTRES).find((dc) => dc.location === location)!.id;
  return { ...person(email, 'Zoho', 'User'), dataCentre, listed: [], readable: [], scopes: FULL, isAdmin: false, licensed: true };
}

export function portalById(orgId: string | undefined): PortalKey | undefined {
  for (const key of Object.keys(PORTALS) as PortalKey[]) if (PORTALS[key].id === orgId) return key;
  return undefined;
}
