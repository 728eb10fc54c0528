import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, trustedSessionArea } from '../../../lib/background/trusted-session';

beforeEach(() => fakeBrowser.reset());

describe('the trusted session area', () => {
  it('is storage.session, so what is kept there is gone with the browser session', async () => {
    const area = await trustedSessionArea();
    await area.set({ kept: 1 });
    expect(await fakeBrowser.storage.session.get('kept')).toEqual({ kept: 1 });
  });

  it('names secrets by their SHA-256 in lower-case hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('1000.zsc.key')).not.toContain('zsc');
  });
});
