/** A record session's New ticket: one ticket per opening of the form, whatever the frame sends. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewTicket, Request } from '../../../lib/shared/commands';
import type { NewTicketOptions, Response, TicketSummary, TicketsView } from '../../../lib/shared/protocol';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface, type SurfaceActions } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS, recordPath } from '../../sandbox/fixtures';
import { tickets } from '../support/cache';
import { readyConfig } from '../support/panel-config';

const CONFIG = readyConfig({ canCreate: true });
const VIEW: TicketsView = { tickets: tickets(0, 2), fetchedAt: 1, stale: false, revalidating: false, truncated: false };
const OPTIONS: NewTicketOptions = {
  departments: [{ id: '300', name: 'Support' }],
  priorities: [],
  customers: [{ contactId: '9', name: 'Daniel Okafor', email: 'daniel@contoso.example' }],
  accountId: null,
};
const TICKET: NewTicket = { subject: 'Invoice 2291', description: '', departmentId: '300', customer: { contactId: '9' } };

function render(html: string) {
  const saved = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
  for (const element of document.querySelectorAll('[id^="titlecard_"], [data-zcqa^="value_"], [entity-id]')) {
    element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
  }
}

function harness(create: (n: number) => Response<{ ticket: TicketSummary }>) {
  const creates: NewTicket[] = [];
  const shown: PanelViewState[] = [];
  let actions: SurfaceActions | undefined;
  const surface: PanelSurface = {
    show: (state, given) => {
      shown.push(state);
      actions = given;
    },
    hide: () => undefined,
  };
  const answer = (request: Request): unknown => {
    if (request.command === 'panel.config') return { ok: true, data: CONFIG };
    if (request.command === 'tickets.get')
      return { ok: true, data: request.mode === 'peek' ? { ...VIEW, tickets: [], fetchedAt: null } : VIEW };
    if (request.command === 'ticket.options') return { ok: true, data: OPTIONS };
    if (request.command === 'ticket.create') {
      creates.push(request.ticket);
      return create(creates.length);
    }
    return { ok: false, error: { code: 'UNKNOWN_COMMAND' } };
  };
  const sessions = startRecordSessions({
    doc: document,
    signal: new AbortController().signal,
    ask: ((request: Request) => Promise.resolve(answer(request))) as Ask,
    surface,
    timing: { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 },
  });
  return {
    sessions,
    creates,
    last: () => shown.at(-1),
    openForm: () => actions?.ticket?.({ kind: 'ticketForm' }),
    create: () => actions?.ticket?.({ kind: 'createTicket', ticket: TICKET }),
  };
}

const made = (n: number): TicketSummary => ({
  ...VIEW.tickets[0]!,
  id: `18920000001900000${n}`,
  ticketNumber: `154${n}`,
  subject: TICKET.subject,
});

async function formReady(h: ReturnType<typeof harness>) {
  render(PAGE_VARIANT_HTML.contact);
  h.sessions.navigate(`https://crm.zoho.com${recordPath(RECORDS.contact)}`);
  await vi.waitFor(() => expect(h.last()?.body.kind).toBe('tickets'));
  h.openForm();
  await vi.waitFor(() => expect(h.last()?.newTicket).toMatchObject({ kind: 'ready', sending: false }));
}

beforeEach(() => document.body.replaceChildren());

describe('record session New ticket', () => {
  it('a create sent while one is on its way is dropped; one sent after the ticket was made (the frame had not drawn it yet) too', async () => {
    const h = harness((n) => ({ ok: true, data: { ticket: made(n) } }));
    await formReady(h);
    h.create();
    h.create();
    await vi.waitFor(() => expect(h.last()?.created?.id).toBe(made(1).id));
    h.create();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.creates).toHaveLength(1);
    expect(h.last()?.body).toMatchObject({
      kind: 'tickets',
      view: { tickets: [{ id: made(1).id }, ...VIEW.tickets.map(({ id }) => ({ id }))] },
    });
  });

  it('the form opened again makes the next ticket', async () => {
    const h = harness((n) => ({ ok: true, data: { ticket: made(n) } }));
    await formReady(h);
    h.create();
    await vi.waitFor(() => expect(h.last()?.created?.id).toBe(made(1).id));
    h.openForm();
    h.create();
    await vi.waitFor(() => expect(h.last()?.created?.id).toBe(made(2).id));
    expect(h.creates).toHaveLength(2);
  });

  it('after a refusal the same form may send again', async () => {
    const h = harness((n) =>
      n === 1
        ? { ok: false, error: { code: 'UNPROCESSABLE_ENTITY', status: 422, fields: ['subject'] } }
        : { ok: true, data: { ticket: made(n) } },
    );
    await formReady(h);
    h.create();
    await vi.waitFor(() => expect(h.last()?.newTicket).toMatchObject({ kind: 'ready', sending: false, error: { status: 422 } }));
    h.create();
    await vi.waitFor(() => expect(h.last()?.created?.id).toBe(made(2).id));
    expect(h.creates).toHaveLength(2);
  });
});
