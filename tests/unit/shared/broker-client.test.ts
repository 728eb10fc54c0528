import { describe, expect, it, vi } from 'vitest';
import { createBrokerClient } from '../../../lib/shared/broker-client';

const CONFIG = { command: 'panel.config' } as const;
const OK = { ok: true, data: { state: 'ready' } };

/** A sendMessage that throws or answers each step in turn (an Error is thrown). */
function sender(...steps: unknown[]) {
  return vi.fn((_message: unknown) => {
    const step = steps.shift();
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  });
}

/** The content script's client: its extension context is alive unless said otherwise. */
const page = (sendMessage: (message: unknown) => Promise<unknown>, alive = () => true) =>
  createBrokerClient<'page'>({ sendMessage, alive });
/** The options page's client. */
const options = (sendMessage: (message: unknown) => Promise<unknown>) => createBrokerClient<'extension'>({ sendMessage });

describe('broker client', () => {
  it('passes the broker’s envelope through', async () => {
    const send = sender(OK);
    expect(await page(send)(CONFIG)).toEqual(OK);
    expect(send).toHaveBeenCalledWith(CONFIG);
  });

  it.each(['Could not establish connection. Receiving end does not exist.', 'The message port closed before a response was received.'])(
    'tries again while the worker restarts: "%s"',
    async (message) => {
      const send = sender(new Error(message), OK);
      expect(await page(send)(CONFIG)).toEqual(OK);
      expect(send).toHaveBeenCalledTimes(2);
    },
  );

  it('a worker that dies twice during one lookup (and a third time) still answers it', async () => {
    const restarting = new Error('Could not establish connection. Receiving end does not exist.');
    const closed = new Error('The message port closed before a response was received.');
    vi.useFakeTimers();
    try {
      const twice = sender(restarting, closed, OK);
      const first = page(twice)(CONFIG);
      await vi.runAllTimersAsync();
      expect(await first).toEqual(OK);
      expect(twice).toHaveBeenCalledTimes(3);
      const thrice = sender(closed, undefined, restarting, OK);
      const second = page(thrice)(CONFIG);
      await vi.runAllTimersAsync();
      expect(await second).toEqual(OK);
      expect(thrice).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits longer before each retry, then gives up with a typed error after four attempts', async () => {
    vi.useFakeTimers();
    try {
      const restarting = new Error('Could not establish connection. Receiving end does not exist.');
      const send = sender(restarting, restarting, restarting, restarting, OK);
      const answer = page(send)(CONFIG);
      const calledAfter: number[] = [];
      for (const ms of [0, 99, 1, 249, 1, 599, 1]) {
        await vi.advanceTimersByTimeAsync(ms);
        calledAfter.push(send.mock.calls.length);
      }
      // 1 at once; the 2nd after 100 ms, the 3rd 250 ms later, the 4th 600 ms after that.
      expect(calledAfter).toEqual([1, 1, 2, 2, 3, 3, 4]);
      expect(await answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(send).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries again when no listener answered', async () => {
    const send = sender(undefined, OK);
    expect(await page(send)(CONFIG)).toEqual(OK);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('stops retrying once the extension context is gone meanwhile', async () => {
    let alive = true;
    const send = vi.fn((_message: unknown) => {
      alive = false;
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
    expect(await page(send, () => alive)(CONFIG)).toEqual({ ok: false, error: { code: 'ABORTED' } });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('turns other failures and odd answers into { ok: false } without retrying', async () => {
    const thrown = sender(new Error('boom'));
    expect(await page(thrown)(CONFIG)).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: 'boom' } });
    expect(thrown).toHaveBeenCalledTimes(1);
    const odd = sender('not an envelope');
    expect(await page(odd)(CONFIG)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('stops quietly (ABORTED) once the extension context is gone', async () => {
    const invalidated = sender(new Error('Extension context invalidated.'));
    expect(await page(invalidated)(CONFIG)).toEqual({ ok: false, error: { code: 'ABORTED' } });
    expect(invalidated).toHaveBeenCalledTimes(1);
    const never = sender(OK);
    expect(await page(never, () => false)(CONFIG)).toEqual({ ok: false, error: { code: 'ABORTED' } });
    expect(never).not.toHaveBeenCalled();
  });
});

describe('broker client on the options page', () => {
  const SETTINGS = { command: 'settings.get' } as const;

  it('tries again when the worker restarted, as the content script does', async () => {
    const send = sender(new Error('Could not establish connection. Receiving end does not exist.'), OK);
    expect(await options(send)(SETTINGS)).toEqual(OK);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['ok without data', { ok: true }],
    ['a failure without its error', { ok: false }],
    ['a failure whose error is text', { ok: false, error: 'boom' }],
    ['ok that is not a boolean', { ok: 'yes', data: {} }],
  ])('an answer that is not an envelope (%s) becomes a typed error', async (_what, answer) => {
    expect(await options(sender(answer))(SETTINGS)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes a typed failure through', async () => {
    const failed = { ok: false, error: { code: 'POLICY_LOCKED', detail: 'portal' } };
    expect(await options(sender(failed))(SETTINGS)).toEqual(failed);
  });
});
