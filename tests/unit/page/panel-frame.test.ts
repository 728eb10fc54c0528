// The panel's footprint in the CRM page: a bare host with a closed shadow root holding the panel
// frame, and the standby frame that takes over, already loaded, when CRM puts the host back.
// (happy-dom loads no frame pages and logs so for each frame put into the page; the tests play
// the browser's part with loadInto.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelFrame } from '../../../lib/page/panel-frame';
import { HOST_TAG, STANDBY_TAG } from '../../../lib/page/panel-host';
import { delivered, FRAME_ORIGIN, loadInto, PAGE_URL, panelState as state } from '../support/panel-frame-browser';

/** Shadow roots created meanwhile, closed ones included (the test's view, as DevTools shows them): host first, then standby. */
let roots: ShadowRoot[];

beforeEach(() => {
  document.body.innerHTML = '<div id="crmContent"><div id="relatedList1"></div></div>';
  roots = [];
  const attach = Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow')!.value as (
    this: Element,
    init: ShadowRootInit,
  ) => ShadowRoot;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});
afterEach(() => vi.restoreAllMocks());

function setUp() {
  const onRefresh = vi.fn();
  const onOpenOptions = vi.fn();
  const panel = createPanelFrame({ doc: document, pageUrl: PAGE_URL, frameOrigin: FRAME_ORIGIN, onRefresh, onOpenOptions });
  const beforeRelatedList = (host: HTMLElement) => document.getElementById('relatedList1')!.before(host);
  /** The frames in the host's closed root now. */
  const hostFrames = () => [...roots[0]!.querySelectorAll('iframe')];
  const standbyFrames = () => [...(roots[1]?.querySelectorAll('iframe') ?? [])];
  /** The shown frame is idle (the standby loads), then CRM renders `record` and puts the host back: the frame that took over. */
  const renderAgain = async (shown: ReturnType<typeof loadInto>, record: string) => {
    shown.send({ kind: 'idle' });
    await delivered();
    const next = loadInto(standbyFrames()[0]!);
    document.body.querySelector('#crmContent')!.innerHTML = '<div id="relatedList1"></div>';
    panel.draw(state(record));
    panel.placeWith(beforeRelatedList);
    await delivered();
    return next;
  };
  return { panel, onRefresh, onOpenOptions, beforeRelatedList, hostFrames, standbyFrames, renderAgain };
}

