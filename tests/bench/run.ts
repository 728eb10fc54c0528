/**
 * `npm run bench`: DeskLink's figures in a real Chromium (the built `chrome-mv3`) against the
 * Zoho sandbox. Writes bench/results.json and prints a table. It reports; it asserts nothing
 * about timings (exit 0 unless something crashes). How each figure is measured: README.md,
 * "Performance".
 *
 * Env (for quick runs while developing): BENCH_SIZE (sandbox size, default 'bench'),
 * BENCH_SWITCHES (warm switches, default 60), BENCH_COLD (cold views, default 30),
 * BENCH_CACHE_TICKETS (default 100000), BENCH_FUZZ_CASES (default 10000, 0 skips),
 * BENCH_DELAY_MS (injected Desk latency, default 150), BENCH_PREVIEWS (tickets previewed, default 8),
 * BENCH_NEW_TICKETS (tickets created, default 8),
 * BENCH_OUT (default bench/results.json).
 * `--markdown` also prints the table as Markdown (README.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Diagnostics, Response } from '../../lib/shared/protocol';
import type { Request } from '../../lib/shared/commands';
import { connectWith } from '../e2e/support/admin';
import { extensionServiceWorker, launchChromium } from '../e2e/support/chromium';
import { crmUrl } from '../e2e/support/crm';
import { extensionDir } from '../e2e/support/paths';
import { isPanelFrameUrl } from '../e2e/support/panel-driver';
import { listCrmRecords, PORTALS, startSandbox, type GeneratedRecord, type Sandbox, type SandboxSize } from '../sandbox/index';
import { loadCacheHook } from './cache-load';
import { runFuzz } from './fuzz';
import { measureFloor } from './floor';
import { measurePanelMemory, type PanelMemory } from './memory';
import { installProbe, type BenchProbe, type SwitchTiming } from './page-probe';
import { measureNewTickets } from './new-ticket';
import { createWorkerStopper } from './sleeping-worker';
import { measurePreviews, type PreviewTimings } from './preview';
import { bundleBytes, markdownTable, printTable } from './report';
import { countBy, endpointOf, ratio, sequentialDepth, summarize } from './stats';

const env = process.env;
const SIZE: SandboxSize = env.BENCH_SIZE
  ? /^\d+$/.test(env.BENCH_SIZE)
    ? Number(env.BENCH_SIZE)
    : (env.BENCH_SIZE as SandboxSize)
  : 'bench';
const SWITCHES = Number(env.BENCH_SWITCHES ?? 60);
const COLD_VIEWS = Number(env.BENCH_COLD ?? 30);
const CACHE_TICKETS = Number(env.BENCH_CACHE_TICKETS ?? 100_000);
const FUZZ_CASES = Number(env.BENCH_FUZZ_CASES ?? 10_000);
const DELAY_MS = Number(env.BENCH_DELAY_MS ?? 150);
const PREVIEWS = Number(env.BENCH_PREVIEWS ?? 8);
const NEW_TICKETS = Number(env.BENCH_NEW_TICKETS ?? 8);
const OUT = path.resolve(env.BENCH_OUT ?? 'bench/results.json');
const WARM_RECORDS = 10;
const TABS = 10;
/** The sandbox CRM app's own render delay: small, since CRM's rendering is not DeskLink's cost. */
const CRM_RENDER_DELAY_MS = 30;
const SWITCH_TIMEOUT_MS = 20_000;
const PORTAL = PORTALS.A;

// tsx keeps function names with a `__name` helper; functions sent to the browser need it too.
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

type Probe = { __deskLinkBench: BenchProbe };
const log = (line: string) => console.log(`[bench] ${line}`);

/** Records the panel can look up with one page of results (1–60 tickets), spread over modules. */
function pickRecords(size: SandboxSize, count: number): GeneratedRecord[] {
  const usable = listCrmRecords(size).filter((r) => {
    const n = r.expectedTickets.A;
    if (n < 1 || n > 60) return false;
    // A page showing another address than CRM holds finds its tickets only through CRM's API.
    if ('pageEmails' in r) return false;
    return r.module === 'Accounts' ? Boolean(r.accountName ?? r.name) : r.emails.length > 0;
  });
  // Round-robin over modules so every reader is exercised.
  const byModule = ['Contacts', 'Leads', 'Accounts'].map((m) => usable.filter((r) => r.module === m));
  const picked: GeneratedRecord[] = [];
  for (let i = 0; picked.length < count && byModule.some((list) => i < list.length); i++) {
    for (const list of byModule) if (list[i] && picked.length < count) picked.push(list[i]!);
  }
  return picked;
}

