/**
 * Bench-only code that runs INSIDE DeskLink's service worker: `cache-load.ts` bundles this file
 * (with the product's own lib/background/cache) and evaluates it in the worker through DevTools, so the
 * 100,000-ticket cache is written by the cache's real API (`write`, which also runs the real LRU
 * eviction) into the extension's real IndexedDB, with no test switch in the product. The cache is
 * built here with the product's default cap, as the worker builds its own; the product keeps its
 * own connection to the same database.
 */
import { createTicketCache } from '../../lib/background/cache/ticket-cache';
import type { TicketSummary } from '../../lib/shared/protocol';

export interface FillOptions {
  portalId: string;
  tickets: number;
  perRecord: number;
}

export interface FillResult {
  insertedTickets: number;
  insertedRecords: number;
  writeMs: number;
  settleMs: number;
  remainingTickets: number;
  remainingRecords: number;
  cap: number;
  /** The longest wait for the cache's bookkeeping after one write (an eviction run holds the stores: reads wait). */
  evictionMaxMs: number;
  /** Keys of the most recently written records (the ones eviction keeps). */
  recentKeys: string[];
}

export interface LookupResult {
  samplesMs: number[];
  misses: number;
}

const STATUSES = [
  ['Open', 'Open'],
  ['On Hold', 'On Hold'],
  ['Closed', 'Closed'],
  ['Escalated', 'Open'],
] as const;
const WORDS = [
  'Invoice',
  'cannot',
  'login',
  'refund',
  'shipping',
  'delay',
  'broken',
  'export',
  'report',
  'password',
  'API',
  'timeout',
  'upgrade',
  'plan',
  'billing',
  '請求書',
  '配送',
  'エラー',
];

/** A ticket shaped like the broker's summaries of sandbox tickets (ids are 19-digit strings). */
function ticket(i: number): TicketSummary {
  const [status, statusType] = STATUSES[i % STATUSES.length]!;
  const created = Date.UTC(2025, 0, 1) + i * 97_000;
  const id = `7${String(i).padStart(18, '0')}`;
  const subject = Array.from({ length: 5 + (i % 7) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
  return {
    id,
    ticketNumber: String(100_000 + i),
    subject,
    status,
    statusType,
    priority: i % 3 === 0 ? 'High' : i % 3 === 1 ? 'Medium' : null,
    dueDate: i % 4 === 0 ? null : new Date(created + 3 * 86_400_000).toISOString(),
    isOverDue: i % 9 === 0,
    createdTime: new Date(created).toISOString(),
    modifiedTime: new Date(created + 3_600_000).toISOString(),
    assigneeName: i % 5 === 0 ? null : `Agent ${i % 40}`,
    webUrl: `https://desk.zoho.com/support/benchportal/ShowHomePage.html#Cases/dv/${id}`,
  };
}

const cache = createTicketCache();

const recordKey = (r: number) => `${['Leads', 'Contacts', 'Accounts'][r % 3]}:5${String(r).padStart(18, '0')}`;

async function fill({ portalId, tickets, perRecord }: FillOptions): Promise<FillResult> {
  const started = performance.now();
  const records = Math.ceil(tickets / perRecord);
  const now = Date.now();
  let settling = 0;
  let evictionMaxMs = 0;
  for (let r = 0; r < records; r++) {
    const list: TicketSummary[] = [];
    for (let i = r * perRecord; i < Math.min(tickets, (r + 1) * perRecord); i++) list.push(ticket(i));
    // Increasing use times: the LRU order is the order of writing.
    await cache.write(portalId, recordKey(r), { tickets: list, fetchedAt: now, fingerprint: 'bench', truncated: false }, now - records + r);
    // One write at a time, as the broker writes after each fetch: wait for the eviction it started.
    const t0 = performance.now();
    await cache.settled();
    const waited = performance.now() - t0;
    settling += waited;
    evictionMaxMs = Math.max(evictionMaxMs, waited);
  }
  const wrote = performance.now();
  const stats = await cache.stats();
  const recent = Math.min(records, 1000);
  return {
    insertedTickets: tickets,
    insertedRecords: records,
    writeMs: wrote - started - settling,
    settleMs: settling,
    remainingTickets: stats.tickets,
    remainingRecords: stats.records,
    cap: cache.cap,
    evictionMaxMs,
    recentKeys: Array.from({ length: recent }, (_, k) => recordKey(records - 1 - k)),
  };
}

/** Times `cache.read` (the broker's cache lookup) for `count` random keys. */
async function lookups(portalId: string, keys: string[], count: number): Promise<LookupResult> {
  const samplesMs: number[] = [];
  let misses = 0;
  let seed = 12345;
  for (let k = 0; k < count; k++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const key = keys[seed % keys.length]!;
    const t0 = performance.now();
    const found = await cache.read(portalId, key, Date.now());
    samplesMs.push(performance.now() - t0);
    if (!found) misses++;
  }
  await cache.settled();
  return { samplesMs, misses };
}

async function storageBytes(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}

(globalThis as Record<string, unknown>).__deskLinkBenchCache = { fill, lookups, storageBytes, cacheStats: () => cache.stats() };
