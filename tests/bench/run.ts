/**
 * `npm run bench`: DeskLink's figures in a real Chromium (the built `chrome-mv3`) and, side by
 * side, Firefox ESR (`firefox-mv3`) against the Zoho sandbox. Writes
 * bench/results.json and prints a table. It reports; it asserts nothing about timings (exit 0
 * unless something crashes). Variants are interleaved in one run, so a change of load on the
 * machine falls on all of them alike: live-worker switch, floor, Firefox switch and floor, then a
 * sleeping-worker switch; each view of the day of use in Chromium, then in Firefox, a first visit
 * after its floor in each. How each figure is measured: README.md, "Performance".
 *
 * Env (for quick runs while developing): BENCH_SIZE (sandbox size, default 'bench'),
 * BENCH_SWITCHES (warm switches per variant: live worker, sleeping worker, floor, Firefox;
 * default 60), BENCH_COLD (distinct records in the day of use, whose first visits are the cold
 * views, default 40), BENCH_DAY_VIEWS (views in the day of use, the rest repeats, default 100),
 * BENCH_DAY_SEED (the day's order, default 17), BENCH_MEMORY_SWITCHES (switches the CRM tab's heap
 * growth spans, default 600), BENCH_FIREFOX (0 skips Firefox), BENCH_CACHE_TICKETS (default
 * 100000), BENCH_FUZZ_CASES (default 10000, 0 skips), BENCH_DELAY_MS (injected Desk latency,
 * default 150), BENCH_PREVIEWS (tickets previewed, default 24), BENCH_NEW_TICKETS (tickets
 * created, default 8), BENCH_READING_MS (how long the rep looks at a record before the next
 * switch, default 500), BENCH_SIGNED_IN (0 skips the views signed in with Zoho, ./signed-in.ts),
 * BENCH_SIGNED_IN_VIEWS (their records, first visits, default 20), BENCH_OUT (default
 * bench/results.json).
 * `--markdown` also prints the table as Markdown (README.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { Diagnostics, Response } from '../../lib/shared/protocol';
import type { Request } from '../../lib/shared/commands';
import { connectWith } from '../e2e/support/admin';
import { extensionServiceWorker, launchChromium } from '../e2e/support/chromium';
import { crmUrl } from '../e2e/support/crm';
import { extensionDir } from '../e2e/support/paths';
import { chromiumOptions } from '../e2e/support/options';
import { isPanelFrameUrl } from '../e2e/support/panel-driver';
import { listCrmRecords, PORTALS, type GeneratedRecord, type SandboxSize } from '../sandbox/index';
import {
  chromiumFloorPage,
  chromiumTab,
  openChromiumTab,
  PROBE_SOURCE,
  SWITCH_TIMEOUT_MS,
  type BenchTab,
  type Expectation,
  type FloorPage,
} from './bench-tab';
import { loadCacheHook } from './cache-load';
import { startFirefoxBench, type FirefoxBench } from './firefox';
import { readStep, requestStep, type FloorSample } from './floor';
import { runFuzz } from './fuzz';
import { measurePanelMemory, usedHeap, type PanelMemory } from './memory';
import type { LongTask, SwitchTiming } from './page-probe';
import { measureNewTickets } from './new-ticket';
import { createReadingPause, pacedFloor, pacedTab } from './reading-pause';
import { measureSignedIn, type SignedInBrowser, type SignedInResult } from './signed-in';
import { startSandboxProcess, type BenchSandbox } from './sandbox-process';
import { createWorkerStopper } from './sleeping-worker';
import { measurePreviews, type PreviewTimings } from './preview';
import { bundleBytes, markdownTable, printTable } from './report';
import { countBy, dayOfUseOrder, endpointOf, ratio, sequentialDepth, summarize, timeHeldMs, type Summary } from './stats';

const env = process.env;
const SIZE: SandboxSize = env.BENCH_SIZE
  ? /^\d+$/.test(env.BENCH_SIZE)
    ? Number(env.BENCH_SIZE)
    : (env.BENCH_SIZE as SandboxSize)
  : 'bench';
const SWITCHES = Number(env.BENCH_SWITCHES ?? 60);
const COLD_VIEWS = Number(env.BENCH_COLD ?? 40);
const DAY_VIEWS = Math.max(COLD_VIEWS, Number(env.BENCH_DAY_VIEWS ?? 100));
const DAY_SEED = Number(env.BENCH_DAY_SEED ?? 17);
const MEMORY_SWITCHES = Number(env.BENCH_MEMORY_SWITCHES ?? 600);
const FIREFOX = env.BENCH_FIREFOX !== '0';
const CACHE_TICKETS = Number(env.BENCH_CACHE_TICKETS ?? 100_000);
const FUZZ_CASES = Number(env.BENCH_FUZZ_CASES ?? 10_000);
const DELAY_MS = Number(env.BENCH_DELAY_MS ?? 150);
const PREVIEWS = Number(env.BENCH_PREVIEWS ?? 24);
/** Tickets previewed on one record at most (its first rows). */
const PREVIEWS_PER_RECORD = 8;
const NEW_TICKETS = Number(env.BENCH_NEW_TICKETS ?? 8);
const READING_MS = Number(env.BENCH_READING_MS ?? 500);
const SIGNED_IN = env.BENCH_SIGNED_IN !== '0';
const SIGNED_IN_VIEWS = SIGNED_IN ? Number(env.BENCH_SIGNED_IN_VIEWS ?? 20) : 0;
const OUT = path.resolve(env.BENCH_OUT ?? 'bench/results.json');
const WARM_RECORDS = 10;
const TABS = 10;
/** The sandbox CRM app's own render delay: small, since CRM's rendering is not DeskLink's cost. */
const CRM_RENDER_DELAY_MS = 30;
const PORTAL = PORTALS.A;

