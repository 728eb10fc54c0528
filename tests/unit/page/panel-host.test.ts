// The one-host rule at the panel's host.
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_TAG, removeOtherHosts } from '../../../lib/page/panel-host';

const host = () => document.createElement(HOST_TAG);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('panel hosts', () => {
  it('removes hosts of other instances (an older version left in the tab) and keeps its own', () => {
    const old = host();
    old.setAttribute('data-desklink-version', '0.0.1');
    old.setAttribute('data-desklink-instance', 'old');
    const unstamped = host();
    const mine = host();
    document.body.append(old, unstamped, mine);
    expect(removeOtherHosts(document, mine)).toBe(2);
    expect([...document.querySelectorAll(HOST_TAG)]).toEqual([mine]);
  });
});
