/**
 * A read kept in this worker's memory until `forget`: what the broker reads from storage on every
 * request (settings, credential, the secrets to scrub), read once until it may have changed.
 */
interface KeptRead<T> {
  /** The kept value, else a new read (shared while in flight); `fresh` always reads. */
  get: (fresh?: boolean) => Promise<T>;
  /** What is kept may no longer hold: the next `get` reads again. */
  forget: () => void;
}

export function keptRead<T>(read: () => Promise<T>): KeptRead<T> {
  // A read that `forget` overtook still answers its caller but is not kept (it may hold what changed).
  let kept: Promise<T> | null = null;
  const forget = () => {
    kept = null;
  };
  return {
    forget,
    get: (fresh = false) => {
      if (kept && !fresh) return kept;
      const reading = read();
      kept = reading;
      reading.catch(() => kept === reading && forget());
      return reading;
    },
  };
}
