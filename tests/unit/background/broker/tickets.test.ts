import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeskLinkError } from '../../../../lib/shared/errors';
import type { TicketsView } from '../../../../lib/shared/protocol';
import { createTicketCache, recordKeyOf } from '../../../../lib/background/cache/ticket-cache';
import { ticket, tickets } from '../../support/cache';
import {
  KEY,
  PORTAL,
  contact,
  identity,
  lead,
  recordUrl,
  scriptedSource,
  storedLastError,
  testBroker,
  ticketsGet,
  type TestBroker,
} from '../../support/broker-setup';
import { crmTab, optionsTab } from '../../support/senders';
import type { Runtime } from 'webextension-polyfill';
import { answerHeldAsks } from '../../../../lib/background/broker/held-asks';
import type { MessageSender } from '../../../../lib/background/broker/sender-policy';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
/** Tickets fetched less than five minutes ago are fresh. */
const FRESH_MS = 5 * 60_000;
let world: TestBroker;

async function ask(message: unknown): Promise<TicketsView> {
  const response = await world.send(message);
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.data as TicketsView;
}

async function askError(message: unknown) {
  const response = await world.send(message);
  if (response.ok) throw new Error('expected an error');
  return response.error;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A connected broker whose tickets come from `script`. */
async function use(script: ReturnType<typeof scriptedSource>) {
  world = testBroker({ tickets: script.source });
  await world.connect();
  return script;
}

describe('tickets.get freshness', () => {
  it('first ask fetches from Desk; a second ask within 5 minutes is answered from the cache', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    const first = await ask(ticketsGet('cached'));
    expect(first).toEqual({ tickets: tickets(0, 3), fetchedAt: T0, stale: false, revalidating: false, truncated: false });

    vi.setSystemTime(T0 + FRESH_MS - 1);
    const second = await ask(ticketsGet('cached'));
    expect(second.tickets).toEqual(tickets(0, 3));
    expect(second).toMatchObject({ fetchedAt: T0, stale: false, revalidating: false });
    expect(desk.calls).toHaveLength(1);
  });

  it('older than 5 minutes: served at once with its age, revalidated, and `fresh` gets the new list', async () => {
    const desk = await use(scriptedSource([tickets(0, 3), tickets(0, 4)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + FRESH_MS + 1_000);
    desk.hold();

    const stale = await ask(ticketsGet('cached'));
    expect(stale).toMatchObject({ fetchedAt: T0, stale: true, revalidating: true });
    expect(stale.tickets).toHaveLength(3);
    expect(desk.calls).toHaveLength(2);

    // The panel asks again with `fresh`: it joins the revalidation rather than starting another.
    const pending = ask(ticketsGet('fresh'));
    desk.release();
    const fresh = await pending;
    expect(fresh).toMatchObject({ fetchedAt: T0 + FRESH_MS + 1_000, stale: false, revalidating: false });
    expect(fresh.tickets).toHaveLength(4);
    expect(desk.calls).toHaveLength(2);
  });

  it('`fresh` on a stale entry with nothing running (worker restarted) fetches', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + FRESH_MS * 2);
    expect((await ask(ticketsGet('fresh'))).tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
  });

  it('Refresh bypasses a fresh cache (ten seconds after the last fetch)', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + 10_000);
    const refreshed = await ask(ticketsGet('refresh'));
    expect(refreshed).toMatchObject({ fetchedAt: T0 + 10_000, stale: false });
    expect(refreshed.tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
  });

  it('a changed identity (another email) refetches even when the cache is fresh', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(10, 2)]));
    await ask(ticketsGet('cached'));
    const changed = await ask(ticketsGet('cached', undefined, { ...identity, emails: ['new.address@contoso.example'] }));
    expect(changed.tickets).toEqual(tickets(10, 2));
    expect(desk.calls).toHaveLength(2);
    expect(desk.calls[1]?.identity.emails).toEqual(['new.address@contoso.example']);
  });
});

