// No piece of the key reaches what a content script can read, whatever Zoho's error text quotes and
// wherever the cut to 300 characters falls in it.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contact, testBroker, ticketsGet } from '../../support/broker-setup';
import { optionsTab } from '../../support/senders';

/**
 * A ZSC key as Zoho issues them: `1000.` and two runs of hex. No six of its characters in a row are
 * all digits, so a timestamp or counter in what is searched can never pass for a piece of the key.
 */
const KEY = '1000.7f3c9a1be2d04c58a6b9e0f1d2c3b4a5.0e1d2c3b4a59687c8695a4b3c2d1e0f9';
/** Text around the quoted header: letters no key has, so a match is the key's. */
const PADDING = 'Zoho Kilo Quip Vow. ';

/** Every run of six characters of the key found in `text`. */
function keyRuns(text: string): string[] {
  const runs = new Set<string>();
  for (let i = 0; i + 6 <= KEY.length; i++) if (text.includes(KEY.slice(i, i + 6))) runs.add(KEY.slice(i, i + 6));
  return [...runs];
}

/** Desk answers every call with an error whose message echoes the Authorization header after `padding` characters. */
function echoingDesk(padding: () => number): typeof fetch {
  return (_input, init) => {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const message = PADDING.repeat(30).slice(0, padding()) + `Authorization: ${auth} was not accepted here`;
    return Promise.resolve(
      new Response(JSON.stringify({ errorCode: 'UNPROCESSABLE_ENTITY', message }), {
        status: 422,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
}

describe('a Desk error that echoes the Authorization header', () => {
  it('at every length of padding from 0 to 400: no 6-character run of the key in panel answers or storage.local', async () => {
    let padding = 0;
    const world = testBroker({ fetch: echoingDesk(() => padding), callsPerMinute: 100_000 });
    await world.connect({}, KEY);
    const leaks: string[] = [];
    for (padding = 0; padding <= 400; padding++) {
      const answer = JSON.stringify(await world.send(ticketsGet('refresh', contact, { emails: [`p${padding}@example.com`] })));
      expect(answer).toContain('UNPROCESSABLE_ENTITY');
      const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
      expect(stored).toContain('UNPROCESSABLE_ENTITY');
      for (const [where, text] of [
        ['panel answer', answer],
        ['storage.local', stored],
      ] as const) {
        const runs = keyRuns(text);
        if (runs.length > 0) leaks.push(`padding ${padding}, ${where}: ${runs.join(' ')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('the options page gets Zoho’s text (it is the admin’s), without any run of the key, a key cut in two included', async () => {
    let padding = 0;
    const world = testBroker({ fetch: echoingDesk(() => padding), callsPerMinute: 100_000 });
    await world.connect({}, KEY);
    const leaks: string[] = [];
    for (padding = 0; padding <= 400; padding += 7) {
      const answer = await world.send({ command: 'connection.test' }, optionsTab());
      if (answer.ok) throw new Error('expected the connection test to fail');
      expect(answer.error.code).toBe('UNPROCESSABLE_ENTITY');
      // The padding around the key stays readable.
      if (padding >= 20) expect(answer.error.detail).toContain('Zoho Kilo');
      const runs = keyRuns(JSON.stringify(answer));
      if (runs.length > 0) leaks.push(`padding ${padding}: ${runs.join(' ')}`);
    }
    expect(leaks).toEqual([]);
  });

  it('an error recorded by an earlier version with Zoho’s text in storage.local loses the text when read', async () => {
    const world = testBroker();
    await fakeBrowser.storage.local.set({
      'diagnostics.lastError': { code: 'UNAUTHORIZED', at: 1, detail: `Zoho-oauthtoken ${KEY.slice(0, 40)}` },
    });
    expect((await world.admin({ command: 'diagnostics.get' })).lastError).toEqual({ code: 'UNAUTHORIZED', at: 1 });
    expect(keyRuns(JSON.stringify(await fakeBrowser.storage.local.get(null)))).toEqual([]);
  });
});

describe('the secrets scrubbed are the ones in force', () => {
  it('a key the policy sets after earlier answers (the secrets are kept between requests) is scrubbed from the next answer', async () => {
    const world = testBroker({ fetch: echoingDesk(() => 0), callsPerMinute: 100_000 });
    await world.connect({}, '1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210');
    await world.send(ticketsGet('refresh', contact, { emails: ['first@example.com'] }));
    await fakeBrowser.storage.managed.set({ zscKey: KEY, email: 'admin@zylker.com', dataCenter: 'com' });
    const answer = await world.send({ command: 'connection.test' }, optionsTab());
    if (answer.ok) throw new Error('expected the connection test to fail');
    expect(answer.error.detail).toContain('was not accepted');
    expect(keyRuns(JSON.stringify(answer))).toEqual([]);
  });
});
