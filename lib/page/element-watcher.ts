/**
 * "Tell me when an element matching these selectors appears" without a MutationObserver on the
 * whole document: refined-github's CSS-animation technique. One <style> gives every watched
 * selector a 1 ms animation; the browser fires `animationstart` when a matching element is
 * rendered (inserted, or changed so that it now matches). Costs nothing while the page is quiet.
 *
 * One animation name for all watchers in a document: an element can carry only one animation,
 * so separate names for overlapping selectors would hide elements from all but one watcher.
 * `!important` keeps a page's `* { animation: none !important }` from switching it off.
 */

const ANIMATION = 'desklink-element-seen';

interface Watch {
  selectors: readonly string[];
  onSeen(element: Element): void;
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
    const listener = (event: Event) => {
      if ((event as AnimationEvent).animationName !== ANIMATION || !(event.target instanceof Element)) return;
      const element = event.target;
      for (const watch of [...watches]) {
        if (watch.selectors.some((selector) => element.matches(selector))) watch.onSeen(element);
      }
    };
    registry = { style, watches, listener };
    registries.set(doc, registry);
  }
  return registry;
}

/** Calls `onSeen` for each element that starts matching one of `selectors`, until `signal` aborts. */
export function watchElements(doc: Document, selectors: readonly string[], onSeen: (element: Element) => void, signal: AbortSignal): void {
  if (signal.aborted || selectors.length === 0) return;
  const registry = registryOf(doc);
  const watch: Watch = { selectors, onSeen };
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
