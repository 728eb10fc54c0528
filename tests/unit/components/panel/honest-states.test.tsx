/** The panel's honest states: busy with a countdown, gave up, saved rows once, what was searched. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { TicketsPanel } from '../../../../components/panel/TicketsPanel';
import type { PanelProps } from '../../../../components/panel/types';
import type { PanelBody } from '../../../../lib/page/panel-state';
import { errorKind } from '../../../../lib/page/error-kind';
import type { ErrorInfo } from '../../../../lib/shared/errors';
import type { TicketsView } from '../../../../lib/shared/protocol';
import { tickets } from '../../support/cache';

const NOW = Date.UTC(2026, 5, 1, 9, 0, 0);
const SAVED = NOW - 12 * 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const view = (over: Partial<TicketsView> = {}): TicketsView => ({
  tickets: tickets(0, 2),
  fetchedAt: SAVED,
  stale: true,
  revalidating: false,
  truncated: false,
  ...over,
});

function show(body: PanelBody, over: Partial<PanelProps> = {}) {
  render(
    <TicketsPanel
      body={body}
      language="en"
      timeZone="UTC"
      now={NOW}
      optionsUrl="chrome-extension://abc/options.html"
      onRefresh={vi.fn()}
      onOpenOptions={vi.fn()}
      {...over}
    />,
  );
}

const text = () => screen.getByRole('region', { name: 'Zoho Desk tickets' }).textContent ?? '';

describe('stale rows', () => {
  it('say once when they were saved and why, and the header shows the same age', () => {
    show({ kind: 'tickets', view: view({ error: { code: 'NETWORK' } }) });
    expect(document.querySelector('.dl-updated')?.textContent).toBe('Saved 12 minutes ago');
    expect(text()).toContain('Saved 12 minutes ago; Zoho Desk could not be reached.');
    expect(text().match(/could not be reached/g)).toHaveLength(1);
    expect(text()).not.toContain('Updated');
  });

  it('busy, unreachable and rejected read differently', () => {
    const notes = (['TOO_MANY_REQUESTS', 'NETWORK', 'FORBIDDEN'] as const).map((code) => {
      show({ kind: 'tickets', view: view({ error: { code, status: code === 'FORBIDDEN' ? 403 : undefined } }) });
      const note = screen.getAllByRole('status').find((element) => element.textContent?.startsWith('Saved'))!.textContent;
      cleanup();
      return note;
    });
    expect(notes[0]).toBe('Saved 12 minutes ago; Zoho Desk is busy.');
    expect(notes[1]).toBe('Saved 12 minutes ago; Zoho Desk could not be reached.');
    expect(notes[2]).toMatch(/^Saved 12 minutes ago; Zoho Desk refused the request: /);
    expect(new Set(notes).size).toBe(3);
  });
});

describe('the first rows, while the linked contacts’ tickets are fetched', () => {
  const region = () => screen.getByRole('region', { name: 'Zoho Desk tickets' });

  it('show as rows, say more are being looked for, and keep the panel busy', () => {
    show({ kind: 'tickets', view: view({ fetchedAt: NOW, stale: false, revalidating: true, incomplete: true }) }, { refreshing: true });
    expect(screen.getAllByRole('row')).toHaveLength(3);
    // In the header's line where the list's age goes, said once (not also "Checking Zoho Desk for changes…").
    expect(document.querySelector('.dl-updated')?.textContent).toBe('Looking for linked contacts’ tickets…');
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('Looking for linked contacts’ tickets…');
    expect(text()).not.toContain('Checking Zoho Desk for changes');
    expect(region().getAttribute('aria-busy')).toBe('true');
  });

  it('say which tickets show and why the rest are missing when they could not be fetched', () => {
    const error = { code: 'NETWORK' } as const;
    show({ kind: 'tickets', view: view({ fetchedAt: NOW, stale: true, incomplete: true, error }) });
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(text()).toContain(
      'Showing the tickets found by email; those of the Zoho Desk contacts linked to this record could not be loaded (Zoho Desk could not be reached). Press Refresh to try again.',
    );
    expect(text()).not.toContain('Saved');
    expect(text()).not.toContain('Looking for');
    expect(document.querySelector('.dl-updated')?.textContent).toBe('Updated just now');
    expect(region().getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('button', { name: 'Refresh' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('a busy Zoho Desk', () => {
  it('counts down to the next try, second by second', () => {
    show({ kind: 'tickets', view: view({ error: { code: 'TOO_MANY_REQUESTS', retryAfterSec: 18 } }) }, { retryAt: NOW + 18_000 });
    expect(text()).toContain('Zoho Desk is busy; trying again in 18 s');
    void act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(text()).toContain('Zoho Desk is busy; trying again in 13 s');
  });

  it('says it stopped trying, with the rows kept or without rows', () => {
    show({ kind: 'tickets', view: view({ error: { code: 'TOO_MANY_REQUESTS', retryAfterSec: 20 } }) }, { gaveUp: true });
    expect(text()).toContain('Zoho Desk is busy. Zoho Desk is still busy, so DeskLink stopped trying. Press Refresh in a minute.');
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1);
    cleanup();
    show({ kind: 'error', error: { code: 'TOO_MANY_REQUESTS', retryAfterSec: 40 } }, { gaveUp: true });
    expect(screen.getByRole('alert').textContent).toBe('Zoho Desk is still busy, so DeskLink stopped trying. Press Refresh in a minute.');
  });
});

describe('No tickets', () => {
  it('names the emails it searched, or the account', () => {
    show({ kind: 'tickets', view: view({ tickets: [], stale: false }) }, { searched: { emails: ['a@x.example', 'b@y.example'] } });
    expect(text()).toContain('No tickets');
    expect(text()).toContain('Searched Zoho Desk for a@x.example and b@y.example.');
    cleanup();
    show({ kind: 'tickets', view: view({ tickets: [], stale: false }) }, { searched: { emails: [], accountName: 'Globex Corporation' } });
    expect(text()).toContain('Searched Zoho Desk for the account “Globex Corporation”.');
  });
});

describe('errorKind', () => {
  it('sorts errors into busy, unreachable, rejected and other', () => {
    const kinds = (errors: ErrorInfo[]) => errors.map(errorKind);
    expect(kinds([{ code: 'TOO_MANY_REQUESTS' }, { code: 'HTTP_ERROR', status: 429 }])).toEqual(['busy', 'busy']);
    // DeskLink's own limit is not Desk being busy: the panel says it in its own words.
    expect(kinds([{ code: 'CALL_LIMIT_REACHED', retryAfterSec: 20 }])).toEqual(['other']);
    expect(kinds([{ code: 'NETWORK' }, { code: 'TIMEOUT' }, { code: 'HTTP_ERROR', status: 503 }])).toEqual([
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
    expect(kinds([{ code: 'FORBIDDEN' }, { code: 'SCOPE_MISMATCH' }, { code: 'HTTP_ERROR', status: 404 }])).toEqual([
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(kinds([{ code: 'INTERNAL' }])).toEqual(['other']);
  });
});
