/**
 * A tiny HTTPS client for talking to the sandbox from Node (unit tests, benchmarks): it sends
 * the Host header and SNI of a Zoho host to 127.0.0.1:<port> and trusts the self-signed cert.
 */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The raw body ('' when none). */
  body: string;
  /** Set when the connection ended before Content-Length bytes arrived. */
  error?: Error;
}

export interface SandboxRequestOptions {
  token?: string;
  orgId?: string;
  headers?: Record<string, string>;
  method?: string;
  /** A request body (e.g. a form for Zoho Accounts' token endpoint); set its content-type in headers. */
  body?: string;
}

export function sandboxGet(port: number, host: string, path: string, options: SandboxRequestOptions = {}): Promise<SandboxResponse> {
  const headers: Record<string, string> = { host, ...options.headers };
  if (options.token !== undefined) headers.authorization = `Zoho-oauthtoken ${options.token}`;
  if (options.orgId !== undefined) headers.orgId = options.orgId;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers,
        servername: host,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const finish = (error?: Error) =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ...(error ? { error } : {}),
          });
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish());
        res.on('aborted', () => finish(new Error('aborted')));
        res.on('error', (e) => finish(e));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** GET a Desk API path on desk.zoho.com (or another Desk host) and parse JSON when there is a body. */
export async function deskGet(port: number, path: string, options: SandboxRequestOptions & { host?: string } = {}) {
  const res = await sandboxGet(port, options.host ?? 'desk.zoho.com', path, options);
  let json: any;
  if (res.body) {
    try {
      json = JSON.parse(res.body);
    } catch {
      json = undefined;
    }
  }
  return { ...res, json };
}
