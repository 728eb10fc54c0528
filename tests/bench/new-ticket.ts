/**
 * `New ticket`: the time from the rep's click on `Create` to the new ticket's row on screen,
 * measured in the panel frame: the trusted click's event time, then a frame after the status line
 * names a new ticket number and a row of the table shows it. One Desk call per ticket (the POST,
 * answered after the injected Desk delay). The sandbox's own time for that POST is kept beside
 * each figure: its first write to a portal copies the portal's generated data (about 90 ms with
 * 100,000 tickets), which is not DeskLink's cost.
 */
import type { Frame, Page } from '@playwright/test';
import { armClickProbe } from './click-probe';
import { shownPanelFrame } from './preview';

/** Drawn: the status line names a ticket other than `previous` and a row of the table shows it. */
const newRowDrawn = (previous: string) => {
  const status = [...document.querySelectorAll('[role="status"]')]
    .map((el) => el.textContent ?? '')
    .find((t) => /^Ticket #\d+ created/.test(t));
  const number = status && status !== previous ? /#\d+/.exec(status)?.[0] : undefined;
  return number !== undefined && [...document.querySelectorAll('[role="row"]')].some((row) => row.textContent?.includes(number));
};

const statusLine = (frame: Frame) =>
  frame.evaluate(
    () =>
      [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent ?? '').find((t) => /^Ticket #\d+ created/.test(t)) ?? '',
  );

export interface NewTicketTimings {
  ms: number[];
  /** The sandbox's own time (beyond the injected delay) for each ticket's requests. */
  sandboxOwnMs: number[];
}

/**
 * Creates `count` tickets from the record the page shows, one after another. `sandboxOwnMs(from,
 * to)`: the sandbox's own time for the Desk requests that arrived between two `Date.now()`s.
 */
export async function measureNewTickets(
  page: Page,
  count: number,
  sandboxOwnMs: (from: number, to: number) => Promise<number>,
): Promise<NewTicketTimings> {
  const frame = await shownPanelFrame(page);
  const timings: NewTicketTimings = { ms: [], sandboxOwnMs: [] };
  for (let i = 1; i <= count; i++) {
    await frame.getByRole('button', { name: 'New ticket', exact: true }).click();
    const subject = frame.getByRole('textbox', { name: 'Subject', exact: true });
    await subject.fill(`Bench ticket ${i} ${Date.now()}`);
    // The form's choices come with the dialog: wait until Create may be pressed.
    const createButton = frame.getByRole('button', { name: 'Create', exact: true });
    await createButton.waitFor();
    const probe = armClickProbe(frame, newRowDrawn, await statusLine(frame), 'new ticket row');
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const from = Date.now();
    await createButton.click();
    timings.ms.push(await probe);
    timings.sandboxOwnMs.push(await sandboxOwnMs(from, Date.now()));
  }
  return timings;
}
