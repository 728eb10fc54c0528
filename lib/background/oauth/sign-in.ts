/**
 * The client-based flow end to end, browser API injected: `Sign in with Zoho` (interactive
 * consent) and the silent renewal (`/oauth/v2/auth/refresh`, no window). Both return a token
 * read from the redirect, or throw a typed DeskLinkError (lib/background/oauth/redirect.ts).
 */
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { DESK_READ_SCOPES } from '../../shared/scopes';
import type { OAuthCredential } from '../credentials/credential';
import { signInAccountsHost } from './locations';
import { readRedirect, stateOfRedirect, type OAuthToken } from './redirect';
import { authorizeUrl, randomState, refreshUrl } from './urls';
import { runWebAuthFlow, type WebAuthLauncher } from './web-auth';

interface FlowDeps {
  launch: WebAuthLauncher;
  redirectUri: string;
  now?: () => number;
  state?: () => string;
}

interface SignInRequest {
  /** The data centre chosen on the form; with multiDc, only the starting point. */
  dataCentre: DataCentreId;
  clientId: string;
  multiDc: boolean;
  /** Everything the admin allowed, asked for in one consent. */
  scopes: readonly string[];
}

/** A client id as Zoho's API console issues them: `1000.` and letters/digits. Checked before any window opens. */
function checkClientId(clientId: string): string {
  const id = clientId.trim();
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id)) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'clientId' });
  return id;
}

/** `Sign in with Zoho`: the consent window, then the token (its data centre from `location`). */
export async function signIn(request: SignInRequest, deps: FlowDeps): Promise<OAuthToken> {
  const clientId = checkClientId(request.clientId);
  const accountsHost = signInAccountsHost(request.dataCentre, request.multiDc);
  const state = (deps.state ?? randomState)();
  const url = authorizeUrl({ accountsHost, clientId, redirectUri: deps.redirectUri, state, scopes: request.scopes });
  const answer = await runWebAuthFlow(deps.launch, url, true);
  const now = (deps.now ?? Date.now)();
  // Without multi-DC, no `location` means the data centre we asked.
  const fallbackDataCentre = request.multiDc && request.dataCentre !== 'com.cn' ? 'com' : request.dataCentre;
  const token = readRedirect(answer, { state, now, fallbackDataCentre });
  if (!request.multiDc && token.dataCentre !== request.dataCentre) {
    // A single-DC client signed in on another data centre's Accounts: its token is not for this one.
    throw new DeskLinkError({
      code: 'OAUTH_FAILED',
      detail: `signed in on the ${token.dataCentre} data centre`,
      dataCentre: token.dataCentre,
    });
  }
  return token;
}

interface RenewRequest {
  clientId: string;
  /** The token's data centre, from `location` at sign-in. */
  dataCentre: DataCentreId;
  /** The client is multi-DC: registered at accounts.zoho.com (China: accounts.zoho.com.cn). */
  multiDc?: boolean;
  /** The `accounts-server` the sign-in named: the Accounts host where the user's session lives. */
  accountsHost?: string;
  /** The scopes of the sign-in: a renewal may ask only for scopes granted before. */
  scopes: readonly string[];
}

/**
 * Silent renewal, no window, where Zoho's pages say: at the Accounts server where the client is
 * registered (for a multi-DC client accounts.zoho.com, which sends the user on to their data
 * centre). Should that answer need the user, the `accounts-server` the sign-in named is asked
 * once more. SIGNED_OUT when only the user can help (Zoho session over, grant not for the
 * session) and when the answer does not carry the `state` sent (it is not the answer to this
 * renewal: the token in it may be anyone's); NETWORK when Accounts could not be reached (try
 * again later).
 */
export async function renewSilently(request: RenewRequest, deps: FlowDeps): Promise<OAuthToken> {
  const registered = signInAccountsHost(request.dataCentre, request.multiDc ?? false);
  const hosts = [registered, ...(request.accountsHost && request.accountsHost !== registered ? [request.accountsHost] : [])];
  let needsUser = new DeskLinkError({ code: 'SIGNED_OUT' });
  for (const accountsHost of hosts) {
    try {
      return await renewAt(accountsHost, request, deps);
    } catch (error) {
      if (!(error instanceof DeskLinkError && error.code === 'SIGNED_OUT')) throw error;
      needsUser = error;
    }
  }
  throw needsUser;
}

async function renewAt(accountsHost: string, request: RenewRequest, deps: FlowDeps): Promise<OAuthToken> {
  const state = (deps.state ?? randomState)();
  const url = refreshUrl({ accountsHost, clientId: request.clientId, redirectUri: deps.redirectUri, state, scopes: request.scopes });
  const answer = await runWebAuthFlow(deps.launch, url, false);
  if (stateOfRedirect(answer) !== state)
    throw new DeskLinkError({ code: 'SIGNED_OUT', detail: 'the renewal answer does not carry its state' });
  const token = readRedirect(answer, { state, now: (deps.now ?? Date.now)(), fallbackDataCentre: request.dataCentre });
  if (token.dataCentre !== request.dataCentre) throw new DeskLinkError({ code: 'SIGNED_OUT', detail: 'renewed on another data centre' });
  return token;
}

/** The scopes a saved sign-in holds: a renewal or a new consent asks for the same. */
export function signInScopes(credential: Pick<OAuthCredential, 'scopes'>): readonly string[] {
  return credential.scopes ?? DESK_READ_SCOPES;
}
