/**
 * First visits with `Sign in with Zoho` holding Zoho CRM's read scope (README, "The record's
 * customer from Zoho CRM's API"), after the phases that use the key: the admin deactivates the key
 * connection and signs in on the options page (the e2e tests' drivers), a rep opens a new CRM tab
 * and visits records not visited before in the run, in Chromium, then in Firefox.
 *
 * The network is fair to every way of learning who the record is: Desk's answers, CRM's REST API
 * (www.zohoapis.com) and the CRM page's own record request (crm.zoho.com /crm/v2.2/, which real
 * CRM waits on before it shows the record) are all delayed alike. The phase only drives the UI
 * and counts requests, so it runs against builds with and without the panel's early CRM ask.
 *
 * Calls are counted per browser by the OAuth token they carry (each browser's sign-in has its
 * own), from a view's start to its browser's next view: a call made after the rows were painted
 * (a lookup the page's reading did not join) counts too (`callsAfterRows`).
 */
import type { Request } from '../../lib/shared/commands';
import type { Diagnostics, Response, SettingsView } from '../../lib/shared/protocol';
import { unwrap } from '../e2e/support/admin';
import type { OptionsPage } from '../e2e/support/options-driver';
import { OAUTH_CLIENT_ID } from '../sandbox/fixtures';
import type { GeneratedRecord, RequestLogEntry } from '../sandbox/index';
import type { BenchTab, BrowserName } from './bench-tab';
import type { SwitchTiming } from './page-probe';
import { pacedTab, type ReadingPause } from './reading-pause';
import type { BenchSandbox } from './sandbox-process';
import { countBy, ratio, sequentialDepth, summarize } from './stats';

const READ_CRM = 'Read the record’s name and emails from Zoho CRM';
/** Desk calls a first visit may need (an account's candidates are checked one by one), as the day of use. */
const DESK_CALLS_NEEDED = 15;
/** DeskLink's CRM calls a minute (the same default as Desk's); a view needs one, a Deal two. */
const CRM_CALLS_PER_MINUTE = 60;
const CRM_CALLS_NEEDED = 2;

export interface SignedInBrowser {
  name: BrowserName;
  version?: string;
  send: (request: Request) => Promise<Response<unknown>>;
  /** A new options page, driven as the admin drives it, and its close. */
  openOptions: () => Promise<{ page: OptionsPage; close: () => Promise<void> }>;
  /** A new CRM tab with the bench probe on `record`, its first rows shown. */
  openTab: (record: GeneratedRecord) => Promise<BenchTab>;
}

export interface SignedInInput {
  sandbox: BenchSandbox;
  /** Chromium first: the others are compared with it. */
  browsers: SignedInBrowser[];
  /** Where the new tabs open (untimed; not one of `records`). */
  opener: GeneratedRecord;
  records: GeneratedRecord[];
  portalId: string;
  delayMs: number;
  reading: ReadingPause;
  /** Waits until `needed` Desk calls fit in DeskLink's per-minute budget, as it counts them; ms waited. */
  paceDesk: (send: SignedInBrowser['send'], needed: number) => Promise<number>;
  log: (line: string) => void;
}

interface SignedInView {
  record: GeneratedRecord;
  from: number;
  to: number;
  timing: SwitchTiming | null;
  /** Where the worker says this record's customer was read ('crm', 'page (reason)'). */
  identity: string;
  deskCalls: number;
  crmCalls: number;
  callsAfterRows: number;
  /** Desk and CRM API round trips one after another before the rows. */
  depth: number;
  /** From the view's start (the harness's clock, before the click) to its first CRM API and Desk request. */
  firstCrmCallMs: number | null;
  firstDeskCallMs: number | null;
  /** The sandbox's own time per API request beyond the injected delay (not DeskLink's). */
  sandboxOwnMs: number[];
}

const isDesk = (c: RequestLogEntry) => c.host.startsWith('desk.');
const isCrmApi = (c: RequestLogEntry) => c.host.startsWith('www.zohoapis.');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The admin's steps (tests/e2e/scenarios/crm-identity.ts): CRM box ticked, portal and language chosen, saved. */
export async function signInWithCrmRead(options: OptionsPage, portalId: string): Promise<void> {
  await options.select('Data center', 'com');
  await options.fill('Client ID', OAUTH_CLIENT_ID);
  await options.setChecked(READ_CRM, true);
  await options.signInWithZoho('Accept');
  await options.select('Portal', portalId);
  await options.select('Language', 'en');
  await options.click('Save');
  await options.regionText('Connected to Zoho Desk');
}

