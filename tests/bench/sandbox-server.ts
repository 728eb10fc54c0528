/**
 * The sandbox's process for the benchmark (started by ./sandbox-process.ts): starts the sandbox
 * with the options in its first argument, says where it listens, then answers the harness's
 * calls until it is told to close or the harness goes away.
 */
import { startSandbox, type SandboxOptions } from '../sandbox/index';
import type { SandboxCall, SandboxReady, SandboxReply } from './sandbox-process';

const send = (message: SandboxReady | SandboxReply) => process.send?.(message);

try {
  const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
  const sandbox = await startSandbox(options);
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= sandbox.close());
  process.on('message', (message: SandboxCall & { id: number }) => {
    const { id } = message;
    try {
      switch (message.op) {
        case 'deskCalls':
          return send({ id, ok: true, value: sandbox.deskCalls() });
        case 'apiCalls':
          return send({
            id,
            ok: true,
            value: sandbox.log.filter(
              (e) =>
                e.at >= message.since && ((e.host.startsWith('desk.') && e.path.startsWith('/api/')) || e.host.startsWith('www.zohoapis.')),
            ),
          });
        case 'clearLog':
          sandbox.clearLog();
          return send({ id, ok: true });
        case 'resetOAuth':
          sandbox.oauth.reset();
          sandbox.oauth.setUser(message.user);
          return send({ id, ok: true });
        case 'addFault':
          sandbox.addFault(message.rule);
          return send({ id, ok: true });
        case 'clearFaults':
          sandbox.clearFaults();
          return send({ id, ok: true });
        case 'close':
          return void close().then(() => {
            send({ id, ok: true });
            process.disconnect();
          });
      }
    } catch (error) {
      send({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // The harness ended without closing (a crash): the sandbox ends with it.
  process.on('disconnect', () => void close().then(() => process.exit(0)));
  send({ ready: { port: sandbox.port, hosts: sandbox.hosts } });
} catch (error) {
  send({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
