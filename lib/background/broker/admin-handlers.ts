/**
 * Handlers of the ADMIN commands (the options page; dispatch has checked the sender and the
 * request's shape). Failures throw DeskLinkError; dispatch turns them into `{ ok: false }`.
 * Nothing is written before every check has passed, so a failed step leaves no trace.
 */
import { clearAll, clearPortal } from '../cache';
import {
  clearCredential,
  credentialSecret,
  getCredential,
  isCredentialRejected,
  markCredentialRejected,
  saveCredential,
  type Credential,
} from '../credentials/credential';
import type { DataCentreId } from '../../shared/data-centres';
import { DeskLinkError, toErrorInfo } from '../../shared/errors';
import type { CredentialInput, DataOf, RequestOf } from '../../shared/commands';
import type { ManagedField } from '../../shared/protocol';
import type { HandlersFrom } from './handlers';
import { policyCredential, readPolicy } from '../policy';
import {
  clearStoredSettings,
  effectiveSettings,
  readStoredSettings,
  writePolicyPortal,
  writeStoredSettings,
  type StoredSettings,
} from '../settings/store';
import { listPortals, verifyPortal, whoAmI } from '../desk/setup-checks';
import { effectiveCredential } from '../credentials/effective-credential';
import { isTimeZone } from '../../shared/time-zones';
import { learnPolicyPortalName, settingsView } from './settings-view';
import { clearLastError, readDiagnostics, recordDeskError } from './diagnostics';
import { clearPendingSignIn, type PendingSignIn } from '../oauth/pending';
import { oauthHandlers, pendingSignIn, storePendingSignIn } from './oauth-handlers';
import { withFreshToken } from './oauth-renewal';

const locked = (field: ManagedField) => new DeskLinkError({ code: 'POLICY_LOCKED', detail: field });
const notConfigured = () => new DeskLinkError({ code: 'NOT_CONFIGURED' });

interface UsableCredential {
  token: string;
  email: string;
  kind: 'zsc' | 'oauth';
  /** `input`: typed in the form now (saved only on a successful Save). */
  source: 'policy' | 'input' | 'stored';
  /** `Sign in with Zoho` before `Save`: stored as the credential on a successful Save. */
  pending?: PendingSignIn;
}

/** The policy's key wins; then the key typed in the form (or the Zoho sign-in just made); then the stored one. */
async function credentialFor(input: CredentialInput | undefined, dataCentre?: DataCentreId): Promise<UsableCredential> {
  const fromPolicy = policyCredential((await readPolicy()).policy);
  if (fromPolicy) return { token: fromPolicy.key, email: fromPolicy.email, kind: 'zsc', source: 'policy' };
  if (input?.kind === 'zsc') return { token: input.key, email: input.email, kind: 'zsc', source: 'input' };
  if (input?.kind === 'oauth') {
    const pending = await pendingSignIn(dataCentre ?? 'com');
    return { token: pending.accessToken, email: pending.email, kind: 'oauth', source: 'input', pending };
  }
  // An OAuth token close to expiry is renewed silently first.
  const stored = await withFreshToken(await getCredential());
  if (!stored) throw notConfigured();
  return { token: credentialSecret(stored), email: stored.email, kind: stored.kind, source: 'stored' };
}

function requireTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new DeskLinkError({ code: 'INVALID_INPUT', detail: 'timeZone: not an IANA time zone' });
  return timeZone;
}

async function save(request: RequestOf<'setup.save'>): Promise<DataOf<'setup.save'>> {
  const { policy } = await readPolicy();
  const dataCentre: DataCentreId = policy.dataCenter ?? request.dataCentre;
  const portalId = policy.portalId ?? request.portalId;
  const timeZone = requireTimeZone(policy.timeZone ?? request.timeZone);
  const credential = await credentialFor(request.credential, dataCentre);
  const portal = await verifyPortal(dataCentre, credential.token, portalId, credential.email);

  const previous = await readStoredSettings();
  if (credential.pending) await storePendingSignIn(credential.pending);
  else if (credential.source === 'input') {
    await saveCredential({ kind: 'zsc', key: credential.token, email: credential.email, dataCentre });
  }
  const named = { id: portal.id, name: portal.companyName, portalName: portal.portalName, edition: portal.edition };
  await writeStoredSettings({
    version: 1,
    dataCentre,
    email: credential.email,
    authKind: credential.kind,
    portal: named,
    enabled: true,
    language: policy.language ?? request.language,
    timeZone,
  });
  if (credential.source === 'policy') await writePolicyPortal(named);
  // Links of another portal must not linger (the seed: a new portal dissociates the old links).
  if (previous?.portal && previous.portal.id !== portal.id) await clearPortal(previous.portal.id);
  return settingsView();
}

