// The one-host rule and key isolation at the panel's host.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, isolateKeys, removeOtherHosts, stampHost } from '../../../lib/page/panel-host';

const host = () => document.createElement(HOST_TAG);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('panel hosts', () => {
  it('removes hosts of other instances (an older version left in the tab) and keeps its own', () => {
    const old = host();
    stampHost(old, '0.0.1', 'old');
    const unstamped = host();
    const mine = host();
    stampHost(mine, '1.0.0', 'mine');
    document.body.append(old, unstamped, mine);
    expect(removeOtherHosts(document, mine)).toBe(2);
    expect([...document.querySelectorAll(HOST_TAG)]).toEqual([mine]);
  });

  it('stops key events at the host, so the page’s hotkey handler never hears typing in the panel', () => {
    const panel = host();
    const button = panel.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    document.body.append(panel);
    isolateKeys(panel);
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true, composed: true }));
    expect(heard).not.toHaveBeenCalled();
    // Control: the same key outside the panel reaches the page.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    expect(heard).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', heard);
  });
});
