import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credential, OAuthCredential, OrgCredential } from '../../../../lib/background/credentials/credential';
import { createRejectionRule } from '../../../../lib/background/credentials/rejection';
import { createCredentialStore, type CredentialStore } from '../../../../lib/background/credentials/store';
import { createOrgTokens } from '../../../../lib/background/oauth/org-tokens';
import type { OAuthRenewal } from '../../../../lib/background/oauth/renewal';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { errorOf } from '../../support/error-of';
import { ACCOUNTS_HOST, CLIENT_ID, CLIENT_SECRET, fakeAccounts, ORG_EMAIL } from '../../support/fake-accounts';

const refused = () => new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 });
const zsc = { kind: 'zsc' as const, key: '1000.zsc.3f9a1c.admin', email: 'Admin@Zylker.com', dataCentre: 'com' as const };
const oauth = {
  kind: 'oauth' as const,
  accessToken: '1000.tok.first',
  expiresAt: Date.now() + 3_600_000,
  clientId: '1000.CLIENTID',
  email: 'Admin@Zylker.com',
  dataCentre: 'com' as const,
};

let credentials: CredentialStore;
/** A renewal that always gets a new token (`1000.tok.renewed`), unless told otherwise. */
let afterRejection: ReturnType<typeof vi.fn<OAuthRenewal['afterRejection']>>;
let markSignedOut: ReturnType<typeof vi.fn<OAuthRenewal['markSignedOut']>>;
let renewal: OAuthRenewal;
/** Zoho Accounts is out of reach: no ZSC key or sign-in test asks it. */
const orgTokens = createOrgTokens({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), now: () => Date.now() });
beforeEach(() => {
  credentials = createCredentialStore(() => Date.now());
  afterRejection = vi.fn((credential: OAuthCredential) => Promise.resolve({ ...credential, accessToken: '1000.tok.renewed' }));
  markSignedOut = vi.fn((credential: OAuthCredential) => Promise.resolve({ ...credential, signedOut: true }));
  renewal = { fresh: (credential) => Promise.resolve(credential), afterRejection, markSignedOut };
});

/** A call that fails with `errors` in turn, then answers with the token it was given. */
function scripted(...errors: Error[]) {
  return vi.fn((credential: Credential) => {
    const next = errors.shift();
    return next ? Promise.reject(next) : Promise.resolve(credential.kind === 'zsc' ? credential.key : credential.accessToken);
  });
}

describe('a ZSC key Zoho refuses', () => {
  it('is marked rejected before the error goes on, and the call is not repeated', async () => {
    const saved = await credentials.save(zsc);
    const call = scripted(refused());
    expect((await errorOf(createRejectionRule({ credentials, renewal, orgTokens })(saved, call))).code).toBe('INVALID_OAUTH');
    expect(call).toHaveBeenCalledTimes(1);
    expect(await credentials.get()).toMatchObject({ key: zsc.key, rejected: true });
    expect(afterRejection).not.toHaveBeenCalled();
  });

  it('from policy (never stored) is remembered as rejected all the same', async () => {
    const fromPolicy = { ...zsc, key: '1000.zsc.policy', savedAt: 0 };
    await errorOf(createRejectionRule({ credentials, renewal, orgTokens })(fromPolicy, scripted(refused())));
    expect(await credentials.isRejected(fromPolicy)).toBe(true);
    expect(await credentials.get()).toBeNull();
  });

  it.each([
    'NETWORK',
    'UNAUTHORIZED',
    'SCOPE_MISMATCH',
    'OAUTH_ORG_MISMATCH',
    'LICENSE_ACCESS_LIMITED',
    'THRESHOLD_EXCEEDED',
    'TOO_MANY_REQUESTS',
  ] as const)('only INVALID_OAUTH rejects it: %s leaves it as it is', async (code) => {
    const saved = await credentials.save(zsc);
    const call = scripted(new DeskLinkError({ code }));
    expect((await errorOf(createRejectionRule({ credentials, renewal, orgTokens })(saved, call))).code).toBe(code);
    expect(await credentials.isRejected(saved)).toBe(false);
  });
});

