/** A record session's previews: each ticket's latest thread asked once, shown with the record's state. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../lib/shared/commands';
import type { Response, TicketPreview, TicketsView } from '../../../lib/shared/protocol';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface, type SurfaceActions } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS, recordPath } from '../../sandbox/fixtures';
import { tickets } from '../support/cache';
import { readyConfig } from '../support/panel-config';

const CONFIG = readyConfig();
const LISTED = tickets(0, 2);
const VIEW: TicketsView = { tickets: LISTED, fetchedAt: 1, stale: false, revalidating: false, truncated: false };

function render(html: string) {
  const saved = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
  for (const element of document.querySelectorAll('[id^="titlecard_"], [data-zcqa^="value_"], [entity-id]')) {
    element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
  }
}

function harness(preview: (ticketId: string) => Response<TicketPreview> | Promise<Response<TicketPreview>>) {
  const previews: string[] = [];
  const shown: PanelViewState[] = [];
  let actions: SurfaceActions | undefined;
  const surface: PanelSurface = {
    show: (state, given) => {
      shown.push(state);
      actions = given;
    },
    hide: () => undefined,
  };
  const ask = ((request: Request) => Promise.resolve(answer(request))) as Ask;
  const answer = (request: Request) => {
    if (request.command === 'panel.config') return { ok: true, data: CONFIG };
    if (request.command === 'tickets.get')
      return { ok: true, data: request.mode === 'peek' ? { ...VIEW, tickets: [], fetchedAt: null } : VIEW };
    if (request.command === 'tickets.preview') {
      previews.push(request.ticketId);
      expect(request.record.recordId).toBe(RECORDS.contact.recordId);
      return preview(request.ticketId);
    }
    return { ok: false, error: { code: 'UNKNOWN_COMMAND' } };
  };
  const sessions = startRecordSessions({
    doc: document,
    signal: new AbortController().signal,
    ask,
    surface,
    timing: { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 },
  });
  return {
    sessions,
    previews,
    shown,
    last: () => shown.at(-1),
    preview: (id: string) => actions?.preview?.(id),
  };
}

beforeEach(() => document.body.replaceChildren());

describe('record session previews', () => {
  it('asks the broker once per ticket and shows the answer, keeping the tickets', async () => {
    render(PAGE_VARIANT_HTML.contact);
    const id = LISTED[0]!.id;
    const h = harness(() => ({ ok: true, data: { ticketId: id, thread: null, fetchedAt: 5 } }));
    h.sessions.navigate(`https://crm.zoho.com${recordPath(RECORDS.contact)}`);
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    h.preview(id);
    await vi.waitFor(() =>
      expect(h.last()?.previews?.[id]).toEqual({ kind: 'ready', preview: { ticketId: id, thread: null, fetchedAt: 5 } }),
    );
    expect(h.last()?.body.kind).toBe('tickets');
    h.preview(id);
    expect(h.previews).toEqual([id]);
    // The panel frame asks previews about this very record itself, so the state names it.
    expect(h.last()?.record).toMatchObject({ crmHost: 'crm.zoho.com', module: 'Contacts', recordId: RECORDS.contact.recordId });
  });

  it('asks again after a failure, and never for a ticket the record does not list', async () => {
    render(PAGE_VARIANT_HTML.contact);
    const id = LISTED[1]!.id;
    let fail = true;
    const h = harness(() =>
      fail ? { ok: false, error: { code: 'NETWORK' } } : { ok: true, data: { ticketId: id, thread: null, fetchedAt: 5 } },
    );
    h.sessions.navigate(`https://crm.zoho.com${recordPath(RECORDS.contact)}`);
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    h.preview('9007199254749999');
    expect(h.previews).toEqual([]);
    h.preview(id);
    await vi.waitFor(() => expect(h.last()?.previews?.[id]).toEqual({ kind: 'error', error: { code: 'NETWORK' } }));
    fail = false;
    h.preview(id);
    await vi.waitFor(() => expect(h.last()?.previews?.[id]?.kind).toBe('ready'));
    expect(h.previews).toEqual([id, id]);
  });

  it('asks the broker at once and draws nothing until the answer (the frame shows what it asked for as loading)', async () => {
    render(PAGE_VARIANT_HTML.contact);
    const id = LISTED[0]!.id;
    let answer: (() => void) | null = null;
    const h = harness(async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      return { ok: true, data: { ticketId: id, thread: null, fetchedAt: 5 } };
    });
    h.sessions.navigate(`https://crm.zoho.com${recordPath(RECORDS.contact)}`);
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    const asked = h.previews.length;
    const shownBefore = h.shown.length;
    h.preview(id);
    expect(h.previews.length).toBe(asked + 1);
    await vi.waitFor(() => expect(answer).not.toBeNull());
    expect(h.shown.length).toBe(shownBefore);
    // Asked again while loading: not asked twice.
    h.preview(id);
    expect(h.previews.length).toBe(asked + 1);
    answer!();
    await vi.waitFor(() => expect(h.last()?.previews?.[id]?.kind).toBe('ready'));
    expect(h.shown.length).toBe(shownBefore + 1);
  });
});
