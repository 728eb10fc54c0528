/**
 * The broker end to end in Chromium: the real service worker, its IndexedDB and the sandbox Desk.
 *
 * Panel commands are sent exactly as the content script sends them: from DeskLink's own isolated
 * world inside a CRM tab (reached through the DevTools protocol), so the broker sees a real
 * sender (tab, CRM URL). The panel, which asks on its own, is observed alongside.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectedTickets, getDataset } from '../sandbox/data';
import { CRM_ORG, RECORDS, type RecordFixture } from '../sandbox/fixtures';
import type { FaultRule, Sandbox } from '../sandbox/index';
import type { Response, TicketsView } from '../../lib/shared/protocol';
import type { Request } from '../../lib/shared/commands';
import { contentWorld } from './support/content-world';
import { chromiumTab } from './support/panel-chromium';
import { expectInPanel } from './support/panel-steps';

const SEARCH = '/api/v1/tickets/search';

/** A tickets.get for a sandbox record, as the content script builds it. */
function ticketsGet(record: RecordFixture, mode: 'cached' | 'fresh' | 'refresh'): Request {
  return {
    command: 'tickets.get',
    record: { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: CRM_ORG, module: record.module, recordId: record.recordId },
    identity: { emails: [...record.emails], name: record.name, ...(record.accountName ? { accountName: record.accountName } : {}) },
    mode,
  };
}

function view(response: Response<unknown>): TicketsView {
  if (!response.ok) throw new Error(`expected tickets, got ${JSON.stringify(response.error)}`);
  return response.data as TicketsView;
}

/** The cache database as the service worker sees it: records and ticket counts. */
function readCache(sw: Worker) {
  return sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('desklink-cache');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const records = await all<{ recordKey: string; ticketIds: string[]; fetchedAt: number }>('records');
    const tickets = await all<{ id: string }>('tickets');
    db.close();
    return {
      records: records.map((r) => ({ recordKey: r.recordKey, tickets: r.ticketIds.length, fetchedAt: r.fetchedAt })),
      tickets: tickets.length,
    };
  });
}

/** DeskLink's panel in a CRM tab, read through the panel driver. */
const panel = (page: Page) => chromiumTab(page).panel();

/** The contact's panel showing its tickets; its cached answer and the cache contents, for later comparison. */
async function cachedContact(page: Page, extensionId: string, sw: Worker) {
  await expectInPanel(panel(page), 'tab', /^All\s*14$/);
  const world = await contentWorld(page, extensionId);
  const cached = view(await world.send(ticketsGet(RECORDS.contact, 'cached')));
  await untilRefreshAsksDesk(cached);
  return { world, cached, before: await readCache(sw) };
}

