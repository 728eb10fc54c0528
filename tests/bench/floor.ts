/**
 * The floors DeskLink's figures are judged against, in the same browser and the same kind of
 * frame: DeskLink's panel page (an extension page, in the renderer that draws the rows). Each
 * sample sends the one message to the background the design needs (a `runtime.sendMessage`
 * round trip; DeskLink's broker answers it with UNKNOWN_COMMAND after its usual dispatch, reading
 * nothing), then one step, then waits for the frame's next paint, timed as the panel is (next
 * animation frame, then the task after it, which runs once the frame is drawn). The step is:
 * - for a warm switch (`floorMs`), one IndexedDB read of a cached record (the record row, then its
 *   tickets by key, in one read-only transaction, as the cache module reads);
 * - for a first visit (`coldFloorMs`), one request to Desk's host, its body read: the sandbox
 *   answers it after the injected delay, as it answers DeskLink's own requests.
 *
 * A record switch starts at any moment of a frame, not just after one: each sample waits for a
 * frame, then a random part of a frame interval, before it starts, so the wait for the next frame
 * is drawn from the same spread as the switches'. The harness interleaves the samples with the
 * switches and views they are the floor of. No rendering and no CRM page work: what no design
 * with a background can beat.
 */
import { CACHE_DB_NAME } from '../../lib/background/cache/schema';
import { recordKeyOf } from '../../lib/background/cache/ticket-cache';

export interface FloorSample {
  ms: number;
  /** How far into the frame (after its animation-frame callbacks) the sample started. */
  phaseMs: number;
}

/** What a sample does between the message and the paint. */
export type FloorStep = { kind: 'read'; dbName: string; portal: string; key: string } | { kind: 'request'; url: string };

interface FloorArgs {
  step: FloorStep;
  /** The display's frame interval to draw the start from (ms). */
  frameMs: number;
}

/** Runs in the panel frame (self-contained; no browser-specific API beyond `runtime`). */
export function floorSampleInFrame({ step, frameMs }: FloorArgs): Promise<FloorSample> {
  type Held = { __deskLinkBenchFloorDb?: Promise<IDBDatabase> };
  const g = globalThis as unknown as Held & { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  const runtime =
    g.browser?.runtime ?? (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
  const read = (db: IDBDatabase, { portal, key }: { portal: string; key: string }) =>
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
  let run: () => Promise<unknown>;
  if (step.kind === 'read') {
    // One connection kept across samples, as DeskLink's worker keeps its own.
    g.__deskLinkBenchFloorDb ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(step.dbName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    });
    const db = g.__deskLinkBenchFloorDb;
    run = () => db.then((open) => read(open, step));
  } else {
    // Any answer will do (the sandbox refuses a request without a credential after the same
    // delay): the floor is the round trip and the body, not what it says.
    run = () => fetch(step.url, { cache: 'no-store' }).then((response) => response.text());
  }
  const afterPaint = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      }),
    );
  const ready = step.kind === 'read' ? g.__deskLinkBenchFloorDb! : Promise.resolve();
  return ready.then(
    () =>
      new Promise<FloorSample>((resolve, reject) => {
        requestAnimationFrame(() => {
          const frameAt = performance.now();
          setTimeout(() => {
            const started = performance.now();
            runtime
              .sendMessage({ command: 'bench.floor' })
              .then(run)
              .then(afterPaint)
              .then(() => resolve({ ms: performance.now() - started, phaseMs: started - frameAt }), reject);
          }, Math.random() * frameMs);
        });
      }),
  );
}

/** A warm switch's floor: the cached record's read. */
export function readStep(portalId: string, record: { module: string; recordId: string }): FloorStep {
  return { kind: 'read', dbName: CACHE_DB_NAME, portal: portalId, key: recordKeyOf(record) };
}

/** A first visit's floor: one request to Desk's host, told from DeskLink's own by its address. */
export function requestStep(url: string): FloorStep {
  return { kind: 'request', url };
}

export function floorSource(step: FloorStep, frameMs = 1000 / 60): string {
  const args: FloorArgs = { step, frameMs };
  return `globalThis.__name ??= (f) => f; (${floorSampleInFrame.toString()})(${JSON.stringify(args)})`;
}
