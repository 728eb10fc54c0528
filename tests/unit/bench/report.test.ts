/** The bench's table: Firefox beside Chromium, figures Firefox cannot give named as such. */
import { describe, expect, it } from 'vitest';
import { markdownTable, tableRows } from '../../bench/report';

const s = (p50: number, p95: number, n = 60) => ({ p50, p95, n });
const report = (timesChromium: Record<string, number> | null) => ({
  warmSwitchMs: s(40, 48),
  warmSwitchSleepingWorkerMs: { ...s(45, 60), wokeEarly: 0 },
  sleepingWorkerPenaltyP50Ms: 5,
  floorMs: s(10, 20),
  warmToFloorRatio: 2.4,
  coldOverheadMs: { ...s(20, 28, 40), injectedDelayMs: 150, depthHistogram: { 1: 30, 2: 10 }, sandboxOwnMs: s(2, 5) },
  coldOverheadBeyondSandboxMs: s(16, 22, 40),
  coldFloorMs: { ...s(7, 14, 40), injectedDelayMs: 150, beyondSandboxMs: s(5, 12, 40) },
  coldToFloorRatio: 2,
  coldViewMs: s(190, 330, 40),
  coldFirstRowsMs: s(170, 320, 40),
  dayOfUse: {
    views: 100,
    repeats: 60,
    deskCalls: 100,
    deskCallsOnRepeats: 0,
    waitingMs: 30_000,
    waitingFirstVisitsMs: 25_000,
    waitingRepeatsMs: 5_000,
  },
  signedIn: {
    n: 20,
    injectedDelayMs: 150,
    coldViewMs: s(12, 30, 20),
    clickToRowsMs: s(330, 360, 20),
    deskCallsPerView: [2, 2, 3, 1],
    crmCallsPerView: [1, 1, 1, 1],
    failedViews: 0,
    ...(timesChromium
      ? {
          firefox: {
            coldViewMs: s(14, 33, 20),
            clickToRowsMs: s(340, 370, 20),
            deskCallsPerView: [2, 2, 3, 1],
            crmCallsPerView: [1, 1, 1, 1],
            failedViews: 1,
            timesChromium: { clickToRowsP50: 1.03 },
          },
        }
      : {}),
  },
  warmApiCalls: 0,
  longTasks: { count: 0, maxMs: 0, switches: 60 },
  cache100k: { lookupP95Ms: 5, bytes: 1024, remainingTickets: 10, insertedTickets: 20, lookups: 300, cap: 50_000 },
  ...(timesChromium
    ? {
        firefox: {
          version: 'firefox/153',
          warmSwitchMs: s(44, 50),
          floorMs: s(11, 21),
          warmToFloorRatio: 2.4,
          coldOverheadMs: s(22, 30, 40),
          coldFloorMs: s(9, 16, 40),
          coldFirstRowsMs: s(180, 330, 40),
          dayOfUse: {
            views: 100,
            repeats: 60,
            deskCalls: 100,
            deskCallsOnRepeats: 0,
            waitingMs: 33_000,
            waitingFirstVisitsMs: 27_000,
            waitingRepeatsMs: 6_000,
          },
          timesChromium,
        },
      }
    : {}),
});

const row = (rows: ReturnType<typeof tableRows>, figure: string) => rows.find((r) => r[0] === figure)!;

describe('bench table', () => {
  it('puts Firefox’s figure beside Chromium’s with its multiple, and names the DevTools-only figures', () => {
    const rows = tableRows(report({ warmSwitchP95: 1.04, coldOverheadP95: 1.07 }));
    expect(row(rows, 'warmSwitchMs')[2]).toBe('p50 44 ms, p95 50 ms (1.04×)');
    expect(row(rows, 'warmSwitchSleepingWorkerMs')[2]).toMatch(/Chromium only/);
    expect(row(rows, 'cache100k')[2]).toMatch(/Chromium only/);
    expect(row(rows, 'dayOfUse')[1]).toMatch(/waiting 30\.0 s .* 100 Desk calls, 0 on repeats/);
    expect(row(rows, 'Firefox ÷ Chromium').at(-1)).toBe(true);
  });

  it('shows a first visit beside its floor, and its overhead beyond all its time in the sandbox', () => {
    const rows = tableRows(report({ warmSwitchP95: 1.04, coldFloorP50: 1.29 }));
    expect(row(rows, 'coldOverheadMs')[1]).toMatch(/; beyond all the views' time in the sandbox p50 16 ms, p95 22 ms\)$/);
    const [, chromium, firefox, n, target, met] = row(rows, 'coldFloorMs');
    expect(chromium).toMatch(/^p50 7 ms, p95 14 ms \(message to the worker \+ one Desk request beyond its 150 ms delay \+ paint, .*: 2\)$/);
    expect([firefox, n, target, met]).toEqual(['p50 9 ms, p95 16 ms (1.29×)', '40', '—', null]);
    expect(row(rows, 'Firefox ÷ Chromium').at(-1)).toBe(false);
  });

  it('shows when a first visit’s first rows showed beside its whole list, without a target', () => {
    const [, chromium, firefox, n, target, met] = row(tableRows(report({ warmSwitchP95: 1.04 })), 'coldFirstRowsMs');
    expect(chromium).toBe(
      'p50 170 ms, p95 320 ms (CRM render → a first visit’s first rows, Desk delays included; the whole list: p50 190 ms, p95 330 ms)',
    );
    expect([firefox, n, target, met]).toEqual(['p50 180 ms, p95 330 ms', '40', '—', null]);
  });

  it('shows the signed-in first visits with their calls per view and no target', () => {
    const [, chromium, firefox, n, target, met] = row(tableRows(report({ warmSwitchP95: 1.04 })), 'signedIn');
    expect(chromium).toBe(
      'CRM render → rows p50 12 ms, p95 30 ms; click → rows p50 330 ms, p95 360 ms; 2 Desk + 1 CRM calls per view ' +
        "(Sign in with Zoho, CRM read; Desk, CRM's API and the CRM page's record delayed 150 ms)",
    );
    expect(firefox).toMatch(/^CRM render → rows p50 14 ms, p95 33 ms; .*; 1 views failed \(1\.03×\)$/);
    expect([n, target, met]).toEqual(['20 first visits', '—', null]);
    expect(row(tableRows(report(null)), 'signedIn')[2]).toBe('not run');
    expect(row(tableRows({ ...report(null), signedIn: { failed: 'no consent window' } }), 'signedIn')[1]).toBe('failed: no consent window');
  });

  it('marks Firefox missed when any figure is more than 1.2× Chromium’s', () => {
    expect(row(tableRows(report({ warmSwitchP95: 1.3, floorP50: 0.9 })), 'Firefox ÷ Chromium').at(-1)).toBe(false);
  });

  it('says Firefox was not run when it was skipped', () => {
    const rows = tableRows(report(null));
    expect(row(rows, 'warmSwitchMs')[2]).toBe('not run');
    expect(rows.some((r) => r[0] === 'Firefox ÷ Chromium')).toBe(false);
    expect(markdownTable(report(null)).split('\n')[0]).toBe('| figure | Chromium | Firefox ESR | n | target | |');
  });
});
