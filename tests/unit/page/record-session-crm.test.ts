// With a sign-in that reads CRM's API, the session asks for the record's tickets by CRM's word as
// soon as the address names the record (`tickets.crm`), shows them when they come, and its
// lookup of the page's reading takes that answer instead of asking again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelConfig, Response, TicketsView } from '../../../lib/shared/protocol';
import type { Request } from '../../../lib/shared/commands';
import type { HeldAsk } from '../../../lib/shared/held-ask';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface, type SurfaceActions } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS, recordPath, type RecordFixture } from '../../sandbox/fixtures';
import { ticket } from '../support/cache';
import { renderCrmPage } from '../support/crm-page';
import { readyConfig } from '../support/panel-config';

const url = (record: RecordFixture) => `https://crm.zoho.com${recordPath(record)}`;
const TIMING = { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 };
const SIGNED_IN = readyConfig({ crmModules: ['Leads', 'Contacts', 'Accounts', 'Deals'], canCreate: true });
const view = (over: Partial<TicketsView> = {}): TicketsView => ({
  tickets: [ticket(1), ticket(2)],
  fetchedAt: 1,
  stale: false,
  revalidating: false,
  truncated: false,
  ...over,
});
const NOT_CACHED = view({ tickets: [], fetchedAt: null, stale: true });

type CrmAnswer = Response<{ view: TicketsView | null }>;

/** A session whose `tickets.crm` answers when the test says (`answerCrm`). */
function harness({ config = SIGNED_IN, timing = TIMING }: { config?: PanelConfig; timing?: typeof TIMING } = {}) {
  const requests: Request[] = [];
  const shown: PanelViewState[] = [];
  let answerCrm: (answer: CrmAnswer) => void = () => undefined;
  let actions: SurfaceActions | undefined;
  const surface = {
    show: vi.fn((state: PanelViewState, given: SurfaceActions) => {
      shown.push(state);
      actions = given;
    }),
    hide: vi.fn(),
  } satisfies PanelSurface;
  const ask = (async (request: Request) => {
    requests.push(request);
    if (request.command === 'panel.config') return { ok: true, data: config };
    if (request.command === 'tickets.crm') return new Promise<CrmAnswer>((resolve) => (answerCrm = resolve));
    if (request.command === 'tickets.get') return { ok: true, data: request.mode === 'peek' ? NOT_CACHED : view({ fetchedAt: 2 }) };
    return { ok: false, error: { code: 'UNKNOWN_COMMAND' } };
  }) as Ask;
  const sessions = startRecordSessions({ doc: document, signal: new AbortController().signal, ask, surface, timing });
  const commands = () => requests.map((r) => (r.command === 'tickets.get' ? `tickets.get ${r.mode}` : r.command));
  return {
    sessions,
    requests,
    shown,
    last: () => shown.at(-1),
    commands,
    answerCrm: (answer: CrmAnswer) => answerCrm(answer),
    refresh: () => actions?.refresh(),
    newTicket: () => actions?.ticket?.({ kind: 'ticketForm' }),
  };
}

const crmView = (over: Partial<TicketsView> = {}): CrmAnswer => ({ ok: true, data: { view: view(over) } });

beforeEach(() => {
  document.body.replaceChildren();
  document.title = 'Zoho CRM';
});
afterEach(() => vi.useRealTimers());

