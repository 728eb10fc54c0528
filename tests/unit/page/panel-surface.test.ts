// The panel surface's lifecycle, with WXT's own content-script context as the content script
// builds it and a stand-in for the panel frame that records what it was asked to draw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_TAG } from '../../../lib/page/panel-host';
import type { PanelViewState } from '../../../lib/page/panel-state';
import { createPanelSurface } from '../../../lib/page/panel-surface';

const RECORD_PAGE = `<div id="crmNextGenTopMenu"></div>
  <div id="crmContent"><div class="dv_main"><div id="overview"></div><div id="relatedList1"></div><div id="relatedList2"></div></div></div>`;

const state = (recordKey: string): PanelViewState => ({
  recordKey,
  body: { kind: 'loading' },
  language: 'en',
  timeZone: 'UTC',
  refreshing: false,
  dataCentreMismatch: null,
});

const hosts = () => [...document.querySelectorAll(HOST_TAG)];
const beforeFirstRelatedList = (host: Element | undefined) => host?.nextElementSibling?.id === 'relatedList1';

/** happy-dom runs no CSS animations: announce a newly rendered element as the browser would. */
function rendered(element: Element) {
  element.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'desklink-element-seen', bubbles: true }));
}

let ctx: ContentScriptContext;

function surface() {
  /** What the frame was asked to draw, in order (null: nothing). */
  const draws: (PanelViewState | null)[] = [];
  /** The frame's Refresh button: what the surface handed it. */
  let press: () => void = () => undefined;
  const created = createPanelSurface({
    doc: document,
    context: ctx,
    createFrame: (refresh) => {
      press = refresh;
      const host = document.createElement(HOST_TAG);
      return {
        host,
        elements: () => [host],
        placeWith: (put) => put(host),
        draw: (drawn) => void draws.push(drawn),
        focus: () => undefined,
        remove: () => host.remove(),
      };
    },
  });
  /** The record the frame shows now, or null without a host in the page. */
  const drawn = () => (hosts().length > 0 ? (draws.at(-1)?.recordKey ?? null) : null);
  return { surface: created, draws, drawn, pressRefresh: () => press() };
}

beforeEach(() => {
  document.body.innerHTML = RECORD_PAGE;
  ctx = new ContentScriptContext('crm');
});
afterEach(() => ctx.abort());

