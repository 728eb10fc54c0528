// Switching back to a record this tab showed lately: its rows come from the tab's memory, before
// the background answers (a sleeping worker wakes first), and the broker's answer still wins.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelConfig, Response, TicketsView } from '../../../lib/shared/protocol';
import type { Request } from '../../../lib/shared/commands';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS, recordPath, type RecordFixture } from '../../sandbox/fixtures';
import { readyConfig } from '../support/panel-config';
import { ticket } from '../support/cache';

const url = (record: RecordFixture) => `https://crm.zoho.com${recordPath(record)}`;
const TIMING = { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 };
const CONFIG: Response<PanelConfig> = { ok: true, data: readyConfig() };
const view = (fetchedAt: number): TicketsView => ({
  tickets: [ticket(1)],
  fetchedAt,
  stale: false,
  revalidating: false,
  truncated: false,
});

function render(html: string) {
  const saved = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
  for (const element of document.querySelectorAll('[id^="titlecard_"], [data-zcqa^="value_"], [entity-id]')) {
    element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
  }
}

/** A broker whose answers to tickets.get the test releases (a worker asleep answers late, or not yet). */
function harness(timing = TIMING) {
  const shown: PanelViewState[] = [];
  const pending: { request: Request; answer: (response: Response<TicketsView>) => void }[] = [];
  const surface = { show: vi.fn((state: PanelViewState) => void shown.push(state)), hide: vi.fn() } satisfies PanelSurface;
  const ask = ((request: Request) => {
    if (request.command === 'panel.config') return Promise.resolve(CONFIG);
    return new Promise((resolve) => pending.push({ request, answer: resolve }));
  }) as Ask;
  const sessions = startRecordSessions({ doc: document, signal: new AbortController().signal, ask, surface, timing });
  /** Answers every request asked so far with `response`. */
  const answerAll = (response: Response<TicketsView>) => pending.splice(0).forEach(({ answer }) => answer(response));
  const rows = () => shown.filter((s) => s.body.kind === 'tickets').map((s) => (s.body.kind === 'tickets' ? s.body.view.fetchedAt : null));
  return { sessions, shown, pending, answerAll, rows, last: () => shown.at(-1) };
}

/** Shows `record` and answers its lookups with `fetchedAt` until its rows are drawn. */
async function visit(h: ReturnType<typeof harness>, record: RecordFixture, html: string, fetchedAt: number) {
  render(html);
  h.sessions.navigate(url(record));
  await vi.waitFor(() => {
    h.answerAll({ ok: true, data: view(fetchedAt) });
    expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt } } });
  });
}

/**
 * Contact, then lead, then the contact again (the identity settles only after 300 ms quiet):
 * resolves once the contact's rows (fetched at 10) are drawn from the tab's memory.
 */
async function backToRememberedContact() {
  const h = harness({ ...TIMING, settleMs: 300, quietMs: 300 });
  await visit(h, RECORDS.contact, PAGE_VARIANT_HTML.contact, 10);
  await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
  render(PAGE_VARIANT_HTML.contact);
  h.sessions.navigate(url(RECORDS.contact));
  await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 10 } } }));
  return h;
}

beforeEach(() => document.body.replaceChildren());

