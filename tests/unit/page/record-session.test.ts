import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelConfig, Response, TicketsView } from '../../../lib/shared/protocol';
import type { Request } from '../../../lib/shared/commands';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { DEAL, dealPath, RECORDS, recordPath, type RecordFixture } from '../../sandbox/fixtures';
import { renderCrmPage } from '../support/crm-page';
import { readyConfig } from '../support/panel-config';

const url = (record: RecordFixture) => `https://crm.zoho.com${recordPath(record)}`;
const TIMING = { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 };

const CONFIG = readyConfig({ timeZone: 'Asia/Tokyo', canCreate: true });
/**
 * The session's clock while it asks: a list fetched before it (`fetchedAt` below) comes from the
 * broker's cache, one fetched at or after it was searched in Desk for that ask.
 */
const ASKED_AT = 100;
const view = (over: Partial<TicketsView> = {}): TicketsView => ({
  tickets: [],
  fetchedAt: 1,
  stale: false,
  revalidating: false,
  truncated: false,
  ...over,
});
/** The broker's answer to a `peek` for an identity it has no tickets for. */
const NOT_CACHED = view({ fetchedAt: null, stale: true });

type TicketsRequest = Extract<Request, { command: 'tickets.get' }>;

function harness(
  answers: {
    config?: () => Response<PanelConfig>;
    tickets?: (request: TicketsRequest) => Response<TicketsView> | Promise<Response<TicketsView>>;
    /** Answers to `peek` (default: nothing cached, as with an empty cache). */
    peek?: (request: TicketsRequest) => Response<TicketsView> | Promise<Response<TicketsView>>;
  } = {},
  timing = TIMING,
) {
  const requests: Request[] = [];
  const shown: PanelViewState[] = [];
  let actions: { refresh(): void } | undefined;
  const surface = {
    show: vi.fn((state: PanelViewState, given: { refresh(): void }) => {
      shown.push(state);
      actions = given;
    }),
    hide: vi.fn(),
  } satisfies PanelSurface;
  const ask = (async (request: Request) => {
    requests.push(request);
    if (request.command === 'panel.config') return answers.config?.() ?? { ok: true, data: CONFIG };
    if (request.command === 'tickets.get' && request.mode === 'peek')
      return (await answers.peek?.(request)) ?? { ok: true, data: NOT_CACHED };
    if (request.command === 'tickets.get') return (await answers.tickets?.(request)) ?? { ok: true, data: view() };
    return { ok: false, error: { code: 'UNKNOWN_COMMAND' } };
  }) as Ask;
  const controller = new AbortController();
  const sessions = startRecordSessions({ doc: document, signal: controller.signal, ask, surface, timing, now: () => ASKED_AT });
  const allTicketRequests = () => requests.filter((r): r is TicketsRequest => r.command === 'tickets.get');
  // Lookups (cached / fresh / refresh); peeks are listed apart.
  const ticketRequests = () => allTicketRequests().filter((r) => r.mode !== 'peek');
  const peeks = () => allTicketRequests().filter((r) => r.mode === 'peek');
  const last = () => shown.at(-1);
  const refresh = () => actions?.refresh();
  return { sessions, requests, ticketRequests, peeks, shown, last, surface, controller, refresh };
}

beforeEach(() => {
  document.body.replaceChildren();
  document.title = 'Zoho CRM';
});
afterEach(() => vi.useRealTimers());

