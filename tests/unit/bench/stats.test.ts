/** The bench's pure helpers: percentiles, round-trip depth and the day of use's seeded order. */
import { describe, expect, it } from 'vitest';
import { dayOfUseOrder, percentile, ratio, seededRandom, sequentialDepth, summarize, timeHeldMs } from '../../bench/stats';

describe('bench stats', () => {
  it('takes nearest-rank percentiles, so a p95 of 20 samples is the 19th', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ p50: 2, p95: 3, n: 3 });
    expect(ratio(10, 0)).toBeNaN();
  });

  it('counts requests sent together as one round trip and a request sent after an answer as the next', () => {
    expect(sequentialDepth([0, 5, 10], 150)).toBe(1);
    expect(sequentialDepth([0, 5, 160, 320], 150)).toBe(3);
    expect(sequentialDepth([], 150)).toBe(0);
  });

  it('counts the time Zoho held a view once, however many of its requests were in at once', () => {
    // Two searches side by side, then one that waited for them, after a 20 ms gap.
    const spans = [
      { at: 100, ms: 152 },
      { at: 103, ms: 155 },
      { at: 278, ms: 151 },
    ];
    expect(timeHeldMs(spans)).toBe(158 + 151);
    expect(
      timeHeldMs([
        { at: 0, ms: 200 },
        { at: 50, ms: 10 },
      ]),
    ).toBe(200);
    expect(timeHeldMs([])).toBe(0);
  });
});

describe('seeded random', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(8))).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('day of use order', () => {
  it('visits every record, first visits in order, with exactly the asked share of repeats', () => {
    const order = dayOfUseOrder(40, 100, 17);
    expect(order).toHaveLength(100);
    const firsts = order.filter((r, i) => order.indexOf(r) === i);
    expect(firsts).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(order.length - firsts.length).toBe(60);
  });

  it('never shows the same record twice in a row and repeats only records already seen', () => {
    for (const seed of [1, 2, 3, 99]) {
      const order = dayOfUseOrder(5, 30, seed);
      order.forEach((r, i) => {
        if (i > 0) expect(r).not.toBe(order[i - 1]);
        expect(r).toBeLessThanOrEqual(Math.max(...order.slice(0, i), 0) + 1);
      });
    }
  });

  it('is the same for the same seed and mixes repeats among first visits', () => {
    expect(dayOfUseOrder(40, 100, 5)).toEqual(dayOfUseOrder(40, 100, 5));
    expect(dayOfUseOrder(40, 100, 5)).not.toEqual(dayOfUseOrder(40, 100, 6));
    const order = dayOfUseOrder(40, 100, 5);
    // Not all first visits up front: some repeat comes before the last first visit.
    expect(order.indexOf(39)).toBeGreaterThan(39);
  });

  it('refuses days it cannot make', () => {
    expect(() => dayOfUseOrder(0, 5, 1)).toThrow(RangeError);
    expect(() => dayOfUseOrder(6, 5, 1)).toThrow(RangeError);
    expect(() => dayOfUseOrder(1, 3, 1)).toThrow(RangeError);
    expect(dayOfUseOrder(1, 1, 1)).toEqual([0]);
    expect(dayOfUseOrder(3, 3, 1)).toEqual([0, 1, 2]);
  });
});
