import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrmAddresses } from '../../../../components/options/CrmAddresses';
import type { CrmAddressesView } from '../../../../lib/shared/crm-address-view';
import { fakeAdminBroker } from '../../support/admin-broker';

const HOST = 'crm.example.co.jp';
const none: CrmAddressesView = { dataCentre: 'jp', addresses: [] };
const listed = (granted: boolean, more: Partial<CrmAddressesView['addresses'][number]> = {}): CrmAddressesView => ({
  dataCentre: 'jp',
  addresses: [{ host: HOST, fromPolicy: false, addedHere: true, granted, active: granted, ...more }],
});

afterEach(cleanup);

function mount(answers: Parameters<typeof fakeAdminBroker>[0], granted: boolean, language: 'en' | 'ja' = 'en', locked = false) {
  const broker = fakeAdminBroker(answers);
  const order: string[] = [];
  const requestAccess = vi.fn((origin: string) => {
    order.push(`ask ${origin}`);
    return Promise.resolve(granted);
  });
  const send = vi.fn((request: Parameters<typeof broker.send>[0]) => {
    order.push(`send ${request.command}`);
    return broker.send(request);
  }) as unknown as typeof broker.send;
  render(<CrmAddresses language={language} send={send} requestAccess={requestAccess} locked={locked} />);
  return { sent: broker.sent, requestAccess, order };
}

async function add(text: string) {
  fireEvent.input(await screen.findByRole('textbox', { name: 'CRM address' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
}

describe('Company CRM addresses on the options page', () => {
  it('asks the browser for the origin in the click itself, then adds it; the address shows where the panel runs', async () => {
    const { order, sent } = mount({ 'crmHosts.get': () => none, 'crmHosts.add': () => listed(true) }, true);
    await screen.findByText(/No company address added/);
    await add(`https://${HOST}`);
    // The prompt was asked before any await: browsers only prompt inside the user's gesture.
    expect(order.slice(0, 2)).toEqual(['send crmHosts.get', `ask https://${HOST}/*`]);
    await screen.findByText(`Added ${HOST}.`);
    expect(sent.at(-1)).toEqual({ command: 'crmHosts.add', address: `https://${HOST}` });
    const list = screen.getByRole('list', { name: 'Company CRM addresses' });
    expect(within(list).getByRole('listitem').textContent).toContain('The panel shows on this address.');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'CRM address' }).value).toBe('');
  });

  it('a refused prompt keeps the address, says what is missing and offers Allow access', async () => {
    mount({ 'crmHosts.get': () => none, 'crmHosts.add': () => listed(false) }, false);
    await add(`https://${HOST}`);
    await screen.findByText(`The browser did not allow access to ${HOST}. The address is kept: select Allow access to ask again.`);
    expect(screen.getByRole('listitem').textContent).toContain('Access not allowed');
    expect(screen.getByRole('button', { name: `Allow access to ${HOST}` })).toBeTruthy();
  });

  it('a typo is refused here, without a prompt and without a message to the broker', async () => {
    const { requestAccess, sent } = mount({ 'crmHosts.get': () => none }, true);
    await screen.findByText(/No company address added/);
    await add(`https://${HOST}/crm/org1`);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the address without a path, query or #: only https:// and the host name.',
    );
    expect(requestAccess).not.toHaveBeenCalled();
    expect(sent.map((request) => request.command)).toEqual(['crmHosts.get']);
    // The text stays for the admin to fix.
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'CRM address' }).value).toBe(`https://${HOST}/crm/org1`);
  });

  it('a policy address says so, has no Remove, and Allow access asks then reads the state again', async () => {
    const policy = listed(false, { fromPolicy: true, addedHere: false });
    const { order } = mount({ 'crmHosts.get': () => policy }, true);
    await screen.findByText(/Set by your organization’s policy/);
    expect(screen.queryByRole('button', { name: `Remove ${HOST}` })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Allow access to ${HOST}` }));
    await waitFor(() => expect(order).toEqual(['send crmHosts.get', `ask https://${HOST}/*`, 'send crmHosts.get']));
  });

  it('Remove sends the host and confirms', async () => {
    const { sent } = mount({ 'crmHosts.get': () => listed(true), 'crmHosts.remove': () => none }, true);
    fireEvent.click(await screen.findByRole('button', { name: `Remove ${HOST}` }));
    await screen.findByText(`Removed ${HOST}. DeskLink no longer runs there.`);
    expect(sent.at(-1)).toEqual({ command: 'crmHosts.remove', host: HOST });
  });

  it('under a locked policy nothing can be added or removed here', async () => {
    mount({ 'crmHosts.get': () => listed(true) }, true, 'en', true);
    const remove = await screen.findByRole<HTMLButtonElement>('button', { name: `Remove ${HOST}` });
    expect(remove.disabled).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'CRM address' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add address' }).disabled).toBe(true);
  });

  it('speaks Japanese', async () => {
    mount({ 'crmHosts.get': () => listed(false) }, true, 'ja');
    await screen.findByRole('heading', { name: '自社の CRM アドレス' });
    expect(screen.getByRole('textbox', { name: 'CRM のアドレス' })).toBeTruthy();
    expect(screen.getByRole('button', { name: `${HOST} へのアクセスを許可` })).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toContain('アクセスが許可されていません');
  });
});