const started = Date.now();
/** Seconds each phase took (the bench's own time, to see where a run goes). */
const phaseSeconds: Record<string, number> = {};
let phase: { name: string; at: number } | null = null;
const log = (line: string, phaseName?: string) => {
  if (phaseName) {
    const now = Date.now();
    if (phase) phaseSeconds[phase.name] = Math.round((now - phase.at) / 1000);
    phase = phaseName === 'end' ? null : { name: phaseName, at: now };
  }
  console.log(`[bench] ${Math.round((Date.now() - started) / 1000)} s: ${line}`);
};
const tenth = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Records the panel can look up with one page of results (1–60 tickets), spread over modules, no
 * two sharing an email or a name (a converted lead and its contact show the same rows, and a
 * switch between them could not be told from no switch).
 */
function pickRecords(size: SandboxSize, count: number): GeneratedRecord[] {
  const usable = listCrmRecords(size).filter((r) => {
    const n = r.expectedTickets.A;
    if (n < 1 || n > 60) return false;
    // A page that shows another email than the record's (a fixture for that case) is no ordinary view.
    if (r.pageEmails && r.pageEmails.join() !== r.emails.join()) return false;
    return r.module === 'Accounts' ? Boolean(r.accountName ?? r.name) : r.emails.length > 0;
  });
  // Round-robin over modules so every reader is exercised.
  const byModule = ['Contacts', 'Leads', 'Accounts'].map((m) => usable.filter((r) => r.module === m));
  const picked: GeneratedRecord[] = [];
  const taken = new Set<string>();
  const keys = (r: GeneratedRecord) =>
    [...r.emails.map((e) => e.toLowerCase()), (r.accountName ?? r.name ?? '').toLowerCase()].filter(Boolean);
  for (let i = 0; picked.length < count && byModule.some((list) => i < list.length); i++) {
    for (const list of byModule) {
      const r = list[i];
      if (!r || picked.length >= count || keys(r).some((k) => taken.has(k))) continue;
      keys(r).forEach((k) => taken.add(k));
      picked.push(r);
    }
  }
  return picked;
}

/**
 * Waits until `needed` more Desk calls fit in DeskLink's budget of calls a minute, as DeskLink
 * itself counts them (its diagnostics): a measurement that met the limit would time DeskLink's
 * pause, not its work. `meanwhile` fills the wait (switches that make no Desk call).
 */
async function paceDeskCalls(
  send: (request: Request) => Promise<Response<unknown>>,
  needed: number,
  meanwhile?: () => Promise<boolean>,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await send({ command: 'diagnostics.get' });
    if (!answer.ok) throw new Error(`diagnostics.get: ${answer.error.code}`);
    const usage = (answer.data as Diagnostics).deskCalls;
    if (!usage || usage.lastMinute + needed <= usage.limitPerMinute) return Date.now() - started;
    const until = Date.now() + 1000;
    while (Date.now() < until) if (!(await meanwhile?.())) await new Promise((resolve) => setTimeout(resolve, until - Date.now()));
  }
}

interface View {
  first: boolean;
  timing: SwitchTiming | null;
  calls: number;
  depth: number;
  sandboxOwnMs: number[];
  /** How long at least one of the view's Desk requests was inside the sandbox. */
  sandboxHeldMs: number;
}

/** One view of a record with every Desk answer delayed: its timing and the Desk calls made meanwhile. */
async function timedView(
  sandbox: BenchSandbox,
  tab: BenchTab,
  record: GeneratedRecord,
  expect: Expectation,
  first: boolean,
): Promise<View> {
  const from = Date.now();
  const timing = await tab.switchTo(record, expect).catch((error: unknown) => {
    log(`${tab.browser}: a view failed (${error instanceof Error ? error.message : String(error)})`);
    return null;
  });
  const to = Date.now();
  const calls = (await sandbox.deskCalls()).filter((c) => c.at >= from && c.at <= to);
  return {
    first,
    timing,
    calls: calls.length,
    depth: sequentialDepth(
      calls.map((c) => c.at),
      DELAY_MS,
    ),
    sandboxOwnMs: calls.map((c) => c.ms - DELAY_MS),
    sandboxHeldMs: timeHeldMs(calls),
  };
}