describe('tickets.get of a record not cached, whose tickets take two round trips', () => {
  /** The panel's `fresh` ask has reached the running search (it comes a hop after the first rows; the rest, a round trip). */
  const joined = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('answers the first rows at once, marked incomplete; `fresh` joins the search for the rest; only the whole list is cached', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    desk.hold();
    const first = ask(ticketsGet('cached'));
    await vi.waitFor(() => expect(desk.calls).toHaveLength(1));
    desk.tellFirstRows(tickets(0, 2));
    const found = Date.now();
    expect(await first).toEqual({
      tickets: tickets(0, 2),
      fetchedAt: found,
      stale: false,
      revalidating: true,
      truncated: false,
      incomplete: true,
    });

    const rest = ask(ticketsGet('fresh'));
    await joined();
    desk.release();
    expect(await rest).toEqual({ tickets: tickets(0, 3), fetchedAt: found, stale: false, revalidating: false, truncated: false });
    expect(await ask(ticketsGet('cached'))).toMatchObject({ tickets: tickets(0, 3), revalidating: false });
    expect(desk.calls).toHaveLength(1);
  });

  it('a search that fails after its first rows caches nothing: `fresh` answers the error', async () => {
    const desk = await use(scriptedSource([new DeskLinkError({ code: 'NETWORK', host: 'desk.zoho.com' }), tickets(0, 3)]));
    desk.hold();
    const first = ask(ticketsGet('cached'));
    await vi.waitFor(() => expect(desk.calls).toHaveLength(1));
    desk.tellFirstRows(tickets(0, 2));
    expect(await first).toMatchObject({ incomplete: true, revalidating: true });
    const rest = world.send(ticketsGet('fresh'));
    await joined();
    desk.release();
    expect(await rest).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(await ask(ticketsGet('cached'))).toMatchObject({ tickets: tickets(0, 3), revalidating: false });
    expect(desk.calls).toHaveLength(2);
  });

  it('Refresh and `fresh` wait for the whole list', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    for (const [n, mode] of (['refresh', 'fresh'] as const).entries()) {
      desk.hold();
      // Past the freshness window: `fresh` finds the list stale and searches.
      vi.setSystemTime(T0 + (n + 1) * 2 * FRESH_MS);
      const answer = ask(ticketsGet(mode));
      await vi.waitFor(() => expect(desk.calls).toHaveLength(n + 1));
      desk.tellFirstRows(tickets(0, 1));
      desk.release();
      const view = await answer;
      expect(view.tickets).toEqual(tickets(0, 3));
      expect(view.incomplete).toBeUndefined();
    }
  });
});

