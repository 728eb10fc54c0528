/** What a sandbox route answers; the server writes it (or a fault rewrites it first). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Omitted = no body (e.g. 204). */
  body?: string;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function textReply(status: number, body: string, contentType = 'text/plain; charset=utf-8'): Reply {
  return { status, headers: { 'content-type': contentType }, body };
}

/** Zoho's "no results": 204 with an empty body. */
export const noContent = (): Reply => ({ status: 204 });