describe('a record this tab showed lately', () => {
  it('draws its rows from memory before the broker answers; the broker’s answer replaces them', async () => {
    const h = harness();
    await visit(h, RECORDS.contact, PAGE_VARIANT_HTML.contact, 10);
    await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    // Nothing answered yet (the worker is waking): the contact's rows are on screen already.
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({
        recordKey: expect.stringContaining(RECORDS.contact.recordId),
        body: { kind: 'tickets', view: { fetchedAt: 10 } },
      }),
    );
    expect(h.pending.length).toBeGreaterThan(0);
    h.answerAll({ ok: true, data: view(30) });
    await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 30 } } }));
  });

  it('is not drawn a second time when the broker answers with the same rows', async () => {
    // The background answers the peek well before the identity settles, as it does in a browser.
    const h = await backToRememberedContact();
    const drawn = h.shown.length;
    // The broker is asked a moment after the rows from memory are drawn.
    await vi.waitFor(() => expect(h.pending.length).toBe(1));
    h.answerAll({ ok: true, data: view(10) });
    // The settled identity is the one peeked with fresh rows: no other lookup, nothing drawn again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.pending).toEqual([]);
    expect(h.shown.length).toBe(drawn);
    expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 10 } } });
  });

  it('an empty list drawn from memory says what was searched once the identity settles, asking nothing more', async () => {
    // The identity settles after the peek has confirmed the rows.
    const h = harness({ ...TIMING, settleMs: 300, quietMs: 300 });
    const empty: TicketsView = { ...view(10), tickets: [] };
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => {
      h.answerAll({ ok: true, data: empty });
      expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 10 } } });
    });
    await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    // Drawn from memory, then confirmed by the broker's cache (the peek).
    await vi.waitFor(() => expect(h.pending.length).toBe(1));
    h.answerAll({ ok: true, data: empty });
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({
        searched: { emails: [...RECORDS.contact.emails] },
        body: { kind: 'tickets', view: { tickets: [] } },
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(h.pending).toEqual([]);
  });

  it('is forgotten when the settings change (another portal, deactivated)', async () => {
    const h = harness();
    await visit(h, RECORDS.contact, PAGE_VARIANT_HTML.contact, 10);
    await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
    h.sessions.settingsChanged();
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.pending.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, TIMING.settleMs + 50));
    expect(h.last()).toMatchObject({ recordKey: expect.stringContaining(RECORDS.contact.recordId), body: { kind: 'loading' } });
  });

  it('is not shown for another identity on the same record (the page now shows another email)', async () => {
    const h = harness();
    await visit(h, RECORDS.contact, PAGE_VARIANT_HTML.contact, 10);
    await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
    render(PAGE_VARIANT_HTML.contact.replaceAll(RECORDS.contact.emails[0]!, 'someone.else@example.com'));
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.pending.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, TIMING.settleMs + 50));
    expect(h.last()).toMatchObject({ recordKey: expect.stringContaining(RECORDS.contact.recordId), body: { kind: 'loading' } });
  });
});

describe('the first rows of a record Desk answers in two round trips', () => {
  it('show busy, the rest are asked with `fresh` and replace them; only the whole list is remembered', async () => {
    const h = harness();
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    // Found for this visit (after it asked): the first rows, the linked contact's still to come.
    const at = Date.now() + 60_000;
    const first: TicketsView = { ...view(at), revalidating: true, incomplete: true };
    await vi.waitFor(() => {
      for (const { request, answer } of h.pending.splice(0)) {
        if (request.command === 'tickets.get' && request.mode === 'fresh') h.pending.push({ request, answer });
        else answer({ ok: true, data: first });
      }
      expect(h.last()).toMatchObject({ refreshing: true, body: { kind: 'tickets', view: { incomplete: true } } });
    });
    await vi.waitFor(() => expect(h.pending.map(({ request }) => request)).toMatchObject([{ command: 'tickets.get', mode: 'fresh' }]));
    // The rest could not be fetched: the first rows stay, saying so.
    h.answerAll({ ok: false, error: { code: 'NETWORK' } });
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({
        refreshing: false,
        body: { kind: 'tickets', view: { incomplete: true, error: { code: 'NETWORK' } } },
      }),
    );
    // Not remembered: back on the record, nothing is drawn before the broker answers.
    await visit(h, RECORDS.lead, PAGE_VARIANT_HTML.lead, 20);
    render(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.pending.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, TIMING.settleMs + 50));
    expect(h.last()).toMatchObject({ recordKey: expect.stringContaining(RECORDS.contact.recordId), body: { kind: 'loading' } });
  });
});

describe('confirming remembered rows', () => {
  it('asks the broker only after the rows from memory had time to paint, and still once before the identity settles', async () => {
    const h = await backToRememberedContact();
    // Drawn from memory; the worker (perhaps asleep) is not woken while the frame paints them.
    expect(h.pending).toEqual([]);
    await vi.waitFor(() => expect(h.pending.map(({ request }) => request)).toMatchObject([{ command: 'tickets.get', mode: 'peek' }]));
    h.answerAll({ ok: true, data: view(30) });
    await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 30 } } }));
  });
});
