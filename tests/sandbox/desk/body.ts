/**
 * A write's JSON body checked against the contract's body shape, as Desk refuses it: every key
 * the shape does not know, every value of the wrong type, format or length, every required key
 * absent, each named by its JSON Pointer (`/contact/email`) in one 422 INVALID_DATA.
 * [GUESS] The errorMessage texts are stand-ins; clients key on fieldName and errorType.
 */
import type { FieldSpec, Shape } from '../contract/index';
import type { FieldProblem } from './errors';

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const ID = /^\d{1,24}$/;

export const missing = (pointer: string): FieldProblem => ({
  fieldName: pointer,
  errorType: 'missing',
  errorMessage: `The field '${pointer.slice(1)}' is required.`,
});

export const invalid = (pointer: string, why = 'is invalid'): FieldProblem => ({
  fieldName: pointer,
  errorType: 'invalid',
  errorMessage: `The value passed for '${pointer.slice(1)}' ${why}.`,
});

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function checkValue(field: FieldSpec, value: unknown, pointer: string, out: FieldProblem[]): void {
  const type = jsonType(value);
  if (value === null) {
    if (!field.types.includes('null')) out.push(field.presence === 'required' ? missing(pointer) : invalid(pointer, 'may not be null'));
    return;
  }
  if (!field.types.includes(type as never)) {
    out.push(invalid(pointer, `is not of type ${field.types.filter((t) => t !== 'null').join(' or ')}`));
    return;
  }
  if (field.format === 'id' && (type === 'string' ? !ID.test(value as string) : !Number.isSafeInteger(value))) {
    out.push(invalid(pointer, 'is not an id'));
    return;
  }
  if (field.format === 'date' && !ISO_DATE.test(value as string)) {
    out.push(invalid(pointer, 'is not a date of the form yyyy-MM-ddThh:mm:ss.SSSZ'));
    return;
  }
  if (type === 'string' && field.maxLength !== undefined && (value as string).length > field.maxLength) {
    out.push(invalid(pointer, `is longer than ${field.maxLength} characters`));
    return;
  }
  if (type === 'string' && field.enum && !field.enum.includes(value as string)) {
    out.push(invalid(pointer, `is not one of ${field.enum.join(', ')}`));
    return;
  }
  if (type === 'object' && field.shape) checkObject(field.shape, value as Record<string, unknown>, pointer, [], out);
  if (type === 'object' && field.values) {
    for (const [key, inner] of Object.entries(value as object)) checkValue(field.values, inner, `${pointer}/${key}`, out);
  }
}

function checkObject(shape: Shape, body: Record<string, unknown>, pointer: string, required: readonly string[], out: FieldProblem[]): void {
  for (const [key, field] of Object.entries(shape.fields)) {
    const here = `${pointer}/${key}`;
    if (!Object.hasOwn(body, key)) {
      if (field.presence === 'required' || required.includes(key)) out.push(missing(here));
      continue;
    }
    if (body[key] === null && required.includes(key)) {
      out.push(missing(here));
      continue;
    }
    checkValue(field, body[key], here, out);
  }
  if (shape.closed) {
    for (const key of Object.keys(body))
      if (!Object.hasOwn(shape.fields, key)) out.push(invalid(`${pointer}/${key}`, 'is not a field of this request'));
  }
}

/** Every problem of `body` against `shape`; `required` adds keys the row requires beyond the shape. */
export function checkBody(shape: Shape, body: Record<string, unknown>, required: readonly string[] = []): FieldProblem[] {
  const out: FieldProblem[] = [];
  checkObject(shape, body, '', required, out);
  return out;
}

/** Whether a body value passed its check (no problem names it or a key inside it). */
export const passed = (problems: readonly FieldProblem[], pointer: string): boolean =>
  !problems.some((p) => p.fieldName === pointer || p.fieldName.startsWith(`${pointer}/`));
