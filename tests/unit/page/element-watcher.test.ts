import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchElements } from '../../../lib/page/element-watcher';

/** happy-dom runs no CSS animations: announce a rendered element as the browser would. */
const rendered = (element: Element, animationName = 'desklink-element-seen') =>
  element.dispatchEvent(new AnimationEvent('animationstart', { animationName, bubbles: true }));
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

/**
 * The batch arrives in a task of its own; how its message orders against timers is the runtime's
 * choice (Node's ports answer after a timer when the machine is busy), so tests wait for a call.
 */
const heard = (watcher: ReturnType<typeof vi.fn>, times = 1) => vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(times));
/** A watcher on an element of its own, rendered beside the others: once it hears, their batch has run. */
function witness(): { element: Element; onSeen: ReturnType<typeof vi.fn> } {
  const element = document.body.appendChild(document.createElement('aside'));
  element.setAttribute('data-witness', '');
  const onSeen = vi.fn();
  watchElements(document, ['[data-witness]'], onSeen, controller.signal);
  return { element, onSeen };
}

function record(fields: number): Element[] {
  document.body.innerHTML = Array.from({ length: fields }, (_, i) => `<span data-zcqa="value_Email${i}">a${i}@example.com</span>`).join('');
  return [...document.querySelectorAll('[data-zcqa^="value_"]')];
}

describe('element watcher', () => {
  it('tells a watcher once for a record’s many fields rendered in one frame, after the frame, not once per field', async () => {
    const onSeen = vi.fn();
    watchElements(document, ['[data-zcqa^="value_"]'], onSeen, controller.signal);
    for (const field of record(40)) rendered(field);
    expect(onSeen).not.toHaveBeenCalled();
    await heard(onSeen);
    // The next record's fields: the next batch.
    for (const field of record(3)) rendered(field);
    await heard(onSeen, 2);
  });

  it('tells only the watchers whose selectors an element matches, by any one of them', async () => {
    const emails = vi.fn();
    const anchors = vi.fn();
    watchElements(document, ['[data-zcqa="value_Phone"]', '[data-zcqa^="value_Email"]'], emails, controller.signal);
    watchElements(document, ['[entity-id]'], anchors, controller.signal);
    for (const field of record(2)) rendered(field);
    await heard(emails);
    expect(anchors).not.toHaveBeenCalled();
  });

  it('ignores other animations, elements CRM took out before the batch, and watchers whose signal aborted', async () => {
    const onSeen = vi.fn();
    const gone = new AbortController();
    const stopped = vi.fn();
    watchElements(document, ['[data-zcqa^="value_"]'], onSeen, controller.signal);
    watchElements(document, ['[data-zcqa^="value_"]'], stopped, gone.signal);
    const [field] = record(1);
    const { element: aside, onSeen: batchRan } = witness();
    rendered(field!, 'crm-fade-in');
    rendered(aside);
    await heard(batchRan);
    expect(onSeen).not.toHaveBeenCalled();
    rendered(field!);
    field!.remove();
    rendered(aside);
    await heard(batchRan, 2);
    expect(onSeen).not.toHaveBeenCalled();
    gone.abort();
    for (const next of record(1)) rendered(next);
    await heard(onSeen);
    expect(stopped).not.toHaveBeenCalled();
    expect(document.querySelector('style[data-desklink="element-watcher"]')).not.toBeNull();
    controller.abort();
    expect(document.querySelector('style[data-desklink="element-watcher"]')).toBeNull();
  });
});
