/**
 * `npm run sandbox -- --port 8443 --size demo [--quiet] [--render-delay 350]`: starts the
 * sandbox, prints how to point a browser at it, and stops cleanly on Ctrl-C / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { chromiumHostRulesFlag, firefoxHostPrefs, RECORDS, recordPath, startSandbox, type SandboxSize } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    size: { type: 'string', default: 'demo' },
    quiet: { type: 'boolean', default: false },
    'render-delay': { type: 'string' },
  },
});

const size: SandboxSize = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as SandboxSize);
if (typeof size === 'string' && !['test', 'demo', 'bench'].includes(size)) {
  console.error(`--size must be test, demo, bench or a number of tickets (got ${values.size})`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port: Number(values.port),
  size,
  quiet: values.quiet,
  ...(values['render-delay'] ? { crmRenderDelayMs: Number(values['render-delay']) } : {}),
});

const prefs = firefoxHostPrefs(sandbox.port);
console.log(`DeskLink sandbox listening on https://127.0.0.1:${sandbox.port} (size ${values.size})`);
console.log(`Hosts (${sandbox.hosts.length}): ${sandbox.hosts.join(' ')}`);
console.log('\nChromium flags:');
console.log(`  '${chromiumHostRulesFlag(sandbox.port, sandbox.hosts)}' --ignore-certificate-errors`);
console.log('\nFirefox prefs (about:config or user.js; accept the self-signed certificate):');
for (const [name, value] of Object.entries(prefs)) console.log(`  user_pref("${name}", "${value}");`);
console.log(`\nTry: https://crm.zoho.com${recordPath(RECORDS.contact)}`);
console.log('Ctrl-C stops the sandbox.\n');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox…`);
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
