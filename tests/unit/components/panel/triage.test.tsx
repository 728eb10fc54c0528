/** The panel's triage tools: open-first order, sortable headers, search, preview, copy, focus. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { TicketsPanel } from '../../../../components/panel/TicketsPanel';
import type { PanelProps } from '../../../../components/panel/types';
import type { NewTicketStatus, PreviewState } from '../../../../lib/page/panel-state';
import type { TicketSummary, TicketsView } from '../../../../lib/shared/protocol';

afterEach(cleanup);

/** After the next animation frame and what it drew. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

const NOW = Date.parse('2024-06-01T12:00:00Z');
const day = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

function ticket(n: number, over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: `52933220000100${String(n).padStart(5, '0')}`,
    ticketNumber: String(n),
    subject: `Subject ${n}`,
    status: over.statusType === 'Closed' ? 'Closed' : 'Open',
    statusType: 'Open',
    priority: 'High',
    dueDate: null,
    isOverDue: false,
    createdTime: '2024-05-01T00:00:00Z',
    modifiedTime: day(-n),
    assigneeName: 'Jade Tran',
    webUrl: `https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/${n}`,
    contactName: 'Daniel Okafor',
    ...over,
  };
}

const view = (tickets: TicketSummary[], over: Partial<TicketsView> = {}): TicketsView => ({
  tickets,
  fetchedAt: NOW - 60_000,
  stale: false,
  revalidating: false,
  truncated: false,
  ...over,
});

function show(tickets: TicketSummary[], over: Partial<PanelProps> = {}, viewOver: Partial<TicketsView> = {}) {
  const props: PanelProps = {
    body: { kind: 'tickets', view: view(tickets, viewOver) },
    language: 'en',
    timeZone: 'UTC',
    now: NOW,
    optionsUrl: 'chrome-extension://abc/options.html',
    onRefresh: vi.fn(),
    onOpenOptions: vi.fn(),
    onPreview: vi.fn(),
    onCopy: vi.fn(() => Promise.resolve(true)),
    ...over,
  };
  const result = render(<TicketsPanel {...props} />);
  return { props, rerender: (next: Partial<PanelProps>) => result.rerender(<TicketsPanel {...props} {...next} />) };
}

const ticketRows = () =>
  screen.getAllByRole('row').filter((row) => within(row).queryAllByRole('columnheader').length === 0 && !within(row).queryByRole('region'));
const shownNumbers = () => ticketRows().map((row) => /#(\d+)/.exec(row.textContent ?? '')?.[1]);

describe('order and sorting', () => {
  const mixed = [
    ticket(1, { statusType: 'Closed' }),
    ticket(2),
    ticket(3, { dueDate: day(4) }),
    ticket(4, { dueDate: day(-2), isOverDue: true }),
    ticket(5, { statusType: 'Closed' }),
  ];

  it('lists open tickets first (overdue, then by due date, then by last change), closed last', () => {
    show(mixed);
    expect(shownNumbers()).toEqual(['4', '3', '2', '1', '5']);
  });

  it('exposes its column headers, the sorted one with aria-sort; a header press sorts and reports the choice', () => {
    const onSort = vi.fn();
    const { rerender } = show(mixed, { onSort });
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Ticket', 'Subject', 'Status', 'Priority', 'Due date', 'Last modified', 'Assignee']);
    expect(headers.filter((h) => h.hasAttribute('aria-sort')).map((h) => [h.textContent, h.getAttribute('aria-sort')])).toEqual([
      ['Status', 'ascending'],
    ]);
    fireEvent.click(within(headers[0]!).getByRole('button', { name: 'Ticket' }));
    expect(onSort).toHaveBeenLastCalledWith({ column: 'number', direction: 'descending' });
    expect(shownNumbers()).toEqual(['5', '4', '3', '2', '1']);
    expect(screen.getByRole('columnheader', { name: 'Ticket' }).getAttribute('aria-sort')).toBe('descending');
    // The remembered sort comes back as a prop.
    rerender({ sort: { column: 'number', direction: 'ascending' } });
    expect(shownNumbers()).toEqual(['1', '2', '3', '4', '5']);
    expect(screen.getByRole('columnheader', { name: 'Ticket' }).getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('Search tickets', () => {
  it('filters every fetched ticket by subject or number as the rep types, beyond the rows shown', () => {
    const many = Array.from({ length: 25 }, (_, i) => ticket(i + 1));
    many[22] = ticket(23, { subject: 'Invoice needs a new address' });
    show(many);
    expect(ticketRows()).toHaveLength(10);
    const box = screen.getByRole('searchbox', { name: 'Search tickets' });
    fireEvent.input(box, { target: { value: 'invoice' } });
    expect(shownNumbers()).toEqual(['23']);
    expect(screen.getByRole('tab', { name: 'All 1' })).toBeTruthy();
    fireEvent.input(box, { target: { value: '#2' } });
    expect(shownNumbers().sort()).toEqual(['12', '2', '20', '21', '22', '23', '24', '25']);
    fireEvent.input(box, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No tickets match “nothing like this”.')).toBeTruthy();
  });
});

describe('Preview', () => {
  const one = [ticket(7, { createdTime: '2024-05-02T09:41:00Z' })];
  const ready = (
    thread: Partial<NonNullable<Extract<PreviewState, { kind: 'ready' }>['preview']['thread']>> | null,
  ): Record<string, PreviewState> => ({
    [one[0]!.id]: {
      kind: 'ready',
      preview: {
        ticketId: one[0]!.id,
        fetchedAt: NOW,
        thread:
          thread === null
            ? null
            : {
                authorName: 'Daniel Okafor',
                authorKind: 'customer',
                direction: 'in',
                channel: 'EMAIL',
                createdTime: '2024-05-30T08:15:00Z',
                text: 'The code never arrives',
                truncated: false,
                ...thread,
              },
      },
    },
  });

  it('opens a region under the row, asks once, shows the latest thread with its time; Escape closes it and focus returns', async () => {
    const { props, rerender } = show(one);
    const button = screen.getByRole('button', { name: 'Preview #7' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(props.onPreview).toHaveBeenCalledWith(one[0]!.id);
    // Asked at once, drawn with the next frame.
    await nextFrame();
    const region = screen.getByRole('region', { name: 'Ticket #7 preview' });
    expect(region.textContent).toContain('Loading the latest message');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    rerender({ previews: ready({}) });
    const shown = screen.getByRole('region', { name: 'Ticket #7 preview' });
    expect(shown.textContent).toContain('Daniel Okafor');
    expect(shown.textContent).toContain('Received');
    expect(shown.textContent).toContain('Email');
    expect(shown.textContent).toContain('The code never arrives');
    const facts = [...shown.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(facts).toEqual([
      ['Contact', 'Daniel Okafor'],
      ['Created', expect.stringMatching(/^May 2, 2024, 9:41\sAM UTC$/)],
      ['Assignee', 'Jade Tran'],
    ]);
    expect([...shown.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([
      '2024-05-02T09:41:00.000Z',
      '2024-05-30T08:15:00.000Z',
    ]);
    // The header row, the ticket and its preview: still one row per ticket.
    expect(ticketRows()).toHaveLength(1);
    within(shown).getByText('The code never arrives').focus();
    fireEvent.keyDown(within(shown).getByText('The code never arrives'), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Ticket #7 preview' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Preview #7' }));
    expect(props.onPreview).toHaveBeenCalledTimes(1);
  });

  it('asks at the press, before its click, and once: the click opens what the press asked', () => {
    const { props, rerender } = show(one);
    const button = screen.getByRole('button', { name: 'Preview #7' });
    fireEvent.pointerDown(button, { button: 0 });
    expect(props.onPreview).toHaveBeenCalledWith(one[0]!.id);
    expect(screen.queryByRole('region', { name: 'Ticket #7 preview' })).toBeNull();
    // The answer came back before the button was released: the click shows it at once.
    rerender({ previews: ready({}) });
    fireEvent.click(button);
    expect(screen.getByRole('region', { name: 'Ticket #7 preview' }).textContent).toContain('The code never arrives');
    // Pressing the open preview's button (to close it), another mouse button, or Space on an
    // answered preview asks nothing more.
    fireEvent.pointerDown(button, { button: 0 });
    fireEvent.click(button);
    fireEvent.pointerDown(button, { button: 2 });
    fireEvent.keyDown(button, { key: ' ' });
    expect(props.onPreview).toHaveBeenCalledTimes(1);
  });

  it('Space asks when pressed: the button clicks when it is released', () => {
    const { props } = show(one);
    const button = screen.getByRole('button', { name: 'Preview #7' });
    fireEvent.keyDown(button, { key: ' ' });
    fireEvent.keyDown(button, { key: ' ', repeat: true });
    expect(props.onPreview).toHaveBeenCalledTimes(1);
  });

  it('a second press before the next frame closes the preview it opened', async () => {
    const { props } = show(one);
    const button = screen.getByRole('button', { name: 'Preview #7' });
    fireEvent.click(button);
    fireEvent.click(button);
    await nextFrame();
    expect(screen.queryByRole('region', { name: 'Ticket #7 preview' })).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await nextFrame();
    expect(screen.getByRole('region', { name: 'Ticket #7 preview' })).toBeTruthy();
    expect(props.onPreview).toHaveBeenCalledTimes(2);
  });

  it('Escape on the Preview button closes its open preview too', () => {
    show(one, { previews: ready({}) });
    const button = screen.getByRole('button', { name: 'Preview #7' });
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Ticket #7 preview' })).toBeNull();
  });

  it('shows Desk’s text as text: markup and scripts stay characters', () => {
    show(one, { previews: ready({ text: '<img src=x onerror=alert(1)><script>alert(2)</script>' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Preview #7' }));
    const region = screen.getByRole('region', { name: 'Ticket #7 preview' });
    expect(region.querySelector('img, script')).toBeNull();
    expect(region.textContent).toContain('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  it('says when the ticket has no messages, and shows an error in words', () => {
    const { rerender } = show(one, { previews: ready(null) });
    fireEvent.click(screen.getByRole('button', { name: 'Preview #7' }));
    expect(screen.getByRole('region', { name: 'Ticket #7 preview' }).textContent).toContain('This ticket has no messages yet.');
    rerender({ previews: { [one[0]!.id]: { kind: 'error', error: { code: 'NETWORK' } } } });
    expect(within(screen.getByRole('region', { name: 'Ticket #7 preview' })).getByRole('alert').textContent).toMatch(
      /could not be reached/,
    );
  });
});

describe('Copy and View all', () => {
  it('copies the number with one click and shows "Copied" beside it', async () => {
    const { props } = show([ticket(42)]);
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy #42' }));
      return Promise.resolve();
    });
    expect(props.onCopy).toHaveBeenCalledWith('#42');
    expect(ticketRows()[0]!.textContent).toContain('Copied');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('says so when the browser refused to copy', async () => {
    show([ticket(42)], { onCopy: () => Promise.resolve(false) });
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy #42' }));
      return Promise.resolve();
    });
    expect(ticketRows()[0]!.textContent).toContain('Could not copy');
  });

  it('links the contact’s or account’s Desk page as "View all in Zoho Desk", https only', () => {
    show([ticket(1)], {}, { deskUrl: 'https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts/dv/1892000000042001' });
    const link = screen.getByRole('link', { name: 'View all in Zoho Desk' });
    expect(link.getAttribute('href')).toBe('https://desk.zoho.com/support/zylker/ShowHomePage.do#Contacts/dv/1892000000042001');
    expect(link.getAttribute('target')).toBe('_blank');
    cleanup();
    show([ticket(1)], {}, { deskUrl: 'javascript:alert(1)' });
    expect(screen.queryByRole('link', { name: 'View all in Zoho Desk' })).toBeNull();
  });
});

describe('Show more and counts', () => {
  it('moves the focus to the first new row, and writes counts as the language does', () => {
    show(Array.from({ length: 1200 }, (_, i) => ticket(i + 1)));
    expect(screen.getByRole('tab', { name: 'All 1,200' })).toBeTruthy();
    expect(screen.getByText('Showing 10 of 1,200')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(document.activeElement).toBe(ticketRows()[10]);
  });
});

describe('what the rep set in the list', () => {
  it('is said as it changes (not for what the list started with): the search, the tab, rows shown, open previews', async () => {
    const onUiChange = vi.fn();
    const many = Array.from({ length: 25 }, (_, i) => ticket(i + 1));
    show(many, { onUiChange });
    expect(onUiChange).not.toHaveBeenCalled();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search tickets' }), { target: { value: '#2' } });
    expect(onUiChange).toHaveBeenLastCalledWith({ query: '#2', tab: 'all', shown: 10, open: [], composing: false });
    fireEvent.click(screen.getByRole('button', { name: 'Preview #2' }));
    await nextFrame();
    expect(onUiChange).toHaveBeenLastCalledWith({ query: '#2', tab: 'all', shown: 10, open: [many[1]!.id], composing: false });
  });

  it('starts from what it is given: the search box holds the search, the rows follow it, open previews are open and asked again', () => {
    const many = Array.from({ length: 25 }, (_, i) => ticket(i + 1));
    const onUiChange = vi.fn();
    const { props } = show(many, {
      ui: { query: 'Subject 23', tab: 'all', shown: 10, open: [many[22]!.id], composing: false },
      onUiChange,
    });
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search tickets' }).value).toBe('Subject 23');
    expect(shownNumbers()).toEqual(['23']);
    expect(screen.getByRole('region', { name: 'Ticket #23 preview' })).toBeTruthy();
    expect(props.onPreview).toHaveBeenCalledWith(many[22]!.id);
    expect(onUiChange).not.toHaveBeenCalled();
  });
});

describe('the New ticket dialog as part of what the rep set', () => {
  const form: NewTicketStatus = {
    kind: 'ready',
    options: {
      departments: [{ id: '301', name: 'Support' }],
      priorities: [],
      customers: [{ email: 'daniel@contoso.example', name: 'Daniel' }],
      accountId: null,
    },
    sending: false,
  };

  it('is said when it opens and closes, with the list’s part', async () => {
    const onUiChange = vi.fn();
    show([ticket(1)], { canCreate: true, onCreateTicket: vi.fn(), onTicketForm: vi.fn(), newTicket: form, onUiChange });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search tickets' }), { target: { value: '#1' } });
    fireEvent.click(screen.getByRole('button', { name: 'New ticket' }));
    await nextFrame();
    expect(onUiChange).toHaveBeenLastCalledWith({ query: '#1', tab: 'all', shown: 10, open: [], composing: true });
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'New ticket' }), { key: 'Escape' });
    await nextFrame();
    expect(onUiChange).toHaveBeenLastCalledWith({ query: '#1', tab: 'all', shown: 10, open: [], composing: false });
  });

  it('starts open when it was open in the panel this one took over from, and asks for the form’s choices', () => {
    const onTicketForm = vi.fn();
    const onUiChange = vi.fn();
    const ui = { query: '', tab: 'all', shown: 10, open: [], composing: true } as const;
    show([ticket(1)], { canCreate: true, onCreateTicket: vi.fn(), onTicketForm, newTicket: form, ui: { ...ui, open: [] }, onUiChange });
    expect(screen.getByRole('dialog', { name: 'New ticket' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New ticket' }).getAttribute('aria-expanded')).toBe('true');
    expect(onTicketForm).toHaveBeenCalledTimes(1);
    expect(onUiChange).not.toHaveBeenCalled();
  });
});

describe('one status vocabulary', () => {
  it('a row says a plain status type in the tab’s words, and a portal’s own label as Desk gives it', () => {
    show([
      ticket(1, { statusType: 'On Hold', status: 'On Hold' }),
      ticket(2, { statusType: 'Open', status: 'Escalated' }),
      ticket(3, { statusType: 'Closed', status: 'closed' }),
    ]);
    const statuses = ticketRows().map((row) => row.querySelector('.dl-status')?.textContent);
    expect(statuses).toEqual(['On hold', 'Escalated', 'Closed']);
    expect(screen.getByRole('tab', { name: 'On hold 1' })).toBeTruthy();
  });
});
