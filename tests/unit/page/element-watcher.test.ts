import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchElements } from '../../../lib/page/element-watcher';

/** happy-dom runs no CSS animations: announce a rendered element as the browser would. */
const rendered = (element: Element, animationName = 'desklink-element-seen') =>
  element.dispatchEvent(new AnimationEvent('animationstart', { animationName, bubbles: true }));
/** One task later: after the frame whose events were dispatched. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

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
    await nextTask();
    expect(onSeen).toHaveBeenCalledTimes(1);
    // The next record's fields: the next batch.
    for (const field of record(3)) rendered(field);
    await nextTask();
    expect(onSeen).toHaveBeenCalledTimes(2);
  });

  it('tells only the watchers whose selectors an element matches, by any one of them', async () => {
    const emails = vi.fn();
    const anchors = vi.fn();
    watchElements(document, ['[data-zcqa="value_Phone"]', '[data-zcqa^="value_Email"]'], emails, controller.signal);
    watchElements(document, ['[entity-id]'], anchors, controller.signal);
    for (const field of record(2)) rendered(field);
    await nextTask();
    expect(emails).toHaveBeenCalledTimes(1);
    expect(anchors).not.toHaveBeenCalled();
  });

  it('ignores other animations, elements CRM took out before the batch, and watchers whose signal aborted', async () => {
    const onSeen = vi.fn();
    const gone = new AbortController();
    const stopped = vi.fn();
    watchElements(document, ['[data-zcqa^="value_"]'], onSeen, controller.signal);
    watchElements(document, ['[data-zcqa^="value_"]'], stopped, gone.signal);
    const [field] = record(1);
    rendered(field!, 'crm-fade-in');
    await nextTask();
    expect(onSeen).not.toHaveBeenCalled();
    rendered(field!);
    field!.remove();
    await nextTask();
    expect(onSeen).not.toHaveBeenCalled();
    gone.abort();
    for (const next of record(1)) rendered(next);
    await nextTask();
    expect(onSeen).toHaveBeenCalledTimes(1);
    expect(stopped).not.toHaveBeenCalled();
    expect(document.querySelector('style[data-desklink="element-watcher"]')).not.toBeNull();
    controller.abort();
    expect(document.querySelector('style[data-desklink="element-watcher"]')).toBeNull();
  });
});