describe('tickets.get when Desk fails', () => {
  it('serves the cached list with the error when the refetch fails (e.g. offline), and records the error', async () => {
    await use(scriptedSource([tickets(0, 2), new DeskLinkError({ code: 'NETWORK', host: 'desk.zoho.com' })]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + FRESH_MS + 5);
    const view = await ask(ticketsGet('fresh'));
    expect(view).toMatchObject({ fetchedAt: T0, stale: true, revalidating: false, error: { code: 'NETWORK' } });
    expect(view.tickets).toHaveLength(2);
    expect(await storedLastError()).toEqual({ code: 'NETWORK', host: 'desk.zoho.com', at: T0 + FRESH_MS + 5 });
  });

  it('a failed refetch leaves the cache intact for the next ask', async () => {
    await use(scriptedSource([tickets(0, 2), new DeskLinkError({ code: 'INTERNAL_SERVER_ERROR', status: 500 }), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + 10_000);
    await ask(ticketsGet('refresh'));
    vi.setSystemTime(T0 + 10_001);
    const again = await ask(ticketsGet('cached'));
    expect(again).toMatchObject({ fetchedAt: T0, stale: false });
    expect(again.error).toBeUndefined();
  });

  it('an error text quoting the key reaches neither the panel nor storage.local', async () => {
    await use(scriptedSource([new DeskLinkError({ code: 'UNAUTHORIZED', status: 401, detail: `Zoho-oauthtoken ${KEY} is not valid` })]));
    const error = await askError(ticketsGet('cached'));
    // A content script gets no error text at all: the code says what the panel shows.
    expect(error).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).toContain('UNAUTHORIZED');
    expect(everything).not.toContain(KEY);
  });

  it('with nothing cached, the typed error is the answer', async () => {
    await use(scriptedSource([new DeskLinkError({ code: 'TIMEOUT', host: 'desk.zoho.com' })]));
    expect(await askError(ticketsGet('cached'))).toMatchObject({ code: 'TIMEOUT' });
  });

  it('INVALID_OAUTH marks the credential rejected; the next ask makes no upstream call', async () => {
    const desk = await use(scriptedSource([new DeskLinkError({ code: 'INVALID_OAUTH', status: 401 })]));
    expect(await askError(ticketsGet('cached'))).toMatchObject({ code: 'INVALID_OAUTH' });
    expect(await world.credentials.get()).toMatchObject({ key: KEY, rejected: true });
    expect(await askError(ticketsGet('refresh'))).toEqual({ code: 'CREDENTIAL_REJECTED' });
    expect(desk.calls).toHaveLength(1);
  });
});

describe('tickets.get sharing and state', () => {
  it('identical requests in flight share one upstream search; different records do not', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    desk.hold();
    const asks = [ask(ticketsGet('cached')), ask(ticketsGet('cached')), ask(ticketsGet('refresh')), ask(ticketsGet('cached', lead))];
    await vi.waitFor(() => expect(desk.calls.length).toBeGreaterThanOrEqual(2));
    desk.release();
    const views = await Promise.all(asks);
    expect(views.map((v) => v.tickets.length)).toEqual([3, 3, 3, 3]);
    expect(desk.calls.map((c) => c.record.module).sort()).toEqual(['Contacts', 'Leads']);
  });

  it('answers before the rows are stored, and a lookup arriving while they are stored joins the search', async () => {
    const cache = createTicketCache();
    const write = cache.write.bind(cache);
    let storing = (): void => undefined;
    vi.spyOn(cache, 'write').mockImplementation(
      (...args) => new Promise<void>((resolve) => (storing = () => void write(...args).then(resolve))),
    );
    const desk = scriptedSource([tickets(0, 3), tickets(0, 4)]);
    world = testBroker({ tickets: desk.source, cache });
    await world.connect();
    expect((await ask(ticketsGet('cached'))).tickets).toHaveLength(3);
    expect((await ask(ticketsGet('cached'))).tickets).toHaveLength(3);
    expect(desk.calls).toHaveLength(1);
    storing();
    await vi.waitFor(async () => expect((await cache.read(PORTAL.id, recordKeyOf(contact), T0))?.tickets).toHaveLength(3));
    expect((await ask(ticketsGet('cached'))).tickets).toHaveLength(3);
    expect(desk.calls).toHaveLength(1);
  });

  it.each([
    ['not configured', async () => fakeBrowser.storage.local.clear(), 'NOT_CONFIGURED'],
    ['disabled', async () => world.connect({ enabled: false }), 'DISABLED'],
    ['between Change portal and Save', async () => world.connect({ portal: null }), 'NOT_CONFIGURED'],
    ['rejected credential', async () => world.rejectStoredCredential(), 'CREDENTIAL_REJECTED'],
  ] as const)('%s: a typed error and no Desk call', async (_what, arrange, code) => {
    const desk = await use(scriptedSource());
    await arrange();
    expect(await askError(ticketsGet('cached'))).toEqual({ code });
    expect(desk.calls).toHaveLength(0);
  });

  it('works network-only when the cache cannot open', async () => {
    const desk = await use(scriptedSource([tickets(0, 2)]));
    // The broker opens its cache on first use: from now on IndexedDB refuses.
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('no', 'InvalidStateError');
    });
    expect((await ask(ticketsGet('cached'))).tickets).toHaveLength(2);
    expect((await ask(ticketsGet('cached'))).tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
    await world.cache.settled();
    // The options page's diagnostics say the cache is off, and why.
    const diagnostics = await world.send({ command: 'diagnostics.get' }, optionsTab());
    expect(diagnostics).toMatchObject({
      ok: true,
      data: { cache: { available: false, reason: expect.stringContaining('InvalidStateError') } },
    });
  });
});

