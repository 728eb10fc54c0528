/** Checks the panel's last-modified times against an independent Intl rendering in Asia/Tokyo. */
import { expect } from '@playwright/test';

/** Each `[datetime, text]` of a `<time>` shows its Japanese date and 24-hour clock time in Tokyo. */
export function expectTokyoTimes(times: readonly (readonly [string, string])[]): void {
  const tokyo = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const [iso, text] of times) {
    const parts = Object.fromEntries(tokyo.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
    expect(text).toContain(`${parts.year}年${parts.month}月${parts.day}日`);
    expect(text).toContain(`${parts.hour}:${parts.minute}`);
  }
}
