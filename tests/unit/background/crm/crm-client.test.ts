// CRM's get-record call: the URL and fields it sends, every answer shape Zoho's files allow, and
// the refusals, each with the reason the caller falls back on.
import { describe, expect, it } from 'vitest';
import { createCrmClient, CrmRefusal, type CrmRefusalReason } from '../../../../lib/background/crm/crm-client';
import { DeskLinkError } from '../../../../lib/shared/errors';
import { urlOf } from '../../support/fetch';

const ID = '5293322000004120017';
const read = {
  apiDomain: 'https://www.zohoapis.com',
  token: 'tok-1',
  module: 'Contacts' as const,
  id: ID,
  fields: ['Email', 'Secondary_Email'],
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' } });

function clientAnswering(answer: () => Response | Promise<Response>) {
  const calls: { url: URL; headers: Headers; init?: RequestInit }[] = [];
  const client = createCrmClient({
    fetch: async (input, init) => {
      calls.push({ url: urlOf(input), headers: new Headers(init?.headers), ...(init ? { init } : {}) });
      return answer();
    },
  });
  return { client, calls };
}

const refusalOf = async (promise: Promise<unknown>): Promise<CrmRefusalReason> => {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmRefusal);
  return (error as CrmRefusal).reason;
};

describe('CRM client: get a record', () => {
  it('asks v8 of the API domain for the record by id, with only the fields needed and the OAuth token', async () => {
    const { client, calls } = clientAnswering(() => json(200, { data: [{ id: ID, Email: 'a@b.example' }] }));
    await client.getRecord(read, new AbortController().signal);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.origin).toBe('https://www.zohoapis.com');
    expect(calls[0]!.url.pathname).toBe(`/crm/v8/Contacts/${ID}`);
    expect(calls[0]!.url.searchParams.get('fields')).toBe('Email,Secondary_Email');
    expect(calls[0]!.headers.get('Authorization')).toBe('Zoho-oauthtoken tok-1');
    expect(calls[0]!.init?.credentials).toBe('omit');
  });

  it.each([
    ['a list of one record', { data: [{ id: ID, Email: 'a@b.example' }] }],
    ['a bare record object', { data: { id: ID, Email: 'a@b.example' } }],
    ['a record without its id', { data: [{ Email: 'a@b.example' }] }],
    ['a numeric id', { data: [{ id: Number(ID.slice(0, 15)), Email: 'a@b.example' }] }],
  ])('reads %s', async (label, body) => {
    const asked = label === 'a numeric id' ? { ...read, id: ID.slice(0, 15) } : read;
    const { client } = clientAnswering(() => json(200, body));
    expect(await client.getRecord(asked, new AbortController().signal)).toMatchObject({ Email: 'a@b.example' });
  });

  it.each([
    ['204 with no body', () => new Response(null, { status: 204 })],
    ['an empty list', () => json(200, { data: [] })],
    [
      '404 INVALID_DATA',
      () => json(404, { code: 'INVALID_DATA', details: {}, message: 'the related id given seems to be invalid', status: 'error' }),
    ],
    [
      '400 INVALID_DATA in a data list',
      () => json(400, { data: [{ code: 'INVALID_DATA', details: {}, message: 'invalid id', status: 'error' }] }),
    ],
  ])('has no record on %s', async (_label, answer) => {
    const { client } = clientAnswering(answer);
    expect(await client.getRecord(read, new AbortController().signal)).toBeNull();
  });

  it.each([
    [401, { code: 'OAUTH_SCOPE_MISMATCH', message: 'invalid oauth scope to access this URL', status: 'error' }, 'scope'],
    [403, { code: 'OAUTH_SCOPE_MISMATCH', message: 'invalid oauth scope to access this URL', status: 'error' }, 'scope'],
    [403, { code: 'NO_PERMISSION', message: 'permission denied', status: 'error' }, 'permission'],
    [401, { code: 'INVALID_TOKEN', message: 'invalid oauth token', status: 'error' }, 'token'],
    [401, { code: 'AUTHENTICATION_FAILURE', message: 'Authentication failed', status: 'error' }, 'token'],
    [401, {}, 'token'],
    [403, {}, 'permission'],
    [429, { code: 'TOO_MANY_REQUESTS', status: 'error' }, 'busy'],
    [500, { code: 'INTERNAL_ERROR', status: 'error' }, 'failed'],
  ] as const)('turns %i %j into the reason %s', async (status, body, reason) => {
    const { client } = clientAnswering(() => json(status, body));
    expect(await refusalOf(client.getRecord(read, new AbortController().signal))).toBe(reason);
  });

  it('refuses a 200 that is not CRM’s envelope, and a record other than the one asked for', async () => {
    for (const answer of [
      () => new Response('<html>login</html>', { status: 200 }),
      () => json(200, { records: [] }),
      () => json(200, { data: [{ id: '999', Email: 'other@b.example' }] }),
    ]) {
      const { client } = clientAnswering(answer);
      expect(await refusalOf(client.getRecord(read, new AbortController().signal))).toBe('failed');
    }
  });

  it('says busy when this browser’s CRM call limit held the call back, failed when the network did', async () => {
    const limited = clientAnswering(() => {
      throw new DeskLinkError({ code: 'CALL_LIMIT_REACHED', retryAfterSec: 5 });
    });
    expect(await refusalOf(limited.client.getRecord(read, new AbortController().signal))).toBe('busy');
    const offline = clientAnswering(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refusalOf(offline.client.getRecord(read, new AbortController().signal))).toBe('failed');
  });

  describe('a read that does not end', () => {
    const aborted = () => new DOMException('The operation was aborted.', 'AbortError');
    // Like the browser's fetch: the request, and a body being read, end with the signal's abort.
    const stalled = (part: 'answer' | 'body', timeoutMs = 20) =>
      createCrmClient({
        timeoutMs,
        fetch: (_input, init) =>
          new Promise<Response>((resolve, reject) => {
            const signal = init!.signal!;
            if (part === 'answer') return signal.addEventListener('abort', () => reject(aborted()));
            const body = new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"data":['));
                signal.addEventListener('abort', () => controller.error(aborted()));
              },
            });
            resolve(new Response(body, { status: 200 }));
          }),
      });

    it.each(['answer', 'body'] as const)('fails once its deadline passes with no %s, so the lookup goes on with the page', async (part) => {
      expect(await refusalOf(stalled(part).getRecord(read, new AbortController().signal))).toBe('failed');
    });

    it('ends as the caller’s abort, not a refusal, when the caller lets go first', async () => {
      const caller = new AbortController();
      const reading = stalled('answer', 60_000).getRecord(read, caller.signal);
      caller.abort();
      const error: unknown = await reading.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DOMException);
      expect(error).not.toBeInstanceOf(CrmRefusal);
    });
  });
});
