/**
 * What the benchmark runs inside the CRM page (main world, added with `page.addInitScript`):
 * timing of one record switch measured in the page with performance.now(), and the page's long
 * tasks (PerformanceObserver `longtask`). The panel lives in an open shadow root, so the page
 * can read its rows.
 *
 * A switch is timed in two parts:
 * - `crmMs`: `__sandboxNavigate(href)` (pushState, like a click) → the sandbox CRM app has
 *   replaced its content with the new record's DOM (CRM's own cost, set by its render delay);
 * - `panelMs`: that moment → DeskLink's rows for the new record are in the DOM and painted
 *   (the next animation frame, then the task after it, which runs once the frame is drawn).
 *   `panelMs` is DeskLink's share: what `warmSwitchMs` and `coldOverheadMs` are built from.
 */

export interface SwitchTiming {
  crmMs: number;
  panelMs: number;
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
  longTasks: LongTask[];
  now(): number;
}

/** Installs `window.__deskLinkBench` (serialised by Playwright: must be self-contained). */
export function installProbe(): void {
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

  const panelRoot = (): ShadowRoot | null => {
    const host = document.querySelector('desklink-panel');
    return host?.isConnected && host.shadowRoot ? host.shadowRoot : null;
  };
  const signature = (): string | null => {
    const root = panelRoot();
    if (!root) return null;
    const rows = root.querySelectorAll('table tbody tr');
    return [...rows].map((row) => (row as HTMLTableRowElement).cells[0]?.textContent?.replace(/\D+/g, '') ?? '').join(',');
  };
  // After a frame is drawn: the rAF callback runs before the paint, a task posted from it after.
  const afterPaint = (then: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then();
      channel.port2.postMessage(0);
    });

  w.__deskLinkBench = {
    longTasks,
    signature,
    now: () => performance.now(),
    switchTo(href, expect) {
      const path = new URL(href, location.href).pathname;
      const before = document.getElementById('crmContent');
      const startedAt = performance.now();
      let crmAt: number | null = null;
      let painting = false;
      return new Promise<SwitchTiming>((resolve, reject) => {
        const observers: MutationObserver[] = [];
        let observedRoot: ShadowRoot | null = null;
        const stop = () => {
          for (const o of observers) o.disconnect();
          clearTimeout(timer);
        };
        const rowsMatch = (current: string | null) => {
          if (!current) return false; // no panel, or no rows (loading, "No tickets")
          if (expect.signature !== undefined) return current === expect.signature;
          return current !== expect.differentFrom;
        };
        const check = () => {
          const root = panelRoot();
          if (root && root !== observedRoot) {
            observedRoot = root;
            const inner = new MutationObserver(check);
            inner.observe(root, { subtree: true, childList: true, characterData: true });
            observers.push(inner);
          }
          if (crmAt === null) {
            const content = document.getElementById('crmContent');
            if (content && content !== before && document.documentElement.getAttribute('data-crm-rendered') === path)
              crmAt = performance.now();
          }
          if (crmAt === null || painting) return;
          const current = signature();
          if (!rowsMatch(current)) return;
          painting = true;
          afterPaint(() => {
            const endedAt = performance.now();
            stop();
            resolve({
              crmMs: crmAt! - startedAt,
              panelMs: endedAt - crmAt!,
              totalMs: endedAt - startedAt,
              signature: current!,
              startedAt,
              endedAt,
            });
          });
        };
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no rows for ${path} within ${expect.timeoutMs} ms (crm rendered: ${crmAt !== null}, rows: ${signature()})`));
        }, expect.timeoutMs);
        const outer = new MutationObserver(check);
        outer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-crm-rendered'] });
        observers.push(outer);
        check();
        w.__sandboxNavigate!(href);
      });
    },
  };
}
