// The panel frame's side: what it draws, when it draws again, and what it tells the content script.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runPanelFrameView } from '../../../lib/page/panel-frame-view';
import type { FromFrame } from '../../../lib/page/panel-frame-messages';
import type { PanelViewState } from '../../../lib/page/panel-state';
import type { PanelUi } from '../../../lib/page/panel-ui';
import type { PanelFrameAsk, RecordRef } from '../../../lib/shared/commands';
import type { ErrorInfo } from '../../../lib/shared/errors';
import type { TicketPreview } from '../../../lib/shared/protocol';

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
function framed(askPreview?: PanelFrameAsk) {
  /** The frame process's idle callbacks, run when a test says the process is idle. */
  const idleCallbacks: (() => void)[] = [];
  const win = Object.assign(new EventTarget(), {
    document,
    location: new URL(`chrome-extension://x/panel.html#${TOKEN}`),
    parent: window,
    requestIdleCallback: (callback: () => void) => idleCallbacks.push(callback),
  });
  const draws: { state: PanelViewState | null; actions: PanelActions; ui: PanelUi | null }[] = [];
  const rehearsals: { state: PanelViewState; actions: PanelActions }[] = [];
  runPanelFrameView({
    win: win as unknown as Window,
    draw: (drawn, actions, extras) => draws.push({ state: drawn, actions, ui: extras.ui }),
    rehearse: (rehearsed, actions) => rehearsals.push({ state: rehearsed, actions }),
    ...(askPreview ? { askPreview } : {}),
  });
  const channel = new MessageChannel();
  const heard: FromFrame[] = [];
  channel.port1.addEventListener('message', (event: MessageEvent<FromFrame>) => heard.push(event.data));
  channel.port1.start();
  win.dispatchEvent(new MessageEvent('message', { data: { desklinkPanel: TOKEN }, source: window, ports: [channel.port2] }));
  const idle = () => idleCallbacks.splice(0).forEach((callback) => callback());
  return { draws, rehearsals, heard, port: channel.port1, idle };
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

  it('keeps what the rep set for the shown record and tells the content script; draws with what it was handed; another record starts from nothing', async () => {
    const { draws, heard, port } = framed();
    const handed: PanelUi = { query: 'invoice', tab: 'open', shown: 20, open: ['1892000000093001'], composing: false };
    port.postMessage({ kind: 'draw', state: state('Contacts/1'), ui: handed });
    await vi.waitFor(() => expect(draws).toHaveLength(1));
    expect(draws[0]!.ui).toEqual(handed);
    const changed: PanelUi = { ...handed, query: 'invoices' };
    draws[0]!.actions.uiChanged(changed);
    await vi.waitFor(() => expect(heard).toContainEqual({ kind: 'ui', recordKey: 'Contacts/1', ui: changed }));
    // The session's next state of that record (no ui with it): the list keeps what the rep set.
    port.postMessage({ kind: 'draw', state: { ...state('Contacts/1'), refreshing: true } });
    await vi.waitFor(() => expect(draws).toHaveLength(2));
    expect(draws[1]!.ui).toEqual(changed);
    port.postMessage({ kind: 'draw', state: state('Leads/2') });
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    await vi.waitFor(() => expect(draws).toHaveLength(4));
    // Another record, then the first one again: each starts afresh.
    expect(draws.slice(2).map((draw) => draw.ui)).toEqual([null, null]);
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

  it('says it is idle once its process is, after drawing a state: once for draws close together, never for a rehearsal or a cleared panel', async () => {
    const { draws, heard, port, idle } = framed();
    const idles = () => heard.filter((message) => message.kind === 'idle').length;
    port.postMessage({ kind: 'rehearse', state: state('Contacts/1') });
    port.postMessage({ kind: 'clear' });
    await delivered();
    idle();
    await delivered();
    expect(idles()).toBe(0);
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    port.postMessage({ kind: 'draw', state: state('Leads/2') });
    await vi.waitFor(() => expect(draws.map((draw) => draw.state?.recordKey)).toEqual([undefined, 'Contacts/1', 'Leads/2']));
    await delivered();
    // Drawn, not yet idle: a waiting frame loading now would hold up this one's paint.
    expect(idles()).toBe(0);
    idle();
    await vi.waitFor(() => expect(idles()).toBe(1));
    port.postMessage({ kind: 'draw', state: state('Leads/2') });
    await delivered();
    idle();
    await vi.waitFor(() => expect(idles()).toBe(2));
  });

  it('tells the content script where the focus is, and puts it back on the control a lost frame described', async () => {
    const { heard, port } = framed();
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    await delivered();
    document.body.innerHTML = `<section tabindex="-1" data-panel-focus></section><label>Search tickets <input type="search"></label>
      <button aria-label="Preview #7">Preview</button><button aria-label="Preview #7">Preview</button>`;
    const search = document.querySelector('input')!;
    const second = document.querySelectorAll('button')[1]!;
    const focused = () => heard.filter((message) => message.kind === 'focused');
    second.focus();
    second.blur();
    await vi.waitFor(() =>
      expect(focused()).toEqual([
        { kind: 'focused', recordKey: 'Contacts/1', focus: { tag: 'button', role: '', name: 'Preview #7', nth: 1 } },
        { kind: 'focused', recordKey: 'Contacts/1', focus: null },
      ]),
    );

    // A search half typed goes on where it ended.
    search.value = 'invo';
    port.postMessage({ kind: 'focus', control: { tag: 'input', role: '', name: 'Search tickets', nth: 0 } });
    await vi.waitFor(() => expect(document.activeElement).toBe(search));
    expect(search.selectionStart).toBe(4);
    // A control no longer there: the panel itself.
    port.postMessage({ kind: 'focus', control: { tag: 'button', role: '', name: 'Preview #8', nth: 0 } });
    await vi.waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-panel-focus]')));
  });

  it('keeps a described control not drawn yet for the dialog’s fields, until the rep moves', async () => {
    const { draws, heard, port } = framed();
    port.postMessage({ kind: 'draw', state: state('Contacts/1') });
    await delivered();
    document.body.innerHTML = `<section tabindex="-1" data-panel-focus></section>`;
    const description = { tag: 'textarea', role: '', name: 'Description', nth: 0 };
    const drawFields = () =>
      (document.body.innerHTML = `<section tabindex="-1" data-panel-focus></section>
        <label>Subject <input></label><label>Description <textarea></textarea></label>`);
    const restore = () => draws.at(-1)!.actions.restoreFocus();

    port.postMessage({ kind: 'focus', control: description });
    await vi.waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-panel-focus]')));
    // Told where the rep is: the Description, for a frame that may take over before it is drawn.
    await vi.waitFor(() => expect(heard.filter((message) => message.kind === 'focused').at(-1)).toMatchObject({ focus: description }));
    drawFields();
    expect(restore()).toBe(true);
    expect(document.activeElement).toBe(document.querySelector('textarea'));
    // Taken once: a dialog drawn again later starts in its Subject.
    expect(restore()).toBe(false);

    // The rep presses a key (or clicks) before the fields are drawn: their choice stands.
    document.body.innerHTML = `<section tabindex="-1" data-panel-focus></section>`;
    port.postMessage({ kind: 'focus', control: description });
    await vi.waitFor(() => expect(document.activeElement).toBe(document.querySelector('[data-panel-focus]')));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    drawFields();
    expect(restore()).toBe(false);
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

describe('previews the frame asks the broker for itself', () => {
  const record: RecordRef = { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: 'org1', module: 'Contacts', recordId: '1' };
  const shown = (recordKey = 'Contacts/1'): PanelViewState => ({
    ...state(recordKey),
    record: { ...record, recordId: recordKey.split('/')[1]! },
  });
  const preview = (ticketId: string): TicketPreview => ({ ticketId, thread: null, fetchedAt: 1 });

  /** A broker whose answers the test gives, one per question, in order. */
  function broker() {
    const asked: Parameters<PanelFrameAsk>[0][] = [];
    const answers: ((answer: Awaited<ReturnType<PanelFrameAsk>>) => void)[] = [];
    const ask: PanelFrameAsk = (request) => {
      asked.push(request);
      return new Promise((resolve) => answers.push(resolve));
    };
    return { ask, asked, answer: (index: number, answer: Awaited<ReturnType<PanelFrameAsk>>) => answers[index]!(answer) };
  }
  /** A frame with a broker of its own, once it has drawn `drawn`. */
  async function showing(drawn: PanelViewState) {
    const desk = broker();
    const view = framed(desk.ask);
    view.port.postMessage({ kind: 'draw', state: drawn });
    await vi.waitFor(() => expect(view.draws).toHaveLength(1));
    return { desk, view };
  }
  const actions = (view: ReturnType<typeof framed>) => view.draws.at(-1)!.actions;
  const told = (view: ReturnType<typeof framed>) => view.heard.filter((message) => message.kind === 'preview');

  it('asks once and draws the answer as soon as it comes, without the content script', async () => {
    const { desk, view } = await showing(shown());
    actions(view).preview('11');
    // The press asked already; the click that follows asks nothing more.
    actions(view).preview('11');
    expect(desk.asked).toEqual([{ command: 'tickets.preview', record, ticketId: '11' }]);
    expect(view.draws).toHaveLength(1);
    desk.answer(0, { ok: true, data: preview('11') });
    await vi.waitFor(() => expect(view.draws.at(-1)!.state?.previews?.['11']).toEqual({ kind: 'ready', preview: preview('11') }));
    await delivered();
    // The content script is not involved: it neither asks nor draws again.
    expect(told(view)).toEqual([]);
    // Answered: opening it again asks nobody.
    actions(view).preview('11');
    expect(desk.asked).toHaveLength(1);
  });

  it('draws a failure, and asks again when the rep tries again', async () => {
    const { desk, view } = await showing(shown());
    actions(view).preview('11');
    const busy: ErrorInfo = { code: 'TOO_MANY_REQUESTS', retryAfterSec: 20 };
    desk.answer(0, { ok: false, error: busy });
    await vi.waitFor(() => expect(view.draws.at(-1)!.state?.previews?.['11']).toEqual({ kind: 'error', error: busy }));
    actions(view).preview('11');
    expect(desk.asked).toHaveLength(2);
  });

  it('goes through the content script for a record on which the broker refused the frame (a tab whose address names no record)', async () => {
    const { desk, view } = await showing(shown());
    actions(view).preview('11');
    desk.answer(0, { ok: false, error: { code: 'FORBIDDEN_SENDER', detail: 'tickets.preview' } });
    await vi.waitFor(() => expect(told(view)).toEqual([{ kind: 'preview', ticketId: '11' }]));
    actions(view).preview('12');
    await delivered();
    expect(told(view)).toEqual([
      { kind: 'preview', ticketId: '11' },
      { kind: 'preview', ticketId: '12' },
    ]);
    expect(desk.asked).toHaveLength(1);
    // The refusal itself is never drawn.
    expect(view.draws.some((draw) => draw.state?.previews?.['11'])).toBe(false);
    // The next record is asked about directly again (the tab may only have been on its way there).
    view.port.postMessage({ kind: 'draw', state: shown('Contacts/2') });
    await vi.waitFor(() => expect(view.draws.at(-1)!.state?.recordKey).toBe('Contacts/2'));
    actions(view).preview('21');
    expect(desk.asked.map((request) => request.ticketId)).toEqual(['11', '21']);
  });

  it('leaves an answer that comes after the record changed out of the next record’s panel', async () => {
    const { desk, view } = await showing(shown('Contacts/1'));
    actions(view).preview('11');
    view.port.postMessage({ kind: 'draw', state: shown('Contacts/2') });
    await vi.waitFor(() => expect(view.draws).toHaveLength(2));
    desk.answer(0, { ok: true, data: preview('11') });
    await delivered();
    expect(view.draws.map((draw) => draw.state?.previews)).toEqual([undefined, undefined]);
  });

  it('asks through the content script when the state names no record', async () => {
    const { desk, view } = await showing(state('Contacts/1'));
    actions(view).preview('11');
    await vi.waitFor(() => expect(told(view)).toEqual([{ kind: 'preview', ticketId: '11' }]));
    expect(desk.asked).toEqual([]);
  });
});
