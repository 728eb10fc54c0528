/**
 * The setup wizard's commands (`Next`, `Save`, `Change portal`). Nothing is written before every
 * check has passed, so a failed step leaves no trace (but for what Zoho Accounts answered an
 * organisation credential's grant code with, kept for this browser session: a code works once).
 */
import type { CredentialInput } from '../../shared/commands';
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { isTimeZone } from '../../shared/time-zones';
import { deskToken, type Credential, type CredentialToSave } from '../credentials/credential';
import { fromPolicy } from '../credentials/effective-credential';
import { forgetExchangedCodes } from '../oauth/exchanged-codes';
import { pendingSignInFor, storePendingSignIn, type PendingSignIn } from '../oauth/pending';
import { policyCredential, readPolicy, refuseIfLocked } from '../policy';
import { readStoredSettings, writePolicyPortal, writeStoredSettings } from '../settings/store';
import type { Handler, HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';

type SetupCommand = 'setup.listPortals' | 'setup.save';

interface UsableCredential {
  /** Runs Desk calls with the credential's token (the credential in force under the rejection rule). */
  withToken<T>(work: (token: string) => Promise<T>): Promise<T>;
  /** Whose it is; none for the organisation credential until myinfo says. */
  email?: string;
  kind: Credential['kind'];
  /** `input`: typed in the form now (saved only on a successful Save). */
  source: 'policy' | 'input' | 'stored';
  /** `Sign in with Zoho` before `Save`: stored as the credential on a successful Save. */
  pending?: PendingSignIn;
  /** A credential typed in the form, as `Save` stores it (its email added then). */
  toSave?: (email: string) => CredentialToSave;
}

const notConfigured = () => new DeskLinkError({ code: 'NOT_CONFIGURED' });

export function requireTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'timeZone: not an IANA time zone' });
  return timeZone;
}

export function createSetupHandlers({
  credentials,
  cache,
  setup,
  renewal,
  orgTokens,
  withCredential,
  views,
  now,
}: Pick<BrokerParts, 'credentials' | 'cache' | 'setup' | 'renewal' | 'orgTokens' | 'withCredential' | 'views' | 'now'>): Pick<
  HandlersFrom<'extension'>,
  SetupCommand
> {
  /** The organisation credential typed in the form: a grant code is exchanged (once) for its refresh token. */
  async function orgInput(input: Extract<CredentialInput, { kind: 'org' }>, dataCentre: DataCentreId): Promise<UsableCredential> {
    const client = {
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      accountsHost: input.accountsServer ?? DATA_CENTRES[dataCentre].accountsHost,
    };
    const refreshToken = input.refreshToken ?? (await orgTokens.exchange(client, input.grantCode!));
    return {
      withToken: async (work) => work(await orgTokens.accessToken({ ...client, refreshToken })),
      kind: 'org',
      source: 'input',
      toSave: (email) => ({ kind: 'org', ...client, refreshToken, email, dataCentre }),
    };
  }

  /**
   * In force (policy, else stored). An organisation credential's calls go through the rejection
   * rule, which gets its access token; a policy one is whoever myinfo says.
   */
  function inForce(credential: Credential, source: 'policy' | 'stored'): UsableCredential {
    const email = credential.kind !== 'org' || source === 'stored' ? { email: credential.email } : {};
    if (credential.kind === 'org') {
      return { withToken: (work) => withCredential(credential, (current) => work(deskToken(current))), ...email, kind: 'org', source };
    }
    const token = deskToken(credential);
    return { withToken: (work) => work(token), ...email, kind: credential.kind, source };
  }

  /** The policy's credential wins; then the one typed in the form (or the Zoho sign-in just made); then the stored one. */
  async function credentialFor(input: CredentialInput | undefined, dataCentre: DataCentreId): Promise<UsableCredential> {
    const policy = policyCredential((await readPolicy()).policy);
    if (policy) return inForce(fromPolicy(policy, dataCentre), 'policy');
    if (input?.kind === 'zsc') {
      const { key, email } = input;
      return {
        withToken: (work) => work(key),
        email,
        kind: 'zsc',
        source: 'input',
        toSave: () => ({ kind: 'zsc', key, email, dataCentre }),
      };
    }
    if (input?.kind === 'oauth') {
      const pending = await pendingSignInFor(dataCentre, now());
      return { withToken: (work) => work(pending.accessToken), email: pending.email, kind: 'oauth', source: 'input', pending };
    }
    if (input?.kind === 'org') return orgInput(input, dataCentre);
    // An OAuth token close to expiry is renewed silently first.
    const stored = await renewal.fresh(await credentials.get());
    if (!stored) throw notConfigured();
    return inForce(stored, 'stored');
  }

  const save: Handler<'setup.save'> = async (request) => {
    await refuseIfLocked();
    const { policy } = await readPolicy();
    const dataCentre: DataCentreId = policy.dataCenter ?? request.dataCentre;
    const portalId = policy.portalId ?? request.portalId;
    const timeZone = requireTimeZone(policy.timeZone ?? request.timeZone);
    const credential = await credentialFor(request.credential, dataCentre);
    const { portal, agent } = await credential.withToken((token) => setup.verifyPortal(dataCentre, token, portalId, credential.email));
    const { email } = agent;

    const previous = await readStoredSettings();
    if (credential.pending) await storePendingSignIn(credentials, credential.pending);
    else if (credential.toSave) await credentials.save(credential.toSave(email));
    if (credential.kind === 'org' && credential.source === 'input') await forgetExchangedCodes();
    const named = { id: portal.id, name: portal.companyName, portalName: portal.portalName, edition: portal.edition };
    await writeStoredSettings({
      version: 1,
      dataCentre,
      email,
      agent: { name: agent.name, role: agent.role },
      authKind: credential.kind,
      portal: named,
      enabled: true,
      language: policy.language ?? request.language,
      timeZone,
      ...(request.clock ? { clock: request.clock } : {}),
    });
    if (credential.source === 'policy') await writePolicyPortal(named);
    // Another portal's cached links must not linger: choosing a new portal dissociates the old one's.
    if (previous?.portal && previous.portal.id !== portal.id) await cache.clearPortal(previous.portal.id);
    return views.view();
  };

  return {
    'setup.listPortals': async (request) => {
      const { policy } = await readPolicy();
      const dataCentre = policy.dataCenter ?? request.dataCentre;
      const credential = await credentialFor(request.credential, dataCentre);
      const portals = await credential.withToken((token) => setup.listPortals(dataCentre, token));
      // A typed key's email is checked at `Next`, beside the field just filled, not first at `Save` a step later.
      const first = portals.find((p) => p.isDefault) ?? portals[0];
      const typed = request.credential?.kind === 'zsc' && credential.source === 'input' ? request.credential.email : null;
      if (typed && first) {
        const agent = await credential.withToken((token) => setup.whoAmI(dataCentre, token, first.id));
        if (agent.email.trim().toLowerCase() !== typed.trim().toLowerCase()) {
          throw new DeskLinkError({ code: 'EMAIL_MISMATCH', host: DATA_CENTRES[dataCentre].deskHost });
        }
      }
      return { portals };
    },
    'setup.save': save,
  };
}
