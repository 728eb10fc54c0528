/**
 * The floor the warm path is judged against, in the same browser: in an extension page, one
 * IndexedDB read of a cached record (the record row, then its tickets by key, in one read-only
 * transaction, as the cache module reads) plus one animation frame, timed the same way as the
 * panel (next frame, then the task after it). No messaging, no rendering: what no design can beat.
 */
import type { Page } from '@playwright/test';
import { CACHE_DB_NAME } from '../../lib/background/cache/schema';
import { recordKeyOf } from '../../lib/background/cache/ticket-cache';

export async function measureFloor(
  page: Page,
  portalId: string,
  records: readonly { module: string; recordId: string }[],
  samples: number,
): Promise<number[]> {
  const keys = records.map(recordKeyOf);
  return page.evaluate(
    async ([dbName, portal, recordKeys, n]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      });
      const read = (key: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const tx = db.transaction(['records', 'tickets'], 'readonly');
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          const get = tx.objectStore('records').get([portal, key]);
          get.onsuccess = () => {
            const ids = (get.result as { ticketIds: string[] } | undefined)?.ticketIds ?? [];
            const out: unknown[] = [];
            let left = ids.length;
            if (left === 0) resolve(out);
            const store = tx.objectStore('tickets');
            ids.forEach((id, i) => {
              const ticket = store.get([portal, id]);
              ticket.onsuccess = () => {
                out[i] = ticket.result;
                if (--left === 0) resolve(out);
              };
            });
          };
        });
      const afterPaint = () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(0);
          }),
        );
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        await read(recordKeys[i % recordKeys.length]!);
        await afterPaint();
        out.push(performance.now() - started);
      }
      db.close();
      return out;
    },
    [CACHE_DB_NAME, portalId, keys, samples] as const,
  );
}
