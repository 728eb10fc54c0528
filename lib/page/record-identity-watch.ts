/**
 * Waits until the page shows the record the URL names, then reports its identity, and again
 * whenever that identity changes (late fields, inline edits).
 *
 * After a pushState switch the previous record's DOM lingers until CRM renders the new one,
 * so the page counts as showing the new record when its identity differs from what the page
 * showed at the switch, or when an anchor with `entity-id` = the new id was already there.
 * If neither happens within a bounded wait, what the page shows is used anyway (fallback).
 * A record shown without email/name gets a short settle time for late fields first. A field CRM
 * renders only once scrolled into view is waited for without scrolling: when it shows (the rep
 * scrolls), the identity changes and is reported again.
 *
 * Watching is event-driven and scoped, never a subtree observer on the whole document: the
 * CSS-animation element watcher for anchors appearing; a MutationObserver on the few identity
 * elements only (their text and value attributes); and, while waiting for the new record, the
 * ancestors of those elements for child changes only (no subtree): CRM replacing the lingering
 * record at any level is one childList mutation on the replaced node's parent, seen at once,
 * whereas animation events arrive two frames after CRM renders (most of a warm switch).
 *
 * `onEarlyIdentity` gets the identity as soon as the record shows a searchable one, before the
 * quiet time: good for answers a partial identity cannot make wrong (a cache peek). The quiet
 * time runs from the last change of the identity, not of the page: CRM re-rendering fields with
 * the same values (about 15 times in a record view) does not put the report off.
 */
import type { Identity, RecordRef } from '../shared/commands';
import { watchElements } from './element-watcher';
import { IDENTITY_SELECTORS, identityFingerprint, isComplete, readIdentity } from './identity';

interface IdentityWatchOptions {
  doc: Document;
  ref: RecordRef;
  signal: AbortSignal;
  /** Fingerprint of the identity the page showed when the URL changed; null on a fresh page. */
  staleFingerprint: string | null;
  /** An anchor with entity-id = ref.recordId was on the page when the URL changed. */
  ownAnchorAtSwitch: boolean;
  onIdentity: (identity: Identity) => void;
  /** The new record's searchable identity, before the quiet time (it may still grow). */
  onEarlyIdentity?: (identity: Identity) => void;
  /** Longest wait for the page to show the new record before using what is there. */
  readyTimeoutMs?: number;
  /** Extra wait for late email/name fields once the record shows without them. */
  settleMs?: number;
  /** Quiet time after the last change before reporting (fields render one by one). */
  quietMs?: number;
}

const VALUE_ATTRIBUTES = ['email', 'lt-prop-value', 'cx-prop-value'];
const MAX_OBSERVED = 40;

export const ownAnchorSelector = (recordId: string) => `[entity-id="${recordId}"]`;

export function snapshotFingerprint(doc: Document, ref: RecordRef | null): string | null {
  if (!ref) return null;
  return identityFingerprint(readIdentity(doc, ref.module, doc.title));
}

const hasAny = (identity: Identity) => Boolean(identity.name || identity.accountName || identity.emails.length > 0);

export function watchRecordIdentity(options: IdentityWatchOptions): void {
  const { doc, ref, signal, staleFingerprint, ownAnchorAtSwitch, onIdentity } = options;
  const { readyTimeoutMs = 8000, settleMs = 1500, quietMs = 150 } = options;
  if (signal.aborted) return;

  let phase: 'waiting' | 'settling' | 'live' = 'waiting';
  let reported: string | null = null;
  let early: string | null = null;
  let queued = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let quietTimer: ReturnType<typeof setTimeout> | undefined;

  const later = (ms: number, run: () => void) => {
    const id = setTimeout(() => {
      timers.delete(id);
      if (!signal.aborted) run();
    }, ms);
    timers.add(id);
    return id;
  };
  const read = () => readIdentity(doc, ref.module, doc.title);

  const report = (identity: Identity) => {
    phase = 'live';
    const fingerprint = identityFingerprint(identity);
    if (fingerprint === reported) return;
    reported = fingerprint;
    onIdentity(identity);
  };
  /** The identity the quiet timer waits to report: a check that finds it again changes nothing. */
  let awaited: string | null = null;
  const reportWhenQuiet = (fingerprint: string) => {
    if (quietTimer !== undefined && fingerprint === awaited) return;
    if (quietTimer !== undefined) clearTimeout(quietTimer);
    awaited = fingerprint;
    quietTimer = later(quietMs, () => {
      quietTimer = undefined;
      awaited = null;
      report(read());
    });
  };

  const observer = new MutationObserver(() => queueEvaluate());
  // Until the record shows: the identity elements' ancestors, child changes only.
  const switchObserver = new MutationObserver(() => queueEvaluate());
  const observeIdentityElements = () => {
    observer.disconnect();
    switchObserver.disconnect();
    const elements = [...doc.querySelectorAll(IDENTITY_SELECTORS.join(','))].slice(0, MAX_OBSERVED);
    const ancestors = new Set<Node>(doc.body ? [doc.body] : []);
    for (const element of elements) {
      observer.observe(element, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: VALUE_ATTRIBUTES,
      });
      if (phase !== 'waiting') continue;
      for (let node = element.parentNode; node && node !== doc; node = node.parentNode) ancestors.add(node);
    }
    if (phase === 'waiting') for (const node of ancestors) switchObserver.observe(node, { childList: true });
  };

  const evaluate = () => {
    queued = false;
    if (signal.aborted) return;
    observeIdentityElements();
    const identity = read();
    const fingerprint = identityFingerprint(identity);
    // Not the lingering identity of the record shown at the switch.
    const fresh = hasAny(identity) && (fingerprint !== staleFingerprint || ownAnchorAtSwitch);
    if (phase === 'waiting') {
      // The new record's own anchor without new fields: a record with the same name and emails,
      // or fields still lagging; the settle time decides.
      const ownAnchor = doc.querySelector(ownAnchorSelector(ref.recordId)) !== null;
      if (!fresh && !ownAnchor) return;
      phase = 'settling';
      switchObserver.disconnect();
      later(settleMs, () => phase === 'settling' && report(read()));
    }
    if (phase === 'settling' && (!fresh || !isComplete(identity, ref.module))) return;
    if (phase === 'live' && (!hasAny(identity) || fingerprint === reported)) return;
    if (phase === 'settling' && fingerprint !== early) {
      early = fingerprint;
      options.onEarlyIdentity?.(identity);
    }
    reportWhenQuiet(fingerprint);
  };
  // Many anchors can appear in one render: evaluate once per burst.
  const queueEvaluate = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(evaluate);
  };

  watchElements(doc, [...IDENTITY_SELECTORS, ownAnchorSelector(ref.recordId)], queueEvaluate, signal);
  later(readyTimeoutMs, () => {
    switchObserver.disconnect();
    if (phase === 'waiting') report(read());
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      switchObserver.disconnect();
      for (const id of timers) clearTimeout(id);
    },
    { once: true },
  );
  evaluate();
}
