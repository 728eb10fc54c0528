// The panel frame's side: what it draws, when it draws again, and what it tells the content script.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runPanelFrameView } from '../../../lib/page/panel-frame-view';
import type { FromFrame } from '../../../lib/page/panel-frame-messages';
import type { PanelViewState } from '../../../lib/page/panel-state';

const TOKEN = '0123456789abcdef';

type PanelActions = Parameters<Parameters<typeof runPanelFrameView>[0]['draw']>[1];

const state = (recordKey: string, language: PanelViewState['language'] = 'en'): PanelViewState => ({
  recordKey,
  body: { kind: 'loading' },
  language,
  timeZone: 'UTC',
  refreshing: false,
  dataCentreMismatch: null,
});

let visibility: DocumentVisibilityState;

beforeEach(() => {
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  document.title = '';
});

/** The panel page framed by a content script: the frame's window, the content script's end of the channel. */
function framed() {
  const win = Object.assign(new EventTarget(), { document, location: new URL(`chrome-extension://x/panel.html#${TOKEN}`), parent: window });
  const draws: { state: PanelViewState | null; actions: PanelActions }[] = [];
  const rehearsals: { state: PanelViewState; actions: PanelActions }[] = [];
  runPanelFrameView({
    win: win as unknown as Window,
    draw: (drawn, actions) => draws.push({ state: drawn, actions }),
    rehearse: (rehearsed, actions) => rehearsals.push({ state: rehearsed, actions }),
  });
  const channel = new MessageChannel();
  const heard: FromFrame[] = [];
  channel.port1.addEventListener('message', (event: MessageEvent<FromFrame>) => heard.push(event.data));
  channel.port1.start();
  win.dispatchEvent(new MessageEvent('message', { data: { desklinkPanel: TOKEN }, source: window, ports: [channel.port2] }));
  return { draws, rehearsals, heard, port: channel.port1 };
}

const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the panel frame view', () => {
  it('draws what the content script sends, named in its language, and reports its layout', async () => {
    const { draws, heard, port } = framed();
    port.postMessage({ kind: 'draw', state: state('Contacts/1', 'ja') });
    // Channel messages arrive in a later task: wait for them, however busy the machine.
    await vi.waitFor(() => expect(draws.map((draw) => draw.state?.recordKey)).toEqual(['Contacts/1']));
    expect(document.title).toBe('Zoho Desk の問い合わせ');
    expect(heard).toContainEqual(expect.objectContaining({ kind: 'layout', title: 'Zoho Desk の問い合わせ' }));
    port.postMessage({ kind: 'clear' });
    await vi.waitFor(() => expect(draws.at(-1)?.state).toBeNull());
  });

  it('draws again when the rep comes back to the tab (the age line is drawn from the clock)', async () => {
    const { draws, port } = framed();
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    await delivered();
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(draws).toHaveLength(1);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(draws.map((draw) => draw.state?.recordKey)).toEqual(['Contacts/1', 'Contacts/1']);
  });

  it('rehearses a state it is sent while waiting without drawing it, and its buttons there reach nobody', async () => {
    const { draws, rehearsals, heard, port } = framed();
    port.postMessage({ kind: 'rehearse', state: state('Contacts/1', 'ja') });
    await vi.waitFor(() => expect(rehearsals.map((r) => r.state.recordKey)).toEqual(['Contacts/1']));
    rehearsals[0]!.actions.refresh();
    rehearsals[0]!.actions.preview('1');
    await delivered();
    expect(draws).toEqual([]);
    expect(heard).toEqual([]);
    expect(document.title).toBe('');
  });

  it('sends Refresh and the set-up link to the content script', async () => {
    const { draws, heard, port } = framed();
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    await delivered();
    draws[0]!.actions.refresh();
    draws[0]!.actions.openOptions();
    await delivered();
    expect(heard.filter((message) => message.kind !== 'layout')).toEqual([{ kind: 'refresh' }, { kind: 'openOptions' }]);
  });
});
