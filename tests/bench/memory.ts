/**
 * Memory a CRM tab costs with DeskLink, read through the DevTools protocol after a forced garbage
 * collection (`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`: the used JS heap of the
 * target's renderer process, every world in it).
 *
 * - `crmTabHeapAddedBytes`: the CRM tab's renderer with DeskLink's panel minus the same record's
 *   tab with DeskLink switched off (its content script still loaded, doing nothing): what the
 *   content script and the panel host add to the page's own process.
 * - `panelFramesHeapPerTabBytes`: the extension renderer (which holds every tab's panel frames,
 *   the shown one and the one waiting for the next record) after one more CRM tab with a panel,
 *   minus before it.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';

export interface PanelMemory {
  crmTabHeapAddedBytes: number;
  panelFramesHeapPerTabBytes: number;
  /** How many tabs each difference is averaged over. */
  tabs: number;
}

interface MemoryDeps {
  context: BrowserContext;
  /** A new CRM tab on the record, its rows painted. */
  openWithPanel: () => Promise<Page>;
  /** A new CRM tab on the record, with DeskLink switched off (switched on again after). */
  openWithoutPanel: () => Promise<Page>;
  isPanelFrame: (frame: Frame) => boolean;
}

/** The used JS heap of a tab's (or frame's) renderer after a forced garbage collection. */
export async function usedHeap(context: BrowserContext, target: Page | Frame): Promise<number> {
  const cdp = await context.newCDPSession(target);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measurePanelMemory(
  { context, openWithPanel, openWithoutPanel, isPanelFrame }: MemoryDeps,
  tabs = 3,
): Promise<PanelMemory> {
  const added: number[] = [];
  const frames: number[] = [];
  const opened: Page[] = [];
  for (let i = 0; i < tabs; i++) {
    const without = await openWithoutPanel();
    const baseline = await usedHeap(context, without);
    await without.close();

    // The extension renderer before this tab's frames exist: read through a panel frame of a tab already open.
    const anyPanel = context
      .pages()
      .flatMap((page) => page.frames())
      .find(isPanelFrame);
    const extensionBefore = anyPanel ? await usedHeap(context, anyPanel) : null;
    const withPanel = await openWithPanel();
    opened.push(withPanel);
    added.push((await usedHeap(context, withPanel)) - baseline);
    const ownFrame = withPanel.frames().find(isPanelFrame);
    if (extensionBefore !== null && ownFrame) frames.push((await usedHeap(context, ownFrame)) - extensionBefore);
  }
  await Promise.all(opened.map((page) => page.close()));
  return { crmTabHeapAddedBytes: Math.round(median(added)), panelFramesHeapPerTabBytes: Math.round(median(frames)), tabs };
}
