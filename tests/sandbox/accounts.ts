/**
 * accounts.zoho.<dc> (Zoho Accounts): the client-based (implicit) OAuth flow of a multi-DC
 * client, as Zoho's pages describe it:
 * - `GET /oauth/v2/auth?client_id&response_type=token&scope&redirect_uri&state`: a consent page
 *   (Accept / Deny) for a known client and redirect URI; an error page otherwise (Zoho cannot
 *   trust an unknown client's redirect URI, so it does not redirect). A user of another data
 *   centre is sent on to that data centre's Accounts host (China, a separate instance, excepted).
 * - Accept: a Zoho session cookie on that host, the grant remembered for the session, then
 *   302 `redirect_uri#access_token=…&expires_in=3600&location=<dc>&accounts-server=https://accounts.zoho.<dc>&api_domain=…&token_type=Bearer&state=…`.
 *   Deny: 302 `redirect_uri#error=access_denied&state=…`.
 * - `GET /oauth/v2/auth/refresh` (same parameters): a new token while the session lives and the
 *   grant was for the session; else `#error=prompt_required` (no session) or
 *   `#error=client_not_granted`. Asked at the Accounts host where the client is registered
 *   (accounts.zoho.com), it sends the user on to the data centre that holds their session.
 * - `GET /oauth/serverinfo`: the `location → accounts server` map.
 * - `POST /oauth/v2/token` and `/oauth/v2/token/revoke`: a Self Client's tokens (accounts-token.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DATA_CENTRES } from '../../lib/shared/data-centres';
import { accountsState, type Session } from './accounts-state';
import { handleToken, TOKEN_PATHS } from './accounts-token';
import { OAUTH_CLIENT_ID, OAUTH_USERS } from './fixtures';
import { jsonReply, textReply, type Reply } from './reply';
import { isKnownScope } from './scopes';

export interface AccountsRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers?: IncomingHttpHeaders;
  /** The request body (the token endpoint's form). */
  body?: string;
}

export const SESSION_COOKIE = 'ZSANDBOX_SESSION';
/** Remembers, on the Accounts host a sign-in started at, which data centre the user was sent to. */
export const DC_COOKIE = 'ZSANDBOX_DC';

/** Redirect URIs registered for the sandbox client: any extension's identity redirect. */
const REGISTERED_REDIRECT = /^https:\/\/[a-z0-9-]+\.(chromiumapp\.org|extensions\.allizom\.org)\/$/;

const DATA_CENTRE_LIST = Object.values(DATA_CENTRES);
const dataCentreOfAccountsHost = (host: string) => DATA_CENTRE_LIST.find((dc) => dc.accountsHost === host);
const dataCentreOfLocation = (location: string) => DATA_CENTRE_LIST.find((dc) => dc.location === location);
/** China runs a separate instance: nothing is routed across that line. */
const separated = (a: string, b: string) => (a === 'cn') !== (b === 'cn');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(status: number, title: string, body: string, headers: Record<string, string> = {}): Reply {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}</style>
</head><body><main>${body}</main></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: html };
}

const errorPage = (code: string, text: string) =>
  page(400, 'Zoho Accounts – Error', `<h1>${escapeHtml(text)}</h1><p>Error code: <code>${escapeHtml(code)}</code></p>`);

function redirect(redirectUri: string, fragment: Record<string, string>, headers: Record<string, string> = {}): Reply {
  return { status: 302, headers: { location: `${redirectUri}#${new URLSearchParams(fragment)}`, 'cache-control': 'no-store', ...headers } };
}

/** The same Accounts request on another data centre's host. */
function sendOn(location: string, path: string, query: URLSearchParams, headers: Record<string, string> = {}): Reply {
  const host = dataCentreOfLocation(location)!.accountsHost;
  return { status: 302, headers: { location: `https://${host}${path}?${query}`, 'cache-control': 'no-store', ...headers } };
}

