/**
 * Zoho Accounts' memory in the sandbox: who is signed in (a session per data centre, kept in a
 * cookie on that data centre's Accounts host), what each session granted to which client, and
 * the access tokens issued. Desk's auth check (desk/access.ts) asks here whether a token is
 * live and whose it is. One per process: token values are random, so sandboxes in one process
 * cannot confuse them; tests reset it per test.
 */
import { randomBytes } from 'node:crypto';
import { OAUTH_USERS, type OAuthUser } from './fixtures';

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
}

const DEFAULT_LIFETIME_SEC = 3600;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function createState() {
  const sessions = new Map<string, Session>();
  const grants = new Map<string, Grant[]>(); // by session id
  const tokens = new Map<string, IssuedToken>();
  let lifetimeSec = DEFAULT_LIFETIME_SEC;
  let user: OAuthUser = 'admin';

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
      const issued = tokens.get(token);
      return issued && issued.expiresAt > now ? issued.user : undefined;
    },
    /** The scopes a live token was granted. */
    scopesOfToken(token: string): readonly string[] | undefined {
      return tokens.get(token)?.scopes;
    },
    issuedCount(): number {
      return tokens.size;
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
      lifetimeSec = DEFAULT_LIFETIME_SEC;
      user = 'admin';
    },
  };
}

export const accountsState = createState();
export type AccountsState = typeof accountsState;
