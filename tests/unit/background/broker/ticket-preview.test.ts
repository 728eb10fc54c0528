import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketSource } from '../../../../lib/background/broker/ticket-source';
import type { ThreadPreview, TicketPreview } from '../../../../lib/shared/protocol';
import { createTicketCache } from '../../../../lib/background/cache/ticket-cache';
import { tickets } from '../../support/cache';
import { contact, lead, recordUrl, scriptedSource, testBroker, ticketsGet, type TestBroker } from '../../support/broker-setup';
import { crmTab, panelFrame } from '../../support/senders';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
const FRESH_MS = 5 * 60_000;
const THREAD: ThreadPreview = {
  authorName: 'Daniel Okafor',
  authorKind: 'customer',
  direction: 'in',
  channel: 'EMAIL',
  createdTime: '2026-05-30T08:15:00.000Z',
  text: 'The code never arrives',
  truncated: false,
};

let world: TestBroker;
let source: TicketSource;
let threadCalls: string[];
let release: (() => void) | null;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  threadCalls = [];
  release = null;
  const listed = scriptedSource([tickets(0, 3)]);
  source = {
    ...listed.source,
    async latestThread(_ready, ticketId) {
      threadCalls.push(ticketId);
      if (release === null) return ticketId === tickets(2, 1)[0]!.id ? null : THREAD;
      await new Promise<void>((resolve) => (release = resolve));
      return THREAD;
    },
  };
  world = testBroker({ tickets: source });
  await world.connect();
});

afterEach(() => vi.useRealTimers());

const preview = (ticketId: string, record = contact) => world.send({ command: 'tickets.preview', record, ticketId });
const [first, second, third] = tickets(0, 3).map((ticket) => ticket.id) as [string, string, string];

