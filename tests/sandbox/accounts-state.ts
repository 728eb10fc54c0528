/**
 * Zoho Accounts' memory in the sandbox: who is signed in (a session per data centre, kept in a
 * cookie on that data centre's Accounts host), what each session granted to which client, and
 * the access tokens issued. Desk's auth check (desk/access.ts) asks here whether a token is
 * live and whose it is. One per process: token values are random, so sandboxes in one process
 * cannot confuse them; tests reset it per test.
 */
import { randomBytes } from 'node:crypto';
import { OAUTH_USERS, type OAuthUser } from './fixtures';
import type { PortalKey } from './generate/model';
import {
  createSelfClientBook,
  type RefreshTokenRecord,
  type SelfClientGrant,
  type SelfClientRequest,
  type TokenRequestLogEntry,
} from './self-client';

export type { OAuthUser } from './fixtures';

export interface Session {
  id: string;
  user: OAuthUser;
  /** The `location` of the Accounts host that holds the session. */
  location: string;
  ended: boolean;
}

export interface Grant {
  clientId: string;
  scopes: string[];
  /** "Allow access for the entire session": only such a grant can be renewed silently. */
  forSession: boolean;
}

interface IssuedToken {
  user: OAuthUser;
  clientId: string;
  scopes: readonly string[];
  expiresAt: number;
  /** A Self Client token: the portal its code was generated for. */
  portal?: PortalKey;
  /** A Self Client token: the refresh token it came from (revoking that ends it too). */
  refreshToken?: string;
}

const DEFAULT_LIFETIME_SEC = 3600;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function createState() {
  const sessions = new Map<string, Session>();
  const grants = new Map<string, Grant[]>(); // by session id
  const tokens = new Map<string, IssuedToken>();
  let lifetimeSec = DEFAULT_LIFETIME_SEC;
  let user: OAuthUser = 'admin';
  const selfClients = createSelfClientBook((grant) => {
    const token = `1000.${hex(16)}.${hex(16)}`;
    tokens.set(token, { ...grant, expiresAt: Date.now() + lifetimeSec * 1000 });
    return { token, expiresIn: lifetimeSec };
  });
  const live = (token: string, now: number): IssuedToken | undefined => {
    const issued = tokens.get(token);
    if (!issued || issued.expiresAt <= now) return undefined;
    // [GUESS] Revoking a refresh token ends the access tokens it gave, at once.
    return issued.refreshToken && selfClients.isRevoked(issued.refreshToken) ? undefined : issued;
  };

  return {
    /** Who signs in next (when no session exists yet). */
    get user(): OAuthUser {
      return user;
    },
    /** Who the consent page says is signed in. */
    emailOf(session: Session | undefined): string {
      return OAUTH_USERS[session?.user ?? user].email;
    },
    get lifetimeSec() {
      return lifetimeSec;
    },
    /** The live session a cookie names on the Accounts host of `location`. */
    session(id: string | undefined, location: string): Session | undefined {
      const found = id ? sessions.get(id) : undefined;
      return found && !found.ended && found.location === location ? found : undefined;
    },
    /** Consent given: reuses the live session or opens one for the current user there. */
    openSession(existing: Session | undefined, location: string): Session {
      if (existing) return existing;
      const session: Session = { id: hex(16), user, location, ended: false };
      sessions.set(session.id, session);
      return session;
    },
    grant(session: Session, grant: Grant): void {
      const list = (grants.get(session.id) ?? []).filter((g) => g.clientId !== grant.clientId);
      grants.set(session.id, [...list, grant]);
    },
    grantOf(session: Session, clientId: string): Grant | undefined {
      return grants.get(session.id)?.find((g) => g.clientId === clientId);
    },
    issue(session: Session, clientId: string, now = Date.now()): { token: string; expiresIn: number } {
      const token = `1000.${hex(16)}.${hex(16)}`;
      const scopes = this.grantOf(session, clientId)?.scopes ?? [];
      tokens.set(token, { user: session.user, clientId, scopes, expiresAt: now + lifetimeSec * 1000 });
      return { token, expiresIn: lifetimeSec };
    },
    /** The user of a live token; undefined when unknown or expired. */
    userOfToken(token: string, now = Date.now()): OAuthUser | undefined {
      return live(token, now)?.user;
    },
    /** The portal a Self Client token is bound to; undefined for other tokens. */
    portalOfToken(token: string): PortalKey | undefined {
      return tokens.get(token)?.portal;
    },
    /** The scopes a live token was granted. */
    scopesOfToken(token: string): readonly string[] | undefined {
      return tokens.get(token)?.scopes;
    },
    issuedCount(): number {
      return tokens.size;
    },
    /** The Self Client side: the token endpoint answers from here. */
    selfClients,

    // ---- Self Client, as the admin uses the API console and Zoho Accounts ----
    /**
     * The user's Self Client (created on first use, then the same id and secret) and a new grant
     * code for these scopes and portal, valid `codeMinutes` (default 3). Throws for a scope Zoho
     * does not know or a duration beyond 10 minutes, as the console refuses them.
     */
    selfClient(request: SelfClientRequest): SelfClientGrant {
      return selfClients.selfClient(request);
    },
    /** Refresh tokens issued by Self Clients (optionally of one client or user), revoked ones included. */
    refreshTokens(filter?: { clientId?: string; user?: OAuthUser }): RefreshTokenRecord[] {
      return selfClients.refreshTokens(filter);
    },
    /**
     * The user removes access in Zoho Accounts: these refresh tokens (one, or every one of a
     * client) stop working, and so do their access tokens. Returns how many were revoked.
     */
    revoke(target: { refreshToken: string } | { clientId: string }): number {
      const chosen = 'refreshToken' in target ? [target.refreshToken] : selfClients.refreshTokens(target).map((r) => r.refreshToken);
      return chosen.filter((token) => selfClients.revoke(token)).length;
    },
    /** Every call of `/oauth/v2/token` and its revoke endpoint since the last reset, oldest first. */
    tokenRequests(filter: { grantType?: string } = {}): TokenRequestLogEntry[] {
      return selfClients.requests().filter((r) => !filter.grantType || r.grantType === filter.grantType);
    },

    // ---- test controls ----
    /** Lifetime (seconds) of tokens issued from now on; null restores Zoho's hour. */
    setTokenLifetime(sec: number | null): void {
      lifetimeSec = sec ?? DEFAULT_LIFETIME_SEC;
    },
    /** Who signs in at the next consent (default the portal admin, a US user). */
    setUser(next: OAuthUser): void {
      user = next;
    },
    /** Every issued token stops working now (as if expired early or revoked). */
    expireTokens(): void {
      for (const issued of tokens.values()) issued.expiresAt = 0;
    },
    /** The user signs out of Zoho everywhere: silent renewal answers prompt_required. */
    endSessions(): void {
      for (const session of sessions.values()) session.ended = true;
    },
    reset(): void {
      sessions.clear();
      grants.clear();
      tokens.clear();
      selfClients.reset();
      lifetimeSec = DEFAULT_LIFETIME_SEC;
      user = 'admin';
    },
  };
}

export const accountsState = createState();
export type AccountsState = typeof accountsState;
