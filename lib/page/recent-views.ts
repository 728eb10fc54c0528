/**
 * The tickets this tab last showed for each of its most recent records, kept in the content
 * script's memory (out of the CRM page's reach, in the isolated world), so that switching back
 * to one draws its rows at once. Going through the background instead costs its wake-up when
 * the browser has put the worker to sleep (MV3 does after 30 s idle). The broker is still asked,
 * and its answer replaces what was remembered. Only whole views without an error are kept, and
 * only for the identity they were looked up with.
 */
import type { Identity } from '../shared/commands';
import type { TicketsView } from '../shared/protocol';
import { identityFingerprint } from './identity';

export interface RecentViews {
  /** The view last shown for this record and identity (counted as used). */
  get(recordKey: string, identity: Identity): TicketsView | undefined;
  remember(recordKey: string, identity: Identity, view: TicketsView): void;
  /** This tab showed the record lately, whoever the page said it was. */
  has(recordKey: string): boolean;
  /** Forgets everything (settings changed: another portal, deactivated, switched off). */
  clear(): void;
}

/** The broker's answer holds exactly what the remembered view drew (drawing it again changes nothing). */
export function sameView(remembered: TicketsView, answer: TicketsView): boolean {
  return JSON.stringify(remembered) === JSON.stringify(answer);
}

/** Enough for the records a rep moves between in one tab; each is one page of summaries. */
const KEPT_RECORDS = 20;

export function createRecentViews(limit = KEPT_RECORDS): RecentViews {
  const views = new Map<string, TicketsView>();
  const keyOf = (recordKey: string, identity: Identity) => `${recordKey}\n${identityFingerprint(identity)}`;
  return {
    get(recordKey, identity) {
      const key = keyOf(recordKey, identity);
      const view = views.get(key);
      if (view) {
        views.delete(key);
        views.set(key, view);
      }
      return view;
    },
    remember(recordKey, identity, view) {
      const key = keyOf(recordKey, identity);
      views.delete(key);
      if (view.error || view.fetchedAt === null || view.incomplete) return;
      views.set(key, { ...view, revalidating: false });
      if (views.size > limit) views.delete(views.keys().next().value!);
    },
    has: (recordKey) => [...views.keys()].some((key) => key.startsWith(`${recordKey}\n`)),
    clear: () => views.clear(),
  };
}
