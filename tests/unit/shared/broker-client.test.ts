import { describe, expect, it, vi } from 'vitest';
import { askBroker } from '../../../lib/shared/broker-client';

const CONFIG = { command: 'panel.config' } as const;
const OK = { ok: true, data: { state: 'ready' } };

function sender(...steps: (unknown | Error)[]) {
  const send = vi.fn(async () => {
    const step = steps.shift();
    if (step instanceof Error) throw step;
    return step;
  });
  return send;
}

describe('askBroker', () => {
  it('passes the broker’s envelope through', async () => {
    const send = sender(OK);
    expect(await askBroker(CONFIG, send, () => true)).toEqual(OK);
    expect(send).toHaveBeenCalledWith(CONFIG);
  });

  it.each(['Could not establish connection. Receiving end does not exist.', 'The message port closed before a response was received.'])(
    'retries once while the worker restarts: "%s"',
    async (message) => {
      const send = sender(new Error(message), OK);
      expect(await askBroker(CONFIG, send, () => true)).toEqual(OK);
      expect(send).toHaveBeenCalledTimes(2);
    },
  );

  it('retries only once, then answers with a typed error', async () => {
    const restarting = new Error('Could not establish connection. Receiving end does not exist.');
    const send = sender(restarting, restarting, OK);
    const answer = await askBroker(CONFIG, send, () => true);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('retries once when no listener answered', async () => {
    const send = sender(undefined, OK);
    expect(await askBroker(CONFIG, send, () => true)).toEqual(OK);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('turns other failures and odd answers into { ok: false } without retrying', async () => {
    const thrown = sender(new Error('boom'));
    expect(await askBroker(CONFIG, thrown, () => true)).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: 'boom' } });
    expect(thrown).toHaveBeenCalledTimes(1);
    const odd = sender('not an envelope');
    expect(await askBroker(CONFIG, odd, () => true)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('stops quietly (ABORTED) once the extension context is gone', async () => {
    const invalidated = sender(new Error('Extension context invalidated.'));
    expect(await askBroker(CONFIG, invalidated, () => true)).toEqual({ ok: false, error: { code: 'ABORTED' } });
    expect(invalidated).toHaveBeenCalledTimes(1);
    const never = sender(OK);
    expect(await askBroker(CONFIG, never, () => false)).toEqual({ ok: false, error: { code: 'ABORTED' } });
    expect(never).not.toHaveBeenCalled();
  });
});
