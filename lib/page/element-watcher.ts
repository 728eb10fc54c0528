/**
 * "Tell me when an element matching these selectors appears" without a MutationObserver on the
 * whole document: refined-github's CSS-animation technique. One <style> gives every watched
 * selector a 1 ms animation; the browser fires `animationstart` when a matching element is
 * rendered (inserted, or changed so that it now matches). Costs nothing while the page is quiet.
 *
 * One animation name for all watchers in a document: an element can carry only one animation,
 * so separate names for overlapping selectors would hide elements from all but one watcher.
 * `!important` keeps a page's `* { animation: none !important }` from switching it off.
 *
 * A CRM record renders dozens of watched elements at once, and the browser fires their events one
 * by one inside its rendering of the page's next frame. Each event only notes its element; the
 * watchers hear once per batch, in a task after that frame (run per element, watchers that
 * re-read the page held CRM's frame about 5 ms per record switch, 40 ms at worst).
 */

const ANIMATION = 'desklink-element-seen';

interface Watch {
  /** The watch's selectors as one selector list: one `matches` per element. */
  selector: string;
  selectors: readonly string[];
  onSeen(): void;
}

interface Registry {
  style: HTMLStyleElement;
  watches: Set<Watch>;
  listener: (event: Event) => void;
}

const registries = new WeakMap<Document, Registry>();

function cssFor(watches: Set<Watch>): string {
  const selectors = [...new Set([...watches].flatMap((watch) => watch.selectors))];
  if (selectors.length === 0) return '';
  return `@keyframes ${ANIMATION} { from { opacity: 1 } to { opacity: 1 } }\n${selectors.join(',\n')} { animation: 1ms ${ANIMATION} !important; }`;
}

function registryOf(doc: Document): Registry {
  let registry = registries.get(doc);
  if (!registry) {
    const style = doc.createElement('style');
    style.setAttribute('data-desklink', 'element-watcher');
    const watches = new Set<Watch>();
    const seen = new Set<Element>();
    // A private channel: its message is a task of its own, after the frame whose events filled `seen`.
    const batches = new MessageChannel();
    batches.port1.addEventListener('message', () => {
      const elements = [...seen];
      seen.clear();
      for (const watch of [...watches]) {
        if (watches.has(watch) && elements.some((element) => element.isConnected && element.matches(watch.selector))) watch.onSeen();
      }
    });
    batches.port1.start();
    const listener = (event: Event) => {
      if ((event as AnimationEvent).animationName !== ANIMATION || !(event.target instanceof Element)) return;
      if (seen.size === 0) batches.port2.postMessage(null);
      seen.add(event.target);
    };
    registry = { style, watches, listener };
    registries.set(doc, registry);
  }
  return registry;
}

/**
 * Calls `onSeen` once after each frame in which elements started matching one of `selectors`
 * (rendered, or changed so that they now match), until `signal` aborts.
 */
export function watchElements(doc: Document, selectors: readonly string[], onSeen: () => void, signal: AbortSignal): void {
  if (signal.aborted || selectors.length === 0) return;
  const registry = registryOf(doc);
  const watch: Watch = { selector: selectors.join(','), selectors, onSeen };
  if (registry.watches.size === 0) {
    doc.addEventListener('animationstart', registry.listener, true);
    (doc.head ?? doc.documentElement).append(registry.style);
  }
  registry.watches.add(watch);
  registry.style.textContent = cssFor(registry.watches);
  signal.addEventListener(
    'abort',
    () => {
      registry.watches.delete(watch);
      registry.style.textContent = cssFor(registry.watches);
      if (registry.watches.size === 0) {
        doc.removeEventListener('animationstart', registry.listener, true);
        registry.style.remove();
      }
    },
    { once: true },
  );
}
