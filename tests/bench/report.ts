/** Content-script size and the printed table (targets beside the figures; nothing is asserted). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleBytes {
  raw: number;
  gzip: number;
  files: Record<string, { raw: number; gzip: number }>;
}

/** Bytes of every .js/.css file of the built content script (`content-scripts/crm.js` + its CSS). */
export function bundleBytes(dir: string): BundleBytes {
  const files: BundleBytes['files'] = {};
  for (const name of readdirSync(dir)
    .filter((n) => /\.(js|css)$/.test(n))
    .sort()) {
    const data = readFileSync(path.join(dir, name));
    files[name] = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  }
  const sum = (k: 'raw' | 'gzip') => Object.values(files).reduce((s, f) => s + f[k], 0);
  return { raw: sum('raw'), gzip: sum('gzip'), files };
}

/** A figure in Chromium, the same figure in Firefox ESR (or why there is none), n, target, met. */
type Row = [figure: string, value: string, firefox: string, n: string, target: string, met: boolean | null];

const ms = (s: { p50: number; p95: number } | undefined) => (s ? `p50 ${s.p50} ms, p95 ${s.p95} ms` : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const times = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : ` (${x}×)`);
/** Figures read through the DevTools protocol, which Firefox does not speak. */
const CDP_ONLY = 'Chromium only (DevTools protocol)';
const CHROMIUM_ONLY = 'Chromium only';

/** Calls per view: the mean of the per-view counts (or a summary's p50). */
const perView = (calls: number[] | { p50: number } | undefined) => {
  if (!calls) return '?';
  if (!Array.isArray(calls)) return String(calls.p50);
  return calls.length ? String(Math.round((calls.reduce((sum, c) => sum + c, 0) / calls.length) * 10) / 10) : '?';
};

/** First visits signed in with Zoho (CRM's read scope): no target, compared with a build without a change. */
function signedInRow(s: any): Row {
  if (s.failed) return ['signedIn', `failed: ${s.failed}`, '', '', '—', null];
  const figures = (b: any) =>
    `CRM render → rows ${ms(b.coldViewMs)}; click → rows ${ms(b.clickToRowsMs)}; ${perView(b.deskCallsPerView)} Desk + ${perView(
      b.crmCallsPerView,
    )} CRM calls per view${b.failedViews ? `; ${b.failedViews} views failed` : ''}`;
  return [
    'signedIn',
    `${figures(s)} (Sign in with Zoho, CRM read; Desk, CRM's API and the CRM page's record delayed ${s.injectedDelayMs} ms)`,
    s.firefox ? `${figures(s.firefox)}${times(s.firefox.timesChromium?.clickToRowsP50 ?? undefined)}` : 'not run',
    `${s.n} first visits`,
    '—',
    null,
  ];
}

