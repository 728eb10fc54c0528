/**
 * A deadline for one call to Zoho: a request that never answers must not hold what waits on it
 * (a ticket lookup, the rep's panel) for as long as the browser keeps the connection open.
 */

/** Runs `work` with a signal that aborts on the caller's abort or after `timeoutMs`. */
export async function withDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal, timedOut: () => boolean) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await work(controller.signal, () => timedOut);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
