/**
 * The browser-neutral panel driver: what a scenario may do with a CRM tab and DeskLink's panel in
 * it, the way a user meets them (roles, accessible names, visible text, keys and clicks). Scenarios
 * (tests/e2e/scenarios/) and specs are written against these interfaces; ./panel-chromium.ts and
 * ./panel-firefox.ts implement them in each browser.
 *
 * The driver (these interfaces, the page-side helpers below and the two implementations) is the
 * only test code that knows how the panel is reached. The CRM page holds a `desklink-panel` host
 * whose CLOSED shadow root holds a frame of DeskLink's own panel page: page scripts reach neither.
 * The drivers reach the panel as the browser's automation protocol shows it to a user's tools:
 * the frame in the tab's frame tree (Chromium: the DevTools protocol through Playwright; Firefox:
 * WebDriver BiDi through puppeteer), read by roles and names, and acted on with real input events.
 * Nothing in DeskLink opens the panel for tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HOST_TAG, STANDBY_TAG } from '../../../lib/page/panel-host';
import type { SettingsView } from '../../../lib/shared/protocol';
import type { Request, ResponseOf } from '../../../lib/shared/commands';
import type { Sandbox } from '../../sandbox/index';
import type { RecordFixture } from '../../sandbox/fixtures';
import type { ConnectOptions } from './admin';
import type { CrmPageOptions } from './crm';

// The panel's elements in the page: the host, and where the next record's frame waits loaded.
export { HOST_TAG, STANDBY_TAG };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The panel's landmark name in English. */
export const PANEL_REGION = 'Zoho Desk tickets';

/** An accessible name: exact (whitespace collapsed), or a pattern matching part of it. */
export type AccessibleName = string | RegExp;

export interface TimeFacts {
  /** The `datetime` attribute (an ISO instant). */
  datetime: string | null;
  text: string;
}

export interface LinkFacts {
  text: string;
  href: string | null;
  target: string | null;
  rel: string | null;
}

/** A table cell as read aloud ("Last modified: …", its column header's name first) with its time and link. */
export interface Cell {
  text: string;
  time: TimeFacts | null;
  link: LinkFacts | null;
}

/** What axe-core found in the panel. */
export interface PanelAudit {
  /** `<rule id> (<node count>)` per violation. */
  violations: string[];
  /** How many links and buttons inside the panel axe checked for a name (proves it looked inside). */
  checkedLinks: number;
  checkedButtons: number;
}

/** DeskLink's panel region (found afresh by role and name on every call). */
export interface PanelRegion {
  /** How many regions of this name the tab shows (0 or 1). */
  count: () => Promise<number>;
  /** Its rendered text, whitespace collapsed ('' when there is no such region). */
  text: () => Promise<string>;
  /** An attribute of the region element itself (`lang`). */
  attribute: (name: string) => Promise<string | null>;
  /** How many visible elements inside have this role (and this accessible name). */
  countOf: (role: string, name?: AccessibleName) => Promise<number>;
  /** The rendered text of each element inside with this role, in document order. */
  textsOf: (role: string) => Promise<string[]>;
  /** The rows (tickets) of its table, each as its cells. */
  rows: () => Promise<Cell[][]>;
  /** Clicks the element with this role and name (the first one when no name is given), once it is there. */
  click: (role: string, name?: AccessibleName) => Promise<void>;
  /** Moves keyboard focus to that element. */
  focus: (role: string, name?: AccessibleName) => Promise<void>;
  /** Points the mouse at every element with this role, one after another. */
  hoverAll: (role: string) => Promise<void>;
  /** Points the mouse at the part of the region the tab shows and turns the wheel `deltaY` px (down when positive). */
  wheel: (deltaY: number) => Promise<void>;
  /** Runs `read` on the region element in the tab, for what roles cannot tell (computed styles, stray elements). */
  evaluate: <R, A>(read: (region: Element, arg: A) => R, arg: A) => Promise<R>;
}