/** A first visit's floor sample, and the address of its request (how the sandbox's log tells it). */
interface ColdFloorSample extends FloorSample {
  email: string;
}

/** The floor of a first visit beyond the injected delay, and beyond all its request's time in the sandbox. */
function coldFloorFigures(samples: ColdFloorSample[], log: readonly { query: Record<string, string>; ms: number }[]) {
  const held = new Map(log.map((c) => [c.query.email, c.ms]));
  return {
    ...summarize(samples.map((f) => f.ms - DELAY_MS)),
    injectedDelayMs: DELAY_MS,
    beyondSandboxMs: summarize(samples.filter((f) => held.has(f.email)).map((f) => f.ms - held.get(f.email)!)),
  };
}

/** The cold figures (first visits) of a day of use, and the day's totals. */
function dayFigures(views: View[], seed: number) {
  const cold = views.filter((v) => v.first && v.timing);
  const ok = views.filter((v) => v.timing);
  const repeats = views.filter((v) => !v.first);
  const waiting = (list: View[]) => Math.round(list.reduce((s, v) => s + (v.timing?.totalMs ?? 0), 0));
  return {
    coldOverheadMs: {
      ...summarize(cold.map((v) => v.timing!.panelMs - v.depth * DELAY_MS)),
      injectedDelayMs: DELAY_MS,
      depths: cold.map((v) => v.depth),
      depthHistogram: countBy(cold, (v) => String(v.depth)),
      calls: cold.map((v) => v.calls),
      // The sandbox's own time per Desk request (its answer time less the injected delay): part
      // of the overhead above that is not DeskLink's.
      sandboxOwnMs: summarize(cold.flatMap((v) => v.sandboxOwnMs)),
    },
    // The same views less all the time any of their requests was inside the sandbox (delays and
    // its own time): the browser's and DeskLink's share alone.
    coldOverheadBeyondSandboxMs: summarize(cold.map((v) => v.timing!.panelMs - v.sandboxHeldMs)),
    coldViewMs: summarize(cold.map((v) => v.timing!.panelMs)),
    // When the first rows showed: before the whole list when the rest took another round trip.
    coldFirstRowsMs: summarize(cold.map((v) => v.timing!.firstRowsMs)),
    dayOfUse: {
      views: views.length,
      firstVisits: views.length - repeats.length,
      repeats: repeats.length,
      seed,
      injectedDelayMs: DELAY_MS,
      deskCalls: views.reduce((s, v) => s + v.calls, 0),
      deskCallsOnRepeats: repeats.reduce((s, v) => s + v.calls, 0),
      // Click to rows (the CRM's own render included), summed over the day.
      waitingMs: waiting(views),
      waitingFirstVisitsMs: waiting(views.filter((v) => v.first)),
      waitingRepeatsMs: waiting(repeats),
      failedViews: views.length - ok.length,
    },
    repeatSwitchMs: summarize(repeats.filter((v) => v.timing).map((v) => v.timing!.panelMs)),
  };
}

