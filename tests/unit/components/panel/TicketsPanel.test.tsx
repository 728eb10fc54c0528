import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { render as draw } from 'preact';
import { TicketsPanel } from '../../../../components/panel/TicketsPanel';
import type { PanelProps } from '../../../../components/panel/types';
import type { PanelBody } from '../../../../lib/page/panel-state';
import type { StatusType, TicketSummary, TicketsView } from '../../../../lib/shared/protocol';

afterEach(cleanup);

const NOW = Date.parse('2024-06-01T12:00:00Z');

let seq = 0;
function ticket(over: Partial<TicketSummary> & { statusType?: StatusType | null } = {}): TicketSummary {
  seq += 1;
  const n = String(1000 + seq);
  return {
    id: `5293322000010${String(seq).padStart(6, '0')}`,
    ticketNumber: n,
    subject: `Subject ${n}`,
    status: over.statusType === 'Closed' ? 'Closed' : over.statusType === 'On Hold' ? 'On Hold' : 'Open',
    statusType: 'Open',
    priority: 'High',
    dueDate: null,
    isOverDue: false,
    createdTime: '2024-05-01T00:00:00Z',
    modifiedTime: `2024-05-${String((seq % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    assigneeName: 'Jade Tran',
    webUrl: `https://desk.zoho.com/support/zylker/ShowHomePage.do#Cases/dv/${n}`,
    ...over,
  };
}

function view(tickets: TicketSummary[], over: Partial<TicketsView> = {}): TicketsView {
  return { tickets, fetchedAt: NOW - 5 * 60_000, stale: false, revalidating: false, truncated: false, ...over };
}

function show(body: PanelBody, over: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    body,
    language: 'en',
    timeZone: 'UTC',
    now: NOW,
    optionsUrl: 'chrome-extension://abc/options.html',
    onRefresh: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  };
  render(<TicketsPanel {...props} />);
  return props;
}

const region = (name = 'Zoho Desk tickets') => screen.getByRole('region', { name });
/** The table's rows that are tickets: not the header row (column headers), not an open preview. */
const ticketRows = () =>
  screen
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('columnheader').length === 0 && !row.classList.contains('dl-preview-row'));
/** A row's cell under the column header of this name, its text collapsed. */
const cellText = (row: HTMLElement, column: string) => {
  const index = screen.getAllByRole('columnheader').findIndex((header) => header.textContent?.trim() === column);
  return within(row).getAllByRole('cell')[index]?.textContent?.replace(/\s+/g, ' ').trim();
};

