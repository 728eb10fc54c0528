import { describe, expect, it, vi } from 'vitest';
import { createDeskClient } from '../../../../lib/background/desk/client';
import { ThreadSchema } from '../../../../lib/background/desk/schemas';
import { toThreadPreview } from '../../../../lib/background/desk/thread-preview';
import { urlOf } from '../../support/fetch';
import { passThrough } from '../../support/limiter';

/** A thread as Desk's latestThread answers (Conversation.json's generalThreadResponseJson). */
const thread = (extra: object = {}) =>
  ThreadSchema.parse({
    id: '1892000000133007',
    summary: 'Hello, the code never arrives',
    content: '<div>Hello,<br>the code never arrives</div>',
    contentType: 'text/html',
    direction: 'in',
    channel: 'EMAIL',
    visibility: 'public',
    author: { id: '1892000000042001', name: 'Daniel Okafor', firstName: 'Daniel', lastName: 'Okafor', type: 'END_USER' },
    createdTime: '2026-05-30T08:15:00.000Z',
    ...extra,
  });

describe('toThreadPreview', () => {
  it('prefers Desk’s plain text, and says who wrote it, which way and on which channel', () => {
    const preview = toThreadPreview(thread({ plainText: 'Hello,\nthe code never arrives' }));
    expect(preview).toEqual({
      authorName: 'Daniel Okafor',
      authorKind: 'customer',
      direction: 'in',
      channel: 'EMAIL',
      createdTime: '2026-05-30T08:15:00.000Z',
      text: 'Hello,\nthe code never arrives',
      truncated: false,
    });
  });

  it('removes the markup of HTML content, with scripts, styles and comments, and decodes entities', () => {
    const preview = toThreadPreview(
      thread({
        content:
          '<style>p{color:red}</style><p>Dear team,</p><script>alert(1)</script><p>5 &lt; 6 &amp; <b>bold</b>&nbsp;text<img src=x onerror=alert(2)></p><!-- note -->Thanks',
      }),
    );
    expect(preview.text).toBe('Dear team,\n5 < 6 & bold text\nThanks');
    expect(preview.text).not.toMatch(/alert|color/);
  });

  it('keeps text content as it is (markup-looking text stays text for the panel to show)', () => {
    expect(toThreadPreview(thread({ content: 'Use a <b> tag?', contentType: 'text/plain' })).text).toBe('Use a <b> tag?');
  });

  it('falls back to the summary, and names an agent from first and last name; the author type may be an array', () => {
    const preview = toThreadPreview(
      thread({
        content: null,
        summary: 'We have reset it',
        direction: 'out',
        channel: 'web',
        author: { id: null, name: null, firstName: 'Chen', lastName: 'Wei', type: ['AGENT'] },
      }),
    );
    expect(preview).toMatchObject({
      authorName: 'Chen Wei',
      authorKind: 'agent',
      direction: 'out',
      channel: 'WEB',
      text: 'We have reset it',
    });
  });

  it('cuts a long text and says so; Desk’s own truncation is said too', () => {
    const long = toThreadPreview(thread({ plainText: 'word '.repeat(1000) }));
    expect(long.text.length).toBeLessThanOrEqual(2001);
    expect(long.text.endsWith('…')).toBe(true);
    expect(long.truncated).toBe(true);
    expect(toThreadPreview(thread({ isContentTruncated: true })).truncated).toBe(true);
  });

  it('accepts a thread with every optional value null', () => {
    const sparse = toThreadPreview(
      ThreadSchema.parse({
        id: '1',
        summary: null,
        content: null,
        contentType: null,
        direction: null,
        channel: null,
        author: null,
        createdTime: null,
      }),
    );
    expect(sparse).toEqual({
      authorName: null,
      authorKind: null,
      direction: null,
      channel: null,
      createdTime: null,
      text: '',
      truncated: false,
    });
  });
});

describe('DeskClient.latestThread', () => {
  const client = (answer: Response) => {
    const calls: URL[] = [];
    const fetch = vi.fn((input: RequestInfo | URL) => {
      calls.push(urlOf(input));
      return Promise.resolve(answer);
    }) as unknown as typeof globalThis.fetch;
    return { desk: createDeskClient({ dataCentre: 'com', token: 't', orgId: '649182735', fetch, limiter: passThrough }), calls };
  };

  it('asks for the latest public thread with its plain text, on the documented path and parameters', async () => {
    const body = {
      id: '1892000000133007',
      summary: 'Hi',
      content: 'Hi',
      contentType: 'text/plain',
      direction: 'in',
      channel: 'EMAIL',
      author: null,
      createdTime: null,
    };
    const { desk, calls } = client(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
    const found = await desk.latestThread('1892000000093001', { needPublic: true, include: ['plainText'] });
    expect(found?.id).toBe('1892000000133007');
    expect(calls[0]!.pathname).toBe('/api/v1/tickets/1892000000093001/latestThread');
    expect(calls[0]!.search).toBe('?needPublic=true&include=plainText');
  });

  it('is null when Desk answers 204 (a ticket without threads)', async () => {
    const { desk } = client(new Response(null, { status: 204 }));
    expect(await desk.latestThread('1892000000093001')).toBeNull();
  });
});
