/**
 * Zoho CRM REST API v8, get one record (record.json): for a later use (reading a record's fields
 * by API rather than from the page). Not served by the sandbox yet.
 */
import { crm, type SpecSource } from './sources';

export type CrmModule = 'Leads' | 'Contacts' | 'Accounts' | 'Deals';

export interface CrmRecordContract {
  id: 'crmGetRecord';
  method: 'GET';
  /** On the token's `api_domain` (a zohoapis host), never the Desk host. */
  path: '/crm/v8/{module}/{recordId}';
  modules: readonly CrmModule[];
  source: SpecSource;
  /** Any one of these is enough (the file lists them as alternative security requirements). */
  scopesAnyOf: (module: CrmModule) => readonly string[];
  query: { fields: { type: 'list'; required: false; note: string } };
  response: { status: 200; envelope: '{"data":[record]}'; empty: 204; lookups: string };
  /** The field API names DeskLink reads, per module. */
  fields: Readonly<Record<CrmModule, readonly string[]>>;
}

export const crmGetRecord: CrmRecordContract = {
  id: 'crmGetRecord',
  method: 'GET',
  path: '/crm/v8/{module}/{recordId}',
  modules: ['Leads', 'Contacts', 'Accounts', 'Deals'],
  source: crm('v8.0/record.json', 'paths/~1{module}~1{record_id}/get'),
  scopesAnyOf: (module) => [`ZohoCRM.modules.${module}.READ`, 'ZohoCRM.modules.READ', 'ZohoCRM.modules.ALL'],
  query: {
    fields: {
      type: 'list',
      required: false,
      note: 'optional on get-by-id in record.json; required on the list call GET /crm/v8/{module}; send it anyway',
    },
  },
  response: { status: 200, envelope: '{"data":[record]}', empty: 204, lookups: '{"name","id"} (Owner adds email)' },
  fields: {
    Leads: ['Email', 'Secondary_Email', 'First_Name', 'Last_Name', 'Full_Name', 'Company'],
    Contacts: ['Email', 'Secondary_Email', 'First_Name', 'Last_Name', 'Full_Name', 'Account_Name'],
    Accounts: ['Account_Name'],
    Deals: ['Deal_Name', 'Stage', 'Account_Name', 'Contact_Name'],
  },
};
