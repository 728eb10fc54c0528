/** Bundles ./cache-hook.ts (with lib/background/cache and idb) into one script for the service worker. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Worker } from '@playwright/test';
import type { FillOptions, FillResult, LookupResult } from './cache-hook';

export interface BenchCache {
  fill(options: FillOptions): Promise<FillResult>;
  lookups(portalId: string, keys: string[], count: number): Promise<LookupResult>;
  storageBytes(): Promise<number | null>;
}

export async function loadCacheHook(sw: Worker): Promise<BenchCache> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./cache-hook.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  // A DevTools evaluation: the extension's CSP (no eval) does not apply to it.
  await sw.evaluate(code);
  type Hook = Record<string, (...args: never[]) => Promise<unknown>>;
  const call = <T>(name: string, ...args: unknown[]) =>
    sw.evaluate(
      ([n, a]) =>
        ((globalThis as unknown as { __deskLinkBenchCache: Hook }).__deskLinkBenchCache[n] as (...x: unknown[]) => Promise<unknown>)(...a),
      [name, args] as const,
    ) as Promise<T>;
  return {
    fill: (options) => call<FillResult>('fill', options),
    lookups: (portalId, keys, count) => call<LookupResult>('lookups', portalId, keys, count),
    storageBytes: () => call<number | null>('storageBytes'),
  };
}