describe('the panel host in the CRM page', () => {
  it('is a bare element with a closed shadow root: no version, no extension address, no way in', () => {
    const { panel, beforeRelatedList, hostFrames } = setUp();
    panel.placeWith(beforeRelatedList);
    expect(panel.host.outerHTML).toBe('<desklink-panel></desklink-panel>');
    expect(panel.host.shadowRoot).toBeNull();
    expect(hostFrames()).toHaveLength(1);
    expect(document.documentElement.outerHTML).not.toMatch(/extension:\/\//);
  });

  it('shows the latest state in its frame and passes on what the user pressed there; the frame is as tall as the panel', async () => {
    const { panel, beforeRelatedList, hostFrames, onRefresh, onOpenOptions } = setUp();
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    const frame = hostFrames()[0]!;
    const page = loadInto(frame);
    await delivered();
    expect(page.received).toEqual([{ kind: 'draw', state: state('Contacts/1') }]);
    page.send({ kind: 'refresh' });
    page.send({ kind: 'openOptions' });
    page.send({ kind: 'layout', height: 311.4, width: 640, title: 'Zoho Desk tickets' });
    await delivered();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    expect(frame.style.height).toBe('312px');
    expect(frame.title).toBe('Zoho Desk tickets');
  });
});

describe('a preview asked in the frame', () => {
  it('reaches the session with its ticket id; an id that is not digits never does; the frame may write the clipboard', async () => {
    const onPreview = vi.fn();
    const panel = createPanelFrame({
      doc: document,
      pageUrl: PAGE_URL,
      frameOrigin: FRAME_ORIGIN,
      onRefresh: vi.fn(),
      onOpenOptions: vi.fn(),
      onPreview,
    });
    panel.draw(state('Contacts/1'));
    panel.placeWith((host) => document.getElementById('relatedList1')!.before(host));
    const frame = [...roots[0]!.querySelectorAll('iframe')][0]!;
    expect(frame.allow).toBe('clipboard-write');
    const page = loadInto(frame);
    await delivered();
    page.send({ kind: 'preview', ticketId: '1892000000093001' });
    page.send({ kind: 'preview', ticketId: '../organizations' } as never);
    page.send({ kind: 'preview', ticketId: 42 } as never);
    await delivered();
    expect(onPreview.mock.calls).toEqual([['1892000000093001']]);
  });
});

describe('the standby frame', () => {
  it('loads once the shown frame has drawn and says it is idle, out of everyone’s reach, rehearses that state and does nothing anyone could press', async () => {
    const { panel, beforeRelatedList, hostFrames, standbyFrames, onRefresh } = setUp();
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    expect(document.querySelector(STANDBY_TAG)).toBeNull();
    const shown = loadInto(hostFrames()[0]!);
    shown.send({ kind: 'layout', height: 300, width: 640, title: 'Zoho Desk tickets' });
    await delivered();
    // Drawn but not yet painted: loading another page in the extension's process now would hold up that paint.
    expect(document.querySelector(STANDBY_TAG)).toBeNull();
    shown.send({ kind: 'idle' });
    await delivered();
    const standby = document.querySelector(STANDBY_TAG)!;
    expect(standby.outerHTML).toBe(`<${STANDBY_TAG}></${STANDBY_TAG}>`);
    expect(standby.parentElement).toBe(document.body);
    expect(standbyFrames()).toHaveLength(1);
    const frame = standbyFrames()[0]!;
    // Rendered (a browser stops drawing a frame without a box), but inert and hidden from assistive technology.
    expect([frame.hasAttribute('inert'), frame.getAttribute('aria-hidden'), frame.tabIndex]).toEqual([true, 'true', -1]);
    // As wide as the shown frame, so that its first draw lays out at the width it is shown at.
    expect(frame.style.width).toBe('640px');
    expect(roots[1]!.querySelector('style')!.textContent).not.toMatch(/display:\s*none/);
    const waiting = loadInto(frame);
    waiting.send({ kind: 'refresh' });
    waiting.send({ kind: 'idle' });
    shown.send({ kind: 'idle' });
    await delivered();
    expect(waiting.received).toEqual([{ kind: 'rehearse', state: state('Contacts/1') }]);
    expect(onRefresh).not.toHaveBeenCalled();
    expect(standbyFrames()).toEqual([frame]);
    expect(panel.elements()).toEqual([panel.host, standby]);
  });

  it('when CRM puts the host back, the standby frame moves into it and shows the latest state at once', async () => {
    const { panel, beforeRelatedList, hostFrames, standbyFrames, onRefresh } = setUp();
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    const first = hostFrames()[0]!;
    const lost = loadInto(first);
    lost.send({ kind: 'layout', height: 300, width: 640, title: 'Zoho Desk tickets' });
    lost.send({ kind: 'idle' });
    await delivered();
    const next = standbyFrames()[0]!;
    const waiting = loadInto(next);
    // The browsers' moveBefore (happy-dom has none): the frame moves, keeping its document.
    const moved: Node[] = [];
    Object.assign(roots[0]!, {
      moveBefore: (node: Node, before: Node | null) => {
        moved.push(node);
        roots[0]!.insertBefore(node, before);
      },
    });

    // CRM replaces its content, the host with it; the next record's state; the host goes back.
    document.body.querySelector('#crmContent')!.innerHTML = '<div id="relatedList1"></div>';
    panel.draw(state('Leads/2'));
    panel.placeWith(beforeRelatedList);
    expect(moved).toEqual([next]);
    expect(hostFrames()).toEqual([next]);
    expect([next.hasAttribute('inert'), next.hasAttribute('aria-hidden'), next.hasAttribute('tabindex')]).toEqual([false, false, false]);
    expect(next.style.width).toBe('');
    expect(first.isConnected).toBe(false);
    // As tall as the panel it replaces until it reports its own height.
    expect(next.style.height).toBe('300px');
    await delivered();
    expect(waiting.received.at(-1)).toEqual({ kind: 'draw', state: state('Leads/2') });
    // The frame CRM took out of the page is sent nothing more (its process would draw it for no one).
    expect(lost.received).toEqual([{ kind: 'draw', state: state('Contacts/1') }]);
    waiting.send({ kind: 'refresh' });
    await delivered();
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('the frame that takes over the same record gets what the rep set in the lost one; another record, or word from a waiting frame, gets nothing', async () => {
    const { panel, beforeRelatedList, hostFrames, standbyFrames, renderAgain } = setUp();
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    const lost = loadInto(hostFrames()[0]!);
    const ui = { query: 'invoice', tab: 'open', shown: 20, open: ['1892000000093001'], composing: false } as const;
    lost.send({ kind: 'ui', recordKey: 'Contacts/1', ui: { ...ui, open: [...ui.open] } });
    lost.send({ kind: 'layout', height: 300, width: 640, title: 'Zoho Desk tickets' });
    lost.send({ kind: 'idle' });
    await delivered();
    const moved = standbyFrames()[0]!;
    const waiting = loadInto(moved);
    // A waiting frame has nothing the rep set; a malformed word is dropped.
    waiting.send({ kind: 'ui', recordKey: 'Contacts/1', ui: { ...ui, query: 'from the waiting frame', open: [] } });
    lost.send({ kind: 'ui', recordKey: 'Contacts/1', ui: { ...ui, open: ['../organizations'] } });
    await delivered();
    Object.assign(roots[0]!, { moveBefore: (node: Node, before: Node | null) => roots[0]!.insertBefore(node, before) });

    // CRM renders the same record again.
    document.body.querySelector('#crmContent')!.innerHTML = '<div id="relatedList1"></div>';
    panel.placeWith(beforeRelatedList);
    await delivered();
    expect(waiting.received.at(-1)).toEqual({ kind: 'draw', state: state('Contacts/1'), ui });

    // Then another record, and the first one again: each starts from nothing.
    expect(hostFrames()).toEqual([moved]);
    let shown = waiting;
    for (const record of ['Leads/2', 'Contacts/1']) {
      shown = await renderAgain(shown, record);
      expect(shown.received.at(-1)).toEqual({ kind: 'draw', state: state(record) });
    }
  });

  it('the frame that takes over the same record puts the focus back on the control that had it; not once the rep went to CRM, nor on another record', async () => {
    const { panel, beforeRelatedList, hostFrames, renderAgain } = setUp();
    const search = { tag: 'input', role: '', name: 'Search tickets', nth: 0 };
    const crmField = document.createElement('input');
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    let shown = loadInto(hostFrames()[0]!);
    Object.assign(roots[0]!, { moveBefore: (node: Node, before: Node | null) => roots[0]!.insertBefore(node, before) });
    /** CRM renders `record` again: what the frame that takes over receives once shown. */
    const takenOver = async (record = 'Contacts/1') => {
      shown = await renderAgain(shown, record);
      return shown.received.filter((message) => message.kind !== 'rehearse');
    };

    shown.send({ kind: 'focused', recordKey: 'Contacts/1', focus: search });
    expect(await takenOver()).toEqual([
      { kind: 'draw', state: state('Contacts/1') },
      { kind: 'focus', control: search },
    ]);

    // The rep tabbed into CRM: its field has the focus before the frame's word of it arrives.
    shown.send({ kind: 'focused', recordKey: 'Contacts/1', focus: search });
    await delivered();
    document.body.append(crmField);
    crmField.focus();
    crmField.blur();
    expect(await takenOver()).toEqual([{ kind: 'draw', state: state('Contacts/1') }]);

    // The frame said the focus left it; a description that is not one; another record.
    for (const [focus, record] of [
      [null, 'Contacts/1'],
      [{ ...search, tag: 'input onfocus' }, 'Contacts/1'],
      [search, 'Leads/2'],
    ] as const) {
      shown.send({ kind: 'focused', recordKey: 'Contacts/1', focus: search });
      if (focus !== search) shown.send({ kind: 'focused', recordKey: 'Contacts/1', focus });
      expect(await takenOver(record)).toEqual([{ kind: 'draw', state: state(record) }]);
    }
  });

  it('without moveBefore, the host gets a new frame instead, never the lost one loaded again', async () => {
    const { panel, beforeRelatedList, hostFrames } = setUp();
    panel.placeWith(beforeRelatedList);
    const first = hostFrames()[0]!;
    const shown = loadInto(first);
    shown.send({ kind: 'layout', height: 300, width: 640, title: 'Zoho Desk tickets' });
    shown.send({ kind: 'idle' });
    await delivered();
    document.body.querySelector('#crmContent')!.innerHTML = '<div id="relatedList1"></div>';
    panel.placeWith(beforeRelatedList);
    expect(hostFrames()).toHaveLength(1);
    expect(hostFrames()[0]).not.toBe(first);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('a frame loaded again in place (its host moved in the page without moveBefore) starts from what the rep set', async () => {
    const { panel, beforeRelatedList, hostFrames } = setUp();
    panel.draw(state('Contacts/1'));
    panel.placeWith(beforeRelatedList);
    const frame = hostFrames()[0]!;
    const before = loadInto(frame);
    const ui = { query: '', tab: 'all', shown: 10, open: [], composing: true } as const;
    before.send({ kind: 'ui', recordKey: 'Contacts/1', ui: { ...ui, open: [] } });
    await delivered();
    // The host is inserted elsewhere in the page: the browser loads the same frame's page again.
    const again = loadInto(frame);
    await delivered();
    expect(again.received.at(-1)).toEqual({ kind: 'draw', state: state('Contacts/1'), ui });
  });

  it('remove takes the host and the standby out of the page', async () => {
    const { panel, beforeRelatedList, hostFrames } = setUp();
    panel.placeWith(beforeRelatedList);
    const shown = loadInto(hostFrames()[0]!);
    shown.send({ kind: 'layout', height: 300, width: 640, title: 'Zoho Desk tickets' });
    shown.send({ kind: 'idle' });
    await delivered();
    expect(document.querySelectorAll(`${HOST_TAG}, ${STANDBY_TAG}`)).toHaveLength(2);
    panel.remove();
    expect(document.querySelectorAll(`${HOST_TAG}, ${STANDBY_TAG}`)).toHaveLength(0);
  });
});
