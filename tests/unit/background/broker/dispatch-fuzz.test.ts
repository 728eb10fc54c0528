import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCase, connectForFuzz, fuzzFetch, messageArb, senderArb } from '../../../fuzz/broker-property';

beforeEach(() => vi.stubGlobal('fetch', fuzzFetch()));
afterEach(() => vi.unstubAllGlobals());

describe('broker message handling (property-based)', () => {
  it('any message from any sender gets a well-formed Response, never the credential', async () => {
    await fc.assert(
      fc
        .asyncProperty(messageArb, senderArb, async (message, sender) => {
          expect(await checkCase(message, sender)).toBeNull();
        })
        .beforeEach(connectForFuzz),
      { numRuns: 300 },
    );
  }, 120_000);

  it('catches a broken response (the property can fail)', async () => {
    const { responseProblem, FUZZ_KEY } = await import('../../../fuzz/broker-property');
    expect(responseProblem({}, {}, { ok: true, data: { key: FUZZ_KEY } })).toMatch(/leaked/);
    expect(responseProblem({}, {}, { ok: false, error: { code: 'NOPE' } })).toMatch(/unknown error code/);
    expect(responseProblem({ command: 'deactivate' }, {}, { ok: true, data: null })).toMatch(/admin command/);
  });
});