describe('panel surface', () => {
  it('mounts one bare host before CRM’s first related list, drawn with the latest state', async () => {
    const { surface: panel, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    panel.show(state('Contacts/2'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/2'));
    expect(hosts()).toHaveLength(1);
    expect(beforeFirstRelatedList(hosts()[0])).toBe(true);
    // Nothing on it names DeskLink's version or address.
    expect(hosts()[0]!.attributes).toHaveLength(0);
  });

  it('removes a host an older instance left in the page, at once and when one appears later', async () => {
    const leftover = document.createElement(HOST_TAG);
    leftover.setAttribute('data-desklink-version', '0.0.1');
    document.body.prepend(leftover);
    const { surface: panel, drawn } = surface();
    expect(leftover.isConnected).toBe(false);
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    // An older instance puts its host back; CRM then re-renders the related lists.
    document.body.prepend(leftover);
    const relatedList = document.getElementById('relatedList1')!;
    relatedList.replaceWith(relatedList.cloneNode());
    rendered(document.getElementById('relatedList1')!);
    await vi.waitFor(() => expect(leftover.isConnected).toBe(false));
    expect(hosts()).toHaveLength(1);
  });

  it('puts the same host back when CRM re-renders the section holding it', async () => {
    const { surface: panel, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    const host = hosts()[0]!;
    // CRM re-renders the container's children (the panel's parent drops it).
    document.querySelector('.dv_main')!.innerHTML = '<div id="overview"></div><div id="relatedList1"></div>';
    await vi.waitFor(() => expect(beforeFirstRelatedList(hosts()[0])).toBe(true));
    expect(hosts()).toEqual([host]);
    expect(drawn()).toBe('Contacts/1');
  });

  it('puts the same host back when CRM replaces its whole content (the panel’s parent with it)', async () => {
    const { surface: panel, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    const host = hosts()[0]!;
    const content = Object.assign(document.createElement('div'), {
      id: 'crmContent',
      innerHTML: '<div class="dv_main"><div id="relatedList1"></div></div>',
    });
    document.getElementById('crmContent')!.replaceWith(content);
    expect(host.isConnected).toBe(false);
    // Seen in the same task's microtasks: no animation event (they come frames later) is needed.
    await Promise.resolve();
    expect(host.isConnected).toBe(true);
    expect(hosts()).toEqual([host]);
    expect(host.closest('#crmContent')).toBe(content);
    expect(beforeFirstRelatedList(host)).toBe(true);
  });

  it('puts the host back when its anchors render after the content that took it out', async () => {
    const { surface: panel, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    const host = hosts()[0]!;
    // CRM's new content comes first without its related lists: the host waits at the fallback.
    document.getElementById('crmContent')!.replaceWith(Object.assign(document.createElement('div'), { id: 'crmContent' }));
    await Promise.resolve();
    expect(host.previousElementSibling?.id).toBe('crmNextGenTopMenu');
    document.getElementById('crmContent')!.innerHTML = '<div class="dv_main"><div id="relatedList1"></div></div>';
    rendered(document.getElementById('relatedList1')!);
    await vi.waitFor(() => expect(beforeFirstRelatedList(host)).toBe(true));
    expect(hosts()).toEqual([host]);
  });

  it('hide takes the panel off the page and stops following CRM; show brings the one host back', async () => {
    const { surface: panel, draws, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    const host = hosts()[0]!;
    panel.hide();
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    expect(draws.at(-1)).toBeNull();
    // Hidden: CRM rendering new related lists brings nothing back.
    const relatedList = document.getElementById('relatedList1')!;
    relatedList.replaceWith(relatedList.cloneNode());
    rendered(document.getElementById('relatedList1')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hosts()).toHaveLength(0);

    panel.show(state('Leads/2'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Leads/2'));
    expect(hosts()).toEqual([host]);
    expect(beforeFirstRelatedList(host)).toBe(true);
  });

  it('a hide followed at once by a show keeps the panel, never emptied in between', async () => {
    const { surface: panel, draws, drawn } = surface();
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    panel.hide();
    panel.show(state('Leads/2'), { refresh: () => undefined });
    await vi.waitFor(() => expect(drawn()).toBe('Leads/2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hosts()).toHaveLength(1);
    expect(draws).not.toContain(null);
  });

  it('invalidation removes the panel and every watch; later calls and Refresh do nothing', async () => {
    const refresh = vi.fn();
    const { surface: panel, draws, drawn, pressRefresh } = surface();
    panel.show(state('Contacts/1'), { refresh });
    await vi.waitFor(() => expect(drawn()).toBe('Contacts/1'));
    pressRefresh();
    expect(refresh).toHaveBeenCalledTimes(1);

    ctx.abort();
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    expect(draws.at(-1)).toBeNull();
    // The element watcher's style left with the last watch.
    expect(document.querySelector('style[data-desklink]')).toBeNull();
    pressRefresh();
    expect(refresh).toHaveBeenCalledTimes(1);
    const count = draws.length;
    panel.show(state('Leads/2'), { refresh });
    const relatedList = document.getElementById('relatedList1')!;
    relatedList.replaceWith(relatedList.cloneNode());
    rendered(document.getElementById('relatedList1')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hosts()).toHaveLength(0);
    expect(draws).toHaveLength(count);
  });
});

describe('panel surface and the rail item', () => {
  it('gives the rail item the label in the panel’s language and the open count, and its press focuses the panel while shown', () => {
    const shown: [string, number | null][] = [];
    let press = () => undefined as void;
    const focus = vi.fn();
    const host = document.createElement(HOST_TAG);
    const panel = createPanelSurface({
      doc: document,
      context: ctx,
      createFrame: () => ({
        host,
        elements: () => [host],
        placeWith: (put) => put(host),
        draw: () => undefined,
        focus,
        remove: () => host.remove(),
      }),
      createRail: (onActivate) => {
        press = onActivate;
        return { show: (label, count) => void shown.push([label, count]), hide: () => void shown.push(['hidden', null]) };
      },
    });
    panel.show(state('Contacts/1'), { refresh: () => undefined });
    const ticket = (statusType: 'Open' | 'Closed', id: string) =>
      ({
        id,
        ticketNumber: id,
        subject: null,
        status: null,
        statusType,
        priority: null,
        dueDate: null,
        isOverDue: false,
        createdTime: null,
        modifiedTime: null,
        assigneeName: null,
        webUrl: null,
      }) as const;
    const view = {
      tickets: [ticket('Open', '1'), ticket('Closed', '2'), ticket('Open', '3')],
      fetchedAt: 1,
      stale: false,
      revalidating: false,
      truncated: false,
    };
    panel.show({ ...state('Contacts/1'), language: 'ja', body: { kind: 'tickets', view } }, { refresh: () => undefined });
    expect(shown).toEqual([
      ['Zoho Desk tickets', null],
      ['Zoho Desk の問い合わせ', 2],
    ]);
    press();
    expect(focus).toHaveBeenCalledTimes(1);
    panel.hide();
    expect(shown.at(-1)).toEqual(['hidden', null]);
    press();
    expect(focus).toHaveBeenCalledTimes(1);
  });
});
