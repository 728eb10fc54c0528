/**
 * Which legal variant of an answer the sandbox gives: which nullable values are null, which
 * optional keys are left out, whether a counter is a number or a digit string. Every decision
 * is a hash of (seed, entity, field), so one run answers the same record the same way on every
 * call (pages and refreshes agree), and another seed gives other legal bodies.
 */
import { randomInt } from 'node:crypto';

export interface Variation {
  readonly seed: number;
  /** A nullable value comes back null. */
  nulls(entity: string, field: string): boolean;
  /** An optional key is left out. */
  omits(entity: string, field: string): boolean;
  /** A value the files type as string-or-integer comes back as a number. */
  numeric(entity: string, field: string): boolean;
}

/** 32-bit FNV-1a over the text, mixed with the seed. */
function hash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

const chance = (seed: number, text: string, p: number) => hash(seed, text) / 0x100000000 < p;

export interface VariationRates {
  nulls: number;
  omits: number;
  numeric: number;
}

const DEFAULT_RATES: VariationRates = { nulls: 0.3, omits: 0.2, numeric: 0.5 };

export function createVariation(seed: number, rates: VariationRates = DEFAULT_RATES): Variation {
  return {
    seed,
    nulls: (entity, field) => chance(seed, `null|${entity}|${field}`, rates.nulls),
    omits: (entity, field) => chance(seed, `omit|${entity}|${field}`, rates.omits),
    numeric: (entity, field) => chance(seed, `num|${entity}|${field}`, rates.numeric),
  };
}

/** No variation at all: every value as the data has it, every optional key present, strings for counters. */
export const NO_VARIATION: Variation = { seed: 0, nulls: () => false, omits: () => false, numeric: () => false };

/** The seed of a run: the one given, else DESKLINK_SANDBOX_SEED, else a fresh random one. */
export function chooseSeed(given: number | undefined, env: string | undefined = process.env.DESKLINK_SANDBOX_SEED): number {
  if (given !== undefined) return given >>> 0;
  if (env && /^\d+$/.test(env.trim())) return Number(env.trim()) >>> 0;
  return randomInt(1, 2 ** 31);
}
