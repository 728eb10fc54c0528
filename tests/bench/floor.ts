/**
 * The floor the warm switch is judged against, in the same browser and the same frame: in
 * DeskLink's shown panel frame (an extension page, in the renderer that draws the rows), the one
 * message to the background the design needs (a `runtime.sendMessage` round trip; DeskLink's
 * broker answers it with UNKNOWN_COMMAND after its usual dispatch, reading nothing), one
 * IndexedDB read of a cached record (the record row, then its tickets by key, in one read-only
 * transaction, as the cache module reads), then the frame's next paint, timed as the panel is
 * (next animation frame, then the task after it, which runs once the frame is drawn).
 *
 * A record switch starts at any moment of a frame, not just after one: each sample waits for a
 * frame, then a random part of a frame interval, before it starts, so the wait for the next frame
 * is drawn from the same spread as the switches'. The harness interleaves the samples with the
 * warm switches. No rendering and no CRM page work: what no design with a background can beat.
 */
import { CACHE_DB_NAME } from '../../lib/background/cache/schema';
import { recordKeyOf } from '../../lib/background/cache/ticket-cache';

export interface FloorSample {
  ms: number;
  /** How far into the frame (after its animation-frame callbacks) the sample started. */
  phaseMs: number;
}

interface FloorArgs {
  dbName: string;
  portal: string;
  key: string;
  /** The display's frame interval to draw the start from (ms). */
  frameMs: number;
}

/** Runs in the panel frame (self-contained; no browser-specific API beyond `runtime`). */
export function floorSampleInFrame({ dbName, portal, key, frameMs }: FloorArgs): Promise<FloorSample> {
  type Held = { __deskLinkBenchFloorDb?: Promise<IDBDatabase> };
  const g = globalThis as unknown as Held & { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  const runtime =
    g.browser?.runtime ?? (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
  // One connection kept across samples, as DeskLink's worker keeps its own.
  g.__deskLinkBenchFloorDb ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
  });
  const read = (db: IDBDatabase) =>
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
  return g.__deskLinkBenchFloorDb.then(
    (db) =>
      new Promise<FloorSample>((resolve, reject) => {
        requestAnimationFrame(() => {
          const frameAt = performance.now();
          setTimeout(() => {
            const started = performance.now();
            runtime
              .sendMessage({ command: 'bench.floor' })
              .then(() => read(db))
              .then(afterPaint)
              .then(() => resolve({ ms: performance.now() - started, phaseMs: started - frameAt }), reject);
          }, Math.random() * frameMs);
        });
      }),
  );
}

/** Evaluates `source` (an expression) in a frame: Playwright's and puppeteer's frames both can. */
export type EvaluateSource = (source: string) => Promise<unknown>;

export function floorSource(portalId: string, record: { module: string; recordId: string }, frameMs = 1000 / 60): string {
  const args: FloorArgs = { dbName: CACHE_DB_NAME, portal: portalId, key: recordKeyOf(record), frameMs };
  return `globalThis.__name ??= (f) => f; (${floorSampleInFrame.toString()})(${JSON.stringify(args)})`;
}
