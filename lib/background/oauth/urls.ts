/**
 * The two URLs of Zoho's client-based (implicit) flow:
 * `/oauth/v2/auth` (consent, interactive) and `/oauth/v2/auth/refresh` (silent renewal while the
 * user's Zoho session lives and the grant was for the session).
 */
import { scopeParam } from '../../shared/scopes';

interface AuthUrlInput {
  accountsHost: string;
  clientId: string;
  /** identity.getRedirectURL(): https://<id>.chromiumapp.org/ or https://<uuid>.extensions.allizom.org/ */
  redirectUri: string;
  /** Random, checked when the redirect comes back. */
  state: string;
  /** What the admin allowed (lib/shared/scopes.ts); a renewal may ask only for scopes granted before. */
  scopes: readonly string[];
}

function withParams(base: string, input: AuthUrlInput): string {
  const url = new URL(base);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('scope', scopeParam(input.scopes));
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  return url.toString();
}

/** The consent URL (`Sign in with Zoho`). */
export function authorizeUrl(input: AuthUrlInput): string {
  return withParams(`https://${input.accountsHost}/oauth/v2/auth`, input);
}

/** The silent renewal URL; only previously granted scopes may be asked for. */
export function refreshUrl(input: AuthUrlInput): string {
  return withParams(`https://${input.accountsHost}/oauth/v2/auth/refresh`, input);
}

/** A state value: 128 random bits, URL-safe. */
export function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
