/**
 * Stops DeskLink's service worker as MV3 does after 30 s idle, through the DevTools protocol
 * (`ServiceWorker.stopAllWorkers`), and says whether it is still stopped, so a switch measured
 * next pays the worker's wake-up. The session lives on a page outside the extension: an open
 * extension page (the options page) restarts the worker at once.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';

export interface WorkerStopper {
  /** Stops every service worker and resolves once DeskLink's reports `stopped`. */
  stop(): Promise<void>;
  /** Whether DeskLink's worker is stopped now (a sample taken while it runs is no sleeping-worker sample). */
  isStopped(): boolean;
  close(): Promise<void>;
}

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[];
}

export async function createWorkerStopper(context: BrowserContext): Promise<WorkerStopper> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  let status = 'unknown';
  const waiters = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith('chrome-extension://')) continue;
      status = version.runningStatus;
      for (const wake of waiters) wake();
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const stopped = new Promise<void>((resolve, reject) => {
        const check = () => {
          if (status !== 'stopped') return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the worker did not stop (status ${status})`));
        }, 10_000);
        waiters.add(check);
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    isStopped: () => status === 'stopped',
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}
