/** The worker-scoped sandbox both browsers' fixtures share: one server per Playwright worker. */
import { startSandbox, type Sandbox } from '../../sandbox/index';

// Playwright reads a fixture's dependencies from its first parameter's destructuring: none here.
// eslint-disable-next-line no-empty-pattern
async function runSandbox({}, use: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox({ size: 'test', quiet: true });
  await use(sandbox);
  await sandbox.close();
}

export const sandboxFixture: [typeof runSandbox, { scope: 'worker'; timeout: number }] = [runSandbox, { scope: 'worker', timeout: 60_000 }];
