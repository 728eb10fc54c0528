/**
 * A screen's busy flag: set while one of its commands runs, so its buttons cannot start another.
 * Callers show a command's outcome after `during` returns, so the message never appears while
 * the buttons are still disabled.
 */
import { useState } from 'preact/hooks';

export type During = <T>(task: () => Promise<T>) => Promise<T>;

export function useBusy(): [busy: boolean, during: During] {
  const [busy, setBusy] = useState(false);
  const during: During = async (task) => {
    setBusy(true);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  };
  return [busy, during];
}