function cookieOf(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  for (const part of (headers?.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const cookie = (name: string, value: string) => `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=None`;

interface FlowParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

/** The client and redirect checks Zoho makes before it will redirect anywhere. */
function flowParams(query: URLSearchParams): FlowParams | Reply {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  if (clientId !== OAUTH_CLIENT_ID) return errorPage('invalid_client', 'Invalid Client');
  if (!REGISTERED_REDIRECT.test(redirectUri)) return errorPage('invalid_redirect_uri', 'Invalid Redirect Uri');
  const scopes = (query.get('scope') ?? '').split(/[,\s]+/).filter(Boolean);
  return { clientId, redirectUri, scopes, state: query.get('state') };
}

const withState = (state: string | null, fields: Record<string, string>) => (state === null ? fields : { ...fields, state });

function tokenRedirect(params: FlowParams, session: Session, extraHeaders: Record<string, string> = {}): Reply {
  const { token, expiresIn } = accountsState.issue(session, params.clientId);
  const grant = accountsState.grantOf(session, params.clientId);
  const dc = dataCentreOfLocation(session.location)!;
  return redirect(
    params.redirectUri,
    withState(params.state, {
      access_token: token,
      expires_in: String(expiresIn),
      location: dc.location,
      'accounts-server': `https://${dc.accountsHost}`,
      api_domain: dc.apiDomain,
      token_type: 'Bearer',
      granted_for_session: String(grant?.forSession ?? false),
    }),
    extraHeaders,
  );
}

function consentPage(params: FlowParams, query: URLSearchParams, session: Session | undefined): Reply {
  if (query.get('response_type') !== 'token')
    return redirect(params.redirectUri, withState(params.state, { error: 'unsupported_response_type' }));
  const unknown = params.scopes.filter((s) => !isKnownScope(s));
  if (params.scopes.length === 0 || unknown.length > 0)
    return redirect(params.redirectUri, withState(params.state, { error: 'invalid_scope' }));
  const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'response_type']
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? '')}">`)
    .join('');
  const who = `Signed in as ${escapeHtml(accountsState.emailOf(session))}`;
  return page(
    200,
    'Zoho Accounts – Authorize DeskLink Sandbox Client',
    `<h1>DeskLink Sandbox Client would like to access your Zoho account</h1>
<p>${who}</p>
<p>It asks to:</p><ul>${params.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<form method="get" action="/oauth/v2/auth/approve">${hidden}
<p><label><input type="checkbox" name="for_session" value="true" checked> Allow access for the entire session</label></p>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

function approve(params: FlowParams, query: URLSearchParams, existing: Session | undefined, location: string): Reply {
  if (query.get('decision') !== 'accept') return redirect(params.redirectUri, withState(params.state, { error: 'access_denied' }));
  const session = accountsState.openSession(existing, location);
  accountsState.grant(session, { clientId: params.clientId, scopes: params.scopes, forSession: query.get('for_session') === 'true' });
  return tokenRedirect(params, session, { 'set-cookie': cookie(SESSION_COOKIE, session.id) });
}

function refresh(params: FlowParams, session: Session | undefined): Reply {
  if (!session) return redirect(params.redirectUri, withState(params.state, { error: 'prompt_required' }));
  const grant = accountsState.grantOf(session, params.clientId);
  // Only scopes granted before may be renewed, and only a grant "for the entire session".
  if (!grant || !grant.forSession || !params.scopes.every((s) => grant.scopes.includes(s))) {
    return redirect(params.redirectUri, withState(params.state, { error: 'client_not_granted' }));
  }
  return tokenRedirect(params, session);
}

function serverInfo(): Reply {
  const locations = Object.fromEntries(DATA_CENTRE_LIST.map((dc) => [dc.location, `https://${dc.accountsHost}`]));
  return jsonReply(200, { result: 'success', locations });
}

export function handleAccounts(req: AccountsRequest): Reply {
  const here = dataCentreOfAccountsHost(req.host);
  if (!here) return textReply(404, 'Not found');
  if (TOKEN_PATHS.includes(req.path)) return handleToken({ ...req, location: here.location });
  if (req.method !== 'GET') return textReply(405, 'Method not allowed');
  if (req.path === '/oauth/serverinfo') return serverInfo();
  const routes = ['/oauth/v2/auth', '/oauth/v2/auth/approve', '/oauth/v2/auth/refresh'];
  if (!routes.includes(req.path)) return textReply(404, 'Not found');
  const params = flowParams(req.query);
  if ('status' in params) return params;
  const session = accountsState.session(cookieOf(req.headers, SESSION_COOKIE), here.location);

  if (req.path === '/oauth/v2/auth/refresh') {
    if (session) return refresh(params, session);
    // [GUESS] The registration host sends the user on to the data centre the sign-in went to.
    const elsewhere = cookieOf(req.headers, DC_COOKIE);
    if (elsewhere && elsewhere !== here.location && dataCentreOfLocation(elsewhere)) return sendOn(elsewhere, req.path, req.query);
    return refresh(params, undefined);
  }

  // Sign-in: the user signs in where their account lives.
  const userLocation = OAUTH_USERS[session?.user ?? accountsState.user].location;
  if (userLocation !== here.location) {
    if (separated(userLocation, here.location)) {
      return errorPage('user_not_found', 'This account does not exist in this data centre');
    }
    return sendOn(userLocation, req.path, req.query, { 'set-cookie': cookie(DC_COOKIE, userLocation) });
  }
  if (req.path === '/oauth/v2/auth') return consentPage(params, req.query, session);
  return approve(params, req.query, session, here.location);
}
