/** The services createBroker builds once and hands to the handlers (each takes what it needs). */
import type { DeskLookupCache } from '../cache/desk-lookups';
import type { TicketCache } from '../cache/ticket-cache';
import type { WithCredential } from '../credentials/rejection';
import type { CredentialStore } from '../credentials/store';
import type { DeskClients } from '../desk/desk-clients';
import type { SetupChecks } from '../desk/setup-checks';
import type { OrgTokens } from '../oauth/org-tokens';
import type { OAuthBrowser, OAuthRenewal } from '../oauth/renewal';
import type { LoadContext } from './context';
import type { DeskCallBudget } from './desk-call-budget';
import type { DiagnosticsStore } from './diagnostics';
import type { SettingsViews } from './settings-view';
import type { TicketSource } from './ticket-source';

export interface BrokerParts {
  cache: TicketCache;
  credentials: CredentialStore;
  tickets: TicketSource;
  /** What the ticket lookups found in Desk (contacts, accounts), shared per portal; absent: none kept. */
  lookups?: DeskLookupCache;
  /** The Desk clients every Desk call goes through (the new ticket's calls too). */
  desk: DeskClients;
  budget: DeskCallBudget;
  oauthBrowser: OAuthBrowser;
  now: () => number;
  setup: SetupChecks;
  renewal: OAuthRenewal;
  /** The organisation credential's access tokens, from Zoho Accounts. */
  orgTokens: OrgTokens;
  withCredential: WithCredential;
  diagnostics: DiagnosticsStore;
  loadContext: LoadContext;
  views: SettingsViews;
}
