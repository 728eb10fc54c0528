/**
 * The preview's time from the rep's click on `Preview #<n>` to its text on screen, measured in the
 * panel frame: the trusted click's event time, then a frame after the preview region holds its
 * thread (or says there is none). Uncached: the first preview of each ticket (one Desk call, with
 * the injected Desk delay); cached: the same preview opened again.
 */
import type { Frame, Page } from '@playwright/test';
import { frameFitsPanel, isPanelFrameUrl } from '../e2e/support/panel-driver';
import { armClickProbe } from './click-probe';
import type { ReadingPause } from './reading-pause';

export interface PreviewTimings {
  uncachedMs: number[];
  /** Per uncached preview: the sandbox's own time for its Desk request(s), beyond the injected delay. */
  uncachedSandboxOwnMs: number[];
  cachedMs: number[];
}

/**
 * The panel frame the page shows (the loaded spare frame is one pixel tall), waited for: right
 * after CRM renders, the frame that takes over may not be listed yet.
 */
export async function shownPanelFrame(page: Page): Promise<Frame> {
  for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(50)) {
    for (const frame of page.frames()) {
      if (!isPanelFrameUrl(frame.url())) continue;
      if (await frame.evaluate(() => innerHeight > 1).catch(() => false)) return frame;
    }
  }
  throw new Error('no panel frame on the page within 10 s');
}

/** Drawn: the preview region is there and no longer busy (its thread, or word that there is none). */
const previewDrawn = (name: string) => {
  const region = document.querySelector(`[aria-label="${name}"]`);
  return region !== null && region.getAttribute('aria-busy') !== 'true';
};

async function timeOnePreview(frame: Frame, number: string): Promise<number> {
  // A click while the frame grows or shrinks (a preview just closed) can land where the page has moved.
  await frame.evaluate(frameFitsPanel);
  const label = `Ticket ${number} preview`;
  const probe = armClickProbe(frame, previewDrawn, label, label);
  // Let the probe's listeners be in place before the click.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
  return probe;
}

/**
 * `sandboxOwnMs(from, to)`: the sandbox's own time (beyond the injected delay) for the Desk
 * requests that arrived between two `Date.now()`s, so the overhead can be DeskLink's alone.
 */
export async function measurePreviews(
  page: Page,
  count: number,
  sandboxOwnMs: (from: number, to: number) => Promise<number>,
  reading: ReadingPause,
): Promise<PreviewTimings> {
  const names = await (
    await shownPanelFrame(page)
  )
    .getByRole('button', { name: /^Preview #\d+$/ })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')!));
  const numbers = names.slice(0, count).map((name) => name.replace(/^Preview /, ''));
  const timings: PreviewTimings = { uncachedMs: [], uncachedSandboxOwnMs: [], cachedMs: [] };
  for (const number of numbers) {
    // Picked again for each ticket: CRM's re-render may have put the other frame in its place.
    const frame = await shownPanelFrame(page);
    // The rep looks at the panel before each click, as before a record switch.
    await reading.rest();
    const from = Date.now();
    timings.uncachedMs.push(await timeOnePreview(frame, number));
    timings.uncachedSandboxOwnMs.push(await sandboxOwnMs(from, Date.now()));
    reading.ended();
    // Closed with its button, then opened again: the answer the panel already has.
    await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
    await reading.rest();
    timings.cachedMs.push(await timeOnePreview(frame, number));
    reading.ended();
    await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
  }
  return timings;
}
