/**
 * Reading what Zoho sent back to the redirect URI:
 * `#access_token=…&expires_in=3600&location=us&accounts-server=…&api_domain=…&token_type=Bearer&state=…` on
 * success, `#error=<code>&state=…` on failure. Every outcome is typed: a token, or a
 * DeskLinkError whose code says what the admin (or the broker) can do about it.
 */
import { ACCOUNTS_HOSTS, API_HOSTS, type DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { dataCentreOfLocation } from './locations';

export interface OAuthToken {
  accessToken: string;
  /** Epoch ms when Zoho stops accepting the token. */
  expiresAt: number;
  /** From `location`: where the user's account (and Desk portal) lives. */
  dataCentre: DataCentreId;
  /** Zoho's "allow access for the entire session": silent renewal can work. */
  grantedForSession: boolean | null;
  /** From `accounts-server`: the Zoho Accounts host of the user's data centre, when it is one DeskLink knows. */
  accountsHost?: string;
  /** From `api_domain`: the CRM REST API origin for this token, when it is one of Zoho's DeskLink knows. */
  apiDomain?: string;
}

/** The host of an `accounts-server` URL, if it is https and one of Zoho's Accounts hosts. */
function accountsHostOf(server: string | null): string | undefined {
  if (!server) return undefined;
  try {
    const url = new URL(server);
    return url.protocol === 'https:' && ACCOUNTS_HOSTS.includes(url.hostname) ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origin of an `api_domain`, if it is https and one of Zoho's API hosts: the token is sent
 * there, so an answer naming any other host is ignored (the data centre's own domain is used).
 */
function apiDomainOf(domain: string | null): string | undefined {
  if (!domain) return undefined;
  try {
    const url = new URL(domain);
    return url.protocol === 'https:' && API_HOSTS.includes(url.hostname) && !url.port ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Zoho's answers that only the user can resolve (sign in to Zoho again, grant again). */
const NEEDS_USER = new Set(['prompt_required', 'client_not_granted', 'login_required', 'consent_required', 'interaction_required']);
const CLIENT_ERRORS = new Set(['invalid_client', 'unauthorized_client', 'invalid_redirect_uri', 'invalid_client_id']);

interface ReadRedirectOptions {
  /** The state sent with the request. */
  state: string;
  now: number;
  /** The data centre to assume when `location` is absent (the one the flow went to). */
  fallbackDataCentre: DataCentreId;
}

/** Query and fragment parameters together; the fragment wins (it carries the token). */
function parametersOf(redirectUrl: string): URLSearchParams {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: 'the redirect is not a URL' });
  }
  const params = new URLSearchParams(url.search);
  for (const [name, value] of new URLSearchParams(url.hash.replace(/^#/, ''))) params.set(name, value);
  return params;
}

/** Seconds, as documented; a value that can only be milliseconds (older Zoho answers) is read so. */
function lifetimeMs(expiresIn: string | null): number | undefined {
  if (expiresIn === null || !/^\d{1,10}$/.test(expiresIn.trim())) return undefined;
  const value = Number(expiresIn);
  if (value <= 0) return undefined;
  return value > 86_400 ? value : value * 1000;
}

/** The `state` an answer carries (null without one, or when it is not a URL). */
export function stateOfRedirect(redirectUrl: string): string | null {
  try {
    return parametersOf(redirectUrl).get('state');
  } catch {
    return null;
  }
}

/** An answer must carry the state sent with its request: otherwise it answers another request (or an attacker's). */
export function readRedirect(redirectUrl: string, options: ReadRedirectOptions): OAuthToken {
  const params = parametersOf(redirectUrl);
  if (params.get('state') !== options.state) {
    throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: 'state mismatch: the answer is not for this sign-in' });
  }
  const error = params.get('error');
  if (error !== null) {
    const code = error.trim().toLowerCase();
    if (code === 'access_denied') throw new DeskLinkError({ code: 'OAUTH_DENIED', detail: code });
    if (CLIENT_ERRORS.has(code)) throw new DeskLinkError({ code: 'OAUTH_CLIENT_INVALID', detail: code });
    if (NEEDS_USER.has(code)) throw new DeskLinkError({ code: 'SIGNED_OUT', detail: code });
    throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: `Zoho answered ${code.slice(0, 60)}` });
  }
  const accessToken = params.get('access_token')?.trim();
  if (!accessToken) throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: 'no access_token in the answer' });
  const lifetime = lifetimeMs(params.get('expires_in'));
  if (lifetime === undefined) throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: 'no valid expires_in in the answer' });
  const location = params.get('location');
  const dataCentre = location === null ? options.fallbackDataCentre : dataCentreOfLocation(location);
  if (!dataCentre) throw new DeskLinkError({ code: 'OAUTH_FAILED', detail: `data centre "${location?.slice(0, 20)}" is not supported` });
  const granted = params.get('granted_for_session');
  return {
    accessToken,
    expiresAt: options.now + lifetime,
    dataCentre,
    grantedForSession: granted === null ? null : granted === 'true',
    ...(accountsHostOf(params.get('accounts-server')) ? { accountsHost: accountsHostOf(params.get('accounts-server')) } : {}),
    ...(apiDomainOf(params.get('api_domain')) ? { apiDomain: apiDomainOf(params.get('api_domain')) } : {}),
  };
}
