/**
 * The time from a rep's click to what it brings on screen, measured in DeskLink's panel frame:
 * the trusted click's event time, then a frame after `drawn(arg)` first holds (checked on every
 * change to the frame's document). Shared by the preview and New ticket figures.
 */
import type { Frame } from '@playwright/test';

/**
 * Arms the probe in `frame`: resolves with ms from the next click to `drawn(arg)` holding, a frame
 * later (laid out and painted). `drawn` runs in the frame, so it must be self-contained.
 */
export function armClickProbe<A>(frame: Frame, drawn: (arg: A) => boolean, arg: A, what: string, timeoutMs = 15_000): Promise<number> {
  const probe = (isDrawn: (arg: A) => boolean, a: A, label: string, timeout: number) =>
    new Promise<number>((resolve, reject) => {
      let clickAt: number | null = null;
      const done = () => {
        if (clickAt === null || !isDrawn(a)) return;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - clickAt!));
      };
      const observer = new MutationObserver(done);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      addEventListener(
        'click',
        (event) => {
          clickAt = event.timeStamp;
          done();
        },
        { capture: true, once: true },
      );
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no ${label} within ${timeout} ms of the click`));
      }, timeout);
    });
  // Both functions go to the frame as source (tsx's `__name` helper shimmed): the panel page's
  // policy allows no eval, and the DevTools protocol's evaluation is not bound by it.
  return frame.evaluate<number>(
    `globalThis.__name ??= (f) => f; (${probe.toString()})(${drawn.toString()}, ${JSON.stringify(arg)}, ${JSON.stringify(what)}, ${timeoutMs})`,
  );
}
