/**
 * `npm run fuzz`: the broker property (./broker-property.ts) over at least 10,000 random cases,
 * outside vitest: fake-indexeddb and WXT's fake browser stand in for the extension APIs.
 * Prints `fuzzCases: N` and `fuzzFailures: M`; exits 1 when anything failed.
 *   FUZZ_CASES=20000 FUZZ_SEED=42 npm run fuzz
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// wxt/browser resolves to globalThis.chrome when there is no `browser` with a runtime id.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

const cases = Math.max(10_000, Number(process.env.FUZZ_CASES) || 10_000);
const seed = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;

async function main(): Promise<number> {
  const { checkCase, connectForFuzz, fuzzFetch, messageArb, senderArb } = await import('./broker-property');
  const { testBroker } = await import('../unit/support/broker-setup');
  let upstreamCalls = 0;
  const desk = fuzzFetch();
  const fetch = ((...args: Parameters<typeof globalThis.fetch>) => {
    upstreamCalls++;
    return desk(...args);
  }) as typeof globalThis.fetch;

  let ran = 0;
  const failures: string[] = [];
  const started = Date.now();
  // Fresh state every 500 cases: a clean database and storage and a new worker, as after a reinstall.
  const batch = 500;
  for (let done = 0; done < cases; done += batch) {
    globalThis.indexedDB = new IDBFactory();
    fakeBrowser.reset();
    const world = testBroker({ fetch });
    await connectForFuzz(world);
    const runs = Math.min(batch, cases - done);
    await fc.assert(
      fc
        .asyncProperty(messageArb, senderArb, async (message, sender) => {
          ran++;
          const problem = await checkCase(world, message, sender);
          if (problem) {
            if (failures.length < 20) failures.push(`${problem}\n    message: ${safeJson(message)}\n    sender: ${safeJson(sender)}`);
            else failures.push(problem);
          }
          return true; // collect every failure instead of stopping at the first
        })
        .beforeEach(() => connectForFuzz(world)),
      { numRuns: runs, seed: seed + done },
    );
  }
  console.log(`fuzzSeed: ${seed}`);
  console.log(`fuzzUpstreamCalls: ${upstreamCalls}`);
  console.log(`fuzzSeconds: ${((Date.now() - started) / 1000).toFixed(1)}`);
  for (const failure of failures.slice(0, 20)) console.log(`FAIL ${failure}`);
  console.log(`fuzzCases: ${ran}`);
  console.log(`fuzzFailures: ${failures.length}`);
  return failures.length === 0 ? 0 : 1;
}

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 400);
  } catch {
    return String(value);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('fuzzCases: 0');
    console.log('fuzzFailures: 1');
    process.exit(1);
  },
);
