/**
 * Builds an answer item to the contract's shape: exactly the shape's keys (include-only keys
 * when asked, optional keys unless the variation leaves them out), values converted to the
 * file's types, nullable values null where the variation says so. Values the sandbox must keep
 * (fixture facts, lookup keys) are never varied.
 */
import type { FieldSpec, Shape } from '../contract/index';
import type { Variation } from '../variation';

/** Raw values: times as epoch ms, counters as numbers, ids as digit strings, nested objects as bags. */
export type Bag = { readonly [key: string]: unknown };

export interface RenderContext {
  variation: Variation;
  /** `include=` values of the request. */
  include: ReadonlySet<string>;
  /** Keys never varied (not nulled, not left out); `a.b` names key `b` of the object under `a`. */
  kept: ReadonlySet<string>;
  /** Dates as ISO strings (the files' type) or epoch ms (the list examples, one portal). */
  dates: 'iso' | 'epoch';
  /** Keys given as null wherever the shape allows (left out where optional), whatever the variation. */
  nulls?: ReadonlySet<string>;
}

const idOf = (bag: Bag): string | undefined => (typeof bag.id === 'string' || typeof bag.id === 'number' ? String(bag.id) : undefined);

const isIncluded = (field: FieldSpec, include: ReadonlySet<string>) =>
  typeof field.presence !== 'object' || include.has(field.presence.include);

function convert(field: FieldSpec, value: unknown, entity: string, key: string, ctx: RenderContext): unknown {
  if (value === null || value === undefined) return null;
  if (field.format === 'date') {
    const ms = typeof value === 'number' ? value : Date.parse(value as string);
    return ctx.dates === 'epoch' ? ms : new Date(ms).toISOString();
  }
  if (field.format === 'count' || field.format === 'id') {
    const text = typeof value === 'number' ? String(value) : (value as string);
    const numberAllowed = field.types.includes('integer') && field.format === 'count';
    return numberAllowed && ctx.variation.numeric(entity, key) ? Number(text) : text;
  }
  if (field.shape && typeof value === 'object' && !Array.isArray(value)) {
    const bag = value as Bag;
    const { nulls: _own, ...inner } = ctx;
    return renderShape(field.shape, bag, { ...inner, kept: nestedKept(ctx.kept, key) }, `${entity}.${key}:${idOf(bag) ?? ''}`);
  }
  if (field.items && Array.isArray(value)) return value.map((item, i) => convert(field.items!, item, entity, `${key}[${i}]`, ctx));
  // A value the files show both bare and as a one-element array (zohoCRMContact.type, author.type).
  if (typeof value === 'string' && field.types.includes('array') && field.types.includes('string')) {
    return ctx.variation.numeric(entity, key) ? [value] : value;
  }
  return value;
}

/** `zohoCRMContact.id` in the kept set keeps `id` inside `zohoCRMContact`. */
function nestedKept(kept: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const prefix = `${key}.`;
  return new Set([...kept].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

/** The item for `shape` from `bag`; `entity` names the record (its variation is stable per run). */
export function renderShape(shape: Shape, bag: Bag, ctx: RenderContext, entity: string = idOf(bag) ?? shape.name): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape.fields)) {
    if (!isIncluded(field, ctx.include)) continue;
    const kept = ctx.kept.has(key);
    const nullable = field.types.includes('null');
    if (ctx.nulls?.has(key) && (nullable || field.presence === 'optional')) {
      if (nullable) out[key] = null;
      continue;
    }
    if (field.presence === 'optional' && !kept && ctx.variation.omits(entity, key)) continue;
    if (nullable && !kept && ctx.variation.nulls(entity, key)) {
      out[key] = null;
      continue;
    }
    const value = convert(field, bag[key], entity, key, ctx);
    if (value === null && !nullable) {
      // A key the shape may leave out goes without its value; elsewhere a missing value is a sandbox bug.
      if (field.presence === 'optional') continue;
      throw new Error(`sandbox: ${shape.name}.${key} has no value and may not be null`);
    }
    out[key] = value;
  }
  return out;
}
