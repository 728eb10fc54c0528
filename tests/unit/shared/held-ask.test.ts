// A page command held open over a port: the answer when it comes, null when the caller lets go
// (the broker sees the port close) or the worker stops before answering.
import { describe, expect, it } from 'vitest';
import { createHeldAsk } from '../../../lib/shared/held-ask';

/** A port the test plays the broker's side of. */
function fakePort() {
  const posted: unknown[] = [];
  const listeners = { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] };
  let disconnected = false;
  const port = {
    postMessage: (message: unknown) => void posted.push(message),
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (listener: (m: unknown) => void) => void listeners.message.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void listeners.disconnect.push(listener) },
  };
  return {
    port,
    posted,
    disconnected: () => disconnected,
    answer: (message: unknown) => listeners.message.forEach((listener) => listener(message)),
    workerStops: () => listeners.disconnect.forEach((listener) => listener()),
  };
}

const RECORD = { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: 'org1', module: 'Contacts', recordId: '1' } as const;
const REQUEST = { command: 'tickets.crm', record: RECORD } as const;

describe('a held ask', () => {
  it('sends the request over its own port and resolves with the broker’s answer, then lets the port go', async () => {
    const fake = fakePort();
    const asked = createHeldAsk({ connect: () => fake.port })(REQUEST, new AbortController().signal);
    expect(fake.posted).toEqual([REQUEST]);
    fake.answer({ ok: true, data: { view: null } });
    expect(await asked).toEqual({ ok: true, data: { view: null } });
    expect(fake.disconnected()).toBe(true);
  });

  it('lets the port go when the caller stops (the rep left the record), with no answer', async () => {
    const fake = fakePort();
    const leaving = new AbortController();
    const asked = createHeldAsk({ connect: () => fake.port })(REQUEST, leaving.signal);
    leaving.abort();
    expect(await asked).toBeNull();
    expect(fake.disconnected()).toBe(true);
    fake.answer({ ok: true, data: { view: null } });
    expect(await asked).toBeNull();
  });

  it('has no answer when the worker stops first, when the answer is not an envelope, or when the extension is gone', async () => {
    const stops = fakePort();
    const stopped = createHeldAsk({ connect: () => stops.port })(REQUEST, new AbortController().signal);
    stops.workerStops();
    expect(await stopped).toBeNull();

    const garbled = fakePort();
    const odd = createHeldAsk({ connect: () => garbled.port })(REQUEST, new AbortController().signal);
    garbled.answer('not an envelope');
    expect(await odd).toBeNull();

    const gone = createHeldAsk({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(await gone(REQUEST, new AbortController().signal)).toBeNull();
    expect(await createHeldAsk({ connect: () => fakePort().port, alive: () => false })(REQUEST, new AbortController().signal)).toBeNull();
  });
});
