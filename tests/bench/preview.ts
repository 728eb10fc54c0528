/**
 * The preview's time from the rep's click on `Preview #<n>` to its text on screen, measured in the
 * panel frame: the trusted click's event time, then a frame after the preview region holds its
 * thread (or says there is none). Uncached: the first preview of each ticket (one Desk call, with
 * the injected Desk delay); cached: the same preview opened again.
 */
import type { Frame, Page } from '@playwright/test';
import { isPanelFrameUrl } from '../e2e/support/panel-driver';

export interface PreviewTimings {
  uncachedMs: number[];
  cachedMs: number[];
}

/** The panel frame the page shows (the loaded spare frame has no width). */
export async function shownPanelFrame(page: Page): Promise<Frame> {
  for (const frame of page.frames()) {
    if (!isPanelFrameUrl(frame.url())) continue;
    if (await frame.evaluate(() => innerWidth > 0).catch(() => false)) return frame;
  }
  throw new Error('no panel frame on the page');
}

/** Arms a probe in the frame: resolves with ms from the next trusted click to a drawn preview text. */
function armProbe(frame: Frame, label: string): Promise<number> {
  return frame.evaluate((name) => {
    return new Promise<number>((resolve, reject) => {
      let clickAt: number | null = null;
      const done = () => {
        const region = document.querySelector(`[aria-label="${name}"]`);
        if (clickAt === null || !region || region.getAttribute('aria-busy') === 'true') return false;
        // A frame later: the text has been laid out and painted.
        requestAnimationFrame(() => resolve(performance.now() - clickAt!));
        observer.disconnect();
        return true;
      };
      const observer = new MutationObserver(() => void done());
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      addEventListener(
        'click',
        (event) => {
          clickAt = event.timeStamp;
          done();
        },
        { capture: true, once: true },
      );
      setTimeout(() => reject(new Error(`no preview for ${name} within 15 s`)), 15_000);
    });
  }, label);
}

async function timeOnePreview(frame: Frame, number: string): Promise<number> {
  const probe = armProbe(frame, `Ticket ${number} preview`);
  // Let the probe's listeners be in place before the click.
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
  return probe;
}

export async function measurePreviews(page: Page, count: number): Promise<PreviewTimings> {
  const frame = await shownPanelFrame(page);
  const names = await frame
    .getByRole('button', { name: /^Preview #\d+$/ })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')!));
  const numbers = names.slice(0, count).map((name) => name.replace(/^Preview /, ''));
  const timings: PreviewTimings = { uncachedMs: [], cachedMs: [] };
  for (const number of numbers) {
    timings.uncachedMs.push(await timeOnePreview(frame, number));
    // Closed with its button, then opened again: the answer the panel already has.
    await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
    timings.cachedMs.push(await timeOnePreview(frame, number));
    await frame.getByRole('button', { name: `Preview ${number}`, exact: true }).click();
  }
  return timings;
}