describe('an OAuth sign-in Zoho refuses', () => {
  it('is renewed once and the call retried with the new token; it is never marked rejected', async () => {
    const saved = (await credentials.save(oauth)) as OAuthCredential;
    const call = scripted(refused());
    expect(await createRejectionRule({ credentials, renewal, orgTokens })(saved, call)).toBe('1000.tok.renewed');
    expect(afterRejection).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledTimes(2);
    expect(await credentials.isRejected(saved)).toBe(false);
  });

  it('refused again after renewal: signed out, no third call', async () => {
    const saved = (await credentials.save(oauth)) as OAuthCredential;
    const call = scripted(refused(), refused());
    expect((await errorOf(createRejectionRule({ credentials, renewal, orgTokens })(saved, call))).code).toBe('SIGNED_OUT');
    expect(call).toHaveBeenCalledTimes(2);
    expect(markSignedOut).toHaveBeenCalledWith(expect.objectContaining({ accessToken: '1000.tok.renewed' }));
  });

  it('a renewal only the user can help ends in SIGNED_OUT without a second call', async () => {
    const saved = (await credentials.save(oauth)) as OAuthCredential;
    afterRejection.mockRejectedValueOnce(new DeskLinkError({ code: 'SIGNED_OUT' }));
    const call = scripted(refused());
    expect((await errorOf(createRejectionRule({ credentials, renewal, orgTokens })(saved, call))).code).toBe('SIGNED_OUT');
    expect(call).toHaveBeenCalledTimes(1);
  });
});

describe('an organisation credential', () => {
  let zoho: ReturnType<typeof fakeAccounts>;
  let rule: ReturnType<typeof createRejectionRule>;
  let org: Omit<OrgCredential, 'savedAt'>;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    zoho = fakeAccounts();
    rule = createRejectionRule({ credentials, renewal, orgTokens: createOrgTokens({ fetch: zoho.fetch, now: () => Date.now() }) });
    org = {
      kind: 'org',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      refreshToken: zoho.accounts.refreshToken(),
      accountsHost: ACCOUNTS_HOST,
      email: ORG_EMAIL,
      dataCentre: 'com',
    };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls with an access token from Zoho Accounts, attached for the call only', async () => {
    const saved = await credentials.save(org);
    const call = scripted();
    const token = await rule(saved, call);
    expect(zoho.accounts.live.has(token as string)).toBe(true);
    expect(await credentials.get()).not.toHaveProperty('accessToken');
  });

  it('whose refresh token Zoho revoked is marked rejected, with ORG_CREDENTIAL_REVOKED and no Desk call', async () => {
    const saved = await credentials.save(org);
    zoho.accounts.revoke(org.refreshToken);
    const call = scripted();
    expect((await errorOf(rule(saved, call))).code).toBe('ORG_CREDENTIAL_REVOKED');
    expect(call).not.toHaveBeenCalled();
    expect(await credentials.get()).toMatchObject({ refreshToken: org.refreshToken, rejected: true });
  });

  it('from policy (never stored) is remembered as rejected all the same', async () => {
    const fromPolicy = { ...org, savedAt: 0 };
    zoho.accounts.revoke(org.refreshToken);
    await errorOf(rule(fromPolicy, scripted()));
    expect(await credentials.isRejected(fromPolicy)).toBe(true);
    expect(await credentials.get()).toBeNull();
    // A corrected client secret makes another credential: the rejection was not its.
    expect(await credentials.isRejected({ ...fromPolicy, clientSecret: 'corrected.secret.123' })).toBe(false);
  });

  it('whose access token Desk refuses gets one new token (a minute after the last) and the call retried; refused again, it is rejected', async () => {
    const saved = await credentials.save(org);
    await rule(saved, scripted());
    vi.setSystemTime(Date.now() + 30 * 60_000);
    const retried = scripted(refused());
    expect(zoho.accounts.live.has((await rule(saved, retried)) as string)).toBe(true);
    expect(retried).toHaveBeenCalledTimes(2);
    expect(zoho.accounts.refreshes()).toBe(2);
    expect(await credentials.isRejected(saved)).toBe(false);

    // Within the minute no new token is asked for: the call waits (ACCOUNTS_LIMITED), the credential stands.
    expect((await errorOf(rule(saved, scripted(refused())))).code).toBe('ACCOUNTS_LIMITED');
    expect(await credentials.isRejected(saved)).toBe(false);

    vi.setSystemTime(Date.now() + 60_000);
    await rule(saved, scripted());
    vi.setSystemTime(Date.now() + 60_000);
    expect((await errorOf(rule(saved, scripted(refused(), refused())))).code).toBe('INVALID_OAUTH');
    expect(await credentials.isRejected(saved)).toBe(true);
  });
});