export function tableRows(r: any): Row[] {
  const rows: Row[] = [];
  const ff = r.firefox;
  const fx = (value: string) => (ff ? value : 'not run');
  if (r.warmSwitchMs) {
    rows.push([
      'warmSwitchMs',
      ms(r.warmSwitchMs),
      fx(`${ms(ff?.warmSwitchMs)}${times(ff?.timesChromium?.warmSwitchP95)}`),
      String(r.warmSwitchMs.n),
      'p95 ≤ 50 ms',
      r.warmSwitchMs.p95 <= 50,
    ]);
    if (r.warmSwitchSleepingWorkerMs) {
      rows.push([
        'warmSwitchSleepingWorkerMs',
        `${ms(r.warmSwitchSleepingWorkerMs)} (worker stopped before each switch; penalty p50 ${r.sleepingWorkerPenaltyP50Ms} ms)`,
        CDP_ONLY,
        String(r.warmSwitchSleepingWorkerMs.n),
        'penalty p50 ≤ 10 ms',
        r.sleepingWorkerPenaltyP50Ms <= 10,
      ]);
    }
    rows.push([
      'floorMs',
      `${ms(r.floorMs)} (message to the worker + IndexedDB read + paint, from a random point of the frame)`,
      fx(`${ms(ff?.floorMs)}${times(ff?.timesChromium?.floorP50)}`),
      String(r.floorMs.n),
      '—',
      null,
    ]);
    rows.push([
      'warmToFloorRatio',
      String(r.warmToFloorRatio),
      fx(String(ff?.warmToFloorRatio)),
      '',
      '≤ 3 (p95 / p95)',
      r.warmToFloorRatio <= 3,
    ]);
    rows.push([
      'coldOverheadMs',
      `${ms(r.coldOverheadMs)} (Desk delay ${r.coldOverheadMs.injectedDelayMs} ms × depth${
        r.coldOverheadMs.sandboxOwnMs ? `; the sandbox's own time per request p50 ${r.coldOverheadMs.sandboxOwnMs.p50} ms` : ''
      }${r.coldOverheadMs.depthHistogram ? `; depths ${JSON.stringify(r.coldOverheadMs.depthHistogram).replace(/"/g, '')}` : ''}${
        r.coldOverheadBeyondSandboxMs ? `; beyond all the views' time in the sandbox ${ms(r.coldOverheadBeyondSandboxMs)}` : ''
      })`,
      fx(`${ms(ff?.coldOverheadMs)}${times(ff?.timesChromium?.coldOverheadP95)}`),
      String(r.coldOverheadMs.n),
      'p95 ≤ 30 ms',
      r.coldOverheadMs.p95 <= 30,
    ]);
    if (r.coldFloorMs) {
      rows.push([
        'coldFloorMs',
        `${ms(r.coldFloorMs)} (message to the worker + one Desk request beyond its ${r.coldFloorMs.injectedDelayMs} ms delay + paint, from a random point of the frame; coldOverheadMs p95 ÷ this p95: ${r.coldToFloorRatio})`,
        fx(`${ms(ff?.coldFloorMs)}${times(ff?.timesChromium?.coldFloorP50)}`),
        String(r.coldFloorMs.n),
        '—',
        null,
      ]);
    }
    if (r.coldFirstRowsMs) {
      rows.push([
        'coldFirstRowsMs',
        `${ms(r.coldFirstRowsMs)} (CRM render → a first visit’s first rows, Desk delays included; the whole list: ${ms(r.coldViewMs)})`,
        fx(ms(ff?.coldFirstRowsMs)),
        String(r.coldFirstRowsMs.n),
        '—',
        null,
      ]);
    }
    if (r.dayOfUse) {
      const day = (d: any) =>
        `waiting ${(d.waitingMs / 1000).toFixed(1)} s (first visits ${(d.waitingFirstVisitsMs / 1000).toFixed(1)} s, repeats ${(
          d.waitingRepeatsMs / 1000
        ).toFixed(
          1,
        )} s); ${d.deskCalls} Desk calls, ${d.deskCallsOnRepeats} on repeats${d.failedViews ? `; ${d.failedViews} views failed` : ''}`;
      rows.push([
        'dayOfUse',
        day(r.dayOfUse),
        fx(ff?.dayOfUse ? `${day(ff.dayOfUse)}${times(ff.timesChromium?.dayOfUseWaiting)}` : ''),
        `${r.dayOfUse.views} views (${r.dayOfUse.repeats} repeats)`,
        '0 calls on repeats; waiting ≤ 60 % of today’s',
        r.dayOfUse.deskCallsOnRepeats === 0 ? null : false,
      ]);
    }
    if (r.signedIn) rows.push(signedInRow(r.signedIn));
    if (ff?.timesChromium) {
      const worst = Math.max(...Object.values(ff.timesChromium as Record<string, number>).filter((x) => !Number.isNaN(x)));
      rows.push([
        'Firefox ÷ Chromium',
        `worst ${worst}× (${ff.version})`,
        fx(JSON.stringify(ff.timesChromium).replace(/"/g, '')),
        '',
        '≤ 1.2× on every figure',
        worst <= 1.2,
      ]);
    }
    if (r.previewCachedMs) {
      rows.push([
        'previewCachedMs',
        ms(r.previewCachedMs),
        CHROMIUM_ONLY,
        String(r.previewCachedMs.n),
        'p95 ≤ 50 ms',
        r.previewCachedMs.p95 <= 50,
      ]);
      rows.push([
        'previewOverheadMs',
        `${ms(r.previewOverheadMs)} (click to text, less the Desk delay of ${r.previewUncachedMs.injectedDelayMs} ms${
          r.previewOverheadMs.sandboxOwnMs ? ` and the sandbox's own time, p50 ${r.previewOverheadMs.sandboxOwnMs.p50} ms` : ''
        })`,
        CHROMIUM_ONLY,
        String(r.previewOverheadMs.n),
        'p95 ≤ 30 ms',
        r.previewOverheadMs.p95 <= 30,
      ]);
    }
    if (r.newTicketOverheadMs) {
      rows.push([
        'newTicketOverheadMs',
        `${ms(r.newTicketOverheadMs)} (click Create to the new row, less the Desk delay of ${r.newTicketMs.injectedDelayMs} ms${
          r.newTicketOverheadMs.sandboxOwnMs
            ? ` and the sandbox's own time, p50 ${r.newTicketOverheadMs.sandboxOwnMs.p50} ms, p95 ${r.newTicketOverheadMs.sandboxOwnMs.p95} ms`
            : ''
        })`,
        CHROMIUM_ONLY,
        String(r.newTicketOverheadMs.n),
        'p95 ≤ 50 ms',
        r.newTicketOverheadMs.p95 <= 50,
      ]);
    }
    rows.push([
      'warmApiCalls',
      String(r.warmApiCalls),
      ff ? 'counted with Chromium' : 'not run',
      String(r.warmSwitchMs.n),
      '0',
      r.warmApiCalls === 0,
    ]);
    const tabs = r.tenTabsUpstreamCalls;
    if (tabs?.byEndpoint) {
      const per = Object.entries(tabs.byEndpoint as Record<string, number>)
        .map(([e, c]) => `${e} ${c}`)
        .join(', ');
      rows.push([
        'tenTabsUpstreamCalls',
        `${tabs.total}: ${per}`,
        CHROMIUM_ONLY,
        `${tabs.tabsWithRows}/${tabs.tabs} tabs`,
        '1 per endpoint',
        Object.values(tabs.byEndpoint as Record<string, number>).every((c) => c === 1),
      ]);
    }
    rows.push([
      'longTasks',
      `${r.longTasks.count} (max ${r.longTasks.maxMs} ms)`,
      'Chromium only (no longtask entries in Firefox)',
      `${r.longTasks.switches} switches`,
      '0',
      r.longTasks.count === 0,
    ]);
    const c = r.cache100k;
    rows.push([
      'cache100k',
      `lookup p95 ${c.lookupP95Ms} ms, ${kb(c.bytes ?? 0)}; ${c.remainingTickets} of ${c.insertedTickets} tickets kept`,
      CDP_ONLY,
      String(c.lookups),
      `p95 ≤ 10 ms, ≤ ${c.cap} kept`,
      c.lookupP95Ms <= 10 && c.remainingTickets <= c.cap,
    ]);
  }
  if (r.contentScriptBytes) {
    rows.push([
      'contentScriptBytes',
      `${kb(r.contentScriptBytes.raw)} raw, ${kb(r.contentScriptBytes.gzip)} (${r.contentScriptBytes.gzip} B) gzip`,
      'the same bundle',
      `${Object.keys(r.contentScriptBytes.files).length} files`,
      '≤ 25 KiB gzip',
      r.contentScriptBytes.gzip <= 25 * 1024,
    ]);
  }
  if (r.panelMemory) {
    const m = r.panelMemory;
    rows.push([
      'panelMemory',
      `CRM tab +${kb(m.crmTabHeapAddedBytes)} JS heap; extension +${kb(m.panelFramesHeapPerTabBytes)} per tab (panel frames)`,
      CDP_ONLY,
      `${m.tabs} tabs`,
      '—',
      null,
    ]);
  }
  if (r.crmTabHeapGrowth) {
    const g = r.crmTabHeapGrowth;
    rows.push([
      'crmTabHeapGrowth',
      `${g.growthBytes >= 0 ? '+' : '−'}${kb(Math.abs(g.growthBytes))} JS heap over ${g.switches} switches (${g.perSwitchBytes} B per switch)`,
      CDP_ONLY,
      `${g.switches} switches`,
      '—',
      null,
    ]);
  }
  if (r.fuzzCases !== undefined)
    rows.push([
      'fuzzCases / fuzzFailures',
      `${r.fuzzCases} / ${r.fuzzFailures}`,
      '—',
      '',
      '≥ 10,000 / 0',
      r.fuzzCases >= 10_000 && r.fuzzFailures === 0,
    ]);
  return rows;
}

export function printTable(report: unknown): void {
  const rows = tableRows(report);
  const head: Row = ['figure', 'Chromium', 'Firefox ESR', 'n', 'target', null];
  const cells = [head, ...rows].map(([f, v, x, n, t, met]) => [f, v, x, n, t, met === null ? '' : met ? 'met' : 'MISSED']);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(`\n${line(cells[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of cells.slice(1)) console.log(line(row));
  console.log('');
}

/** The same rows as a Markdown table (for README.md's Performance section). */
export function markdownTable(report: unknown): string {
  const rows = tableRows(report).map(
    ([f, v, x, n, t, met]) => `| \`${f}\` | ${v} | ${x} | ${n} | ${t} | ${met === null ? '' : met ? 'met' : '**missed**'} |`,
  );
  return ['| figure | Chromium | Firefox ESR | n | target | |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
