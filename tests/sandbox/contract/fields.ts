/** Small builders so the table reads like the files: `nullable.string()`, `opt(...)`, `included('assignee', ...)`. */
import type { FieldSpec, JsonType, Presence, Shape, ValueFormat } from './types';

type Extra = Omit<FieldSpec, 'types' | 'presence'>;

const make =
  (types: readonly JsonType[], format?: ValueFormat) =>
  (extra: Extra = {}): FieldSpec => ({ types, presence: 'required', ...(format ? { format } : {}), ...extra });

/** Values that may be null (the files' `"type": [..., "null"]`). */
export const nullable = {
  string: make(['string', 'null']),
  id: make(['string', 'integer', 'null'], 'id'),
  count: make(['string', 'integer', 'null'], 'count'),
  date: make(['string', 'null'], 'date'),
  url: make(['string', 'null'], 'url'),
  boolean: make(['boolean', 'null']),
  object: (shape: Shape): FieldSpec => ({ types: ['object', 'null'], presence: 'required', shape }),
  array: (items: FieldSpec): FieldSpec => ({ types: ['array', 'null'], presence: 'required', items }),
  map: (values: FieldSpec): FieldSpec => ({ types: ['object', 'null'], presence: 'required', values }),
};

/** Values that may not be null. */
export const always = {
  string: make(['string']),
  id: make(['string', 'integer'], 'id'),
  count: make(['string', 'integer'], 'count'),
  date: make(['string'], 'date'),
  url: make(['string'], 'url'),
  boolean: make(['boolean']),
  object: (shape: Shape): FieldSpec => ({ types: ['object'], presence: 'required', shape }),
};

const withPresence = (presence: Presence, field: FieldSpec): FieldSpec => ({ ...field, presence });

/** A key the answer may leave out. */
export const opt = (field: FieldSpec): FieldSpec => withPresence('optional', field);

/** A key present only when `include=<value>` was asked. */
export const included = (value: string, field: FieldSpec): FieldSpec => withPresence({ include: value }, field);

/** Every field of `fields` with the given presence (for the files' `allOf` parts without a `required` list). */
export function allOptional(fields: Record<string, FieldSpec>): Record<string, FieldSpec> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, opt(field)]));
}
