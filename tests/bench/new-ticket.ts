/**
 * `New ticket`: the time from the rep's click on `Create` to the new ticket's row on screen,
 * measured in the panel frame: the trusted click's event time, then a frame after the status line
 * names a new ticket number and a row of the table shows it. One Desk call per ticket (the POST,
 * answered after the injected Desk delay).
 */
import type { Frame, Page } from '@playwright/test';
import { shownPanelFrame } from './preview';

/** Arms a probe in the frame: resolves with ms from the next trusted click to the new row drawn. */
function armProbe(frame: Frame, before: string): Promise<number> {
  return frame.evaluate((previous) => {
    return new Promise<number>((resolve, reject) => {
      let clickAt: number | null = null;
      const done = () => {
        if (clickAt === null) return;
        const status = [...document.querySelectorAll('[role="status"]')]
          .map((el) => el.textContent ?? '')
          .find((t) => /^Ticket #\d+ created/.test(t));
        const number = status && status !== previous ? /#\d+/.exec(status)?.[0] : undefined;
        if (!number || ![...document.querySelectorAll('[role="row"]')].some((row) => row.textContent?.includes(number))) return;
        observer.disconnect();
        // A frame later: the row has been laid out and painted.
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
      setTimeout(() => reject(new Error('no new ticket row within 15 s')), 15_000);
    });
  }, before);
}

const statusLine = (frame: Frame) =>
  frame.evaluate(
    () =>
      [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent ?? '').find((t) => /^Ticket #\d+ created/.test(t)) ?? '',
  );

/** Creates `count` tickets from the record the page shows, one after another; ms per ticket. */
export async function measureNewTickets(page: Page, count: number): Promise<number[]> {
  const frame = await shownPanelFrame(page);
  const timings: number[] = [];
  for (let i = 1; i <= count; i++) {
    await frame.getByRole('button', { name: 'New ticket', exact: true }).click();
    const subject = frame.getByRole('textbox', { name: 'Subject', exact: true });
    await subject.fill(`Bench ticket ${i} ${Date.now()}`);
    // The form's choices come with the dialog: wait until Create may be pressed.
    const createButton = frame.getByRole('button', { name: 'Create', exact: true });
    await createButton.waitFor();
    const probe = armProbe(frame, await statusLine(frame));
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await createButton.click();
    timings.push(await probe);
  }
  return timings;
}