/** A browser tab on a CRM page, and DeskLink's footprint in it. */
export interface CrmTab {
  /** The panel by its region name (default: the English one). */
  panel: (name?: string) => PanelRegion;
  /** Runs `fn` in the CRM page, as the page's own scripts would (no access to the panel). */
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
  /** Clicks a control of CRM's own page. */
  clickPage: (role: string, name: AccessibleName) => Promise<void>;
  press: (key: string) => Promise<void>;
  /** Presses `key` down (a character, or a key name both drivers know), runs `whileHeld`, then releases it (even when `whileHeld` fails). */
  hold: (key: string, whileHeld: () => Promise<void>) => Promise<void>;
  /** Makes the tab's window content `width` px wide (and 900 px tall), as a rep resizing the browser. */
  resize: (width: number) => Promise<void>;
  type: (text: string) => Promise<void>;
  back: () => Promise<void>;
  forward: () => Promise<void>;
  /** Calls `listener` with the message of every JavaScript dialog the tab opens (each is dismissed). */
  onDialog: (listener: (message: string) => void) => void;
  /** How many panel hosts the page holds (the one-panel rule). */
  hostCount: () => Promise<number>;
  /** Runs `read` on the page's panel hosts (where the panel sits among CRM's elements). */
  readHosts: <R>(read: (hosts: Element[]) => R) => Promise<R>;
  /** Plants a host as an older version would have left it; returns how many such hosts the page had right after. */
  addLeftoverHost: () => Promise<number>;
  leftoverHostCount: () => Promise<number>;
  /** Removes every node DeskLink added to the page (to compare CRM's look with and without them). */
  removeDeskLinkNodes: () => Promise<void>;
  /** Runs axe-core on the panel. */
  audit: () => Promise<PanelAudit>;
}

/** What a panel scenario gets from the browser it runs in. Each scenario starts with DeskLink unconfigured. */
export interface PanelWorld {
  sandbox: Sandbox;
  /** Connects DeskLink to the sandbox (admin messages from an extension page). */
  connect: (opts?: ConnectOptions) => Promise<SettingsView>;
  sendAdmin: <R extends Request>(request: R) => Promise<ResponseOf<R['command']>>;
  /** A new tab on a sandbox CRM page (a path or a record fixture), loaded. */
  open: (target: string | RecordFixture, opts?: CrmPageOptions) => Promise<CrmTab>;
  /** Settles once DeskLink's options page has opened in a tab of its own; call it before the click. */
  optionsPageOpened: () => Promise<void>;
}

// ---- Page-side code both implementations run (self-contained: it is sent to the browser as source) ----

/**
 * Each ticket row element as its cells: not the header row (its cells are column headers), not
 * an open preview (a row whose cell holds the preview region).
 */
export function readRows(rows: Element[]): Cell[][] {
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const isHeader = (row: Element) => row.querySelector('th[scope="col"], [role="columnheader"]') !== null;
  const isPreview = (row: Element) => row.querySelector('[role="region"], section[aria-label]') !== null;
  const header = rows.find(isHeader);
  const columns = header ? [...header.querySelectorAll('th, [role="columnheader"]')].map((th) => collapse(th.textContent)) : [];
  return rows
    .filter((row) => !isHeader(row) && !isPreview(row))
    .map((row) =>
      [...row.querySelectorAll('td, th, [role="cell"], [role="gridcell"]')].map((cell, index) => {
        const time = cell.querySelector('time');
        const link = cell.querySelector('a[href]');
        const column = columns[index];
        return {
          text: column ? `${column}: ${collapse(cell.textContent)}` : collapse(cell.textContent),
          time: time ? { datetime: time.getAttribute('datetime'), text: collapse(time.textContent) } : null,
          link: link
            ? {
                text: collapse(link.textContent),
                href: link.getAttribute('href'),
                target: link.getAttribute('target'),
                rel: link.getAttribute('rel'),
              }
            : null,
        };
      }),
    );
}

