import { describe, expect, it } from 'vitest';
import { ALL_FEATURES, DESK_READ_SCOPES, missingFeatureScopes, scopesFor } from '../../../lib/shared/scopes';

const CRM_READ_SCOPES = scopesFor({ readCrm: true, createTickets: false }).filter((scope) => scope.startsWith('ZohoCRM.'));

describe('which features granted scopes leave out', () => {
  it('nothing when everything DeskLink may ask for was granted', () => {
    expect(missingFeatureScopes(scopesFor(ALL_FEATURES))).toEqual([]);
  });

  it('names the scope to add for ticket creation and each CRM module not granted', () => {
    expect(missingFeatureScopes([...DESK_READ_SCOPES, 'ZohoCRM.modules.leads.READ'])).toEqual([
      { feature: 'createTickets', scopes: ['Desk.tickets.CREATE'] },
      { feature: 'readCrm', scopes: ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.modules.accounts.READ', 'ZohoCRM.modules.deals.READ'] },
    ]);
  });

  it('accepts the broader scopes Zoho also grants, and scope names in either case', () => {
    expect(missingFeatureScopes([...DESK_READ_SCOPES, 'Desk.tickets.ALL', 'ZohoCRM.modules.READ'])).toEqual([]);
    expect(missingFeatureScopes(['desk.tickets.create', ...CRM_READ_SCOPES.map((s) => s.replace('leads', 'Leads'))])).toEqual([]);
  });
});
