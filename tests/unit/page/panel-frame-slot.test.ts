// One panel frame and its private channel, both ends as the content script and the panel page
// build them, with the browser's part (loading the frame, delivering a message only to the
// origin it is addressed to) played here.
import { describe, expect, it } from 'vitest';
import { createFrameSlot } from '../../../lib/page/panel-frame-slot';
import type { FromFrame } from '../../../lib/page/panel-frame-messages';
import {
  delivered,
  frameSide,
  FRAME_ORIGIN,
  loadInto,
  PAGE_URL,
  panelState as state,
  type FrameWindow,
} from '../support/panel-frame-browser';

function slot() {
  const heard: FromFrame[] = [];
  const created = createFrameSlot({
    doc: document,
    pageUrl: PAGE_URL,
    frameOrigin: FRAME_ORIGIN,
    receive: (message) => heard.push(message),
  });
  return { slot: created, heard };
}

describe('a panel frame', () => {
  it('has the panel page’s address with a token of its own after #', () => {
    const first = slot().slot.iframe.src;
    expect(first).toMatch(/^chrome-extension:\/\/k1dyn4m1c\/panel\.html#[0-9a-f]{32}$/);
    expect(slot().slot.iframe.src).not.toBe(first);
  });

  it('opens the channel on load, addressed to the panel page’s origin only, and sends the latest message', async () => {
    const { slot: frame } = slot();
    frame.send({ kind: 'draw', state: state('Contacts/1') });
    frame.send({ kind: 'draw', state: state('Contacts/2') });
    const page = loadInto(frame.iframe);
    await delivered();
    expect(page.posted).toEqual([FRAME_ORIGIN]);
    expect(page.received).toEqual([{ kind: 'draw', state: state('Contacts/2') }]);
    frame.send({ kind: 'clear' });
    await delivered();
    expect(page.received.at(-1)).toEqual({ kind: 'clear' });
  });

  it('a frame some script navigated elsewhere gets nothing', async () => {
    const { slot: frame } = slot();
    frame.send({ kind: 'draw', state: state('Contacts/1') });
    const elsewhere = loadInto(frame.iframe, 'https://evil.example');
    await delivered();
    expect(elsewhere.received).toEqual([]);
  });

  it('passes on what the panel page sends', async () => {
    const { slot: frame, heard } = slot();
    const page = loadInto(frame.iframe);
    await delivered();
    page.send({ kind: 'refresh' });
    page.send({ kind: 'layout', height: 10, width: 640, title: 'Zoho Desk tickets' });
    await delivered();
    expect(heard).toEqual([{ kind: 'refresh' }, { kind: 'layout', height: 10, width: 640, title: 'Zoho Desk tickets' }]);
  });

  it('a document loaded again gets a new channel and the latest message; the old channel is closed', async () => {
    const { slot: frame, heard } = slot();
    frame.send({ kind: 'draw', state: state('Contacts/1') });
    const first = loadInto(frame.iframe);
    await delivered();
    frame.send({ kind: 'draw', state: state('Contacts/2') });
    const second = loadInto(frame.iframe);
    await delivered();
    expect(second.received).toEqual([{ kind: 'draw', state: state('Contacts/2') }]);
    first.send({ kind: 'refresh' });
    await delivered();
    expect(heard).toEqual([]);
  });

  it('dispose closes the channel and takes the frame out', async () => {
    const { slot: frame, heard } = slot();
    document.body.append(frame.iframe);
    const page = loadInto(frame.iframe);
    await delivered();
    frame.dispose();
    page.send({ kind: 'refresh' });
    await delivered();
    expect(heard).toEqual([]);
    expect(frame.iframe.isConnected).toBe(false);
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
    side.send({ kind: 'layout', height: 10, width: 640, title: 'a' });
    side.send({ kind: 'refresh' });
    side.send({ kind: 'layout', height: 20, width: 640, title: 'b' });
    const real = hello({ desklinkPanel: '5ec7e7' });
    await delivered();
    expect(real.heard).toEqual([{ kind: 'layout', height: 20, width: 640, title: 'b' }]);
  });
});
