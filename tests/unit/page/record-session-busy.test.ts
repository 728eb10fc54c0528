/** A busy Zoho Desk: the session counts down Desk's wait, asks again, and stops after 30 s. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../lib/shared/commands';
import type { ErrorInfo } from '../../../lib/shared/errors';
import type { Response, TicketsView } from '../../../lib/shared/protocol';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { startRecordSessions, type Ask, type PanelSurface } from '../../../lib/page/record-session';
import { PAGE_VARIANT_HTML } from '../../sandbox/crm/page-variants';
import { RECORDS, recordPath } from '../../sandbox/fixtures';
import { tickets } from '../support/cache';
import { readyConfig } from '../support/panel-config';

const CONFIG = readyConfig();
const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
const VIEW: TicketsView = { tickets: tickets(0, 2), fetchedAt: T0 - 60_000, stale: false, revalidating: false, truncated: false };
const busy = (retryAfterSec: number): ErrorInfo => ({ code: 'TOO_MANY_REQUESTS', status: 429, retryAfterSec });

function render(html: string) {
  const saved = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
  for (const element of document.querySelectorAll('[id^="titlecard_"], [data-zcqa^="value_"], [entity-id]')) {
    element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
  }
}

/** A session whose `tickets.get` answers come from `answers` in turn (the last repeats). */
function harness(answers: Response<TicketsView>[]) {
  const modes: string[] = [];
  const shown: PanelViewState[] = [];
  const surface: PanelSurface = { show: (state) => void shown.push(state), hide: () => undefined };
  const answer = (request: Request): Response<unknown> => {
    if (request.command === 'panel.config') return { ok: true, data: CONFIG };
    if (request.command === 'tickets.get' && request.mode === 'peek') return { ok: true, data: { ...VIEW, tickets: [], fetchedAt: null } };
    if (request.command === 'tickets.get') {
      modes.push(request.mode);
      return answers[Math.min(modes.length - 1, answers.length - 1)]!;
    }
    return { ok: false, error: { code: 'UNKNOWN_COMMAND' } };
  };
  const ask = ((request: Request) => Promise.resolve(answer(request))) as Ask;
  const sessions = startRecordSessions({
    doc: document,
    signal: new AbortController().signal,
    ask,
    surface,
    timing: { readyTimeoutMs: 2000, settleMs: 40, quietMs: 5 },
  });
  sessions.navigate(`https://crm.zoho.com${recordPath(RECORDS.contact)}`);
  return { modes, last: () => shown.at(-1)! };
}

/** The state asks again about `seconds` after now (the identity watch took a few real milliseconds). */
function expectRetryIn(state: PanelViewState, seconds: number) {
  expect(state.retryAt).toBeGreaterThanOrEqual(T0 + seconds * 1000);
  expect(state.retryAt).toBeLessThan(T0 + seconds * 1000 + 1000);
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  vi.setSystemTime(T0);
  render(PAGE_VARIANT_HTML.contact);
});
afterEach(() => vi.useRealTimers());

describe('a busy Zoho Desk', () => {
  it('shows the saved rows with a countdown to Desk’s wait, then asks again and shows the fresh rows', async () => {
    const fresh = { ...VIEW, fetchedAt: T0 + 12_000 };
    const h = harness([
      { ok: true, data: { ...VIEW, stale: true, error: busy(12) } },
      { ok: true, data: fresh },
    ]);
    await vi.waitFor(() => expectRetryIn(h.last(), 12));
    expect(h.last().body).toMatchObject({ kind: 'tickets', view: { tickets: VIEW.tickets } });
    await vi.advanceTimersByTimeAsync(12_000);
    await vi.waitFor(() => expect(h.last()).toMatchObject({ retryAt: null, gaveUp: false, body: { kind: 'tickets', view: fresh } }));
    expect(h.modes).toEqual(['cached', 'refresh']);
  });

  it('without rows shows the skeleton with the countdown', async () => {
    const h = harness([
      { ok: false, error: busy(5) },
      { ok: true, data: VIEW },
    ]);
    await vi.waitFor(() => expectRetryIn(h.last(), 5));
    expect(h.last().body.kind).toBe('loading');
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(h.last().body.kind).toBe('tickets'));
  });

  it('stops asking once Desk’s waits would pass 30 seconds, keeps the rows and says so', async () => {
    const h = harness([
      { ok: true, data: { ...VIEW, stale: true, error: busy(20) } },
      { ok: false, error: busy(20) },
    ]);
    await vi.waitFor(() => expectRetryIn(h.last(), 20));
    await vi.advanceTimersByTimeAsync(20_000);
    // Busy again for 20 s: 40 s from the first answer, past the panel's patience.
    await vi.waitFor(() => expect(h.last()).toMatchObject({ gaveUp: true, retryAt: null }));
    expect(h.last().body).toMatchObject({ kind: 'tickets', view: { tickets: VIEW.tickets, error: { code: 'TOO_MANY_REQUESTS' } } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.modes).toEqual(['cached', 'refresh']);
  });

  it('stops too when Desk keeps answering busy with the saved rows', async () => {
    const h = harness([{ ok: true, data: { ...VIEW, stale: true, error: busy(20) } }]);
    await vi.waitFor(() => expectRetryIn(h.last(), 20));
    await vi.advanceTimersByTimeAsync(20_000);
    await vi.waitFor(() => expect(h.last()).toMatchObject({ gaveUp: true, retryAt: null, body: { kind: 'tickets' } }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.modes).toEqual(['cached', 'refresh']);
  });

  it('a wait longer than 30 seconds is not counted down at all', async () => {
    const h = harness([{ ok: false, error: busy(31) }]);
    // Desk's own words say how long (the error's message), not that the panel gave up.
    await vi.waitFor(() =>
      expect(h.last()).toMatchObject({ body: { kind: 'error', error: { retryAfterSec: 31 } }, gaveUp: false, retryAt: null }),
    );
    expect(h.modes).toEqual(['cached']);
  });
});
