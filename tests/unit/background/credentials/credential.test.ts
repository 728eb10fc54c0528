import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearCredential, getCredential, markCredentialRejected, saveCredential } from '../../../../lib/background/credentials/credential';

const key = '1000.zsc.3f9a1c.admin';
const zsc = { kind: 'zsc' as const, key, email: 'Admin@Zylker.com', dataCentre: 'com' as const };

describe('credential store', () => {
  it('saves, reads and clears the credential', async () => {
    expect(await getCredential()).toBeNull();
    await saveCredential(zsc);
    expect(await getCredential()).toMatchObject({ ...zsc, savedAt: expect.any(Number) });
    await clearCredential();
    expect(await getCredential()).toBeNull();
  });

  it('never puts the key in storage.local or storage.sync (content scripts can read those)', async () => {
    await saveCredential(zsc);
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
    expect(everything).not.toContain(key);
  });

  it('a rejected credential stays stored, flagged; saving a new one clears the flag', async () => {
    await saveCredential(zsc);
    await markCredentialRejected();
    expect(await getCredential()).toMatchObject({ key, rejected: true });
    await saveCredential({ ...zsc, key: '1000.zsc.new' });
    expect((await getCredential())?.rejected).toBeUndefined();
  });

  it('a late rejection of an older credential does not flag the new one', async () => {
    const old = await saveCredential(zsc);
    await saveCredential({ ...zsc, key: '1000.zsc.new' });
    await markCredentialRejected(old);
    expect((await getCredential())?.rejected).toBeUndefined();
  });
});