describe('TicketsPanel with tickets', () => {
  it('is a region named "Zoho Desk tickets" whose root carries lang', () => {
    show({ kind: 'tickets', view: view([ticket()]) });
    expect(region().getAttribute('lang')).toBe('en');
  });

  it('counts tickets per status type in tabs named "All 4", "Open 2", "On hold 1", "Closed 1"', () => {
    const tickets = [
      ticket({ statusType: 'Open' }),
      ticket({ statusType: 'Open', status: 'Escalated' }),
      ticket({ statusType: 'On Hold' }),
      ticket({ statusType: 'Closed' }),
    ];
    show({ kind: 'tickets', view: view(tickets) });
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['All 4', 'Open 2', 'On hold 1', 'Closed 1']);
    expect(screen.getByRole('tab', { name: 'All 4' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: 'Open 2' }));
    const rows = ticketRows();
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => within(row).getByText(/^(Open|Escalated)$/).textContent)).toEqual(
      expect.arrayContaining(['Open', 'Escalated']),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Closed 1' }));
    expect(ticketRows()).toHaveLength(1);
  });

  it('moves between tabs with the arrow keys', () => {
    show({ kind: 'tickets', view: view([ticket(), ticket({ statusType: 'Closed' })]) });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'All 2' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Open 1' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Open 1' }), { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Closed 1' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows one row per ticket, newest first, with number, linked subject, status, priority and assignee', () => {
    const old = ticket({ ticketNumber: '101', subject: 'Old printer jam', modifiedTime: '2024-01-02T00:00:00Z' });
    const recent = ticket({ ticketNumber: '202', subject: 'Invoice wrong', modifiedTime: '2024-05-30T08:15:00Z', priority: 'Low' });
    const listOnly = ticket({ ticketNumber: '150', subject: 'No modified time', modifiedTime: null, createdTime: '2024-03-01T00:00:00Z' });
    show({ kind: 'tickets', view: view([old, recent, listOnly]) });
    const rows = ticketRows();
    expect(rows.map((row) => within(row).getByText(/^#\d+$/).textContent)).toEqual(['#202', '#150', '#101']);
    const first = rows[0]!;
    const link = within(first).getByRole('link', { name: 'Invoice wrong' });
    expect(link.getAttribute('href')).toBe(recent.webUrl);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(first.textContent).toContain('Low');
    expect(first.textContent).toContain('Jade Tran');
  });

  it('writes last modified as date and clock time in <time datetime> in the settings zone', () => {
    show({ kind: 'tickets', view: view([ticket({ modifiedTime: '2024-05-31T16:45:00Z' })]) }, { timeZone: 'Asia/Tokyo' });
    const time = ticketRows()[0]!.querySelector('.dl-modified time');
    expect(time?.getAttribute('datetime')).toBe('2024-05-31T16:45:00.000Z');
    expect(time?.textContent).toContain('Jun 1, 2024');
    expect(time?.textContent).toMatch(/1:45\sAM/);
    // The relative age sits beside the absolute time, not instead of it.
    expect(ticketRows()[0]!.textContent).toContain('ago');
  });

  it('shows a ticket Zoho sent with nulls beside the others: "(no subject)", "Unknown status", under All only', () => {
    const sparse = ticket({ subject: null, status: null, statusType: null, ticketNumber: null, assigneeName: null, dueDate: null });
    show({ kind: 'tickets', view: view([ticket({ statusType: 'Open' }), sparse]) });
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['All 2', 'Open 1', 'On hold 0', 'Closed 0']);
    const row = ticketRows().find((r) => within(r).queryByText('(no subject)'))!;
    expect(within(row).getByRole('link', { name: '(no subject)' }).getAttribute('href')).toBe(sparse.webUrl);
    expect(within(row).getByText('Unknown status')).toBeTruthy();
    expect(cellText(row, 'Ticket')).toBe('—');
    expect(cellText(row, 'Assignee')).toBe('—');
    fireEvent.click(screen.getByRole('tab', { name: 'Open 1' }));
    expect(ticketRows()).toHaveLength(1);
  });

  it('labels a creation time standing in for the last modification as "Created"', () => {
    const fromList = ticket({ modifiedTime: '2024-05-03T09:30:00Z', createdTime: '2024-05-03T09:30:00Z', timeKind: 'created' });
    const fromSearch = ticket({ modifiedTime: '2024-05-04T09:30:00Z', timeKind: 'modified' });
    show({ kind: 'tickets', view: view([fromList, fromSearch]) });
    const [newer, older] = ticketRows();
    expect(cellText(older!, 'Last modified')).toMatch(/^Created May 3, 2024/);
    expect(newer!.textContent).not.toContain('Created');
  });

  it('marks an overdue due date with text, not only colour', () => {
    show({
      kind: 'tickets',
      view: view([
        ticket({ ticketNumber: '1', dueDate: '2024-05-20T00:00:00Z', isOverDue: true }),
        ticket({ ticketNumber: '2', dueDate: '2024-05-20T00:00:00Z', statusType: 'Closed', isOverDue: false }),
        ticket({ ticketNumber: '3', dueDate: '2024-07-20T00:00:00Z' }),
      ]),
    });
    const row = (n: string) => ticketRows().find((r) => r.textContent?.includes(`#${n}`))!;
    expect(within(row('1')).getByText('Overdue')).toBeTruthy();
    expect(within(row('2')).queryByText('Overdue')).toBeNull();
    expect(within(row('3')).queryByText('Overdue')).toBeNull();
    expect(row('3').querySelector('.dl-due time')?.getAttribute('datetime')).toBe('2024-07-20T00:00:00.000Z');
  });

  it('shows 10 rows, then 10 more for each "Show more"', () => {
    show({ kind: 'tickets', view: view(Array.from({ length: 23 }, () => ticket())) });
    expect(ticketRows()).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(ticketRows()).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(ticketRows()).toHaveLength(23);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('has no "Show more" with 10 tickets or fewer', () => {
    show({ kind: 'tickets', view: view(Array.from({ length: 10 }, () => ticket())) });
    expect(ticketRows()).toHaveLength(10);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('says when the list was updated, as a <time>, and Refresh calls back', () => {
    const props = show({ kind: 'tickets', view: view([ticket()]) });
    const updated = screen.getByText(/^Updated/);
    expect(updated.textContent).toBe('Updated 5 minutes ago');
    expect(updated.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW - 5 * 60_000).toISOString());
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(props.onRefresh).toHaveBeenCalledTimes(1);
  });

  it('disables Refresh and marks the region busy while refreshing', () => {
    show({ kind: 'tickets', view: view([ticket()]) }, { refreshing: true });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
    expect(region().getAttribute('aria-busy')).toBe('true');
  });

  it('renders hostile subjects, names, statuses and priorities as text and links only https', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    show({
      kind: 'tickets',
      view: view([
        ticket({
          subject: hostile,
          status: '<b>Open</b>',
          priority: '<script>x()</script>',
          assigneeName: '<svg onload=alert(1)>',
          webUrl: 'javascript:alert(1)',
        }),
        ticket({ subject: 'data link', webUrl: 'data:text/html,<script>alert(1)</script>' }),
        ticket({ subject: 'http link', webUrl: 'http://desk.zoho.com/x' }),
      ]),
    });
    const panel = region();
    // DeskLink's own icons are the only drawn elements.
    expect(panel.querySelector('img, script, svg:not(.dl-icon), b')).toBeNull();
    expect(panel.textContent).toContain(hostile);
    expect(panel.textContent).toContain('<script>x()</script>');
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('says "No tickets" when there are none, without tabs', () => {
    show({ kind: 'tickets', view: view([]) });
    expect(screen.getByText('No tickets')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryAllByRole('row')).toHaveLength(0);
  });

  it('keeps stale rows while offline and says how old they are', () => {
    show({
      kind: 'tickets',
      view: view([ticket()], { fetchedAt: NOW - 3 * 3600_000, stale: true, error: { code: 'NETWORK' } }),
    });
    expect(ticketRows()).toHaveLength(1);
    const note = screen.getByText(/could not be reached/);
    expect(note.textContent).toContain('3 hours ago');
    expect(note.querySelector('time')).not.toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says "showing the first 1,000" when Zoho cut the list', () => {
    show({ kind: 'tickets', view: view([ticket()], { truncated: true }) });
    expect(screen.getByText(/Showing the first 1,000 tickets/)).toBeTruthy();
  });

  it('notes a data-centre mismatch', () => {
    show({ kind: 'tickets', view: view([]) }, { dataCentreMismatch: { page: 'eu', configured: 'com' } });
    expect(region().textContent).toMatch(/This CRM page is on crm\.zoho\.eu, but DeskLink is connected to desk\.zoho\.com/);
  });
});

describe('TicketsPanel states', () => {
  it('loading: a busy region with a skeleton and no rows', () => {
    show({ kind: 'loading' });
    expect(region().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading tickets…')).toBeTruthy();
    expect(screen.queryAllByRole('row')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });

  it('error without cached tickets: an alert saying what to do, and Refresh', () => {
    show({ kind: 'error', error: { code: 'NETWORK' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.length).toBeGreaterThan(20);
    expect(alert.textContent).not.toContain('NETWORK');
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });

  it('a tickets answer carrying an error and no data ever fetched is an alert too', () => {
    show({ kind: 'tickets', view: view([], { fetchedAt: null, error: { code: 'TIMEOUT' } }) });
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByText('No tickets')).toBeNull();
  });

  it('not configured: the link "Set up Zoho Desk integration" opens the options page', () => {
    const props = show({ kind: 'unconfigured' });
    const link = screen.getByRole('link', { name: 'Set up Zoho Desk integration' });
    expect(link.getAttribute('href')).toBe('chrome-extension://abc/options.html');
    expect(link.getAttribute('target')).toBe('_blank');
    fireEvent.click(link);
    expect(props.onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('rejected credential: an alert and the set-up link', () => {
    show({ kind: 'rejected' });
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Set up Zoho Desk integration' })).toBeTruthy();
  });

  it('signed out: an alert with "Sign in again"', () => {
    const props = show({ kind: 'signedOut' });
    fireEvent.click(within(screen.getByRole('alert')).getByRole('link', { name: 'Sign in again' }));
    expect(props.onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it('a contact without email and an account without name say why nothing is shown', () => {
    show({ kind: 'noIdentity', module: 'Contacts' });
    expect(region().textContent).toContain('This record has no email address, so DeskLink cannot look up its tickets.');
    cleanup();
    show({ kind: 'noIdentity', module: 'Accounts' });
    expect(region().textContent).toContain('This account has no name');
  });
});

describe('TicketsPanel in Japanese', () => {
  it('translates the region, tabs, buttons and times, with lang="ja"', () => {
    show(
      {
        kind: 'tickets',
        view: view([
          ...Array.from({ length: 11 }, () => ticket()),
          ticket({ statusType: 'Closed', status: 'クローズ', subject: '請求書の再発行', modifiedTime: '2024-12-31T15:30:00Z' }),
        ]),
      },
      { language: 'ja', timeZone: 'Asia/Tokyo' },
    );
    const panel = region('Zoho Desk の問い合わせ');
    expect(panel.getAttribute('lang')).toBe('ja');
    expect(screen.getByRole('tab', { name: 'すべて 12' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'オープン 11' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '保留中 0' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'クローズ 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '更新' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'さらに表示' })).toBeTruthy();
    expect(screen.getByText(/に更新$/).textContent).toBe('5 分前に更新');
    // Open tickets come first; the closed one is under its tab.
    fireEvent.click(screen.getByRole('tab', { name: 'クローズ 1' }));
    const newest = ticketRows()[0]!;
    expect(newest.textContent).toContain('請求書の再発行');
    expect(newest.querySelector('.dl-modified time')?.textContent).toContain('2025年1月1日');
    expect(newest.querySelector('.dl-modified time')?.textContent).toContain('00:30');
  });

  it('uses Japanese for empty, set-up and error states', () => {
    show({ kind: 'tickets', view: view([]) }, { language: 'ja' });
    expect(screen.getByText('問い合わせはありません')).toBeTruthy();
    cleanup();
    show({ kind: 'unconfigured' }, { language: 'ja' });
    expect(screen.getByRole('link', { name: 'Zoho Desk 連携を設定' })).toBeTruthy();
    cleanup();
    show({ kind: 'error', error: { code: 'NETWORK' } }, { language: 'ja' });
    expect(screen.getByRole('alert').textContent).toMatch(/[ぁ-んァ-ン一-龯]/);
  });
});

describe('TicketsPanel matched by CRM link and on deals', () => {
  it('says no email could be read above the tickets of a record matched by its CRM link, in English and Japanese', () => {
    show({ kind: 'tickets', view: view([ticket()]) }, { searched: { emails: [], crmLink: 'noEmail' } });
    expect(region().textContent).toContain('No email address could be read on this page');
    cleanup();
    show({ kind: 'tickets', view: view([]) }, { searched: { emails: [], crmLink: 'masked' }, language: 'ja' });
    expect(region('Zoho Desk の問い合わせ').textContent).toContain('メールアドレスがマスクされている');
  });

  it('says whose each ticket of a deal is: the contact by name, or the account', () => {
    show({
      kind: 'tickets',
      view: view([
        ticket({ subject: 'Keys', whose: { kind: 'contact', name: 'Tomasz Wierzbicki' } }),
        ticket({ subject: 'Invoice', whose: { kind: 'account' } }),
      ]),
    });
    const subjects = ticketRows().map((row) => row.querySelector('.dl-subject')?.textContent);
    expect(subjects).toEqual(
      expect.arrayContaining([expect.stringMatching(/Keys.*Tomasz Wierzbicki$/), expect.stringMatching(/Invoice.*Account$/)]),
    );
    cleanup();
    show({ kind: 'tickets', view: view([ticket({ subject: 'Invoice', whose: { kind: 'account' } })]) }, { language: 'ja' });
    expect(ticketRows()[0]!.querySelector('.dl-whose')?.textContent).toBe('問い合わせの対象 取引先');
  });

  it('names the deal’s contact and account it searched, and a deal without either', () => {
    show(
      { kind: 'tickets', view: view([]) },
      { searched: { emails: [], deal: { contact: 'Tomasz Wierzbicki', account: 'Fabrikam Inc' } } },
    );
    expect(region().textContent).toContain('Searched Zoho Desk for the deal’s contact “Tomasz Wierzbicki” and account “Fabrikam Inc”.');
    cleanup();
    show({ kind: 'noIdentity', module: 'Deals' });
    expect(region().textContent).toContain('This deal shows no contact or account');
  });
});

describe('TicketsPanel New ticket', () => {
  const OPTIONS = {
    departments: [{ id: '300', name: 'Support' }],
    priorities: [],
    customers: [{ contactId: '9', name: 'Daniel Okafor', email: 'd@contoso.example' }],
    accountId: null,
  };

  it('closes the dialog in the very draw that brings the created ticket, so a second Enter cannot create again; reopened, it creates again', async () => {
    const listed = [ticket()];
    const onCreateTicket = vi.fn();
    const props: PanelProps = {
      body: { kind: 'tickets', view: view(listed) },
      language: 'en',
      timeZone: 'UTC',
      now: NOW,
      optionsUrl: 'chrome-extension://abc/options.html',
      onRefresh: vi.fn(),
      onOpenOptions: vi.fn(),
      canCreate: true,
      onTicketForm: vi.fn(),
      onCreateTicket,
      newTicket: { kind: 'ready', options: OPTIONS, sending: false },
    };
    const view1 = render(<TicketsPanel {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'New ticket' }));
    fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Invoice wrong' } });
    fireEvent.submit(screen.getByLabelText('Subject').closest('form')!);
    expect(onCreateTicket).toHaveBeenCalledTimes(1);

    // Drawn outside act(): the DOM right after the draw, before any effect has run.
    const created = ticket({ subject: 'Invoice wrong' });
    draw(<TicketsPanel {...props} created={created} body={{ kind: 'tickets', view: view([created, ...listed]) }} />, view1.container);
    expect(screen.queryByRole('dialog', { name: 'New ticket' })).toBeNull();
    expect(onCreateTicket).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New ticket' })));

    fireEvent.click(screen.getByRole('button', { name: 'New ticket' }));
    expect(screen.getByRole('dialog', { name: 'New ticket' })).toBeTruthy();
  });
});
