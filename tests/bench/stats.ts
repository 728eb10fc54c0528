/** Percentiles (nearest rank) and small helpers for the benchmark's figures. */

export interface Summary {
  p50: number;
  p95: number;
  n: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** p50 / p95 / n of a sample (ms, rounded to 0.1). */
export function summarize(samples: readonly number[], digits = 1): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), digits), p95: round(percentile(sorted, 95), digits), n: sorted.length };
}

export function ratio(a: number, b: number, digits = 2): number {
  return b > 0 ? round(a / b, digits) : Number.NaN;
}

/** A Desk API path with its ids replaced by `:id` (`/api/v1/contacts/:id/tickets`). */
export function endpointOf(path: string): string {
  return path.replace(/\/\d{3,}(?=\/|$)/g, '/:id');
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/**
 * How many upstream round trips were made one after another. Every Desk answer is delayed by
 * `delayMs` (a sandbox fault), so a request that depends on another starts at least `delayMs`
 * after that one started, while requests sent together start within a few ms of each other:
 * a new "wave" begins when a request starts `delayMs` or later after the current wave's first.
 */
export function sequentialDepth(startTimes: readonly number[], delayMs: number): number {
  const sorted = [...startTimes].sort((a, b) => a - b);
  let depth = 0;
  let waveStart = Number.NEGATIVE_INFINITY;
  for (const at of sorted) {
    if (at - waveStart >= delayMs) {
      depth += 1;
      waveStart = at;
    }
  }
  return depth;
}

/**
 * How long at least one of these requests was inside the sandbox (the union of their arrival →
 * answer spans, ms): the part of a view that was Zoho's time, injected delays included.
 */
export function timeHeldMs(spans: readonly { at: number; ms: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.at - b.at);
  let held = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const { at, ms } of sorted) {
    const to = at + Math.max(0, ms);
    if (to <= end) continue;
    held += to - Math.max(at, end);
    end = to;
  }
  return held;
}

/** A seeded pseudo-random source in [0, 1) (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A day of use: `views` record views over `distinct` records (indices 0…distinct−1, each first
 * seen in that order), the rest repeats of a record seen earlier that day, picked at random but
 * never the record just shown. Where the first visits fall among the repeats is random too.
 */
export function dayOfUseOrder(distinct: number, views: number, seed: number): number[] {
  if (!Number.isInteger(distinct) || !Number.isInteger(views) || distinct < 1 || views < distinct)
    throw new RangeError(`a day needs 1 ≤ distinct (${distinct}) ≤ views (${views})`);
  if (distinct === 1 && views > 1) throw new RangeError('repeats need at least two records (never the record just shown)');
  const random = seededRandom(seed);
  const order = [0];
  let firstLeft = distinct - 1;
  let repeatsLeft = views - distinct;
  while (order.length < views) {
    const seen = distinct - firstLeft;
    // With one record seen, the only repeat would be the record just shown.
    const first = firstLeft > 0 && (seen < 2 || random() < firstLeft / (firstLeft + repeatsLeft));
    if (first) {
      order.push(seen);
      firstLeft -= 1;
      continue;
    }
    const previous = order[order.length - 1]!;
    // One of the seen records other than the previous: pick among seen − 1 and skip over it.
    const pick = Math.floor(random() * (seen - 1));
    order.push(pick >= previous ? pick + 1 : pick);
    repeatsLeft -= 1;
  }
  return order;
}