async function update(request: RequestOf<'settings.update'>): Promise<DataOf<'settings.update'>> {
  const effective = await effectiveSettings();
  const { command: _command, ...change } = request;
  for (const field of ['enabled', 'language', 'timeZone'] as const) {
    if (change[field] !== undefined && effective.managed.includes(field)) throw locked(field);
  }
  if (change.timeZone !== undefined) requireTimeZone(change.timeZone);
  const stored = (await readStoredSettings()) ?? storedFromPolicy(effective);
  await writeStoredSettings({ ...stored, ...change });
  return settingsView();
}

/** A setup made by policy alone has nothing stored yet: start from what is in force. */
function storedFromPolicy(effective: Awaited<ReturnType<typeof effectiveSettings>>): StoredSettings {
  if (effective.credentialSource !== 'policy' || !effective.dataCentre || !effective.email) throw notConfigured();
  const { dataCentre, email, portal, enabled, language, timeZone } = effective;
  return { version: 1, dataCentre, email, authKind: 'zsc', portal, enabled, language, timeZone };
}

async function changePortal(): Promise<DataOf<'portal.change'>> {
  const effective = await effectiveSettings();
  if (effective.managed.includes('portal')) throw locked('portal');
  const stored = await readStoredSettings();
  if (!stored) throw notConfigured();
  if (stored.portal) {
    await clearPortal(stored.portal.id);
    await writeStoredSettings({ ...stored, portal: null });
  }
  const credential = await credentialFor(undefined);
  return { portals: await listPortals(effective.dataCentre ?? stored.dataCentre, credential.token) };
}

async function deactivate(): Promise<DataOf<'deactivate'>> {
  const effective = await effectiveSettings();
  // A key given by policy is the organisation's to withdraw.
  if (effective.managed.includes('credential')) throw locked('credential');
  // Settings first: open CRM tabs watch them and show the set-up link at once.
  await clearStoredSettings();
  await clearCredential();
  await clearPendingSignIn();
  await clearAll();
  await clearLastError();
  return settingsView();
}

async function testConnection(): Promise<DataOf<'connection.test'>> {
  const effective = await effectiveSettings();
  const credential: Credential | null = await withFreshToken(await effectiveCredential(effective.dataCentre));
  if (!credential || !effective.dataCentre || !effective.portal) throw notConfigured();
  try {
    const email = await whoAmI(effective.dataCentre, credentialSecret(credential), effective.portal.id);
    // It works (again): lift an earlier rejection of this same key.
    if (effective.credentialSource === 'stored' && (await isCredentialRejected(credential))) {
      const { rejected: _rejected, savedAt: _savedAt, ...again } = credential;
      await saveCredential(again);
    }
    return { portalName: effective.portal.name, email };
  } catch (error) {
    const info = toErrorInfo(error);
    await recordDeskError(info);
    if (info.code === 'INVALID_OAUTH') await markCredentialRejected(credential);
    throw error;
  }
}

export const adminHandlers: HandlersFrom<'extension'> = {
  'settings.get': async () => settingsView(await learnPolicyPortalName(await effectiveSettings())),
  'setup.listPortals': async (request) => {
    const { policy } = await readPolicy();
    const dataCentre = policy.dataCenter ?? request.dataCentre;
    const credential = await credentialFor(request.credential, dataCentre);
    return { portals: await listPortals(dataCentre, credential.token) };
  },
  'setup.save': save,
  'settings.update': update,
  'portal.change': changePortal,
  deactivate,
  'diagnostics.get': readDiagnostics,
  'cache.clear': async () => {
    await clearAll();
    return readDiagnostics();
  },
  'connection.test': testConnection,
  ...oauthHandlers,
};
