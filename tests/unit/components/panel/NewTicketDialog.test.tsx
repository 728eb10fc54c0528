import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewTicketDialog } from '../../../../components/panel/NewTicketDialog';
import type { NewTicketStatus } from '../../../../lib/page/panel-state';
import type { NewTicketOptions } from '../../../../lib/shared/protocol';

const OPTIONS: NewTicketOptions = {
  departments: [
    { id: '300', name: 'Support' },
    { id: '301', name: 'Sales' },
  ],
  priorities: ['High', 'Low'],
  customers: [
    { email: 'daniel@contoso.example', name: 'Daniel Okafor' },
    { email: 'd.okafor@gmail.example', name: 'Daniel Okafor' },
  ],
  accountId: null,
};
const ready = (over: Partial<Extract<NewTicketStatus, { kind: 'ready' }>> = {}): NewTicketStatus => ({
  kind: 'ready',
  options: OPTIONS,
  sending: false,
  ...over,
});

function mount(
  status: NewTicketStatus,
  initialDraft = null as Parameters<typeof NewTicketDialog>[0]['initialDraft'],
  language: 'en' | 'ja' = 'en',
) {
  const calls = { onDraft: vi.fn(), onCreate: vi.fn(), onCancel: vi.fn() };
  const view = render(<NewTicketDialog language={language} status={status} initialDraft={initialDraft} {...calls} />);
  return {
    ...calls,
    rerender: (next: NewTicketStatus) =>
      view.rerender(<NewTicketDialog language={language} status={next} initialDraft={initialDraft} {...calls} />),
  };
}

afterEach(cleanup);

describe('the New ticket dialog', () => {
  it('is a dialog named New ticket with the contract’s fields and buttons; the Subject has the focus', async () => {
    mount(ready());
    const dialog = screen.getByRole('dialog', { name: 'New ticket' });
    for (const label of ['Subject', 'Description', 'Department', 'Priority', 'For'])
      expect(within(dialog).getByLabelText(label)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Subject')));
    expect(screen.getByLabelText<HTMLSelectElement>('Department').value).toBe('300');
    expect([...screen.getByLabelText<HTMLSelectElement>('For').options].map((o) => o.text)).toEqual([
      'Daniel Okafor (daniel@contoso.example)',
      'Daniel Okafor (d.okafor@gmail.example)',
    ]);
  });

  it('leaves the focus where the caller put it back (the field the rep was in before CRM drew the panel again)', async () => {
    const restoreFocus = vi.fn(() => {
      screen.getByLabelText('Description').focus();
      return true;
    });
    render(
      <NewTicketDialog
        language="en"
        status={ready()}
        initialDraft={null}
        onDraft={vi.fn()}
        onCreate={vi.fn()}
        onCancel={vi.fn()}
        restoreFocus={restoreFocus}
      />,
    );
    await waitFor(() => expect(restoreFocus).toHaveBeenCalledTimes(1));
    expect(document.activeElement).toBe(screen.getByLabelText('Description'));
  });

  it('an empty subject is flagged in an alert inside the dialog, and nothing is sent', () => {
    const { onCreate } = mount(ready());
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe('Enter a subject.');
    expect(screen.getByLabelText('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('sends what was typed, keeps every change as the draft, and counts the subject’s characters', () => {
    const { onCreate, onDraft } = mount(ready());
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: '  Wrong VAT  ' } });
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: '<b>not bold</b>' } });
    fireEvent.change(screen.getByLabelText('For'), { target: { value: '1' } });
    expect(screen.getByText('9 of 255 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onCreate).toHaveBeenCalledWith({
      subject: 'Wrong VAT',
      description: '<b>not bold</b>',
      departmentId: '300',
      customer: { email: 'd.okafor@gmail.example', name: 'Daniel Okafor' },
    });
    expect(onDraft).toHaveBeenLastCalledWith({
      subject: '  Wrong VAT  ',
      description: '<b>not bold</b>',
      departmentId: '300',
      priority: '',
      customer: 1,
    });
  });

  it('starts from the kept draft', () => {
    mount(ready(), { subject: 'Half-typed', description: 'notes', departmentId: '301', priority: 'Low', customer: 1 });
    expect(screen.getByLabelText<HTMLInputElement>('Subject').value).toBe('Half-typed');
    expect(screen.getByLabelText<HTMLSelectElement>('Department').value).toBe('301');
    expect(screen.getByLabelText<HTMLSelectElement>('Priority').value).toBe('Low');
  });

  it('takes a kept draft read after the choices came (a panel that took over an open dialog), until the rep types', () => {
    const calls = { onDraft: vi.fn(), onCreate: vi.fn(), onCancel: vi.fn() };
    const kept = { subject: 'Half-typed', description: '', departmentId: '301', priority: '', customer: 0 };
    const dialog = (initialDraft: typeof kept | null) => (
      <NewTicketDialog language="en" status={ready()} initialDraft={initialDraft} {...calls} />
    );
    const view = render(dialog(null));
    const subject = () => screen.getByLabelText<HTMLInputElement>('Subject');
    expect(subject().value).toBe('');
    view.rerender(dialog(kept));
    expect(subject().value).toBe('Half-typed');
    expect(screen.getByLabelText<HTMLSelectElement>('Department').value).toBe('301');
    fireEvent.input(subject(), { target: { value: 'Half-typed, then more' } });
    view.rerender(dialog({ ...kept, subject: 'an older save' }));
    expect(subject().value).toBe('Half-typed, then more');
  });

  it('a field Desk refused keeps the text, marks the field and says so; Create is off while sending', () => {
    const { rerender, onCreate } = mount(ready());
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Typed' } });
    rerender(ready({ sending: true }));
    const sendingButton = screen.getByRole('button', { name: 'Creating…' });
    expect(sendingButton.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(sendingButton);
    expect(onCreate).not.toHaveBeenCalled();
    rerender(ready({ error: { code: 'INVALID_DATA', status: 422, fields: ['subject'] } }));
    expect(screen.getByRole('alert').textContent).toBe('Zoho Desk did not accept the subject. Correct it and press Create again.');
    expect(screen.getByLabelText<HTMLInputElement>('Subject').value).toBe('Typed');
    expect(screen.getByLabelText('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Subject'));
  });

  it('a lost answer says whether trying again is safe', () => {
    const { rerender } = mount(ready({ error: { code: 'TIMEOUT', notCreated: true } }));
    expect(screen.getByRole('alert').textContent).toContain('The ticket was not created. Your text is kept');
    rerender(ready({ error: { code: 'TIMEOUT' } }));
    expect(screen.getByRole('alert').textContent).toContain('Look for it in Zoho Desk before you press Create again.');
  });

  it('Escape cancels; Tab from the last button goes back to the first field', () => {
    const { onCancel } = mount(ready());
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByLabelText('Subject'));
    fireEvent.keyDown(screen.getByLabelText('Subject'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('in Japanese, with Zoho Desk’s terms', () => {
    mount(ready(), null, 'ja');
    expect(screen.getByRole('dialog', { name: '新しい問い合わせ' })).toBeTruthy();
    for (const label of ['件名', '説明', '部門', '優先度']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByRole('button', { name: '作成' })).toBeTruthy();
  });
});
