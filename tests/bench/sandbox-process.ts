/**
 * The Zoho sandbox in a process of its own, for the benchmark. Zoho is another machine: its
 * answers must not wait on the harness's own work (Playwright's protocol traffic from two
 * browsers, the probes' results): an in-process sandbox shares the harness's event loop, which
 * stalled for up to 60 ms at a time during cold views, before the sandbox even logged a request,
 * and every figure with a Desk call in it counted that as DeskLink's. The harness talks to it over
 * the child's IPC channel, for the few things it needs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxAddress } from '../e2e/support/chromium';
import type { FaultRule } from '../sandbox/faults';
import type { OAuthUser } from '../sandbox/fixtures';
import type { RequestLogEntry, SandboxOptions } from '../sandbox/index';

export interface BenchSandbox extends SandboxAddress {
  /** The Desk API requests logged so far, in arrival order (`status` 0 while unanswered). */
  deskCalls(): Promise<RequestLogEntry[]>;
  /** Desk API and CRM REST API requests logged since `since` (epoch ms), with the token each carried. */
  apiCalls(since: number): Promise<RequestLogEntry[]>;
  clearLog(): Promise<void>;
  /** Zoho Accounts forgets every session, grant and token; `user` is who signs in next. */
  resetOAuth(user: OAuthUser): Promise<void>;
  addFault(rule: FaultRule): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** What the harness asks of the sandbox's process. */
export type SandboxCall =
  | { op: 'deskCalls' }
  | { op: 'apiCalls'; since: number }
  | { op: 'clearLog' }
  | { op: 'resetOAuth'; user: OAuthUser }
  | { op: 'addFault'; rule: FaultRule }
  | { op: 'clearFaults' }
  | { op: 'close' };

export type SandboxReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };
export type SandboxReady = { ready: SandboxAddress } | { failed: string };

export async function startSandboxProcess(options: SandboxOptions): Promise<BenchSandbox> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./sandbox-server.ts', import.meta.url)), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const address = await new Promise<SandboxAddress>((resolve, reject) => {
    child.once('message', (message: SandboxReady) =>
      'ready' in message ? resolve(message.ready) : reject(new Error(`the sandbox did not start: ${message.failed}`)),
    );
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before it was ready`)));
  });

  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (reply: SandboxReply) => {
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(new Error(reply.error));
  });
  child.on('exit', (code) => {
    for (const call of waiting.values()) call.reject(new Error(`the sandbox process exited (${code})`));
    waiting.clear();
  });
  const ask = <T>(call: SandboxCall) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      child.send({ id, ...call });
    });

  return {
    ...address,
    deskCalls: () => ask<RequestLogEntry[]>({ op: 'deskCalls' }),
    apiCalls: (since) => ask<RequestLogEntry[]>({ op: 'apiCalls', since }),
    clearLog: () => ask({ op: 'clearLog' }),
    resetOAuth: (user) => ask({ op: 'resetOAuth', user }),
    addFault: (rule) => ask({ op: 'addFault', rule }),
    clearFaults: () => ask({ op: 'clearFaults' }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask({ op: 'close' }).catch(() => undefined);
      await exited;
    },
  };
}