/** Refresh asks Desk about a record at most once in 10 s (sooner it answers with the rows just fetched): wait until these are that old. */
async function untilRefreshAsksDesk(rows: TicketsView): Promise<void> {
  const waitMs = rows.fetchedAt! + 10_000 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

/** The ids of the tickets the sandbox holds for a record in portal A (with other emails, if given), sorted. */
function sandboxTicketIds(record: RecordFixture, emails: readonly string[] = record.emails): string[] {
  const dataset = getDataset('test');
  const crmRecord = dataset.crmById.get(record.recordId)!;
  return expectedTickets(dataset, { ...crmRecord, emails: [...emails] }, 'A')
    .map((t) => t.id)
    .sort();
}

test('a record’s tickets come through the service worker into IndexedDB, then from the cache', async ({
  connect,
  crmPage,
  extensionId,
  sandbox,
  sw,
}) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  await expectInPanel(panel(page), 'tab', /^All\s*14$/);
  const world = await contentWorld(page, extensionId);

  const first = view(await world.send(ticketsGet(RECORDS.contact, 'cached')));
  expect(first.tickets).toHaveLength(RECORDS.contact.expectedTickets.A);
  // Ids of 19 digits (beyond 2^53) arrive digit for digit: Desk's JSON, the worker, IndexedDB, the message.
  const ids = first.tickets.map((t) => t.id).sort();
  expect(ids).toEqual(sandboxTicketIds(RECORDS.contact));
  expect(ids.some((id) => BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
  const cache = await readCache(sw);
  expect(cache.records).toContainEqual(expect.objectContaining({ recordKey: `Contacts:${RECORDS.contact.recordId}`, tickets: 14 }));
  expect(cache.tickets).toBeGreaterThanOrEqual(14);

  // Fresh in the cache: no Desk call at all.
  sandbox.clearLog();
  const again = view(await world.send(ticketsGet(RECORDS.contact, 'cached')));
  expect(again).toMatchObject({ stale: false, revalidating: false, fetchedAt: first.fetchedAt });
  expect(sandbox.deskCalls()).toHaveLength(0);

  // Refresh right away answers with the rows just fetched; once they are 10 s old, it goes to Desk.
  expect(view(await world.send(ticketsGet(RECORDS.contact, 'refresh')))).toMatchObject({ fetchedAt: first.fetchedAt });
  expect(sandbox.deskCalls()).toHaveLength(0);
  await untilRefreshAsksDesk(first);
  const refreshed = view(await world.send(ticketsGet(RECORDS.contact, 'refresh')));
  expect(refreshed.tickets).toHaveLength(14);
  expect(refreshed.fetchedAt).toBeGreaterThan(first.fetchedAt!);
  expect(sandbox.deskCalls({ path: SEARCH }).length).toBeGreaterThan(0);

  // The record gained an email in CRM: the fresh cached list answered another identity, so Desk
  // is searched again with the new email, and the tickets of both emails come back.
  sandbox.clearLog();
  const emails = [...RECORDS.contact.emails, ...RECORDS.japanese.emails];
  const withEmails = (mode: 'cached' | 'fresh') => ({
    ...ticketsGet(RECORDS.contact, mode),
    identity: { emails, name: RECORDS.contact.name },
  });
  const asked = view(await world.send(withEmails('cached')));
  // The tickets found by email may come first, marked incomplete, while the linked Desk
  // contact's are fetched: `fresh` joins that search for the whole list, as the panel does.
  const changed = asked.incomplete ? view(await world.send(withEmails('fresh'))) : asked;
  expect(changed.incomplete).toBeUndefined();
  expect(sandbox.deskCalls({ path: SEARCH }).map((call) => call.query.email)).toContain(emails.join(','));
  expect(changed.tickets.map((t) => t.id).sort()).toEqual(sandboxTicketIds(RECORDS.contact, emails));
  expect(changed.tickets.length).toBeGreaterThan(14);
});

test('the same record asked from several tabs at once makes one upstream search', async ({ connect, crmPage, extensionId, sandbox }) => {
  // Tabs opened before connecting show the setup link and ask Desk nothing yet.
  const pages = await Promise.all([crmPage(RECORDS.contact), crmPage(RECORDS.contact), crmPage(RECORDS.contact)]);
  const worlds = await Promise.all(pages.map((page) => contentWorld(page, extensionId)));
  // Desk answers slowly, so every tab's request arrives while the first search is running.
  sandbox.addFault({ path: SEARCH, delayMs: 4_000 });
  // Counted from before connecting: the panels start their lookups as soon as it is done.
  sandbox.clearLog();
  await connect();

  const views = (await Promise.all(worlds.map((world) => world.send(ticketsGet(RECORDS.contact, 'refresh'))))).map(view);
  expect(views.map((v) => v.tickets.length)).toEqual([14, 14, 14]);
  expect(new Set(views.map((v) => v.fetchedAt)).size).toBe(1);
  for (const page of pages) await expectInPanel(panel(page), 'tab', /^All\s*14$/);
  // One search (14 tickets fit one page) for the three explicit requests and the three panels.
  expect(sandbox.deskCalls({ path: SEARCH })).toHaveLength(1);
});

test('the service worker stopped in the middle of a request: the panel’s request still resolves after it restarts', async ({
  connect,
  context,
  crmPage,
  sandbox,
  sw,
}) => {
  await connect();
  sandbox.addFault({ path: SEARCH, delayMs: 3_000, times: 1 });
  // A mark in the worker's global scope: gone once the worker has really been restarted.
  await sw.evaluate(() => ((globalThis as { __brokerTestMark?: number }).__brokerTestMark = 1));

  const page = await crmPage(RECORDS.contact);
  // The panel asked; Desk is holding the search.
  await expect.poll(() => sandbox.deskCalls({ path: SEARCH }).length).toBe(1);
  expect(sandbox.deskCalls({ path: SEARCH })[0]?.status).toBe(0);

  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => statuses.push(...versions.map((v) => v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses, { message: 'the service worker was stopped' }).toContain('stopped');

  // The content script retries once; the woken worker searches again and answers.
  await expectInPanel(panel(page), 'tab', /^All\s*14$/, { timeout: 20_000 });
  expect(await panel(page).textsOf('alert')).toEqual([]);
  expect(sandbox.deskCalls({ path: SEARCH }).length).toBeGreaterThanOrEqual(2);
  expect(await sw.evaluate(() => (globalThis as { __brokerTestMark?: number }).__brokerTestMark)).toBeUndefined();
});

/** Faults the sandbox injects and the typed error each must yield. */
const FAULTS: [string, FaultRule, string][] = [
  ['400', { status: 400 }, 'BAD_REQUEST'],
  ['401 UNAUTHORIZED', { errorCode: 'UNAUTHORIZED' }, 'UNAUTHORIZED'],
  ['401 SCOPE_MISMATCH', { errorCode: 'SCOPE_MISMATCH' }, 'SCOPE_MISMATCH'],
  ['403 FORBIDDEN', { status: 403 }, 'FORBIDDEN'],
  ['OAUTH_ORG_MISMATCH', { errorCode: 'OAUTH_ORG_MISMATCH' }, 'OAUTH_ORG_MISMATCH'],
  ['LICENSE_ACCESS_LIMITED', { errorCode: 'LICENSE_ACCESS_LIMITED' }, 'LICENSE_ACCESS_LIMITED'],
  ['404', { status: 404 }, 'URL_NOT_FOUND'],
  ['422', { status: 422 }, 'UNPROCESSABLE_ENTITY'],
  ['malformed body', { body: 'malformed' }, 'MALFORMED_JSON'],
  ['schema-breaking body', { body: 'schema' }, 'SCHEMA_VIOLATION'],
  ['500 (after retries)', { status: 500 }, 'INTERNAL_SERVER_ERROR'],
  // The sandbox sends the headers, then half the body: usually fetch() resolves and the read
  // breaks off (TRUNCATED_BODY), but Chromium's network stack sometimes fails fetch() itself.
  ['truncated body (after retries)', { body: 'truncated' }, 'TRUNCATED_BODY|NETWORK'],
  ['empty 200 body', { body: 'empty' }, 'MALFORMED_JSON'],
  ['connection dropped (after retries)', { body: 'reset' }, 'NETWORK'],
  ['429 (after 5 retries)', { status: 429, retryAfterSec: 1 }, 'THRESHOLD_EXCEEDED'],
  ['429 TOO_MANY_REQUESTS (after 5 retries)', { errorCode: 'TOO_MANY_REQUESTS', retryAfterSec: 1 }, 'TOO_MANY_REQUESTS'],
];

// Every call counts against the browser's budget of 60 Desk calls a minute, retries included: the
// faults Desk answers at once and those retried run in a browser each.
const FAULT_GROUPS: [string, typeof FAULTS][] = [
  ['answered at once', FAULTS.filter(([what]) => !what.includes('after'))],
  ['after retries', FAULTS.filter(([what]) => what.includes('after'))],
];

for (const [group, faults] of FAULT_GROUPS) {
  test(`every injected fault (${group}) yields its typed error and leaves the cached record served`, async ({
    connect,
    crmPage,
    extensionId,
    sandbox,
    sw,
  }) => {
    test.setTimeout(150_000);
    await expectFaults({ faults, connect, crmPage, extensionId, sandbox, sw });
  });
}

async function expectFaults({
  faults,
  connect,
  crmPage,
  extensionId,
  sandbox,
  sw,
}: {
  faults: typeof FAULTS;
  connect: () => Promise<unknown>;
  crmPage: (record: RecordFixture) => Promise<Page>;
  extensionId: string;
  sandbox: Sandbox;
  sw: Worker;
}) {
  await connect();
  const { world, cached, before } = await cachedContact(await crmPage(RECORDS.contact), extensionId, sw);

  for (const [what, rule, code] of faults) {
    sandbox.clearFaults();
    sandbox.addFault({ path: SEARCH, ...rule });
    const answer = view(await world.send(ticketsGet(RECORDS.contact, 'refresh')));
    expect.soft(answer.error?.code, what).toMatch(new RegExp(`^(${code})$`));
    expect
      .soft(
        answer.tickets.map((t) => t.id),
        what,
      )
      .toEqual(cached.tickets.map((t) => t.id));
    expect.soft(answer.fetchedAt, what).toBe(cached.fetchedAt);
  }
  sandbox.clearFaults();
  expect(await readCache(sw)).toEqual(before);

  // A record never cached gets the typed error itself (asked from its own page: a tab asks only about the record it shows).
  sandbox.addFault({ path: SEARCH, status: 403 });
  const leadPage = await crmPage(RECORDS.lead);
  const leadWorld = await contentWorld(leadPage, extensionId);
  const uncached = await leadWorld.send(ticketsGet(RECORDS.lead, 'cached'));
  expect(uncached).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // The lead tab's own panel would ask again once Desk answers; only the contact is measured below.
  await leadPage.close();
  sandbox.clearFaults();

  // The cache still answers at once, without Desk. Lookups still in flight from the faults (a
  // retry's backoff, the lead tab's own panel) finish first: a second without a Desk call.
  await expect
    .poll(
      async () => {
        const before = sandbox.deskCalls().length;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return sandbox.deskCalls().length === before;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  sandbox.clearLog();
  expect(view(await world.send(ticketsGet(RECORDS.contact, 'cached')))).toMatchObject({ fetchedAt: cached.fetchedAt, stale: false });
  expect(sandbox.deskCalls()).toHaveLength(0);
}

test('a Desk timeout and a revoked key: typed errors, the cache intact, and no more calls with the rejected key', async ({
  connect,
  crmPage,
  extensionId,
  sandbox,
  sw,
}) => {
  test.setTimeout(90_000);
  await connect();
  const { world, cached, before } = await cachedContact(await crmPage(RECORDS.contact), extensionId, sw);

  sandbox.addFault({ path: SEARCH, delayMs: 17_000, times: 1 });
  const slow = view(await world.send(ticketsGet(RECORDS.contact, 'refresh')));
  expect(slow).toMatchObject({ error: { code: 'TIMEOUT' }, fetchedAt: cached.fetchedAt });
  expect(slow.tickets).toHaveLength(14);

  sandbox.clearFaults();
  sandbox.addFault({ path: SEARCH, errorCode: 'INVALID_OAUTH' });
  const revoked = view(await world.send(ticketsGet(RECORDS.contact, 'refresh')));
  expect(revoked).toMatchObject({ error: { code: 'INVALID_OAUTH' }, fetchedAt: cached.fetchedAt });
  expect(await readCache(sw)).toEqual(before);

  sandbox.clearLog();
  expect(await world.send(ticketsGet(RECORDS.contact, 'refresh'))).toEqual({ ok: false, error: { code: 'CREDENTIAL_REJECTED' } });
  expect(await world.send({ command: 'panel.config' })).toMatchObject({ ok: true, data: { state: 'rejected' } });
  expect(sandbox.deskCalls()).toHaveLength(0);
});

test('panel commands from a page’s own script cannot reach the broker; admin commands from a content script are refused', async ({
  connect,
  crmPage,
  extensionId,
}) => {
  await connect();
  const page = await crmPage(RECORDS.contact);
  // The CRM page's own JavaScript has no extension messaging at all.
  expect(
    await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage),
  ).toBe('undefined');
  const world = await contentWorld(page, extensionId);
  expect(await world.send({ command: 'deactivate' })).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', detail: 'deactivate' } });
  expect(await world.send({ command: 'settings.get' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  expect(await world.send({ command: 'nope' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  expect(await world.send({ command: 'tickets.get', mode: 'cached' })).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
});