/** Firefox's figures, taken as Chromium's, and each as a multiple of Chromium's (target ≤ 1.2). */
function firefoxBlock(input: {
  version: string;
  warm: SwitchTiming[];
  floor: FloorSample[];
  coldFloorMs: Summary;
  warmUp: SwitchTiming[];
  views: View[];
  chromium: { warmSwitchMs: Summary; floorMs: Summary; coldFloorMs: Summary; coldOverheadMs: Summary; waitingMs: number };
}) {
  const warmSwitchMs = summarize(input.warm.map((t) => t.panelMs));
  const floorMs = summarize(input.floor.map((f) => f.ms));
  const { coldFloorMs } = input;
  const day = dayFigures(input.views, DAY_SEED);
  const c = input.chromium;
  return {
    version: input.version,
    warmSwitchMs,
    floorMs,
    warmToFloorRatio: ratio(warmSwitchMs.p95, floorMs.p95),
    warmSwitchTotalMs: summarize(input.warm.map((t) => t.totalMs)),
    warmCrmRenderMs: summarize(input.warm.map((t) => t.crmMs)),
    coldOverheadMs: day.coldOverheadMs,
    coldOverheadBeyondSandboxMs: day.coldOverheadBeyondSandboxMs,
    coldFloorMs,
    coldToFloorRatio: ratio(day.coldOverheadMs.p95, coldFloorMs.p95),
    coldViewMs: day.coldViewMs,
    coldFirstRowsMs: day.coldFirstRowsMs,
    dayOfUse: { ...day.dayOfUse, repeatSwitchMs: day.repeatSwitchMs },
    firstVisitMs: summarize(input.warmUp.map((t) => t.panelMs)),
    timesChromium: {
      warmSwitchP50: ratio(warmSwitchMs.p50, c.warmSwitchMs.p50),
      warmSwitchP95: ratio(warmSwitchMs.p95, c.warmSwitchMs.p95),
      floorP50: ratio(floorMs.p50, c.floorMs.p50),
      coldFloorP50: ratio(coldFloorMs.p50, c.coldFloorMs.p50),
      coldOverheadP50: ratio(day.coldOverheadMs.p50, c.coldOverheadMs.p50),
      coldOverheadP95: ratio(day.coldOverheadMs.p95, c.coldOverheadMs.p95),
      dayOfUseWaiting: ratio(day.dayOfUse.waitingMs, c.waitingMs),
    },
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const extDir = extensionDir('chrome-mv3');
  const contentScriptBytes = bundleBytes(path.join(extDir, 'content-scripts'));

  log(`sandbox size ${String(SIZE)} …`, 'launch');
  const sandbox = await startSandboxProcess({ size: SIZE, quiet: true, crmRenderDelayMs: CRM_RENDER_DELAY_MS });
  // The signed-in views' records come last: the earlier phases' records are the same with or without them.
  const records = pickRecords(SIZE, WARM_RECORDS + COLD_VIEWS + 1 + SIGNED_IN_VIEWS);
  const warmRecords = records.slice(0, WARM_RECORDS);
  const dayRecords = records.slice(WARM_RECORDS, WARM_RECORDS + COLD_VIEWS);
  const tabsRecord = records[WARM_RECORDS + COLD_VIEWS] ?? null;
  const signedInRecords = records.slice(WARM_RECORDS + COLD_VIEWS + 1);
  let context: BrowserContext | undefined;
  let firefox: FirefoxBench | undefined;
  let firefoxVersion = '';
  const results: Record<string, unknown> = {};
  try {
    context = await launchChromium(sandbox);
    const sw = await extensionServiceWorker(context);
    const extensionId = new URL(sw.url()).host;
    let options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const send = (request: Request) =>
      options.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), request) as Promise<Response<unknown>>;
    await connectWith(send, { portal: 'A', language: 'en' });
    log(`connected to portal A; Chromium ${context.browser()?.version() ?? ''}`);
    if (FIREFOX) {
      firefox = await startFirefoxBench(sandbox);
      firefoxVersion = firefox.version;
      log(`connected to portal A; Firefox ${firefoxVersion}`);
    }

    // ---- Warm-up: each warm record visited once in each browser (cached from then on).
    const crmPage = await context.newPage();
    // Shared by both browsers' tabs and floors: no timed sample starts right after another.
    const reading = createReadingPause(READING_MS);
    const crm = pacedTab(await openChromiumTab(crmPage, warmRecords[0]!), reading);
    const ff = firefox ? pacedTab(await firefox.openTab(warmRecords[0]!), reading) : undefined;
    const signatures = new Map<string, string>([[warmRecords[0]!.recordId, crm.shown]]);
    const warmUp: SwitchTiming[] = [];
    const ffWarmUp: SwitchTiming[] = [];
    for (const record of warmRecords.slice(1)) {
      const timing = await crm.switchTo(record, { differentFrom: crm.shown, whole: true });
      warmUp.push(timing);
      signatures.set(record.recordId, timing.signature);
      if (ff) ffWarmUp.push(await ff.switchTo(record, { signature: timing.signature, whole: true }));
    }
    // Two records showing the same rows could not be told apart: keep one of each.
    const seen = new Set<string>();
    const cycle = warmRecords.filter((r) => {
      const s = signatures.get(r.recordId)!;
      if (seen.has(s)) return false;
      seen.add(s);
      return true;
    });
    let next = cycle.findIndex((r) => signatures.get(r.recordId) === crm.shown);
    const nextCached = () => cycle[(next = (next + 1) % cycle.length)]!;
    // Switches the CRM tab has made since its heap was first read (the memory growth's span).
    let crmSwitches = 0;
    const heapAtStart = await usedHeap(context, crmPage);
    const floorC = pacedFloor(await chromiumFloorPage(await context.newPage(), crmPage, extensionId), reading);
    const floorF = ff && firefox ? pacedFloor(await firefox.floorPage(ff.page), reading) : undefined;

    log(
      `${cycle.length} records cached; ${SWITCHES} switches each: live worker, floor,${ff ? ' Firefox switch and floor,' : ''} sleeping worker …`,
      'warm',
    );
    await sandbox.clearLog();
    // Interleaved: a switch with the worker running, the floor of the record it shows, Firefox's
    // switch and floor, then a switch with the worker stopped as MV3 stops an idle worker. An open
    // extension page restarts a stopped worker at once, so the options page is closed meanwhile;
    // a sleeping sample whose worker was running again before the switch is dropped and taken again.
    const warm: SwitchTiming[] = [];
    const sleeping: SwitchTiming[] = [];
    const floor: FloorSample[] = [];
    const ffWarm: SwitchTiming[] = [];
    const ffFloor: FloorSample[] = [];
    let wokeEarly = 0;
    await options.close();
    const stopper = await createWorkerStopper(context);
    await crmPage.bringToFront();
    for (let round = 0; round < 3 * SWITCHES && (warm.length < SWITCHES || sleeping.length < SWITCHES); round++) {
      if (warm.length < SWITCHES) {
        const record = nextCached();
        const expected = { signature: signatures.get(record.recordId)! };
        warm.push(await crm.switchTo(record, expected));
        floor.push(await floorC.sample(readStep(PORTAL.id, record)));
        crmSwitches += 1;
        if (ff) {
          ffWarm.push(await ff.switchTo(record, expected));
          ffFloor.push(await floorF!.sample(readStep(PORTAL.id, record)));
        }
      }
      if (sleeping.length < SWITCHES) {
        const record = nextCached();
        // The rep's pause before the worker is stopped, so the switch follows the stop at once.
        await reading.rest();
        await stopper.stop();
        const stopped = stopper.isStopped();
        const timing = await crm.switchTo(record, { signature: signatures.get(record.recordId)! });
        crmSwitches += 1;
        if (stopped) sleeping.push(timing);
        else wokeEarly++;
      }
    }
    await stopper.close();
    options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const warmApiCalls = (await sandbox.deskCalls()).length;
    const windowStart = warm[0]!.startedAt;
    const windowEnd = warm[warm.length - 1]!.endedAt;
    const longTasks = (
      (await crmPage.evaluate(() => (window as unknown as { __deskLinkBench: { longTasks: LongTask[] } }).__deskLinkBench.longTasks)) ?? []
    ).filter((t) => t.startTime + t.duration >= windowStart && t.startTime <= windowEnd);

    // ---- Memory: what a CRM tab with the panel costs, in its own process and in the extension's.
    log('memory of a CRM tab with and without the panel …', 'panelMemory');
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 1500));
    const openProbed = async (record: GeneratedRecord) => {
      const page = await context!.newPage();
      await page.addInitScript({ content: PROBE_SOURCE });
      await page.goto(crmUrl(record));
      return page;
    };
    const panelMemory: PanelMemory = await measurePanelMemory({
      context,
      openWithPanel: async () => {
        const page = await openProbed(cycle[0]!);
        await chromiumTab(page).waitForRows();
        return page;
      },
      openWithoutPanel: async () => {
        await send({ command: 'settings.update', enabled: false });
        const page = await openProbed(cycle[0]!);
        await quiet();
        await send({ command: 'settings.update', enabled: true });
        return page;
      },
      isPanelFrame: (frame) => isPanelFrameUrl(frame.url()),
    });
    await crmPage.bringToFront();

    // ---- A day of use: views in a seeded order, first visits (cold) and repeats, every Desk
    // answer delayed; each view in Chromium, then in Firefox. First visits wait for room in
    // DeskLink's Desk budget first; Chromium's CRM tab spends that wait on switches among cached
    // records (no Desk call), toward the memory growth's span.
    const order = dayOfUseOrder(dayRecords.length, DAY_VIEWS, DAY_SEED);
    log(`a day of use: ${order.length} views of ${dayRecords.length} records (Desk answers delayed ${DELAY_MS} ms) …`, 'dayOfUse');
    await sandbox.addFault({ host: 'desk.zoho.com', delayMs: DELAY_MS });
    const filler = async () => {
      if (crmSwitches >= MEMORY_SWITCHES) return false;
      const record = nextCached();
      await crm.switchTo(record, { signature: signatures.get(record.recordId)! });
      crmSwitches += 1;
      return true;
    };
    const days: Record<'chromium' | 'firefox', View[]> = { chromium: [], firefox: [] };
    // Before each first visit, its floor in each browser: one request to Desk's host, each to an
    // address of its own so the sandbox's log tells it from DeskLink's.
    const coldFloor: Record<'chromium' | 'firefox', ColdFloorSample[]> = { chromium: [], firefox: [] };
    let floorRequests = 0;
    const coldFloorSample = async (floorPage: FloorPage) => {
      const email = `floor-${(floorRequests += 1)}@bench.invalid`;
      const url = `https://desk.zoho.com/api/v1/tickets/search?email=${encodeURIComponent(email)}`;
      return { ...(await floorPage.sample(requestStep(url))), email };
    };
    const daySignatures = new Map<number, string>();
    let pacedMs = 0;
    let fillerSwitches = 0;
    for (const [i, index] of order.entries()) {
      const record = dayRecords[index]!;
      const first = order.indexOf(index) === i;
      // An account view may take a dozen calls (each candidate account is checked).
      if (first) {
        const before = crmSwitches;
        const waited = await Promise.all([paceDeskCalls(send, 15, filler), firefox ? paceDeskCalls(firefox.send, 15) : 0]);
        pacedMs += Math.max(...waited);
        fillerSwitches += crmSwitches - before;
        coldFloor.chromium.push(await coldFloorSample(floorC));
        if (floorF) coldFloor.firefox.push(await coldFloorSample(floorF));
      }
      for (const tab of ff ? [crm, ff] : [crm]) {
        const known = daySignatures.get(index);
        // A first visit in each browser (Firefox's after Chromium's, to the rows Chromium showed) times the whole list.
        const expect = known ? { signature: known, whole: first } : { differentFrom: tab.shown, whole: true };
        const view = await timedView(sandbox, tab, record, expect, first);
        if (tab === crm) {
          crmSwitches += 1;
          if (view.timing && !known) daySignatures.set(index, view.timing.signature);
        }
        days[tab.browser].push(view);
      }
    }
    // The rest of the memory growth's span, among cached records.
    log(`CRM tab heap growth: ${Math.max(0, MEMORY_SWITCHES - crmSwitches)} more switches …`, 'heapGrowth');
    // In one evaluation, so the page is not waiting on the harness between switches.
    const rest = Array.from({ length: Math.max(0, MEMORY_SWITCHES - crmSwitches) }, () => nextCached());
    await crmPage.evaluate(
      async ([steps, timeoutMs]) => {
        const probe = (window as unknown as { __deskLinkBench: { switchTo(h: string, x: unknown): Promise<unknown> } }).__deskLinkBench;
        for (const [href, signature] of steps) await probe.switchTo(href, { signature, timeoutMs });
      },
      [rest.map((r) => [crmUrl(r), signatures.get(r.recordId)!] as const), SWITCH_TIMEOUT_MS] as const,
    );
    crmSwitches += rest.length;
    if (rest.length) crm.shown = signatures.get(rest[rest.length - 1]!.recordId)!;
    const heapAtEnd = await usedHeap(context, crmPage);
    const day = dayFigures(days.chromium, DAY_SEED);
    const dayLog = await sandbox.deskCalls();
    const coldFloorMs = coldFloorFigures(coldFloor.chromium, dayLog);

    // ---- Previews: first (one delayed Desk call each), then again; a few tickets of each of the
    // cached records with the most tickets, so a p95 is not just the slowest of a handful.
    log(`previews of up to ${PREVIEWS} tickets (Desk answers delayed ${DELAY_MS} ms) …`, 'previews');
    const rowsOf = (record: GeneratedRecord) => signatures.get(record.recordId)!.split(',').length;
    const mostRowsFirst = [...cycle].sort((a, b) => rowsOf(b) - rowsOf(a));
    const ownMsBetween = async (from: number, to: number) =>
      (await sandbox.deskCalls()).filter((c) => c.at >= from && c.at <= to).reduce((s, c) => s + Math.max(0, c.ms - DELAY_MS), 0);
    const previews: PreviewTimings = { uncachedMs: [], uncachedSandboxOwnMs: [], cachedMs: [] };
    for (const record of mostRowsFirst) {
      const wanted = Math.min(PREVIEWS - previews.uncachedMs.length, PREVIEWS_PER_RECORD);
      if (wanted <= 0) break;
      const signature = signatures.get(record.recordId)!;
      if (crm.shown !== signature) await crm.switchTo(record, { signature });
      pacedMs += await paceDeskCalls(send, wanted);
      const some = await measurePreviews(crmPage, wanted, ownMsBetween, reading);
      previews.uncachedMs.push(...some.uncachedMs);
      previews.uncachedSandboxOwnMs.push(...some.uncachedSandboxOwnMs);
      previews.cachedMs.push(...some.cachedMs);
    }

    // ---- Ten tabs open one uncached record at once.
    let tenTabs: Record<string, unknown> = { skipped: 'no record left' };
    if (tabsRecord) {
      log(`${TABS} tabs open one uncached record …`, 'tenTabs');
      pacedMs += await paceDeskCalls(send, 5);
      await sandbox.clearLog();
      const tabs = await Promise.all(Array.from({ length: TABS }, () => openProbed(tabsRecord)));
      const painted = await Promise.all(
        tabs.map((tab) =>
          tab
            .waitForFunction(() => Boolean((window as any).__deskLinkBench?.settled()), undefined, { timeout: 20_000, polling: 50 })
            .then(
              () => true,
              () => false,
            ),
        ),
      );
      const calls = await sandbox.deskCalls();
      tenTabs = {
        tabs: TABS,
        tabsWithRows: painted.filter(Boolean).length,
        total: calls.length,
        byEndpoint: countBy(calls, (c) => endpointOf(c.path)),
      };
      await Promise.all(tabs.map((tab) => tab.close()));
    }

    // ---- New tickets from the record the first tab shows: click Create → the new row shown (one
    // delayed POST each; the dialog asks Desk for its people too).
    log(`${NEW_TICKETS} new tickets (Desk answers delayed ${DELAY_MS} ms) …`, 'newTickets');
    pacedMs += await paceDeskCalls(send, 2 * NEW_TICKETS + 2);
    await crmPage.bringToFront();
    const newTickets = await measureNewTickets(crmPage, NEW_TICKETS, ownMsBetween);

    // ---- Signed in with Zoho, CRM's read scope granted: first visits of records not visited yet,
    // Desk, CRM's API and the CRM page's record request delayed alike (./signed-in.ts).
    let signedIn: SignedInResult | { failed: string } | null = null;
    if (SIGNED_IN_VIEWS > 0 && signedInRecords.length > 0) {
      log(`signed in with Zoho: ${signedInRecords.length} first visits (Desk, CRM API and CRM page delayed ${DELAY_MS} ms) …`, 'signedIn');
      // The key connection's tabs go: the views are in new tabs, with the sign-in's panel configuration.
      await crmPage.close();
      await ff?.page.close();
      const ctx = context;
      const browsers: SignedInBrowser[] = [
        {
          name: 'chromium',
          send,
          openOptions: async () => {
            const page = await ctx.newPage();
            await page.goto(`chrome-extension://${extensionId}/options.html`);
            return { page: chromiumOptions(page), close: () => page.close() };
          },
          openTab: async (record) => openChromiumTab(await ctx.newPage(), record),
        },
      ];
      if (firefox)
        browsers.push({
          name: 'firefox',
          version: firefoxVersion,
          send: firefox.send,
          openOptions: firefox.openOptions,
          openTab: firefox.openTab,
        });
      try {
        signedIn = await measureSignedIn({
          sandbox,
          browsers,
          opener: cycle[0]!,
          records: signedInRecords,
          portalId: PORTAL.id,
          delayMs: DELAY_MS,
          reading,
          paceDesk: (browserSend, needed) => paceDeskCalls(browserSend, needed),
          log,
        });
      } catch (error) {
        // The key phases' figures still count; this block says why it has none.
        log(`signed-in views failed: ${error instanceof Error ? error.message : String(error)}`);
        signedIn = { failed: error instanceof Error ? error.message : String(error) };
      }
    }
    await sandbox.clearFaults();
    await firefox?.close();
    firefox = undefined;

    // ---- 100,000 tickets through the cache module, in the extension's service worker.
    log(`cache: writing ${CACHE_TICKETS} tickets in the service worker …`, 'cache100k');
    const hook = await loadCacheHook(await extensionServiceWorker(context));
    const filled = await hook.fill({ portalId: PORTAL.id, tickets: CACHE_TICKETS, perRecord: 40 });
    const lookups = await hook.lookups(PORTAL.id, filled.recentKeys, 300);
    const bytes = await hook.storageBytes();
    const lookup = summarize(lookups.samplesMs, 2);

    const warmSwitchMs = summarize(warm.map((t) => t.panelMs));
    const floorMs = summarize(floor.map((f) => f.ms));
    const sleepingMs = summarize(sleeping.map((t) => t.panelMs));
    const previewOverhead = previews.uncachedMs.map((ms, i) => ms - DELAY_MS - (previews.uncachedSandboxOwnMs[i] ?? 0));
    Object.assign(results, {
      warmSwitchMs,
      floorMs: { ...floorMs, startPhaseMs: summarize(floor.map((f) => f.phaseMs)) },
      warmToFloorRatio: ratio(warmSwitchMs.p95, floorMs.p95),
      warmSwitchSleepingWorkerMs: { ...sleepingMs, wokeEarly },
      sleepingWorkerPenaltyP50Ms: tenth(sleepingMs.p50 - warmSwitchMs.p50),
      warmSwitchTotalMs: summarize(warm.map((t) => t.totalMs)),
      warmCrmRenderMs: summarize(warm.map((t) => t.crmMs)),
      coldOverheadMs: day.coldOverheadMs,
      coldOverheadBeyondSandboxMs: day.coldOverheadBeyondSandboxMs,
      coldFloorMs,
      coldToFloorRatio: ratio(day.coldOverheadMs.p95, coldFloorMs.p95),
      // Waited before first visits so DeskLink's per-minute Desk budget is never met while measuring.
      pacedForBudgetSeconds: Math.round(pacedMs / 1000),
      coldViewMs: day.coldViewMs,
      coldFirstRowsMs: day.coldFirstRowsMs,
      dayOfUse: { ...day.dayOfUse, repeatSwitchMs: day.repeatSwitchMs },
      previewUncachedMs: { ...summarize(previews.uncachedMs), injectedDelayMs: DELAY_MS },
      // Click to text less the Desk delay and the sandbox's own time for the thread request.
      previewOverheadMs: { ...summarize(previewOverhead), sandboxOwnMs: summarize(previews.uncachedSandboxOwnMs) },
      previewCachedMs: summarize(previews.cachedMs),
      newTicketMs: { ...summarize(newTickets.ms), injectedDelayMs: DELAY_MS },
      // Click to row less the Desk delay and the sandbox's own time for the POST.
      newTicketOverheadMs: {
        ...summarize(newTickets.ms.map((ms, i) => ms - DELAY_MS - (newTickets.sandboxOwnMs[i] ?? 0))),
        sandboxOwnMs: summarize(newTickets.sandboxOwnMs),
      },
      firstVisitMs: summarize(warmUp.map((t) => t.panelMs)),
      ...(signedIn ? { signedIn: 'block' in signedIn ? signedIn.block : signedIn } : {}),
      warmApiCalls,
      tenTabsUpstreamCalls: tenTabs,
      contentScriptBytes,
      panelMemory,
      crmTabHeapGrowth: {
        switches: crmSwitches,
        fillerSwitches,
        startBytes: heapAtStart,
        endBytes: heapAtEnd,
        growthBytes: heapAtEnd - heapAtStart,
        perSwitchBytes: Math.round((heapAtEnd - heapAtStart) / Math.max(1, crmSwitches)),
      },
      ...(ff
        ? {
            firefox: firefoxBlock({
              version: firefoxVersion,
              warm: ffWarm,
              floor: ffFloor,
              coldFloorMs: coldFloorFigures(coldFloor.firefox, dayLog),
              warmUp: ffWarmUp,
              views: days.firefox,
              chromium: { warmSwitchMs, floorMs, coldFloorMs, coldOverheadMs: day.coldOverheadMs, waitingMs: day.dayOfUse.waitingMs },
            }),
          }
        : {}),
      cache100k: {
        lookupP95Ms: lookup.p95,
        lookupP50Ms: lookup.p50,
        lookups: lookup.n,
        lookupMisses: lookups.misses,
        bytes,
        insertedTickets: filled.insertedTickets,
        insertedRecords: filled.insertedRecords,
        remainingTickets: filled.remainingTickets,
        remainingRecords: filled.remainingRecords,
        cap: filled.cap,
        writeSeconds: Number((filled.writeMs / 1000).toFixed(1)),
        evictionSettleSeconds: Number((filled.settleMs / 1000).toFixed(1)),
        evictionMaxMs: Math.round(filled.evictionMaxMs),
      },
      // Every sample, in the order taken (ms, 0.1): to see whether a p95 is one hiccup or a trend.
      samples: {
        warmSwitchMs: warm.map((t) => tenth(t.panelMs)),
        warmSwitchSleepingWorkerMs: sleeping.map((t) => tenth(t.panelMs)),
        warmCrmRenderMs: warm.map((t) => tenth(t.crmMs)),
        floorMs: floor.map((f) => tenth(f.ms)),
        coldOverheadMs: days.chromium.filter((v) => v.first && v.timing).map((v) => tenth(v.timing!.panelMs - v.depth * DELAY_MS)),
        coldFloorMs: coldFloor.chromium.map((f) => tenth(f.ms - DELAY_MS)),
        dayOfUseTotalMs: days.chromium.map((v) => tenth(v.timing?.totalMs ?? Number.NaN)),
        previewUncachedMs: previews.uncachedMs.map(tenth),
        previewCachedMs: previews.cachedMs.map(tenth),
        newTicketMs: newTickets.ms.map(tenth),
        ...(signedIn && 'samples' in signedIn ? signedIn.samples : {}),
        ...(ff
          ? {
              firefoxWarmSwitchMs: ffWarm.map((t) => tenth(t.panelMs)),
              firefoxFloorMs: ffFloor.map((f) => tenth(f.ms)),
              firefoxColdOverheadMs: days.firefox
                .filter((v) => v.first && v.timing)
                .map((v) => tenth(v.timing!.panelMs - v.depth * DELAY_MS)),
              firefoxColdFloorMs: coldFloor.firefox.map((f) => tenth(f.ms - DELAY_MS)),
            }
          : {}),
      },
      longTasks: {
        count: longTasks.length,
        totalMs: Math.round(longTasks.reduce((s, t) => s + t.duration, 0)),
        maxMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
        switches: warm.length,
      },
    });
  } finally {
    await firefox?.close().catch(() => undefined);
    await context?.close().catch(() => undefined);
    await sandbox.close();
  }

  if (FUZZ_CASES > 0) {
    log(`fuzzing the broker (${FUZZ_CASES} cases) …`, 'fuzz');
    const fuzz = await runFuzz(FUZZ_CASES);
    Object.assign(results, { fuzzCases: fuzz.fuzzCases, fuzzFailures: fuzz.fuzzFailures, fuzzSeconds: Number(fuzz.seconds.toFixed(1)) });
  }

  log('done', 'end');
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const { samples, ...figures } = results;
  const report = {
    generatedAt: startedAt.toISOString(),
    // The build is made from the working tree: uncommitted changes are part of what was measured.
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: {
      cpus: os.cpus().length,
      loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))),
      loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    phaseSeconds,
    settings: { sandboxSize: SIZE, switches: SWITCHES, crmRenderDelayMs: CRM_RENDER_DELAY_MS, injectedDeskDelayMs: DELAY_MS },
    ...figures,
    samples, // last: the raw samples after the figures
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  // Arrays of numbers on one line each (the samples), the rest indented.
  const json = JSON.stringify(report, null, 2).replace(
    /\[\s+([-\d.,\s]+?)\s+\]/g,
    (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(OUT, `${json}\n`);
  printTable(report);
  if (process.argv.includes('--markdown')) console.log(`${markdownTable(report)}\n`);
  log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
