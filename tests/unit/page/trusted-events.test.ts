// The panel acts only on what a user does: events a script dispatched never reach its handlers.
import { describe, expect, it, vi } from 'vitest';
import { dropUntrustedEvents } from '../../../lib/page/trusted-events';

/** An event as the browser makes it for a real click or key (happy-dom marks none as trusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function panel() {
  const container = document.createElement('div');
  container.innerHTML = '<button type="button">Refresh</button><a href="https://desk.zoho.com/support/x">#12</a>';
  document.body.replaceChildren(container);
  dropUntrustedEvents(container);
  const button = container.querySelector('button')!;
  const link = container.querySelector('a')!;
  const pressed = vi.fn();
  button.addEventListener('click', pressed);
  button.addEventListener('keydown', pressed);
  return { button, link, pressed };
}

describe('dropUntrustedEvents', () => {
  it('a click or key a script dispatches reaches no handler', () => {
    const { button, pressed } = panel();
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(pressed).not.toHaveBeenCalled();
  });

  it('cancels what a dispatched click would do (following a link)', () => {
    const { link } = panel();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it('a user’s click and key reach the panel', () => {
    const { button, pressed } = panel();
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(pressed).toHaveBeenCalledTimes(2);
  });
});