describe('tickets.get and clearing the cache', () => {
  it('a search that was running when the cache was cleared (deactivate) does not write its result back', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    desk.hold();
    const pending = ask(ticketsGet('cached'));
    await vi.waitFor(() => expect(desk.calls).toHaveLength(1));
    await world.send({ command: 'cache.clear' }, optionsTab());
    desk.release();
    expect((await pending).tickets).toHaveLength(3);
    expect(await world.cache.stats()).toEqual({ tickets: 0, records: 0 });
  });
});

describe('tickets.get peek (the panel asks before the page identity settles)', () => {
  const peek = (who = identity) => ({ ...ticketsGet('cached', undefined, who), mode: 'peek' as const });
  const NOT_CACHED = { tickets: [], fetchedAt: null, stale: true, revalidating: false, truncated: false };

  it('answers from the cache only: nothing cached → fetchedAt null, and Desk is never called', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    expect(await ask(peek())).toEqual(NOT_CACHED);
    expect(desk.calls).toHaveLength(0);
    await ask(ticketsGet('cached'));
    expect(await ask(peek())).toEqual({ tickets: tickets(0, 3), fetchedAt: T0, stale: false, revalidating: false, truncated: false });
    expect(desk.calls).toHaveLength(1);
  });

  it('an identity still rendering (one email of two) misses instead of fetching for it', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    await ask(ticketsGet('cached'));
    expect(await ask(peek({ ...identity, emails: identity.emails.slice(0, 1) }))).toEqual(NOT_CACHED);
    expect(desk.calls).toHaveLength(1);
  });

  it('a stale list is served marked stale, without revalidating (the settled lookup does that)', async () => {
    const desk = await use(scriptedSource([tickets(0, 3)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 + FRESH_MS + 1_000);
    expect(await ask(peek())).toMatchObject({ fetchedAt: T0, stale: true, revalidating: false });
    expect(desk.calls).toHaveLength(1);
    await world.cache.settled();
  });
});

describe('Refresh pressed again and again (by a person, or by a page script in a loop)', () => {
  it('fetches one record at most once in 10 s; a press meanwhile answers with the rows just fetched', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    for (let ms = 400; ms < 10_000; ms += 400) {
      vi.setSystemTime(T0 + ms);
      const view = await ask(ticketsGet('refresh'));
      expect(view).toMatchObject({ fetchedAt: T0, stale: false, revalidating: false });
      expect(view.tickets).toEqual(tickets(0, 1));
    }
    expect(desk.calls).toHaveLength(1);
    vi.setSystemTime(T0 + 10_000);
    expect((await ask(ticketsGet('refresh'))).tickets).toEqual(tickets(0, 2));
    expect(desk.calls).toHaveLength(2);
  });

  it('holds without a cache too (IndexedDB cannot open)', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('no', 'InvalidStateError');
    });
    expect((await ask(ticketsGet('refresh'))).tickets).toHaveLength(1);
    vi.setSystemTime(T0 + 9_999);
    expect(await ask(ticketsGet('refresh'))).toMatchObject({ fetchedAt: T0, tickets: tickets(0, 1) });
    expect(desk.calls).toHaveLength(1);
    vi.setSystemTime(T0 + 10_000);
    expect((await ask(ticketsGet('refresh'))).tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
  });

  it('each record (and each identity) has its own ten seconds', async () => {
    const desk = await use(scriptedSource([tickets(0, 1)]));
    await ask(ticketsGet('refresh'));
    await ask(ticketsGet('refresh', lead));
    await ask(ticketsGet('refresh', contact, { emails: ['someone.else@example.com'] }));
    expect(desk.calls).toHaveLength(3);
  });
});

describe('a clock moved back', () => {
  it('a cached list whose fetch time is in the future counts as stale: shown, and fetched again', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 - 3_600_000);
    expect(await ask(ticketsGet('cached'))).toMatchObject({ fetchedAt: T0, stale: true, revalidating: true });
    const fresh = await ask(ticketsGet('fresh'));
    expect(fresh).toMatchObject({ fetchedAt: T0 - 3_600_000, stale: false });
    expect(fresh.tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
  });

  it('Refresh is not held back by a fetch time in the future', async () => {
    const desk = await use(scriptedSource([tickets(0, 1), tickets(0, 2)]));
    await ask(ticketsGet('cached'));
    vi.setSystemTime(T0 - 5_000);
    expect((await ask(ticketsGet('refresh'))).tickets).toHaveLength(2);
    expect(desk.calls).toHaveLength(2);
  });
});

