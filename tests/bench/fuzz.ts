/** Runs the broker fuzzing (`tests/fuzz/run.ts`, the same program as `npm run fuzz`) and reads its figures. */
import { spawn } from 'node:child_process';

export interface FuzzFigures {
  fuzzCases: number;
  fuzzFailures: number;
  seconds: number;
  exitCode: number | null;
}

export function runFuzz(cases: number): Promise<FuzzFigures> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fuzz/run.ts'], {
      env: { ...process.env, FUZZ_CASES: String(cases) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (exitCode) => {
      const figure = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(out)?.[1] ?? Number.NaN);
      const failures = figure('fuzzFailures');
      for (const line of out
        .split('\n')
        .filter((l) => l.startsWith('FAIL'))
        .slice(0, 5))
        console.log(`  ${line}`);
      resolve({
        fuzzCases: figure('fuzzCases'),
        // A crash before the summary counts as one failure.
        fuzzFailures: Number.isNaN(failures) ? 1 : failures,
        seconds: (Date.now() - started) / 1000,
        exitCode,
      });
    });
  });
}
