/** The background's ticket cache (IndexedDB via idb). Never imported by content scripts. */
export { cacheAvailability, resetCacheConnection, type CacheAvailability } from './db';
export {
  DEFAULT_TICKET_CAP,
  evictIfOverCap,
  evictionSettled,
  getTicketCap,
  setEvictionBatching,
  setTicketCap,
  type EvictionBatch,
} from './eviction';
export { FRESH_MS, ageOf, isFresh } from './freshness';
export { CACHE_DB_NAME, CACHE_DB_VERSION, type CachedRecord, type CachedTicket } from './schema';
export {
  cacheGeneration,
  cacheSettled,
  cacheStats,
  clearAll,
  clearPortal,
  readRecordTickets,
  recordKeyOf,
  writeRecordTickets,
  type CacheStats,
  type CachedRecordTickets,
} from './ticket-cache';
