// The one-host rule at the panel's host (and its standby).
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_TAG, removeOtherHosts, STANDBY_TAG } from '../../../lib/page/panel-host';

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
    const oldStandby = document.createElement(STANDBY_TAG);
    const mine = host();
    const myStandby = document.createElement(STANDBY_TAG);
    document.body.append(old, unstamped, oldStandby, mine, myStandby);
    expect(removeOtherHosts(document, [mine, myStandby])).toBe(3);
    expect([...document.querySelectorAll(`${HOST_TAG}, ${STANDBY_TAG}`)]).toEqual([mine, myStandby]);
  });
});