async function openCrmPage(context: BrowserContext, record: GeneratedRecord): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: `${NAME_SHIM}(${installProbe.toString()})();` });
  await page.goto(crmUrl(record));
  return page;
}

const signatureNow = (page: Page) => page.evaluate(() => (window as unknown as Probe).__deskLinkBench.signature());

async function waitForRows(page: Page): Promise<string> {
  await page.waitForFunction(() => Boolean((window as unknown as Probe).__deskLinkBench?.signature()), undefined, {
    timeout: SWITCH_TIMEOUT_MS,
    polling: 50,
  });
  return (await signatureNow(page))!;
}

function switchTo(page: Page, record: GeneratedRecord, expect: { signature?: string; differentFrom?: string }): Promise<SwitchTiming> {
  return page.evaluate(([href, e]) => (window as unknown as Probe).__deskLinkBench.switchTo(href, e), [
    crmUrl(record),
    { ...expect, timeoutMs: SWITCH_TIMEOUT_MS },
  ] as const);
}

/**
 * Waits until `needed` more Desk calls fit in DeskLink's budget of calls a minute, as DeskLink
 * itself counts them (its diagnostics): a measurement that met the limit would time DeskLink's
 * pause, not its work.
 */
async function paceDeskCalls(send: (request: Request) => Promise<Response<unknown>>, needed: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await send({ command: 'diagnostics.get' });
    if (!answer.ok) throw new Error(`diagnostics.get: ${answer.error.code}`);
    const usage = (answer.data as Diagnostics).deskCalls;
    if (!usage || usage.lastMinute + needed <= usage.limitPerMinute) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const extDir = extensionDir('chrome-mv3');
  const contentScriptBytes = bundleBytes(path.join(extDir, 'content-scripts'));

  log(`sandbox size ${String(SIZE)} …`);
  const sandbox: Sandbox = await startSandbox({ size: SIZE, quiet: true, crmRenderDelayMs: CRM_RENDER_DELAY_MS });
  const records = pickRecords(SIZE, WARM_RECORDS + COLD_VIEWS + 1);
  const warmRecords = records.slice(0, WARM_RECORDS);
  const coldRecords = records.slice(WARM_RECORDS, WARM_RECORDS + COLD_VIEWS);
  const tabsRecord = records[WARM_RECORDS + COLD_VIEWS] ?? null;
  let context: BrowserContext | undefined;
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

    // ---- Warm switches: each record visited once (cached), then switched to again and again.
    const crm = await openCrmPage(context, warmRecords[0]!);
    const signatures = new Map<string, string>();
    signatures.set(warmRecords[0]!.recordId, await waitForRows(crm));
    let previous = signatures.get(warmRecords[0]!.recordId)!;
    const warmUp: SwitchTiming[] = [];
    for (const record of warmRecords.slice(1)) {
      const timing = await switchTo(crm, record, { differentFrom: previous });
      warmUp.push(timing);
      signatures.set(record.recordId, timing.signature);
      previous = timing.signature;
    }
    // Two records showing the same rows could not be told apart: keep one of each.
    const seen = new Set<string>();
    const cycle = warmRecords.filter((r) => {
      const s = signatures.get(r.recordId)!;
      if (seen.has(s)) return false;
      seen.add(s);
      return true;
    });
    log(`${cycle.length} records cached; ${SWITCHES} warm switches …`);
    sandbox.clearLog();
    // Interleaved: a switch with the worker running, then one with it stopped as MV3 stops an idle
    // worker. An open extension page restarts a stopped worker at once, so the options page is
    // closed meanwhile; a sleeping sample whose worker was running again before the switch is dropped.
    const warm: SwitchTiming[] = [];
    const sleeping: SwitchTiming[] = [];
    let wokeEarly = 0;
    await options.close();
    const stopper = await createWorkerStopper(context);
    await crm.bringToFront();
    const last = cycle.findIndex((r) => signatures.get(r.recordId) === previous);
    for (let i = 1; i <= 2 * SWITCHES; i++) {
      const record = cycle[(last + i) % cycle.length]!;
      const expected = { signature: signatures.get(record.recordId)! };
      if (i % 2 === 1) {
        warm.push(await switchTo(crm, record, expected));
        continue;
      }
      await stopper.stop();
      const stopped = stopper.isStopped();
      const timing = await switchTo(crm, record, expected);
      if (stopped) sleeping.push(timing);
      else wokeEarly++;
    }
    await stopper.close();
    options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const warmApiCalls = sandbox.deskCalls().length;
    const windowStart = warm[0]!.startedAt;
    const windowEnd = warm[warm.length - 1]!.endedAt;
    const longTasks = (await crm.evaluate(() => (window as unknown as Probe).__deskLinkBench.longTasks)).filter(
      (t) => t.startTime + t.duration >= windowStart && t.startTime <= windowEnd,
    );

    // ---- Floor: one IndexedDB read of a cached record in an extension page + one frame.
    await options.bringToFront();
    await options.evaluate(NAME_SHIM);
    const floor = await measureFloor(options, PORTAL.id, cycle, SWITCHES);
    await crm.bringToFront();

    // ---- Memory: what a CRM tab with the panel costs, in its own process and in the extension's.
    log('memory of a CRM tab with and without the panel …');
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 1500));
    const panelMemory: PanelMemory = await measurePanelMemory({
      context,
      openWithPanel: async () => {
        const page = await openCrmPage(context!, cycle[0]!);
        await waitForRows(page);
        return page;
      },
      openWithoutPanel: async () => {
        await send({ command: 'settings.update', enabled: false });
        const page = await openCrmPage(context!, cycle[0]!);
        await quiet();
        await send({ command: 'settings.update', enabled: true });
        return page;
      },
      isPanelFrame: (frame) => isPanelFrameUrl(frame.url()),
    });
    await crm.bringToFront();

    // ---- Cold views: records never seen, every Desk answer delayed by DELAY_MS.
    log(`${coldRecords.length} cold views (Desk answers delayed ${DELAY_MS} ms) …`);
    sandbox.addFault({ host: 'desk.zoho.com', delayMs: DELAY_MS });
    const cold: { viewMs: number; depth: number; calls: number; overheadMs: number; sandboxOwnMs: number[] }[] = [];
    let shown = previous;
    let pacedMs = 0;
    for (const record of coldRecords) {
      // An account view may take a dozen calls (each candidate account is checked).
      pacedMs += await paceDeskCalls(send, 15);
      const from = Date.now();
      const timing = await switchTo(crm, record, { differentFrom: shown });
      const calls = sandbox.deskCalls().filter((c) => c.at >= from);
      const depth = sequentialDepth(
        calls.map((c) => c.at),
        DELAY_MS,
      );
      cold.push({
        viewMs: timing.panelMs,
        depth,
        calls: calls.length,
        overheadMs: timing.panelMs - depth * DELAY_MS,
        sandboxOwnMs: calls.map((c) => c.ms - DELAY_MS),
      });
      shown = timing.signature;
    }

    // ---- Previews of the record now shown: first (one delayed Desk call each), then again.
    log(`previews of up to ${PREVIEWS} tickets (Desk answers delayed ${DELAY_MS} ms) …`);
    pacedMs += await paceDeskCalls(send, PREVIEWS);
    const previews: PreviewTimings = await measurePreviews(crm, PREVIEWS);

    // ---- Ten tabs open one uncached record at once.
    let tenTabs: Record<string, unknown> = { skipped: 'no record left' };
    if (tabsRecord) {
      log(`${TABS} tabs open one uncached record …`);
      pacedMs += await paceDeskCalls(send, 5);
      sandbox.clearLog();
      const tabs = await Promise.all(Array.from({ length: TABS }, () => context!.newPage()));
      await Promise.all(tabs.map((tab) => tab.addInitScript({ content: `${NAME_SHIM}(${installProbe.toString()})();` })));
      await Promise.all(tabs.map((tab) => tab.goto(crmUrl(tabsRecord))));
      const painted = await Promise.all(
        tabs.map((tab) =>
          waitForRows(tab).then(
            () => true,
            () => false,
          ),
        ),
      );
      const calls = sandbox.deskCalls();
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
    log(`${NEW_TICKETS} new tickets (Desk answers delayed ${DELAY_MS} ms) …`);
    pacedMs += await paceDeskCalls(send, 2 * NEW_TICKETS + 2);
    await crm.bringToFront();
    const newTickets = await measureNewTickets(crm, NEW_TICKETS);
    sandbox.clearFaults();

    // ---- 100,000 tickets through the cache module, in the extension's service worker.
    log(`cache: writing ${CACHE_TICKETS} tickets in the service worker …`);
    const hook = await loadCacheHook(sw);
    const filled = await hook.fill({ portalId: PORTAL.id, tickets: CACHE_TICKETS, perRecord: 40 });
    const lookups = await hook.lookups(PORTAL.id, filled.recentKeys, 300);
    const bytes = await hook.storageBytes();
    const lookup = summarize(lookups.samplesMs, 2);

    const warmSwitchMs = summarize(warm.map((t) => t.panelMs));
    const floorMs = summarize(floor);
    Object.assign(results, {
      warmSwitchMs,
      floorMs,
      warmToFloorRatio: ratio(warmSwitchMs.p95, floorMs.p95),
      warmSwitchSleepingWorkerMs: { ...summarize(sleeping.map((t) => t.panelMs)), wokeEarly },
      sleepingWorkerPenaltyP50Ms: Math.round((summarize(sleeping.map((t) => t.panelMs)).p50 - warmSwitchMs.p50) * 10) / 10,
      warmSwitchTotalMs: summarize(warm.map((t) => t.totalMs)),
      warmCrmRenderMs: summarize(warm.map((t) => t.crmMs)),
      coldOverheadMs: {
        ...summarize(cold.map((c) => c.overheadMs)),
        injectedDelayMs: DELAY_MS,
        depths: cold.map((c) => c.depth),
        depthHistogram: countBy(cold, (c) => String(c.depth)),
        calls: cold.map((c) => c.calls),
        // The sandbox's own time per Desk request (its answer time less the injected delay): part
        // of the overhead above that is not DeskLink's.
        sandboxOwnMs: summarize(cold.flatMap((c) => c.sandboxOwnMs)),
      },
      // Waited between views so DeskLink's per-minute Desk budget is never met while measuring.
      pacedForBudgetSeconds: Math.round(pacedMs / 1000),
      coldViewMs: summarize(cold.map((c) => c.viewMs)),
      previewUncachedMs: { ...summarize(previews.uncachedMs), injectedDelayMs: DELAY_MS },
      previewOverheadMs: summarize(previews.uncachedMs.map((ms) => ms - DELAY_MS)),
      previewCachedMs: summarize(previews.cachedMs),
      newTicketMs: { ...summarize(newTickets), injectedDelayMs: DELAY_MS },
      newTicketOverheadMs: summarize(newTickets.map((ms) => ms - DELAY_MS)),
      firstVisitMs: summarize(warmUp.map((t) => t.panelMs)),
      warmApiCalls,
      tenTabsUpstreamCalls: tenTabs,
      contentScriptBytes,
      panelMemory,
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
        warmSwitchMs: warm.map((t) => Math.round(t.panelMs * 10) / 10),
        warmSwitchSleepingWorkerMs: sleeping.map((t) => Math.round(t.panelMs * 10) / 10),
        warmCrmRenderMs: warm.map((t) => Math.round(t.crmMs * 10) / 10),
        floorMs: floor.map((ms) => Math.round(ms * 10) / 10),
        previewUncachedMs: previews.uncachedMs.map((ms) => Math.round(ms * 10) / 10),
        previewCachedMs: previews.cachedMs.map((ms) => Math.round(ms * 10) / 10),
        newTicketMs: newTickets.map((ms) => Math.round(ms * 10) / 10),
      },
      longTasks: {
        count: longTasks.length,
        totalMs: Math.round(longTasks.reduce((s, t) => s + t.duration, 0)),
        maxMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
        switches: warm.length,
      },
    });
  } finally {
    await context?.close().catch(() => undefined);
    await sandbox.close();
  }

  if (FUZZ_CASES > 0) {
    log(`fuzzing the broker (${FUZZ_CASES} cases) …`);
    const fuzz = await runFuzz(FUZZ_CASES);
    Object.assign(results, { fuzzCases: fuzz.fuzzCases, fuzzFailures: fuzz.fuzzFailures, fuzzSeconds: Number(fuzz.seconds.toFixed(1)) });
  }

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