/** Deactivates the key connection and signs in with Zoho; the CRM scopes granted. */
async function connectSignedIn(browser: SignedInBrowser, portalId: string): Promise<string[]> {
  unwrap(await browser.send({ command: 'deactivate' }), 'deactivate');
  const options = await browser.openOptions();
  try {
    await signInWithCrmRead(options.page, portalId);
  } finally {
    await options.close();
  }
  const settings = unwrap(await browser.send({ command: 'settings.get' }), 'settings.get') as SettingsView;
  if (settings.authKind !== 'oauth') throw new Error(`${browser.name}: connected as ${settings.authKind}, not with Sign in with Zoho`);
  return (settings.grantedScopes ?? []).filter((scope) => /^ZohoCRM\./i.test(scope));
}

/** Where the worker last read a record's customer, if it did so since `since`. */
async function identitySince(send: SignedInBrowser['send'], since: number): Promise<string> {
  const answer = await send({ command: 'diagnostics.get' });
  const source = answer.ok ? (answer.data as Diagnostics).crmIdentity : undefined;
  if (!source || source.at < since) return 'not reported';
  return source.source === 'crm' ? 'crm' : `page (${source.reason})`;
}

function figures(views: SignedInView[], delayMs: number) {
  const ok = views.filter((v) => v.timing);
  const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : Number.NaN);
  return {
    n: ok.length,
    injectedDelayMs: delayMs,
    // CRM's render of the record → DeskLink's rows painted (0 when they were painted before it).
    coldViewMs: summarize(ok.map((v) => v.timing!.panelMs)),
    // The click → rows painted, CRM's render included: what the rep waits.
    clickToRowsMs: summarize(ok.map((v) => v.timing!.totalMs)),
    crmRenderMs: summarize(ok.map((v) => v.timing!.crmMs)),
    deskCallsPerView: views.map((v) => v.deskCalls),
    crmCallsPerView: views.map((v) => v.crmCalls),
    meanDeskCallsPerView: mean(views.map((v) => v.deskCalls)),
    meanCrmCallsPerView: mean(views.map((v) => v.crmCalls)),
    callsAfterRows: views.reduce((s, v) => s + v.callsAfterRows, 0),
    // When the worker asked: at the click (the address names the record) or after CRM's render.
    firstCrmCallMs: summarize(views.flatMap((v) => (v.firstCrmCallMs === null ? [] : [v.firstCrmCallMs]))),
    firstDeskCallMs: summarize(views.flatMap((v) => (v.firstDeskCallMs === null ? [] : [v.firstDeskCallMs]))),
    depthHistogram: countBy(ok, (v) => String(v.depth)),
    sandboxOwnMs: summarize(views.flatMap((v) => v.sandboxOwnMs)),
    identityFrom: countBy(views, (v) => v.identity),
    modules: countBy(views, (v) => v.record.module),
    failedViews: views.length - ok.length,
  };
}

export interface SignedInResult {
  block: Record<string, unknown>;
  samples: Record<string, number[]>;
}

