import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkDraft, createDraftStore, fitDraft, rejectedFields, type TicketDraft } from '../../../lib/page/new-ticket-form';
import type { NewTicketOptions } from '../../../lib/shared/protocol';

const EMPTY_DRAFT: TicketDraft = { subject: '', description: '', departmentId: '', priority: '', customer: 0 };
const OPTIONS: NewTicketOptions = {
  departments: [{ id: '300', name: 'Support' }],
  priorities: ['High'],
  customers: [{ contactId: '777', name: 'Acme buyer', email: 'buyer@acme.example' }],
  accountId: '555',
};

describe('the new ticket’s draft', () => {
  it('fits the choices: a department, priority or person no longer offered falls back', () => {
    expect(fitDraft({ subject: 's', description: '', departmentId: '999', priority: 'Urgent', customer: 4 }, OPTIONS)).toEqual({
      subject: 's',
      description: '',
      departmentId: '300',
      priority: '',
      customer: 0,
    });
  });

  it('becomes the ticket for a Desk contact, filed under the account', () => {
    expect(checkDraft({ ...fitDraft(null, OPTIONS), subject: ' Quote ', priority: 'High' }, OPTIONS)).toEqual({
      ticket: {
        subject: 'Quote',
        description: '',
        departmentId: '300',
        priority: 'High',
        customer: { contactId: '777' },
        accountId: '555',
      },
    });
  });

  it('is refused without a subject, with one or a description longer than Desk takes, and without a department or person', () => {
    const none: NewTicketOptions = { ...OPTIONS, departments: [], customers: [] };
    expect(checkDraft({ ...EMPTY_DRAFT, description: 'x'.repeat(65_536) }, none)).toEqual({
      problems: [
        { field: 'subject', problem: 'required' },
        { field: 'description', problem: 'tooLong' },
        { field: 'departmentId', problem: 'required' },
        { field: 'customer', problem: 'required' },
      ],
    });
    expect(checkDraft({ ...fitDraft(null, OPTIONS), subject: 'x'.repeat(256) }, OPTIONS)).toEqual({
      problems: [{ field: 'subject', problem: 'tooLong' }],
    });
  });

  it('names the form’s fields Desk refused', () => {
    expect(rejectedFields({ code: 'INVALID_DATA', fields: ['subject', 'contact.email', 'contactId', 'cf.cf_x'] })).toEqual([
      'subject',
      'customer',
    ]);
  });

  it('is dropped after a day where it is kept beyond the browser session', async () => {
    let now = 0;
    const store = createDraftStore(fakeBrowser.storage.local, 'crm.zoho.com/org1/Leads/3', () => now);
    await store.save({ ...EMPTY_DRAFT, subject: 'Yesterday' });
    now = 23 * 3_600_000;
    expect((await store.load())?.subject).toBe('Yesterday');
    now = 25 * 3_600_000;
    expect(await store.load()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('is kept per record in the extension’s session storage and can be cleared', async () => {
    const lead = createDraftStore(fakeBrowser.storage.session, 'crm.zoho.com/org1/Leads/1');
    const other = createDraftStore(fakeBrowser.storage.session, 'crm.zoho.com/org1/Leads/2');
    await lead.save({ ...EMPTY_DRAFT, subject: 'Half-typed' });
    expect((await lead.load())?.subject).toBe('Half-typed');
    expect(await other.load()).toBeNull();
    await lead.clear();
    expect(await lead.load()).toBeNull();
  });
});
