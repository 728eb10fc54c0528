/**
 * What the benchmark runs inside the CRM page (added with `page.addInitScript`, which runs it in
 * every frame of the tab): timing of one record switch measured in the page with
 * performance.now(), and the page's long tasks (PerformanceObserver `longtask`).
 *
 * The panel is DeskLink's own page in a frame inside a closed shadow root: the CRM page cannot
 * read it. The same script, running in that frame, reports the rows it has painted to the page
 * (`postMessage` to the parent): the harness instruments the browser, as DevTools could; nothing
 * in DeskLink opens the panel to the page.
 *
 * A switch is timed in two parts:
 * - `crmMs`: `__sandboxNavigate(href)` (pushState, like a click) → the sandbox CRM app has
 *   replaced its content with the new record's DOM (CRM's own cost, set by its render delay);
 * - `panelMs`: that moment → DeskLink's rows for the new record are in the panel frame's DOM and
 *   painted (the frame's next animation frame, then the task after it, which runs once the frame
 *   is drawn), as the page hears it. `panelMs` is DeskLink's share: what `warmSwitchMs` and
 *   `coldOverheadMs` are built from. A first visit ends only once the panel is no longer busy
 *   (its first rows may show while the rest are fetched): `firstRowsMs` is when rows showed.
 */

export interface SwitchTiming {
  crmMs: number;
  panelMs: number;
  /** CRM's render → the first rows painted (busy or not): `panelMs` or sooner. */
  firstRowsMs: number;
  totalMs: number;
  /** Signature of the rows painted (ticket numbers, in order). */
  signature: string;
  /** performance.now() at the start and end, to attribute long tasks and upstream calls. */
  startedAt: number;
  endedAt: number;
}

export interface SwitchExpectation {
  /** The rows must show exactly this signature (a cached record seen before). */
  signature?: string;
  /** Any rows whose signature differs from this one (a record never seen). */
  differentFrom?: string;
  /**
   * Only once the panel is no longer busy: a first visit's whole list, not its first rows shown
   * while the rest are fetched (a record this browser has shown ends at its rows, even while
   * they are revalidated).
   */
  whole?: boolean;
  timeoutMs: number;
}

export interface LongTask {
  startTime: number;
  duration: number;
}

export interface BenchProbe {
  switchTo(href: string, expect: SwitchExpectation): Promise<SwitchTiming>;
  /** The ticket numbers the panel shows now, comma-joined; '' without rows, null without panel. */
  signature(): string | null;
  /** The same once the panel is no longer busy (its whole list); null before. */
  settled(): string | null;
  longTasks: LongTask[];
  now(): number;
}

/** Installs `window.__deskLinkBench` (serialised by Playwright: must be self-contained). */
export function installProbe(): void {
  type RowsReport = { __deskLinkBenchRows: string | null; busy: boolean };
  // After a frame is drawn: the rAF callback runs before the paint, a task posted from it after.
  const afterPaint = (then: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then();
      channel.port2.postMessage(0);
    });

  // In DeskLink's panel frame: report the painted rows to the CRM page whenever they change.
  if (/^(chrome|moz)-extension:$/.test(location.protocol) && location.pathname === '/panel.html') {
    let reported: string | undefined;
    const rows = () => {
      const table = document.querySelector('table tbody');
      // Rows count once the frame draws at a size the page shows: a frame just put into the page
      // draws at the size it had before (none, for a new one) until the page's layout reaches it,
      // and nobody sees that.
      if (!table || innerHeight <= 1) return null;
      return [...table.querySelectorAll('tr')].map((row) => row.cells[0]?.textContent?.replace(/\D+/g, '') ?? '').join(',');
    };
    const report = () =>
      afterPaint(() => {
        const current: RowsReport = {
          __deskLinkBenchRows: rows(),
          busy: document.querySelector('[aria-busy="true"]') !== null,
        };
        const said = JSON.stringify(current);
        // A waiting frame (drawn, out of sight, before it is shown) has nothing to report.
        if (said === reported || (current.__deskLinkBenchRows === null && reported === undefined)) return;
        reported = said;
        parent.postMessage(current, '*');
      });
    const start = () => {
      new MutationObserver(report).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributeFilter: ['aria-busy'],
      });
      // Drawn before the frame reached its shown size: reported when it does.
      addEventListener('resize', report);
      report();
    };
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start, { once: true });
    return;
  }
  if (window !== top) return;

  const w = window as unknown as { __deskLinkBench?: BenchProbe; __sandboxNavigate?: (href: string) => void };
  if (w.__deskLinkBench) return;
  const longTasks: LongTask[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the count stays 0 and the report says how many were observed.
  }

  /** The rows the panel frame last reported painted; null without rows or a panel in the page. */
  let frameRows: string | null = null;
  /** The panel said it was still fetching (its first rows shown while the rest come). */
  let frameBusy = false;
  const listeners = new Set<() => void>();
  window.addEventListener('message', (event) => {
    const data = event.data as Partial<RowsReport> | null;
    if (!data || typeof data !== 'object' || !('__deskLinkBenchRows' in data)) return;
    frameRows = data.__deskLinkBenchRows ?? null;
    frameBusy = data.busy === true;
    for (const listener of listeners) listener();
  });
  const signature = (): string | null => (document.querySelector('desklink-panel')?.isConnected ? frameRows : null);

  w.__deskLinkBench = {
    longTasks,
    signature,
    settled: () => (frameBusy ? null : signature()),
    now: () => performance.now(),
    switchTo(href, expect) {
      const path = new URL(href, location.href).pathname;
      const before = document.getElementById('crmContent');
      const startedAt = performance.now();
      let crmAt: number | null = null;
      let firstRowsAt: number | null = null;
      // Rows reported before the switch belong to the previous record.
      frameRows = null;
      return new Promise<SwitchTiming>((resolve, reject) => {
        const stop = () => {
          observer.disconnect();
          listeners.delete(check);
          clearTimeout(timer);
        };
        const rowsMatch = (current: string | null) => {
          if (!current) return false; // no panel, or no rows (loading, "No tickets")
          if (expect.signature !== undefined) return current === expect.signature;
          return current !== expect.differentFrom;
        };
        function check() {
          if (crmAt === null) {
            const content = document.getElementById('crmContent');
            if (content && content !== before && document.documentElement.getAttribute('data-crm-rendered') === path)
              crmAt = performance.now();
          }
          if (crmAt === null) return;
          const current = signature();
          // The new record's first rows, whichever they are (a first visit's may not be its whole list yet).
          if (current && current !== expect.differentFrom) firstRowsAt ??= performance.now();
          if (!rowsMatch(current)) return;
          if (expect.whole && frameBusy) return;
          // The frame reports rows once they are painted: the switch ends as the page hears it.
          const endedAt = performance.now();
          stop();
          resolve({
            crmMs: crmAt - startedAt,
            panelMs: endedAt - crmAt,
            firstRowsMs: firstRowsAt! - crmAt,
            totalMs: endedAt - startedAt,
            signature: current!,
            startedAt,
            endedAt,
          });
        }
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no rows for ${path} within ${expect.timeoutMs} ms (crm rendered: ${crmAt !== null}, rows: ${signature()})`));
        }, expect.timeoutMs);
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-crm-rendered'] });
        listeners.add(check);
        check();
        w.__sandboxNavigate!(href);
      });
    },
  };
}
