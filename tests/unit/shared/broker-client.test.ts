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
    'retries once while the worker restarts: "%s"',
    async (message) => {
      const send = sender(new Error(message), OK);
      expect(await page(send)(CONFIG)).toEqual(OK);
      expect(send).toHaveBeenCalledTimes(2);
    },
  );

  it('retries only once, then answers with a typed error', async () => {
    const restarting = new Error('Could not establish connection. Receiving end does not exist.');
    const send = sender(restarting, restarting, OK);
    const answer = await page(send)(CONFIG);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('retries once when no listener answered', async () => {
    const send = sender(undefined, OK);
    expect(await page(send)(CONFIG)).toEqual(OK);
    expect(send).toHaveBeenCalledTimes(2);
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

  it('retries once when the worker restarted, as the content script does', async () => {
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