describe('tickets.preview', () => {
  it('answers a listed ticket’s latest thread with one Desk call, then from memory while fresh', async () => {
    await world.panel(ticketsGet('cached'));
    expect(await preview(first)).toEqual({ ok: true, data: { ticketId: first, thread: THREAD, fetchedAt: T0 } });
    vi.setSystemTime(T0 + FRESH_MS - 1);
    expect(await preview(first)).toMatchObject({ ok: true, data: { fetchedAt: T0 } });
    expect(threadCalls).toEqual([first]);
    // Past the tickets' freshness window it is fetched again.
    vi.setSystemTime(T0 + FRESH_MS);
    expect(await preview(first)).toMatchObject({ ok: true, data: { fetchedAt: T0 + FRESH_MS } });
    expect(threadCalls).toEqual([first, first]);
  });

  it('is kept with the ticket in the cache: the next worker answers it without a Desk call, until the ticket is fetched again', async () => {
    await world.panel(ticketsGet('cached'));
    await preview(first);
    // A worker that starts after this one stopped: same database, nothing in memory.
    const nextWorker = testBroker({ tickets: source, cache: createTicketCache() });
    expect(await nextWorker.send({ command: 'tickets.preview', record: contact, ticketId: first })).toMatchObject({
      ok: true,
      data: { thread: THREAD, fetchedAt: T0 },
    });
    expect(threadCalls).toEqual([first]);
    // The record's tickets fetched anew: their previews may be out of date, so they go.
    vi.setSystemTime(T0 + FRESH_MS);
    await nextWorker.panel(ticketsGet('fresh'));
    const afterRefetch = testBroker({ tickets: source, cache: createTicketCache() });
    await afterRefetch.send({ command: 'tickets.preview', record: contact, ticketId: first });
    expect(threadCalls).toEqual([first, first]);
  });

  it('says a ticket without threads has none', async () => {
    await world.panel(ticketsGet('cached'));
    expect(await preview(third)).toMatchObject({ ok: true, data: { ticketId: third, thread: null } });
  });

  it('shares one Desk call between previews of the same ticket asked at once', async () => {
    await world.panel(ticketsGet('cached'));
    release = () => undefined;
    const both = Promise.all([preview(second), preview(second)]);
    await vi.waitFor(() => expect(threadCalls).toEqual([second]));
    release();
    const answers = await both;
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(threadCalls).toEqual([second]);
  });

  it('refuses a ticket the record’s list does not hold, and a record never listed, without calling Desk', async () => {
    await world.panel(ticketsGet('cached'));
    expect(await preview('9007199254749999')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await preview(first, lead)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(threadCalls).toEqual([]);
  });

  it('answers without waiting for the preview to be kept in the cache', async () => {
    const cache = createTicketCache();
    const written: string[] = [];
    const neverDone = {
      ...cache,
      writePreview: (_portalId: string, kept: TicketPreview) => (written.push(kept.ticketId), new Promise<void>(() => undefined)),
    };
    const slowCache = testBroker({ tickets: source, cache: neverDone });
    await slowCache.panel(ticketsGet('cached'));
    expect(await slowCache.send({ command: 'tickets.preview', record: contact, ticketId: first })).toMatchObject({
      ok: true,
      data: { ticketId: first, thread: THREAD },
    });
    expect(written).toEqual([first]);
  });

  it('answers when keeping the preview in the cache fails, and records the failure in Diagnostics', async () => {
    const cache = createTicketCache();
    const failing = { ...cache, writePreview: () => Promise.reject(new Error('the disk is full')) };
    const failingCache = testBroker({ tickets: source, cache: failing });
    await failingCache.panel(ticketsGet('cached'));
    expect((await failingCache.admin({ command: 'diagnostics.get' })).lastError).toBeNull();
    expect(await failingCache.send({ command: 'tickets.preview', record: contact, ticketId: first })).toMatchObject({
      ok: true,
      data: { ticketId: first, thread: THREAD },
    });
    await vi.waitFor(async () =>
      expect((await failingCache.admin({ command: 'diagnostics.get' })).lastError).toMatchObject({ code: 'INTERNAL' }),
    );
    // Still one Desk call: the preview is kept in this worker all the same.
    await failingCache.send({ command: 'tickets.preview', record: contact, ticketId: first });
    expect(threadCalls).toEqual([first]);
  });

  it('refuses another record’s ticket even while its preview is kept, in memory and in the cache', async () => {
    // The contact lists tickets 0–2; the lead lists others.
    const twoRecords: TicketSource = {
      ...scriptedSource([tickets(0, 3), tickets(3, 2)]).source,
      latestThread: (...args) => source.latestThread!(...args),
    };
    const broker = testBroker({ tickets: twoRecords });
    await broker.panel(ticketsGet('cached'));
    await broker.panel(ticketsGet('cached', lead));
    const ask = (b: TestBroker, record: typeof contact) => b.send({ command: 'tickets.preview', record, ticketId: first });
    expect(await ask(broker, contact)).toMatchObject({ ok: true, data: { thread: THREAD } });
    expect(await ask(broker, lead)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // A worker with nothing in memory reads the same answer from the cache.
    const nextWorker = testBroker({ tickets: twoRecords, cache: createTicketCache() });
    expect(await ask(nextWorker, lead)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ask(nextWorker, contact)).toMatchObject({ ok: true, data: { thread: THREAD } });
    expect(threadCalls).toEqual([first]);
  });

  it('refuses a frame showing another record, or a page that is not CRM', async () => {
    await world.panel(ticketsGet('cached'));
    const message = { command: 'tickets.preview', record: contact, ticketId: first };
    expect(await world.send(message, crmTab(recordUrl(lead)))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const elsewhere = crmTab('https://crm.evil.example/crm/org20110845/tab/Contacts/5293322000004120017');
    expect(await world.send(message, elsewhere)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(threadCalls).toEqual([]);
  });

  it('answers DeskLink’s panel frame in a tab showing the record, and nothing else it might ask', async () => {
    await world.panel(ticketsGet('cached'));
    const message = { command: 'tickets.preview', record: contact, ticketId: first };
    expect(await world.send(message, panelFrame(recordUrl(contact)))).toEqual({
      ok: true,
      data: { ticketId: first, thread: THREAD, fetchedAt: T0 },
    });
    // Only previews: the panel's other commands still come through the content script alone.
    expect(await world.send(ticketsGet('cached'), panelFrame(recordUrl(contact)))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.get' },
    });
    expect(threadCalls).toEqual([first]);
  });

  it('refuses the panel frame a record its tab does not show, and a tab whose address names no record (Zoho One)', async () => {
    await world.panel(ticketsGet('cached'));
    const message = { command: 'tickets.preview', record: contact, ticketId: second };
    for (const sender of [
      panelFrame(recordUrl(lead)),
      panelFrame('https://one.zoho.com/zohoone/zylker/home/cxapp/crm/'),
      panelFrame('https://crm.zoho.com/crm/org20110845/tab/Home/begin'),
      panelFrame(null),
    ]) {
      expect(await world.send(message, sender)).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.preview' } });
    }
    expect(threadCalls).toEqual([]);
  });

  it('refuses a ticket id that is not a digit string before any handler runs', async () => {
    expect(await preview('../../organizations')).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
  });
});
