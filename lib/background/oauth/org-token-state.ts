/**
 * What DeskLink remembers of each organisation credential's access tokens: the token in use and
 * its expiry, when a refresh was last asked for, and how many "Access Denied" answers came in a
 * row. Kept in storage.session (memory only, gone with the browser session, and - with access
 * level TRUSTED_CONTEXTS, Chrome's default, set again where the API exists - not readable by
 * content scripts; Firefox never exposes it to them), so a restarted worker neither asks Zoho
 * for a token it already has nor refreshes more often than once a minute. Entries are named by
 * a hash of the refresh token, never the token itself.
 */
import { sha256Hex, trustedSessionArea } from '../trusted-session';

export interface OrgTokenState {
  accessToken?: string;
  expiresAt?: number;
  /** When a refresh (or grant-code exchange) was last sent to Zoho Accounts. */
  lastAttemptAt?: number;
  /** "Access Denied" answers in a row: each doubles the wait before the next refresh. */
  denied?: number;
}

const PREFIX = 'orgToken.';

/** The name of a refresh token's entry: its SHA-256. */
export async function stateKeyOf(refreshToken: string): Promise<string> {
  return PREFIX + (await sha256Hex(refreshToken));
}

export async function readOrgTokenState(key: string): Promise<OrgTokenState> {
  const value = (await (await trustedSessionArea()).get(key))[key] as OrgTokenState | undefined;
  return typeof value === 'object' && value !== null ? value : {};
}

export async function writeOrgTokenState(key: string, state: OrgTokenState): Promise<void> {
  await (await trustedSessionArea()).set({ [key]: state });
}

/** Every entry without its access token (deactivation): when the last refresh was asked, and the denials, stay. */
export async function dropOrgAccessTokens(): Promise<void> {
  const area = await trustedSessionArea();
  const entries = Object.entries(await area.get(null)).filter(([key]) => key.startsWith(PREFIX));
  if (entries.length === 0) return;
  await area.set(
    Object.fromEntries(
      entries.map(([key, value]) => {
        const { accessToken: _token, expiresAt: _expiry, ...kept } = value as OrgTokenState;
        return [key, kept];
      }),
    ),
  );
}
