import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../../../lib/background/desk/errors';
import { createTicketBody } from '../../../../lib/background/desk/new-ticket';

describe('the POST /tickets body', () => {
  it('names a known Desk contact by id, files it under the account, and leaves out an empty description and priority', () => {
    const body = createTicketBody({
      subject: 'Renewal quote',
      description: '  \n ',
      departmentId: '300',
      customer: { contactId: '777' },
      accountId: '555',
    });
    expect(body).toEqual({ subject: 'Renewal quote', departmentId: '300', contactId: '777', accountId: '555', channel: 'Phone' });
  });

  it('sends markup in the text as the characters typed, never as anything built from it', () => {
    const body = createTicketBody({
      subject: '<img src=x onerror=alert(1)>',
      description: '<script>alert(2)</script> & more',
      departmentId: '300',
      customer: { email: 'a@b.example', name: '山田 太郎' },
    });
    expect(body).toMatchObject({
      subject: '<img src=x onerror=alert(1)>',
      description: '<script>alert(2)</script> & more',
      contact: { lastName: '山田 太郎', email: 'a@b.example' },
    });
  });
});

describe('a 422 names the fields Desk refused', () => {
  it('as the form calls them, leaving out names that are not field names', () => {
    const error = errorFromResponse({
      status: 422,
      host: 'desk.zoho.com',
      body: {
        errorCode: 'INVALID_DATA',
        errors: [{ fieldName: '/subject' }, { fieldName: '/contact/email' }, { fieldName: '<b>x</b>' }, { errorType: 'missing' }],
      },
    });
    expect(error.info.fields).toEqual(['subject', 'contact.email']);
  });
});
