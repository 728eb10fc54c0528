// Checks a Desk answer against the contract table's shapes (a test helper, not a test file):
// every problem as `path: what`, so a failure names the key and the rule it broke.
import type { EndpointContract, FieldSpec, Shape } from '../../sandbox/contract/index';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

interface Options {
  include: ReadonlySet<string>;
  /** Dates may be epoch-ms integers (the shapes whose file examples give them so). */
  epochDates: boolean;
}

function checkValue(field: FieldSpec, value: unknown, path: string, opts: Options, out: string[]): void {
  const type = jsonType(value);
  const epochDate = field.format === 'date' && type === 'integer' && opts.epochDates;
  if (!field.types.includes(type as never) && !epochDate) {
    out.push(`${path}: ${type} where the file allows ${field.types.join('|')}`);
    return;
  }
  if (value === null) return;
  const text = type === 'string' ? (value as string) : '';
  if (field.format === 'date' && type === 'string' && !ISO.test(text)) out.push(`${path}: "${text}" is not an ISO date`);
  if ((field.format === 'id' || field.format === 'count') && type === 'string' && !/^\d+$/.test(text))
    out.push(`${path}: "${text}" is not digits`);
  if (field.format === 'url' && type === 'string' && !/^https?:\/\//.test(value as string)) out.push(`${path}: not a URL`);
  if (field.enum && type === 'string' && !field.enum.includes(text)) out.push(`${path}: "${text}" not in ${field.enum.join(', ')}`);
  if (field.maxLength !== undefined && type === 'string' && (value as string).length > field.maxLength)
    out.push(`${path}: longer than ${field.maxLength}`);
  if (type === 'object' && field.shape) checkShape(field.shape, value, path, { ...opts, include: new Set() }, out);
  if (type === 'object' && field.values) {
    for (const [key, inner] of Object.entries(value as object)) checkValue(field.values, inner, `${path}.${key}`, opts, out);
  }
  if (type === 'array' && field.items)
    (value as unknown[]).forEach((item, i) => checkValue(field.items!, item, `${path}[${i}]`, opts, out));
}

export function checkShape(shape: Shape, value: unknown, path: string, opts: Options, out: string[] = []): string[] {
  if (jsonType(value) !== 'object') {
    out.push(`${path}: ${jsonType(value)} where ${shape.name} is an object`);
    return out;
  }
  const item = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape.fields)) {
    const here = `${path}.${key}`;
    const present = Object.hasOwn(item, key);
    if (typeof field.presence === 'object') {
      const asked = opts.include.has(field.presence.include);
      if (present !== asked) out.push(`${here}: ${present ? 'present without' : 'absent despite'} include=${field.presence.include}`);
    } else if (field.presence === 'required' && !present) {
      out.push(`${here}: required key missing`);
    }
    if (present) checkValue(field, item[key], here, opts, out);
  }
  if (shape.closed)
    for (const key of Object.keys(item)) if (!Object.hasOwn(shape.fields, key)) out.push(`${path}.${key}: not a key of ${shape.name}`);
  return out;
}

/** Problems of one answer (status, body text) to `row`'s request. */
export function checkAnswer(row: EndpointContract, status: number, body: string, opts: Options): string[] {
  if (status === 204) return row.response.empty === 204 && body === '' ? [] : [`204 where ${row.id} does not answer 204, or with a body`];
  if (status !== row.response.status) return [`status ${status}`];
  const json = JSON.parse(body) as Record<string, unknown>;
  const out: string[] = [];
  const item = row.response.item;
  if (row.response.envelope === 'object') return checkShape(item, json, row.id, opts, out);
  const keys = Object.keys(json).sort().join(',');
  const expected = row.response.envelope === 'search' ? 'count,data' : 'data';
  if (keys !== expected) out.push(`${row.id}: envelope keys ${keys}, not ${expected}`);
  if (row.response.envelope === 'search' && !/^\d+$/.test(String(json.count))) out.push(`${row.id}.count: ${String(json.count)}`);
  if (!Array.isArray(json.data) || json.data.length === 0) return [...out, `${row.id}.data: not a non-empty array`];
  json.data.forEach((entry, i) => checkShape(item, entry, `${row.id}.data[${i}]`, opts, out));
  return out;
}
