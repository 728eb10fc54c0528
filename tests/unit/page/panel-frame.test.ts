// The panel's host in the page and the private channel between the content script and the panel
// frame: both ends as the content script and the panel page build them, with the browser's part
// (loading the frame, delivering a message only to the origin it is addressed to) played here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelFrame } from '../../../lib/page/panel-frame';
import { linkToContentScript } from '../../../lib/page/panel-frame-link';
import type { FromFrame, ToFrame } from '../../../lib/page/panel-frame-messages';
import type { PanelViewState } from '../../../lib/page/panel-state';

const PAGE_URL = 'chrome-extension://k1dyn4m1c/panel.html';
const FRAME_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

const state = (recordKey: string): PanelViewState => ({
  recordKey,
  body: { kind: 'loading' },
  language: 'en',
  timeZone: 'UTC',
  refreshing: false,
  dataCentreMismatch: null,
});

/** The frame's window as the panel page sees it: its address, its parent (this window), its messages. */
type FrameWindow = EventTarget & { location: URL; parent: Window };

/** Shadow roots created meanwhile (closed ones included): the test's view, as DevTools would show them. */
let roots: ShadowRoot[];

beforeEach(() => {
  document.body.replaceChildren();
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

/** A panel frame; `inPage` puts its host into the document (happy-dom then logs that it loads no frame pages). */
function setUp({ inPage = false } = {}) {
  const onRefresh = vi.fn();
  const onOpenOptions = vi.fn();
  const panel = createPanelFrame({ doc: document, pageUrl: PAGE_URL, frameOrigin: FRAME_ORIGIN, onRefresh, onOpenOptions });
  if (inPage) document.body.append(panel.host);
  const iframe = roots[0]!.querySelector('iframe')!;
  /** Every postMessage the content script made to the frame, with the origin it addressed. */
  const posted: { data: unknown; origin: string }[] = [];
  /** The browser loads a document into the frame (the panel page unless `origin` says otherwise) and fires `load`: that document's end. */
  const load = (origin = FRAME_ORIGIN) => {
    const win: FrameWindow = Object.assign(new EventTarget(), { location: new URL(iframe.src), parent: window });
    Object.defineProperty(iframe, 'contentWindow', {
      configurable: true,
      value: {
        postMessage(data: unknown, targetOrigin: string, transfer: MessagePort[] = []) {
          posted.push({ data, origin: targetOrigin });
          if (targetOrigin === origin) win.dispatchEvent(new MessageEvent('message', { data, source: window, ports: transfer }));
        },
      },
    });
    const side = frameSide(win);
    iframe.dispatchEvent(new Event('load'));
    return side;
  };
  return { panel, iframe, posted, load, onRefresh, onOpenOptions };
}

/** The panel page's end: what it received from the content script. */
function frameSide(win: FrameWindow) {
  const received: ToFrame[] = [];
  const link = linkToContentScript(win as unknown as Window, (message) => received.push(message));
  return { received, send: (message: FromFrame) => link.send(message) };
}

/** Lets posted channel messages arrive. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the panel host in the CRM page', () => {
  it('is a bare element with a closed shadow root: no version, no extension address, no way in', () => {
    const { panel, iframe } = setUp({ inPage: true });
    expect(panel.host.outerHTML).toBe('<desklink-panel></desklink-panel>');
    expect(panel.host.shadowRoot).toBeNull();
    expect(document.documentElement.outerHTML).not.toMatch(/extension:\/\//);
    // The frame's address lives only inside the closed root, with a token after '#'.
    expect(iframe.src).toMatch(/^chrome-extension:\/\/k1dyn4m1c\/panel\.html#[0-9a-f]{32}$/);
  });

  it('each panel gets its own token', () => {
    const first = setUp().iframe.src;
    roots.length = 0;
    expect(setUp().iframe.src).not.toBe(first);
  });
});

describe('the channel to the panel frame', () => {
  it('opens on load, addressed to the panel page’s origin only, and carries the latest state', async () => {
    const { panel, load, posted } = setUp();
    panel.draw(state('Contacts/1'));
    panel.draw(state('Contacts/2'));
    const frame = load();
    await delivered();
    expect(posted.map((message) => message.origin)).toEqual([FRAME_ORIGIN]);
    expect(frame.received).toEqual([{ kind: 'draw', state: state('Contacts/2') }]);
    panel.draw(null);
    await delivered();
    expect(frame.received.at(-1)).toEqual({ kind: 'clear' });
  });

  it('a frame some script navigated elsewhere gets nothing', async () => {
    const { panel, load } = setUp();
    panel.draw(state('Contacts/1'));
    const elsewhere = load('https://evil.example');
    await delivered();
    expect(elsewhere.received).toEqual([]);
  });

  it('passes Refresh and the set-up link to the content script, and sizes the frame to the panel', async () => {
    const { load, onRefresh, onOpenOptions, iframe } = setUp();
    const frame = load();
    await delivered();
    frame.send({ kind: 'refresh' });
    frame.send({ kind: 'openOptions' });
    frame.send({ kind: 'layout', height: 311.4, title: 'Zoho Desk tickets' });
    await delivered();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    expect(iframe.style.height).toBe('312px');
    expect(iframe.title).toBe('Zoho Desk tickets');
  });

  it('a reloaded frame (the host put back after CRM re-rendered) gets a new channel and the latest state', async () => {
    const { panel, load, onRefresh } = setUp();
    panel.draw(state('Contacts/1'));
    const first = load();
    await delivered();
    panel.draw(state('Contacts/2'));
    const second = load();
    await delivered();
    expect(second.received).toEqual([{ kind: 'draw', state: state('Contacts/2') }]);
    // The first document's channel is closed: nothing it sends is acted on.
    first.send({ kind: 'refresh' });
    await delivered();
    expect(onRefresh).not.toHaveBeenCalled();
  });
});

describe('the panel frame’s end of the channel', () => {
  /** A frame window whose address carries `token`; messages posted to it by "some script in the parent window". */
  function frameWith(token: string) {
    const win: FrameWindow = Object.assign(new EventTarget(), { location: new URL(`${PAGE_URL}#${token}`), parent: window });
    const side = frameSide(win);
    const hello = (
      data: unknown,
      { source = window, withPort = true }: { source?: MessageEventSource | null; withPort?: boolean } = {},
    ) => {
      const channel = new MessageChannel();
      const heard: unknown[] = [];
      channel.port1.addEventListener('message', (event) => heard.push(event.data));
      channel.port1.start();
      win.dispatchEvent(new MessageEvent('message', { data, source, ports: withPort ? [channel.port2] : [] }));
      return { port: channel.port1, heard };
    };
    return { side, hello };
  }

  it('accepts only the first hello that carries its token, from its parent, with a channel', async () => {
    const { side, hello } = frameWith('5ec7e7');
    const wrongToken = hello({ desklinkPanel: 'guess' });
    const noToken = hello({});
    const notParent = hello({ desklinkPanel: '5ec7e7' }, { source: null });
    hello({ desklinkPanel: '5ec7e7' }, { withPort: false });
    const real = hello({ desklinkPanel: '5ec7e7' });
    const replay = hello({ desklinkPanel: '5ec7e7' });
    for (const forged of [wrongToken, noToken, notParent, replay]) forged.port.postMessage({ kind: 'draw', state: state('Forged/1') });
    real.port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    side.send({ kind: 'refresh' });
    await delivered();
    expect(side.received).toEqual([{ kind: 'draw', state: state('Contacts/1') }]);
    expect(real.heard).toEqual([{ kind: 'refresh' }]);
    for (const forged of [wrongToken, noToken, notParent, replay]) expect(forged.heard).toEqual([]);
  });

  it('a frame opened without a token (not framed by DeskLink) accepts nothing', async () => {
    const { side, hello } = frameWith('');
    const forged = hello({ desklinkPanel: '' });
    forged.port.postMessage({ kind: 'draw', state: state('Forged/1') });
    await delivered();
    expect(side.received).toEqual([]);
  });

  it('keeps the latest layout until the channel opens; drops presses before it', async () => {
    const { side, hello } = frameWith('5ec7e7');
    side.send({ kind: 'layout', height: 10, title: 'a' });
    side.send({ kind: 'refresh' });
    side.send({ kind: 'layout', height: 20, title: 'b' });
    const real = hello({ desklinkPanel: '5ec7e7' });
    await delivered();
    expect(real.heard).toEqual([{ kind: 'layout', height: 20, title: 'b' }]);
  });
});