describe('ticket links go only to the portal’s Zoho Desk', () => {
  const deskLink = 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/1';
  const foreign = [
    'https://desk.zoho.com.evil.example/support/zylker/ShowHomePage.do#Cases/dv/1',
    'https://evil.example/desk.zoho.com',
    'https://desk.zoho.eu/support/zylker/ShowHomePage.do#Cases/dv/1',
    'https://desk.zoho.com:8443/support/zylker',
    'https://admin@desk.zoho.com/support/zylker',
    'http://desk.zoho.com/support/zylker',
    'javascript:alert(1)',
  ];
  const list = [ticket(0, { webUrl: deskLink }), ...foreign.map((webUrl, i) => ticket(i + 1, { webUrl })), ticket(99, { webUrl: null })];

  it('a link elsewhere reaches the panel as no link (the subject shows as text)', async () => {
    await use(scriptedSource([list]));
    const shown = (await ask(ticketsGet('cached'))).tickets;
    expect(shown.map((t) => t.webUrl)).toEqual([deskLink, ...foreign.map(() => null), null]);
    expect(shown.map((t) => t.subject)).toEqual(list.map((t) => t.subject));
  });

  it('so does one a cache written earlier holds', async () => {
    await use(scriptedSource([[]]));
    await world.cache.write(
      PORTAL.id,
      `Contacts:${contact.recordId}`,
      { tickets: list, fetchedAt: T0, fingerprint: null, truncated: false },
      T0,
    );
    const shown = (await ask(ticketsGet('cached'))).tickets;
    expect(shown[0]!.webUrl).toBe(deskLink);
    expect(shown.slice(1).every((t) => t.webUrl === null)).toBe(true);
    await world.cache.settled();
  });
});

describe('tickets.get and a source that searched with another identity', () => {
  it('keeps the tickets under the fingerprint of the identity the source searched with (CRM’s, not the page’s)', async () => {
    const script = scriptedSource([tickets(0, 2)]);
    let searchedWith: string | null = null;
    world = testBroker({
      tickets: {
        fingerprint: (record, who, ready) => searchedWith ?? script.source.fingerprint(record, who, ready),
        async find(ready, record, who, signal) {
          const found = await script.source.find(ready, record, who, signal);
          searchedWith = 'crm-identity';
          return { ...found, fingerprint: searchedWith };
        },
      },
    });
    await world.connect();
    await ask(ticketsGet('cached'));
    // The page's identity now stands for CRM's: exactly that list is cached.
    expect((await ask({ ...ticketsGet('cached'), mode: 'peek' as const })).tickets).toEqual(tickets(0, 2));
    expect(script.calls).toHaveLength(1);
  });
});

/** The background's end of a content script's held-ask port. */
function heldPort(sender: MessageSender) {
  const posted: unknown[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name: 'desklink.heldAsk',
    sender,
    postMessage: (message: unknown) => void posted.push(message),
    disconnect: () => undefined,
    onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
  } as unknown as Runtime.Port;
  return {
    port,
    posted,
    ask: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    letGo: () => onDisconnect.forEach((listener) => listener()),
  };
}