/** The rendered text of each element, whitespace collapsed. */
export function readTexts(elements: Element[]): string[] {
  return elements.map((element) => ((element as HTMLElement).innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/**
 * In the panel frame: resolves once the frame is as tall as the panel it shows (at most 2 s). The
 * page makes the frame as tall as the panel a frame or two after the panel grows or shrinks (a
 * preview opened or closed); a click aimed meanwhile can land where the page has moved since.
 * The browsers' own stability checks see only the element inside the frame, not the frame moving.
 */
export function frameFitsPanel(): Promise<void> {
  const until = performance.now() + 2_000;
  return new Promise((resolve) => {
    const check = () => {
      const fits = Math.abs(innerHeight - Math.ceil(document.documentElement.getBoundingClientRect().height)) <= 1;
      if (fits || performance.now() >= until) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * In the CRM page: resolves once the panel's host has kept its place and size in the viewport for
 * two frames (at most 2 s). A panel that grows moves the page below it, and the page may still be
 * moving when the frame already fits its panel; a click aimed then lands beside its target. The
 * browsers' own stability checks look inside the frame and cannot see the frame itself move.
 */
export function hostHoldsStill(tag: string): Promise<void> {
  const place = () => {
    const box = document.querySelector(tag)?.getBoundingClientRect();
    return box ? `${box.left},${box.top},${box.width},${box.height}` : '';
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      done = true;
      resolve();
    };
    // A tab out of sight draws no frames: the time limit does not wait for one.
    setTimeout(finish, 2_000);
    let last = place();
    let heldFrames = 0;
    const check = () => {
      if (done) return;
      const now = place();
      heldFrames = now === last ? heldFrames + 1 : 0;
      last = now;
      if (heldFrames >= 2) finish();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** How many of the elements are rendered visibly (not hidden by CSS, not empty boxes). */
export function countVisible(elements: Element[]): number {
  return elements.filter((element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: true })).length;
}

/**
 * Runs axe-core (already evaluated in the panel frame) on what the frame shows. The context is the
 * frame's body, as it was the host element before: rules about a whole page (one main landmark,
 * a level-one heading) belong to the CRM page the panel sits in.
 */
export async function auditPanelDocument(): Promise<PanelAudit> {
  type AxeRule = { id: string; nodes: unknown[] };
  const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: AxeRule[]; passes: AxeRule[] }> } }).axe;
  const result = await axe.run(document.body);
  const checked = (id: string) => result.passes.find((rule) => rule.id === id)?.nodes.length ?? 0;
  return {
    violations: result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`),
    checkedLinks: checked('link-name'),
    checkedButtons: checked('button-name'),
  };
}

/**
 * axe-core run on the panel frame the page shows now, through `evaluate` (the automation
 * protocol's: the panel page's policy allows no inline script). CRM's re-render may swap that
 * frame, or show none for a moment: it is looked for again, and a frame replaced mid-audit is
 * audited again, for up to five seconds.
 */
export async function auditShownPanel<F>(
  shownFrame: () => Promise<F | undefined>,
  evaluate: (frame: F, script: string | typeof auditPanelDocument) => Promise<unknown>,
): Promise<PanelAudit> {
  for (const deadline = Date.now() + 5_000; ;) {
    const frame = await shownFrame();
    try {
      if (frame) {
        await evaluate(frame, AXE_SOURCE);
        return (await evaluate(frame, auditPanelDocument)) as PanelAudit;
      }
    } catch (error) {
      if (!isFrameGone(error) || Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) throw new Error('No DeskLink panel frame to audit');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Presses `key` down on `keyboard`, runs `whileHeld`, then releases it (even when `whileHeld` fails). */
export async function holdKey(
  keyboard: { down(key: string): Promise<unknown>; up(key: string): Promise<unknown> },
  key: string,
  whileHeld: () => Promise<void>,
): Promise<void> {
  await keyboard.down(key);
  try {
    await whileHeld();
  } finally {
    await keyboard.up(key);
  }
}

/**
 * Where the mouse goes to act on a box in the tab: the middle of its part inside the viewport
 * (a tall panel runs past the window's edge).
 */
export function pointInView(
  box: { x: number; y: number; width: number; height: number },
  viewport: { width: number; height: number },
): { x: number; y: number } {
  const top = Math.max(box.y, 0);
  const bottom = Math.min(box.y + box.height, viewport.height);
  const left = Math.max(box.x, 0);
  const right = Math.min(box.x + box.width, viewport.width);
  if (bottom <= top || right <= left) throw new Error('The panel is out of the window: nothing to point at');
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/** Is this the address of DeskLink's panel page (the frame inside the host)? */
export const isPanelFrameUrl = (url: string) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html(#|$)/.test(url);

/** Errors of an action or read that met a panel frame while it was being replaced (CRM re-rendered the host's section). */
export const isFrameGone = (error: unknown) =>
  /detached|Target (page, context or browser )?(has been )?closed|Execution context was destroyed|no such frame|DiscardedBrowsingContext|context.*(destroyed|discarded|already closed)|Frame was/i.test(
    error instanceof Error ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}` : String(error),
  );

/** Adds a host stamped as an older DeskLink instance left it. */
export function plantLeftoverHost(hostTag: string): number {
  const stale = document.createElement(hostTag);
  stale.setAttribute('data-desklink-version', '0.0.1');
  stale.setAttribute('data-desklink-instance', 'old');
  document.body.prepend(stale);
  // Counted in the same task, before any observer of the page could react to it.
  return document.querySelectorAll(`${hostTag}[data-desklink-instance="old"]`).length;
}

export const LEFTOVER_HOST = `${HOST_TAG}[data-desklink-instance="old"]`;
/** Every node DeskLink adds to a CRM page: the host, the standby frame's element and the element watcher's style. */
export const DESKLINK_NODES = `${HOST_TAG}, ${STANDBY_TAG}, style[data-desklink]`;