export async function measureSignedIn(input: SignedInInput): Promise<SignedInResult> {
  const { sandbox, browsers, delayMs, reading } = input;
  const phaseStart = Date.now();
  // Sign-in at full speed; the delays are for the views.
  await sandbox.clearFaults();
  await sandbox.resetOAuth('admin');
  const tokens = new Map<BrowserName, Set<string>>();
  const tabs = new Map<BrowserName, BenchTab>();
  const crmScopes: Partial<Record<BrowserName, string[]>> = {};
  for (const browser of browsers) {
    const since = Date.now();
    crmScopes[browser.name] = await connectSignedIn(browser, input.portalId);
    // A new tab, as a rep opens CRM after the admin set DeskLink up (an open tab keeps the panel's
    // configuration it loaded with).
    tabs.set(browser.name, pacedTab(await browser.openTab(input.opener), reading));
    const others = new Set([...tokens.values()].flatMap((set) => [...set]));
    const own = (await sandbox.apiCalls(since)).map((c) => c.token).filter((t): t is string => Boolean(t) && !others.has(t!));
    tokens.set(browser.name, new Set(own));
    input.log(`${browser.name}: signed in with Zoho (${crmScopes[browser.name]!.join(', ') || 'no CRM scope'})`);
  }
  reading.ended();
  await sandbox.addFault({ host: 'desk.zoho.com', delayMs });
  await sandbox.addFault({ host: 'www.zohoapis.com', delayMs });
  await sandbox.addFault({ host: 'crm.zoho.com', path: '/crm/v2.2/', delayMs });

  /** Waits until this browser's CRM calls in the last minute leave room for a view's. */
  const paceCrm = async (name: BrowserName) => {
    const started = Date.now();
    const own = tokens.get(name)!;
    for (;;) {
      const lastMinute = (await sandbox.apiCalls(Date.now() - 60_000)).filter((c) => isCrmApi(c) && (!c.token || own.has(c.token)));
      if (lastMinute.length + CRM_CALLS_NEEDED <= CRM_CALLS_PER_MINUTE) return Date.now() - started;
      await sleep(1000);
    }
  };

  const views = new Map<BrowserName, SignedInView[]>(browsers.map((b) => [b.name, []]));
  let pacedMs = 0;
  for (const record of input.records) {
    const waited = await Promise.all(
      browsers.map(async (b) => (await input.paceDesk(b.send, DESK_CALLS_NEEDED)) + (await paceCrm(b.name))),
    );
    pacedMs += Math.max(...waited);
    let signature: string | undefined;
    for (const browser of browsers) {
      const tab = tabs.get(browser.name)!;
      // The rep's pause first (the tab would take it), so the view's calls are timed from its click.
      await reading.rest();
      const from = Date.now();
      // A first visit in each browser: its whole list, not its first rows.
      const expect = signature ? { signature, whole: true } : { differentFrom: tab.shown, whole: true };
      const timing = await tab.switchTo(record, expect).catch((error: unknown) => {
        input.log(`${browser.name}: a signed-in view failed (${error instanceof Error ? error.message : String(error)})`);
        return null;
      });
      const to = Date.now();
      signature ??= timing?.signature;
      views.get(browser.name)!.push({
        record,
        from,
        to,
        timing,
        identity: '',
        deskCalls: 0,
        crmCalls: 0,
        callsAfterRows: 0,
        depth: 0,
        firstCrmCallMs: null,
        firstDeskCallMs: null,
        sandboxOwnMs: [],
      });
    }
    for (const browser of browsers) {
      const view = views.get(browser.name)!.at(-1)!;
      view.identity = await identitySince(browser.send, view.from);
    }
  }
  // Room for a last view's late calls.
  await sleep(delayMs + 1000);

  const calls = await sandbox.apiCalls(phaseStart);
  for (const browser of browsers) {
    const own = tokens.get(browser.name)!;
    // Without a token seen (not expected), by time alone.
    const mine = own.size ? calls.filter((c) => c.token !== undefined && own.has(c.token)) : calls;
    const list = views.get(browser.name)!;
    list.forEach((view, i) => {
      const until = list[i + 1]?.from ?? Number.POSITIVE_INFINITY;
      const inView = mine.filter((c) => c.at >= view.from && c.at < until);
      const desk = inView.filter(isDesk);
      const crm = inView.filter(isCrmApi);
      view.deskCalls = desk.length;
      view.crmCalls = crm.length;
      view.firstCrmCallMs = crm.length ? Math.min(...crm.map((c) => c.at)) - view.from : null;
      view.firstDeskCallMs = desk.length ? Math.min(...desk.map((c) => c.at)) - view.from : null;
      view.sandboxOwnMs = inView.filter((c) => c.status > 0).map((c) => c.ms - delayMs);
      view.callsAfterRows = inView.filter((c) => c.at > view.to).length;
      view.depth = sequentialDepth(
        inView.filter((c) => c.at <= view.to).map((c) => c.at),
        delayMs,
      );
    });
  }

  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  const [first, ...others] = browsers;
  const chromium = figures(views.get(first!.name)!, delayMs);
  const firefox = others.find((b) => b.name === 'firefox');
  const ffFigures = firefox ? figures(views.get('firefox')!, delayMs) : undefined;
  const samples: Record<string, number[]> = {};
  for (const browser of browsers) {
    const prefix = browser.name === 'chromium' ? 'signedIn' : 'firefoxSignedIn';
    const ok = views.get(browser.name)!.filter((v) => v.timing);
    samples[`${prefix}ColdViewMs`] = ok.map((v) => tenth(v.timing!.panelMs));
    samples[`${prefix}ClickToRowsMs`] = ok.map((v) => tenth(v.timing!.totalMs));
  }
  return {
    block: {
      ...chromium,
      records: input.records.length,
      crmScopes: crmScopes[first!.name],
      callsAttributedByToken: browsers.every((b) => tokens.get(b.name)!.size > 0),
      pacedForBudgetSeconds: Math.round(pacedMs / 1000),
      ...(firefox && ffFigures
        ? {
            firefox: {
              version: firefox.version,
              ...ffFigures,
              crmScopes: crmScopes.firefox,
              timesChromium: {
                coldViewP50: ratio(ffFigures.coldViewMs.p50, chromium.coldViewMs.p50),
                coldViewP95: ratio(ffFigures.coldViewMs.p95, chromium.coldViewMs.p95),
                clickToRowsP50: ratio(ffFigures.clickToRowsMs.p50, chromium.clickToRowsMs.p50),
              },
            },
          }
        : {}),
    },
    samples,
  };
}