describe('the record’s tickets by CRM’s word, asked as the address names the record', () => {
  it('are asked before the page shows the record, and shown when they come', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toEqual(['panel.config', 'tickets.crm']));
    expect(h.last()?.body.kind).toBe('loading');
    h.answerCrm(crmView());
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { tickets: [ticket(1), ticket(2)] } }));
  });

  it('are what the page’s reading shows once the page shows the record: no second ask', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    await vi.waitFor(() => expect(h.last()?.searched).toEqual({ emails: [...RECORDS.contact.emails] }));
    expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 1 } });
    expect(h.commands().filter((c) => c.startsWith('tickets.get') && c !== 'tickets.get peek')).toEqual([]);
  });

  it('hold the page’s early lookup while CRM answers, so Desk is not searched twice', async () => {
    const h = harness();
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    h.sessions.navigate(url(RECORDS.contact));
    // The page shows the record at once: its identity settles while CRM has not answered.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.commands()).not.toContain('tickets.get cached');
    h.answerCrm({ ok: true, data: { view: null } });
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 2 } }));
    expect(h.commands().filter((c) => c === 'tickets.get cached')).toHaveLength(1);
  });

  it('when CRM cannot say who the record is, the page’s reading is looked up as before', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm({ ok: true, data: { view: null } });
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 2 } }));
    expect(h.commands()).toContain('tickets.get cached');
  });

  it('a Desk error in CRM’s answer is the lookup’s answer (not a second search)', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm({ ok: false, error: { code: 'NETWORK' } });
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'error', error: { code: 'NETWORK' } }));
    expect(h.commands()).not.toContain('tickets.get cached');
  });

  it('a stale answer is shown, then the fresh list asked for with the page’s reading', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView({ stale: true, revalidating: true }));
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.get fresh'));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 2 } } }));
  });

  it('stay shown when the page never shows who the record is, and Refresh asks the broker (which asks CRM)', async () => {
    const h = harness({ timing: { ...TIMING, readyTimeoutMs: 100 } });
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 1 } });
    h.refresh();
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 2 } }));
    expect(h.commands()).toContain('tickets.get refresh');
  });

  it('Refresh pressed while they show before the page shows the record asks again by CRM’s word; the page’s reading takes that answer', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    await vi.waitFor(() => expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 1 } }));
    h.refresh();
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: true, body: { kind: 'tickets', view: { fetchedAt: 1 } } }));
    expect(h.requests.at(-1)).toMatchObject({ command: 'tickets.crm', mode: 'refresh', record: { recordId: RECORDS.contact.recordId } });
    h.answerCrm(crmView({ fetchedAt: 3, tickets: [ticket(3)] }));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ refreshing: false, body: { kind: 'tickets', view: { fetchedAt: 3 } } }));
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    await vi.waitFor(() => expect(h.last()?.searched).toEqual({ emails: [...RECORDS.contact.emails] }));
    expect(h.last()?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 3, tickets: [ticket(3)] } });
    expect(h.commands().filter((c) => c.startsWith('tickets.get') && c !== 'tickets.get peek')).toEqual([]);
  });

  it('… and the page showing the record while that Refresh is asked takes its answer when it comes', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
    h.refresh();
    await vi.waitFor(() => expect(h.last()?.refreshing).toBe(true));
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    // The page's identity settles (quiet time 5 ms) while the Refresh is asked.
    await new Promise((resolve) => setTimeout(resolve, 100));
    h.answerCrm(crmView({ fetchedAt: 3 }));
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({
        refreshing: false,
        searched: { emails: [...RECORDS.contact.emails] },
        body: { view: { fetchedAt: 3 } },
      }),
    );
    expect(h.commands().filter((c) => c.startsWith('tickets.get') && c !== 'tickets.get peek')).toEqual([]);
  });

  it('New ticket pressed while they show before the page shows the record: its form is asked once the page does', async () => {
    const h = harness();
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    await vi.waitFor(() => expect(h.last()).toMatchObject({ canCreate: true, body: { kind: 'tickets' } }));
    h.newTicket();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.commands()).not.toContain('ticket.options');
    renderCrmPage(PAGE_VARIANT_HTML.contact);
    await vi.waitFor(() => expect(h.commands()).toContain('ticket.options'));
    expect(h.requests.find((r) => r.command === 'ticket.options')).toMatchObject({ identity: { emails: [...RECORDS.contact.emails] } });
  });

  it('are asked held open while the record is shown: leaving it lets go; no answer over the port means the page’s reading', async () => {
    const held: AbortSignal[] = [];
    const requests: string[] = [];
    const ask = ((request: Request) => {
      requests.push(request.command === 'tickets.get' ? `tickets.get ${request.mode}` : request.command);
      if (request.command === 'panel.config') return Promise.resolve({ ok: true, data: SIGNED_IN });
      if (request.command === 'tickets.get')
        return Promise.resolve({ ok: true, data: request.mode === 'peek' ? NOT_CACHED : view({ fetchedAt: 2 }) });
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }) as Ask;
    const askHeld = ((_request: Request, signal: AbortSignal) => {
      held.push(signal);
      return Promise.resolve(null);
    }) as HeldAsk;
    const shown: PanelViewState[] = [];
    const surface = { show: (state: PanelViewState) => void shown.push(state), hide: () => undefined };
    const sessions = startRecordSessions({ doc: document, signal: new AbortController().signal, ask, askHeld, surface, timing: TIMING });
    sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(shown.at(-1)?.body).toMatchObject({ kind: 'tickets', view: { fetchedAt: 2 } }));
    expect(requests).toContain('tickets.get cached');
    expect(requests).not.toContain('tickets.crm');
    expect(held[0]!.aborted).toBe(false);
    sessions.navigate(url(RECORDS.contact));
    expect(held[0]!.aborted).toBe(true);
  });

  it('are not asked when CRM is not read for the module (a key), nor for a record this tab showed lately', async () => {
    const key = harness({ config: readyConfig() });
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    key.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(key.last()?.body.kind).toBe('tickets'));
    expect(key.commands()).not.toContain('tickets.crm');

    const h = harness();
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.commands()).toContain('tickets.crm'));
    h.answerCrm(crmView());
    renderCrmPage(PAGE_VARIANT_HTML.lead);
    await vi.waitFor(() => expect(h.last()?.searched).toBeDefined());
    h.sessions.navigate(url(RECORDS.contact));
    await vi.waitFor(() => expect(h.commands().filter((c) => c === 'tickets.crm')).toHaveLength(2));
    // Back to the lead: drawn from this tab's memory, no CRM ask.
    h.sessions.navigate(url(RECORDS.lead));
    await vi.waitFor(() => expect(h.last()).toMatchObject({ record: { recordId: RECORDS.lead.recordId }, body: { kind: 'tickets' } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.commands().filter((c) => c === 'tickets.crm')).toHaveLength(2);
  });
});
