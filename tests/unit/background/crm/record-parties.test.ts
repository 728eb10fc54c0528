// Who a record is, per module, from CRM's answers: the fields asked for and what is kept.
import { describe, expect, it } from 'vitest';
import type { CrmClient, CrmRecordFields } from '../../../../lib/background/crm/crm-client';
import { readRecordParties } from '../../../../lib/background/crm/record-parties';

const signal = new AbortController().signal;

function fakeCrm(records: Record<string, CrmRecordFields | null>) {
  const asked: { module: string; id: string; fields: readonly string[] }[] = [];
  const client: CrmClient = {
    getRecord: ({ module, id, fields }) => {
      asked.push({ module, id, fields });
      return Promise.resolve(records[`${module}:${id}`] ?? null);
    },
  };
  return { client, asked };
}

const at = { apiDomain: 'https://www.zohoapis.com', token: 't' };

describe('record parties from CRM’s API', () => {
  it('Leads: Email, Secondary_Email and the name, only those fields', async () => {
    const { client, asked } = fakeCrm({
      'Leads:1': { id: '1', Email: 'ayesha@northwind.example', Secondary_Email: null, Full_Name: 'Ayesha Khan' },
    });
    expect(await readRecordParties(client, { ...at, module: 'Leads', id: '1' }, signal)).toEqual({
      kind: 'person',
      emails: ['ayesha@northwind.example'],
      name: 'Ayesha Khan',
      accountName: null,
    });
    expect(asked[0]!.fields).toEqual(['Email', 'Secondary_Email', 'Full_Name', 'First_Name', 'Last_Name']);
  });

  it('Contacts: both emails (no repeats, no non-addresses), the name from first and last, the account lookup’s name', async () => {
    const { client, asked } = fakeCrm({
      'Contacts:2': {
        Email: 'Daniel@contoso.example',
        Secondary_Email: 'daniel@contoso.example',
        First_Name: 'Daniel',
        Last_Name: 'Okafor',
        Account_Name: { id: '77', name: 'Contoso Ltd' },
      },
      'Contacts:3': { Email: 42, Secondary_Email: 'not an email', Last_Name: 'Solo', Account_Name: null },
    });
    expect(await readRecordParties(client, { ...at, module: 'Contacts', id: '2' }, signal)).toEqual({
      kind: 'person',
      emails: ['Daniel@contoso.example'],
      name: 'Daniel Okafor',
      accountName: 'Contoso Ltd',
    });
    expect(asked[0]!.fields).toContain('Account_Name');
    expect(await readRecordParties(client, { ...at, module: 'Contacts', id: '3' }, signal)).toEqual({
      kind: 'person',
      emails: [],
      name: 'Solo',
      accountName: null,
    });
  });

  it('Accounts: Account_Name and the record id', async () => {
    const { client, asked } = fakeCrm({ 'Accounts:5': { id: '5', Account_Name: 'Globex Corporation' } });
    expect(await readRecordParties(client, { ...at, module: 'Accounts', id: '5' }, signal)).toEqual({
      kind: 'account',
      id: '5',
      name: 'Globex Corporation',
    });
    expect(asked[0]!.fields).toEqual(['Account_Name']);
  });

  it('Deals: the contact and account lookups, then the contact’s emails from its own record', async () => {
    const { client, asked } = fakeCrm({
      'Deals:9': { Contact_Name: { id: '2', name: 'Daniel Okafor' }, Account_Name: { id: '77', name: 'Contoso Ltd' } },
      'Contacts:2': { Email: 'daniel@contoso.example', Secondary_Email: 'd.okafor@gmail.example', Full_Name: 'Daniel Okafor' },
    });
    expect(await readRecordParties(client, { ...at, module: 'Deals', id: '9' }, signal)).toEqual({
      kind: 'deal',
      contact: { id: '2', name: 'Daniel Okafor', emails: ['daniel@contoso.example', 'd.okafor@gmail.example'] },
      account: { id: '77', name: 'Contoso Ltd' },
    });
    expect(asked.map((a) => [a.module, a.id, a.fields.join(',')])).toEqual([
      ['Deals', '9', 'Contact_Name,Account_Name'],
      ['Contacts', '2', 'Email,Secondary_Email,Full_Name,First_Name,Last_Name'],
    ]);
  });

  it('Deals: no contact lookup (or one without an id) reads no contact; a deleted contact keeps its lookup without emails', async () => {
    const { client, asked } = fakeCrm({
      'Deals:10': { Contact_Name: null, Account_Name: { id: '77', name: 'Contoso Ltd' } },
      'Deals:11': { Contact_Name: { name: 'No Id' }, Account_Name: { id: 'x', name: 'Bad' } },
      'Deals:12': { Contact_Name: { id: '404', name: 'Gone' } },
    });
    expect(await readRecordParties(client, { ...at, module: 'Deals', id: '10' }, signal)).toEqual({
      kind: 'deal',
      contact: null,
      account: { id: '77', name: 'Contoso Ltd' },
    });
    expect(await readRecordParties(client, { ...at, module: 'Deals', id: '11' }, signal)).toEqual({
      kind: 'deal',
      contact: null,
      account: null,
    });
    expect(await readRecordParties(client, { ...at, module: 'Deals', id: '12' }, signal)).toEqual({
      kind: 'deal',
      contact: { id: '404', name: 'Gone', emails: [] },
      account: null,
    });
    expect(asked.filter((a) => a.module === 'Contacts').map((a) => a.id)).toEqual(['404']);
  });

  it('is null when CRM has no such record', async () => {
    const { client } = fakeCrm({});
    expect(await readRecordParties(client, { ...at, module: 'Leads', id: '404' }, signal)).toBeNull();
  });
});