describe('record sessions', () => {
  it('does nothing on a page that is not a record: no message, no panel', async () => {
    const h = harness();
    h.sessions.navigate('https://crm.zoho.com/crm/org20110845/tab/Contacts/custom-view/5293322000000087501/list');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.requests).toEqual([]);
    expect(h.surface.show).not.toHaveBeenCalled();
    expect(h.surface.hide).toHaveBeenCalled();
  });

  it('reads the record from the page and asks for its tickets (cached) in the configured language and zone', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness({ tickets: () => ({ ok: true, data: view({ fetchedAt: 42 }) }) });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    expect(h.ticketRequests()).toEqual([
      expect.objectContaining({
        mode: 'cached',
        identity: expect.objectContaining({ emails: [...RECORDS.contact.emails] }),
        record: expect.objectContaining({ recordId: RECORDS.contact.recordId }),
      }),
    ]);
    expect(h.last()).toMatchObject({ language: 'en', timeZone: 'Asia/Tokyo', dataCentreMismatch: null });
    expect(h.shown[0]?.body.kind).toBe('loading');
  });

  it('after a cached answer that is revalidating, asks again with mode fresh and shows that', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    const h = harness({
      tickets: (r) => ({
        ok: true,
        data: r.mode === 'cached' ? view({ fetchedAt: 1, stale: true, revalidating: true }) : view({ fetchedAt: 2 }),
      }),
    });
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.ticketRequests().map((r) => r.mode)).toEqual(['cached', 'fresh']));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 2 } } }));
    expect(h.shown.some((s) => s.refreshing && s.body.kind === 'tickets')).toBe(true);
  });

  it('a warm record: the lookup asked before the identity settles is answered from the cache and shown at once; no peek, nothing more asked', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness({ tickets: () => ({ ok: true, data: view({ fetchedAt: ASKED_AT - 93 }) }) });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 7 } } }));
    await new Promise((r) => setTimeout(r, TIMING.settleMs + TIMING.quietMs + 50));
    // The settled identity is the one that lookup asked with: nothing more is asked, or drawn.
    expect(h.ticketRequests()).toEqual([
      expect.objectContaining({ mode: 'cached', identity: expect.objectContaining({ emails: [...RECORDS.contact.emails] }) }),
    ]);
    expect(h.peeks()).toEqual([]);
    expect(h.last()).toMatchObject({ searched: { emails: [...RECORDS.contact.emails] }, body: { view: { fetchedAt: 7 } } });
  });

  it('a record never seen: its lookup is asked as the identity shows, and the list Desk found is held until the identity settles', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness(
      { tickets: () => ({ ok: true, data: view({ fetchedAt: ASKED_AT + 8 }) }) },
      { ...TIMING, settleMs: 400, quietMs: 400 },
    );
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.ticketRequests()).toEqual([expect.objectContaining({ mode: 'cached' })]));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.last()?.body.kind).toBe('loading');
    // Held until the identity settles on the same customer, then drawn: one lookup in all.
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 108 } } }));
    expect(h.ticketRequests()).toHaveLength(1);
    expect(h.peeks()).toEqual([]);
  });

  it('a stale cached list is shown at once, then revalidated (fresh) once the identity settles', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    const h = harness({
      tickets: (r) => ({
        ok: true,
        data: r.mode === 'fresh' ? view({ fetchedAt: ASKED_AT + 2 }) : view({ fetchedAt: 1, stale: true, revalidating: true }),
      }),
    });
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.shown.some((s) => s.body.kind === 'tickets' && s.body.view.fetchedAt === 1)).toBe(true));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 102 } } }));
    expect(h.ticketRequests().map((r) => r.mode)).toEqual(['cached', 'fresh']);
  });

  it('waits while the previous record’s DOM lingers, then looks up the new record', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
    h.sessions.navigate(url(RECORDS.lead)); // pushState: the contact's page is still shown
    await new Promise((r) => setTimeout(r, 150));
    expect(h.ticketRequests()).toHaveLength(1);
    renderCrmPage(PAGE_VARIANT_HTML.lead); // the app renders the lead
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(2));
    expect(h.ticketRequests()[1]).toMatchObject({
      record: { recordId: RECORDS.lead.recordId, module: 'Leads' },
      identity: { emails: [...RECORDS.lead.emails] },
    });
  });

  it('notices CRM replacing the lingering record at once, without animation events or the fallback wait', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
    h.sessions.navigate(url(RECORDS.lead));
    await new Promise((r) => setTimeout(r, 50)); // the session is now waiting on the lingering contact
    expect(h.ticketRequests()).toHaveLength(1);
    // The app swaps its content container for a new one; no animationstart is dispatched here.
    const saved = new DOMParser().parseFromString(PAGE_VARIANT_HTML.lead, 'text/html');
    document.getElementById('crmContent')!.replaceWith(document.importNode(saved.getElementById('crmContent')!, true));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(2), { timeout: TIMING.readyTimeoutMs / 2 });
    expect(h.ticketRequests()[1]).toMatchObject({ identity: { emails: [...RECORDS.lead.emails] } });
  });

  it('ignores a late answer for a record the user already left', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = harness({
      tickets: async (r) => {
        if (r.record.module === 'Contacts') await gate; // the contact's answer is slow
        return { ok: true, data: view({ fetchedAt: r.record.module === 'Contacts' ? 111 : 222 }) };
      },
    });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
    h.sessions.navigate(url(RECORDS.lead));
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 222 } } }));
    const shownBefore = h.shown.length;
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(h.shown).toHaveLength(shownBefore);
    expect(h.last()?.recordKey).toContain(RECORDS.lead.recordId);
  });

  it('looks a record without email up by its name (its CRM link), and says it had no email', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.noEmail);
    const h = harness();
    h.sessions.navigate(url(RECORDS.noEmail));
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    expect(h.ticketRequests().map((r) => r.identity)).toEqual([{ emails: [], name: RECORDS.noEmail.name }]);
    expect(h.last()?.searched).toEqual({ emails: [], crmLink: 'noEmail' });
  });

  it('says an email was masked, and never sends it', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.masked);
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    expect(h.ticketRequests().map((r) => r.identity.emails)).toEqual([[]]);
    expect(h.last()?.searched).toEqual({ emails: [], crmLink: 'masked' });
  });

  it('looks a lazily rendered email up once it shows, without scrolling the page', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lazy);
    const scroller = document.querySelector('lyte-tab-body')!;
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
    expect(h.ticketRequests()[0]!.identity.emails).toEqual([]);
    expect(scroller.scrollTop).toBe(0);
    // The rep scrolls: CRM renders the fields.
    for (const field of document.querySelectorAll('.cxLazyField'))
      field.replaceChildren(field.querySelector('template')!.content.cloneNode(true));
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(2));
    expect(h.ticketRequests()[1]!.identity.emails).toEqual(RECORDS.contact.emails);
    expect(h.last()?.searched).toEqual({ emails: RECORDS.contact.emails });
  });

  it('looks a deal up by its lookups and says whose they are', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.deal);
    const h = harness();
    h.sessions.navigate(`https://crm.zoho.com${dealPath(DEAL)}`);
    await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
    expect(h.ticketRequests()[0]).toMatchObject({
      record: { module: 'Deals', recordId: DEAL.recordId },
      identity: { lookups: { contact: { id: DEAL.contact.recordId }, account: { id: DEAL.account.recordId } } },
    });
    await vi.waitFor(() =>
      expect(h.last()?.searched).toEqual({ emails: [], deal: { contact: DEAL.contact.name, account: DEAL.account.name } }),
    );
  });

  it.each([
    ['unconfigured', { kind: 'unconfigured' }],
    ['rejected', { kind: 'rejected' }],
    ['signedOut', { kind: 'signedOut' }],
  ] as const)('configuration %s: shows that state and asks for no tickets', async (state, body) => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness({ config: () => ({ ok: true, data: { ...CONFIG, state } }) });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.last()?.body).toEqual(body));
    expect(h.ticketRequests()).toEqual([]);
  });

  it('disabled: no panel; enabling later (settings changed) shows the tickets without a reload', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    let config: PanelConfig = { ...CONFIG, state: 'disabled' };
    const h = harness({ config: () => ({ ok: true, data: config }) });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.surface.hide).toHaveBeenCalled());
    expect(h.surface.show).not.toHaveBeenCalled();
    expect(h.ticketRequests()).toEqual([]);
    config = { ...CONFIG, state: 'ready', language: 'ja' };
    h.sessions.settingsChanged();
    await vi.waitFor(() => expect(h.last()).toMatchObject({ language: 'ja', body: { kind: 'tickets' } }));
  });

  it('Refresh asks with mode refresh; a failure keeps the cached rows, marked with the error', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    const h = harness({
      tickets: (r) => (r.mode === 'refresh' ? { ok: false, error: { code: 'NETWORK' } } : { ok: true, data: view({ fetchedAt: 5 }) }),
    });
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    h.refresh();
    await vi.waitFor(() => expect(h.ticketRequests().map((r) => r.mode)).toEqual(['cached', 'refresh']));
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({
        refreshing: false,
        body: { kind: 'tickets', view: { fetchedAt: 5, stale: true, error: { code: 'NETWORK' } } },
      }),
    );
  });

  it('a failure with nothing shown yet is an error state; DISABLED from the broker removes the panel', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    const h = harness({ tickets: () => ({ ok: false, error: { code: 'TIMEOUT' } }) });
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.last()?.body).toEqual({ kind: 'error', error: { code: 'TIMEOUT' } }));
    const off = harness({ tickets: () => ({ ok: false, error: { code: 'DISABLED' } }) });
    off.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(off.surface.hide).toHaveBeenCalled());
  });

  it('notes a CRM page in another data centre than the configured one', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    const h = harness({ config: () => ({ ok: true, data: { ...CONFIG, dataCentre: 'eu' } }) });
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.last()?.dataCentreMismatch).toEqual({ page: 'com', configured: 'eu' }));
  });

  it('stops quietly when the content script context is invalidated', async () => {
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    const h = harness();
    h.controller.abort();
    h.sessions.navigate(url(RECORDS.contact));
    await new Promise((r) => setTimeout(r, 50));
    expect(h.requests).toEqual([]);
    expect(h.surface.show).not.toHaveBeenCalled();
  });

  describe('a record never looked up (cold)', () => {
    // The identity settles only when the test says so (fake clock): what happens before is visible.
    const SETTLE_LATER = { readyTimeoutMs: 120_000, settleMs: 60_000, quietMs: 60_000 };
    const settle = () => vi.advanceTimersByTimeAsync(60_000);
    const emailField = () => document.querySelector('[data-zcqa="value_Email"] crm-rl-share-email')!;
    beforeEach(() => vi.useFakeTimers());

    it('asks for the tickets before the identity settles, and the settled identity takes that answer: one lookup', async () => {
      renderCrmPage(PAGE_VARIANT_HTML.contact);
      let release!: () => void;
      const desk = new Promise<void>((r) => (release = r));
      const h = harness(
        {
          tickets: async () => {
            await desk; // Desk still answering when the identity settles
            return { ok: true, data: view({ fetchedAt: 5 }) };
          },
        },
        SETTLE_LATER,
      );
      h.sessions.navigate(url(RECORDS.contact));
      await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
      expect(h.last()?.body.kind).toBe('loading');
      await settle();
      release();
      await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 5 } } }));
      expect(h.ticketRequests()).toEqual([
        expect.objectContaining({ mode: 'cached', identity: expect.objectContaining({ emails: [...RECORDS.contact.emails] }) }),
      ]);
    });

    it('an identity that changes before it settles is asked again, and the first answer is never shown', async () => {
      renderCrmPage(PAGE_VARIANT_HTML.contact);
      const h = harness(
        {
          tickets: (r) => ({ ok: true, data: view({ fetchedAt: r.identity.emails.includes('late.address@example.com') ? 222 : 111 }) }),
        },
        SETTLE_LATER,
      );
      h.sessions.navigate(url(RECORDS.contact));
      await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(1));
      // CRM shows another address after the first reading was asked for (and answered).
      emailField().setAttribute('email', 'late.address@example.com');
      await vi.waitFor(() => expect(h.ticketRequests()).toHaveLength(2));
      await settle();
      await vi.waitFor(() => expect(h.last()).toMatchObject({ body: { kind: 'tickets', view: { fetchedAt: 222 } } }));
      expect(h.ticketRequests().map((r) => r.identity.emails)).toEqual([
        [...RECORDS.contact.emails],
        expect.arrayContaining(['late.address@example.com']),
      ]);
      expect(h.shown.some((s) => s.body.kind === 'tickets' && s.body.view.fetchedAt === 111)).toBe(false);
    });
  });
});
