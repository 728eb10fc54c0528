import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credential, OAuthCredential } from '../../../../lib/background/credentials/credential';
import { createRejectionRule } from '../../../../lib/background/credentials/rejection';
import { createCredentialStore, type CredentialStore } from '../../../../lib/background/credentials/store';
import { createOrgTokens } from '../../../../lib/background/oauth/org-tokens';
import type { OAuthRenewal } from '../../../../lib/background/oauth/renewal';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { errorOf } from '../../support/error-of';

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
