// A request limiter that runs each Desk call at once: no concurrency limit, no retry (not a test file).
export const passThrough = { run: <T>(task: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal) => task(signal) };
