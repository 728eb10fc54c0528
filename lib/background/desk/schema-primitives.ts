/**
 * Lenient zod building blocks for Zoho Desk's loosely typed JSON: ids as digit strings or numbers, flags as booleans or "true"/"false", dates as
 * ISO strings or epoch milliseconds, counts as numbers or digit strings. Every block outputs
 * one normalised type, so the rest of DeskLink never sees the variants.
 */
import { z } from 'zod';

/**
 * Ids: digit strings (up to 19 digits in Zoho, beyond 2^53) or, in some answers, numbers. zod 4's
 * `int()` takes safe integers only: a number beyond 2^53 lost its last digits in JSON.parse (an
 * engine without the reviver's source text) and is refused, since a rounded id names another ticket.
 */
export const deskId = z.union([
  z
    .string()
    .trim()
    .regex(/^\d{1,24}$/, 'expected a digit-string id'),
  z.number().int().nonnegative().transform(String),
]);
export const optionalId = deskId.nullish().transform((v) => v ?? null);

/** Flags: true/false or the strings "true"/"false" (any case). */
const flag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .regex(/^(true|false)$/i, 'expected true or false')
    .transform((s) => s.toLowerCase() === 'true'),
]);
export const optionalFlag = flag.nullish().transform((v) => v ?? undefined);

/** Counts: numbers or digit strings ("121"). */
export const count = z.union([
  z.number().int().nonnegative(),
  z.string().trim().regex(/^\d+$/, 'expected a digit-string count').transform(Number),
]);
export const optionalCount = count.nullish().transform((v) => v ?? undefined);

/** Dates: ISO-8601 strings, epoch-ms numbers, or epoch-ms digit strings; output ISO UTC. */
const date = z.union([z.number(), z.string().trim()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : /^\d{10,}$/.test(value) ? Number(value) : Date.parse(value);
  const parsed = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(parsed.getTime())) {
    ctx.issues.push({ code: 'custom', message: 'expected an ISO date or epoch milliseconds', input: value });
    return z.NEVER;
  }
  return parsed.toISOString();
});
export const optionalDate = z
  .union([date, z.literal('')])
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v));

/** Free text that may be null or absent: always string | null. */
export const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
/** Free text that may also arrive as a number (employeeCount, annualrevenue…). */
export const looseText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

/**
 * JSON.parse reviver that keeps integers beyond 2^53 exact, as digit strings, where the engine
 * passes the source text (Chrome 114+, Firefox 135+). Elsewhere the (rounded) number passes.
 */
export function exactIntegerReviver(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) {
    const source = context?.source;
    if (typeof source === 'string' && /^\d+$/.test(source)) return source;
  }
  return value;
}
