/**
 * Zoho Accounts' memory in the sandbox: who is signed in (a session, kept in a cookie set at
 * consent), what each session granted to which client, and the access tokens issued. Desk's
 * auth check (desk/access.ts) asks here whether a token is live. One per process: token values
 * are random, so sandboxes in one process cannot confuse them; tests reset it per test.
 */
import { randomBytes } from 'node:crypto';
import { ADMIN_EMAIL, KEYS, LIMITED_EMAIL } from './fixtures';

/** The Zoho user signing in: named by the fixture key whose Desk access they have. */
export type OAuthUser = keyof typeof KEYS;

export interface Session {
  id: string;
  user: OAuthUser;
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
  expiresAt: number;
}

const DEFAULT_LIFETIME_SEC = 3600;
const EMAILS: Partial<Record<OAuthUser, string>> = { admin: ADMIN_EMAIL, limited: LIMITED_EMAIL };

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function createState() {
  const sessions = new Map<string, Session>();
  const grants = new Map<string, Grant[]>(); // by session id
  const tokens = new Map<string, IssuedToken>();
  let lifetimeSec = DEFAULT_LIFETIME_SEC;
  let user: OAuthUser = 'admin';

  return {
    /** Who the consent page says is signed in. */
    emailOf(session: Session | undefined): string {
      const who = session?.user ?? user;
      return EMAILS[who] ?? `${who}@zylker.com`;
    },
    get lifetimeSec() {
      return lifetimeSec;
    },
    /** The session a cookie names, if it is live. */
    session(id: string | undefined): Session | undefined {
      const found = id ? sessions.get(id) : undefined;
      return found && !found.ended ? found : undefined;
    },
    /** Consent given: reuses the live session or opens one for the current user. */
    openSession(existing: Session | undefined): Session {
      if (existing) return existing;
      const session: Session = { id: hex(16), user, ended: false };
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
      tokens.set(token, { user: session.user, clientId, expiresAt: now + lifetimeSec * 1000 });
      return { token, expiresIn: lifetimeSec };
    },
    /** The fixture key whose Desk access a live token carries; undefined when unknown or expired. */
    keyOfToken(token: string, now = Date.now()): string | undefined {
      const issued = tokens.get(token);
      return issued && issued.expiresAt > now ? KEYS[issued.user] : undefined;
    },
    issuedCount(): number {
      return tokens.size;
    },

    // ---- test controls ----
    /** Lifetime (seconds) of tokens issued from now on; null restores Zoho's hour. */
    setTokenLifetime(sec: number | null): void {
      lifetimeSec = sec ?? DEFAULT_LIFETIME_SEC;
    },
    /** Who signs in at the next consent (default the portal admin). */
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
