import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HELD_ASK_PORT } from '../../../../lib/shared/held-ask';
import type { PanelConfig } from '../../../../lib/shared/protocol';
import { testBroker, type TestBroker } from '../../support/broker-setup';
import { crmTab, optionsTab } from '../../support/senders';

let world: TestBroker;
beforeEach(() => {
  world = testBroker();
});
const handleMessage = (message: unknown, sender: Parameters<TestBroker['send']>[1]) => world.send(message, sender);

describe('dispatch: malformed and unknown messages', () => {
  it.each([
    ['undefined', undefined],
    ['a string', 'tickets.get'],
    ['an array', [{ command: 'panel.config' }]],
    ['an object without command', { mode: 'cached' }],
    ['a non-string command', { command: 42 }],
  ])('%s → BAD_MESSAGE', async (_what, message) => {
    expect(await handleMessage(message, crmTab())).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_MESSAGE' }) });
  });

  it('an unknown command → UNKNOWN_COMMAND', async () => {
    expect(await handleMessage({ command: 'tickets.delete' }, crmTab())).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND', detail: 'tickets.delete' },
    });
    expect(await handleMessage({ command: 'toString' }, crmTab())).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('a known command with a bad payload → BAD_MESSAGE naming the field, not echoing values', async () => {
    const response = await handleMessage(
      {
        command: 'tickets.get',
        mode: 'cached',
        identity: { emails: [] },
        record: { crmHost: 'crm.zoho.com', dataCentre: 'com', orgSegment: 'o', module: 'Leads', recordId: '12<script>' },
      },
      crmTab(),
    );
    expect(response).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    if (!response.ok) {
      expect(response.error.detail).toContain('record.recordId');
      expect(response.error.detail).not.toContain('<script>');
    }
  });
});

describe('dispatch: senders', () => {
  it('panel commands from a non-CRM tab, over http or from a look-alike host are refused', async () => {
    for (const url of ['https://example.com/', 'http://crm.zoho.com/crm/o/tab/Leads/1', 'https://crm.zoho.com.evil.example/crm']) {
      expect(await handleMessage({ command: 'panel.config' }, crmTab(url))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', detail: 'panel.config' },
      });
    }
  });

  it('an admin command from the CRM content script is refused before it runs', async () => {
    await world.connect();
    expect(await handleMessage({ command: 'deactivate' }, crmTab())).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', detail: 'deactivate' },
    });
    expect(await fakeBrowser.storage.local.get('settings')).not.toEqual({});
  });

  it('an admin command from the options page reaches its handler', async () => {
    const response = await handleMessage({ command: 'diagnostics.get' }, optionsTab());
    expect(response.ok || response.error.code !== 'FORBIDDEN_SENDER').toBe(true);
  });

  it('a sender that is not an object is refused, not a crash', async () => {
    expect(await handleMessage({ command: 'panel.config' }, null as never)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });
});

describe('panel.config', () => {
  const config = async () => {
    const response = await handleMessage({ command: 'panel.config' }, crmTab());
    if (!response.ok) throw new Error(response.error.code);
    return response.data as PanelConfig;
  };

  it('unconfigured before setup, in the browser’s defaults', async () => {
    expect(await config()).toMatchObject({ state: 'unconfigured', dataCentre: null, portalName: null });
  });

  it('ready once connected, with language, time zone and portal name and no secret', async () => {
    await world.connect({ language: 'ja', timeZone: 'Asia/Tokyo' });
    const data = await config();
    expect(data).toEqual({
      state: 'ready',
      language: 'ja',
      timeZone: 'Asia/Tokyo',
      dataCentre: 'com',
      portalName: 'Zylker Inc.',
      actingAs: null,
      canCreate: true,
      // A key is no CRM token: every record's customer is read from its page.
      crmModules: [],
    });
  });

  it('disabled, and rejected once Zoho refused the key', async () => {
    await world.connect({ enabled: false });
    expect((await config()).state).toBe('disabled');
    await world.connect();
    await world.rejectStoredCredential();
    expect((await config()).state).toBe('rejected');
  });
});

describe('background wiring', () => {
  it('answers runtime messages through sendResponse', async () => {
    // WXT's fake has no permission events: the wiring's listeners for them are only counted.
    const permissionEvents = [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved];
    const listening = permissionEvents.map((event) => vi.spyOn(event, 'addListener').mockImplementation(() => undefined));
    // Nor ports: the held asks' listener is caught and handed ports by hand.
    let onConnect: ((port: Runtime.Port) => void) | undefined;
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => void (onConnect = listener));
    const { default: background } = await import('../../../../entrypoints/background');
    background.main();
    for (const spy of listening) expect(spy).toHaveBeenCalledTimes(1);
    // A held ask is answered over its port; a port of another name is left alone.
    const port = (name: string) => {
      const posted: unknown[] = [];
      const onMessage: ((message: unknown) => void)[] = [];
      const shape = {
        name,
        sender: crmTab(),
        postMessage: (message: unknown) => void posted.push(message),
        onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
        onDisconnect: { addListener: () => undefined },
      } as unknown as Runtime.Port;
      return { shape, posted, send: (message: unknown) => onMessage.forEach((listener) => listener(message)) };
    };
    const held = port(HELD_ASK_PORT);
    const other = port('another');
    onConnect!(held.shape);
    onConnect!(other.shape);
    held.send({ command: 'nope' });
    other.send({ command: 'nope' });
    await vi.waitFor(() => expect(held.posted).toEqual([{ ok: false, error: { code: 'UNKNOWN_COMMAND', detail: 'nope' } }]));
    expect(other.posted).toEqual([]);
    const answer = await new Promise((resolve) => {
      // The fake's listener type lacks sendResponse, which the broker's listener answers through.
      const message = [{ command: 'nope' }, crmTab(), resolve] as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>;
      void fakeBrowser.runtime.onMessage.trigger(...message);
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });
});
