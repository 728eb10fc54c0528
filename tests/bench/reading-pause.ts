/**
 * A rep looks at a record before switching to the next one (or opening a preview). Every timed
 * sample (a record switch in either browser, a floor read, a preview) starts at least
 * `readingMs` after the previous sample ended. Taken back to back, a switch meets the work the
 * previous one set off (the next panel frame loading in the extension's process; on a two-core
 * machine, the other browser's switch) and times that instead of its own path.
 */
import type { BenchTab, FloorPage } from './bench-tab';

export interface ReadingPause {
  /** Waits until `readingMs` have passed since the last sample ended. */
  rest(): Promise<void>;
  /** A sample ended now. */
  ended(): void;
}

export function createReadingPause(readingMs: number): ReadingPause {
  let endedAt = 0;
  return {
    async rest() {
      const left = readingMs - (Date.now() - endedAt);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    },
    ended() {
      endedAt = Date.now();
    },
  };
}

async function paced<T>(pause: ReadingPause, sample: () => Promise<T>): Promise<T> {
  await pause.rest();
  try {
    return await sample();
  } finally {
    pause.ended();
  }
}

/** `tab`, whose switches (and first rows) keep the pause. */
export function pacedTab<T extends BenchTab>(tab: T, pause: ReadingPause): T {
  const switchTo = tab.switchTo.bind(tab);
  const waitForRows = tab.waitForRows.bind(tab);
  tab.switchTo = (record, expect) => paced(pause, () => switchTo(record, expect));
  tab.waitForRows = async () => {
    try {
      return await waitForRows();
    } finally {
      pause.ended();
    }
  };
  return tab;
}

/** `floor`, whose samples keep the pause. */
export function pacedFloor(floor: FloorPage, pause: ReadingPause): FloorPage {
  return { sample: (step) => paced(pause, () => floor.sample(step)) };
}