describe('tickets.crm (asked as the address names the record, before the page shows who it is)', () => {
  const CRM_IDENTITY = { emails: ['daniel.okafor@contoso.example'], name: 'Daniel Okafor' };
  const crmAsk = (record = contact) => ({ command: 'tickets.crm' as const, record });

  /** A source that knows the record from CRM (after `crmAnswers`), keyed as CRM's identity whatever the page reads. */
  function crmSource(script: ReturnType<typeof scriptedSource>) {
    let answer: () => void = () => undefined;
    const crmAnswers = new Promise<void>((resolve) => (answer = resolve));
    return {
      answer,
      source: {
        ...script.source,
        fingerprint: () => 'crm-identity',
        identityOf: async () => (await crmAnswers, CRM_IDENTITY),
      },
    };
  }

  /** A connected broker whose source knows records from CRM. */
  async function crmWorld() {
    const script = scriptedSource([tickets(0, 2)]);
    const crm = crmSource(script);
    world = testBroker({ tickets: crm.source });
    await world.connect();
    return { script, crm };
  }

  async function askCrm(record = contact): Promise<TicketsView | null> {
    const response = await world.send(crmAsk(record));
    if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
    return (response.data as { view: TicketsView | null }).view;
  }

  it('answers the tickets found with CRM’s identity; the page’s lookup meanwhile joins that search', async () => {
    const { script, crm } = await crmWorld();
    script.hold();
    const early = askCrm();
    crm.answer();
    await vi.waitFor(() => expect(script.calls).toHaveLength(1));
    const lookup = ask(ticketsGet('cached'));
    script.release();
    expect((await early)?.tickets).toEqual(tickets(0, 2));
    expect((await lookup).tickets).toEqual(tickets(0, 2));
    expect(script.calls).toEqual([{ record: contact, identity: CRM_IDENTITY }]);
  });

  it('`refresh` (the rep’s Refresh before the page shows who it is) searches again past ten seconds, not within them', async () => {
    const script = scriptedSource([tickets(0, 2), tickets(0, 3)]);
    const crm = crmSource(script);
    crm.answer();
    world = testBroker({ tickets: crm.source });
    await world.connect();
    expect((await askCrm())?.tickets).toHaveLength(2);
    const refreshed = async () => {
      const response = await world.send({ ...crmAsk(), mode: 'refresh' });
      if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
      return (response.data as { view: TicketsView }).view;
    };
    vi.setSystemTime(T0 + 5_000);
    expect(await refreshed()).toMatchObject({ fetchedAt: T0, tickets: tickets(0, 2) });
    vi.setSystemTime(T0 + 10_000);
    expect(await refreshed()).toMatchObject({ fetchedAt: T0 + 10_000, tickets: tickets(0, 3) });
    expect(script.calls).toEqual([
      { record: contact, identity: CRM_IDENTITY },
      { record: contact, identity: CRM_IDENTITY },
    ]);
  });

  it('says nothing when the source cannot tell who the record is without the page (a key): no Desk call', async () => {
    const desk = await use(scriptedSource([tickets(0, 2)]));
    expect(await askCrm()).toBeNull();
    expect(desk.calls).toHaveLength(0);
  });

  it('makes no Desk call for a record the tab left while CRM answered', async () => {
    const { script, crm } = await crmWorld();
    const tabs = vi.spyOn(fakeBrowser.tabs, 'get');
    tabs.mockResolvedValue({ url: 'https://crm.zoho.com/crm/org20110845/tab/Contacts/5293322000000000001' } as Awaited<
      ReturnType<typeof fakeBrowser.tabs.get>
    >);
    try {
      const early = askCrm();
      crm.answer();
      expect(await early).toBeNull();
      expect(script.calls).toHaveLength(0);
    } finally {
      tabs.mockRestore();
    }
  });

  it('makes no Desk call and posts nothing once the caller lets go of its held ask (the rep left the record)', async () => {
    const { script, crm } = await crmWorld();
    const port = heldPort(crmTab(recordUrl(contact)));
    answerHeldAsks(port.port, world.broker.handle);
    port.ask(crmAsk());
    port.letGo();
    crm.answer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(script.calls).toHaveLength(0);
    expect(port.posted).toEqual([]);
  });

  it('answers a held ask over its port while the caller holds it', async () => {
    const { crm } = await crmWorld();
    const port = heldPort(crmTab(recordUrl(contact)));
    answerHeldAsks(port.port, world.broker.handle);
    port.ask(crmAsk());
    crm.answer();
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    expect(port.posted[0]).toMatchObject({ ok: true, data: { view: { tickets: tickets(0, 2) } } });
  });

  it('is refused for a record the tab does not show', async () => {
    const desk = await use(scriptedSource([tickets(0, 2)]));
    const response = await world.send(crmAsk(lead), crmTab());
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(desk.calls).toHaveLength(0);
  });
});
