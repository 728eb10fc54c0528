import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSessionEvictionBound } from '../../../../lib/background/cache/eviction-bound';

beforeEach(() => fakeBrowser.reset());

describe('the eviction bound in storage.session', () => {
  it('is kept for the next worker of the browser session', async () => {
    expect(await createSessionEvictionBound().load()).toBeNull();
    await createSessionEvictionBound().save(41_250);
    expect(await createSessionEvictionBound().load()).toBe(41_250);
  });

  it('reads anything but a count as unknown (the store is then counted once)', async () => {
    for (const junk of ['12', -1, Number.NaN, null, { n: 3 }]) {
      await fakeBrowser.storage.session.set({ cacheTicketBound: junk });
      expect(await createSessionEvictionBound().load()).toBeNull();
    }
  });
});
