import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, connectForFuzz, fuzzFetch, messageArb, senderArb } from '../../../fuzz/broker-property';
import { testBroker } from '../../support/broker-setup';

describe('broker message handling (property-based)', () => {
  it('any message from any sender gets a well-formed Response, never the credential', async () => {
    const world = testBroker({ fetch: fuzzFetch() });
    await fc.assert(
      fc
        .asyncProperty(messageArb, senderArb, async (message, sender) => {
          expect(await checkCase(world, message, sender)).toBeNull();
        })
        .beforeEach(() => connectForFuzz(world)),
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
