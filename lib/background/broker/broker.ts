/**
 * The broker: every Zoho API call and all caching, behind one message entry. Built once by the
 * background's composition root (entrypoints/background.ts) from the parts it is given; all its
 * state (in-flight searches, renewals, request budgets, open databases) lives in what this
 * returns, none in module variables.
 */
import { browser } from 'wxt/browser';
import type { CrmIdentitySource } from '../../shared/protocol';
import type { TicketCache } from '../cache/ticket-cache';
import type { CrmHostRegistrar } from '../crm-hosts/registrar';
import { createRejectionRule } from '../credentials/rejection';
import type { CredentialStore } from '../credentials/store';
import type { DeskClients } from '../desk/desk-clients';
import { createSetupChecks } from '../desk/setup-checks';
import { createOrgTokens } from '../oauth/org-tokens';
import { createOAuthRenewal, type OAuthBrowser } from '../oauth/renewal';
import { createAdminHandlers } from './admin-handlers';
import { createContextLoader } from './context';
import { createCrmHostHandlers } from './crm-host-handlers';
import type { DeskCallBudget } from './desk-call-budget';
import { createDiagnostics } from './diagnostics';
import { createDispatch, type HandleMessage } from './dispatch';
import type { Handlers } from './handlers';
import { createOAuthHandlers } from './oauth-handlers';
import { createPanelHandlers } from './panel-handlers';
import type { BrokerParts } from './parts';
import { knownSecrets } from './redact';
import { createSettingsViews } from './settings-view';
import { createAgentLookup } from './signed-in-agent';
import { createSetupHandlers } from './setup-handlers';
import type { TicketSource } from './ticket-source';

interface BrokerDeps {
  cache: TicketCache;
  credentials: CredentialStore;
  /** Every Desk call the broker makes goes through these clients (fetch and clock inside). */
  desk: DeskClients;
  /** This browser's budget of Desk calls (the fetch under `desk` takes from it). */
  budget: DeskCallBudget;
  /** Where a record's tickets come from: Zoho Desk through `desk` (createDeskTicketSource). */
  tickets: TicketSource;
  oauthBrowser: OAuthBrowser;
  /** Zoho Accounts' token endpoint, for the organisation credential's tokens (not a Desk call: outside the budget). */
  accountsFetch: typeof fetch;
  /** The company CRM hosts the admin added or the policy names (scripts, permissions, the host map). */
  crmHosts: CrmHostRegistrar;
  now: () => number;
  /** Where the last record's identity came from, for diagnostics (absent: not known). */
  crmIdentity?: () => Promise<CrmIdentitySource | null>;
}

interface Broker {
  /** Answers one runtime message from `sender`; never throws. */
  handle: HandleMessage;
}

export function createBroker(deps: BrokerDeps): Broker {
  const { cache, credentials, desk, now } = deps;
  const setup = createSetupChecks(desk);
  const renewal = createOAuthRenewal({ credentials, oauthBrowser: deps.oauthBrowser, now, agentOf: createAgentLookup(setup) });
  const orgTokens = createOrgTokens({ fetch: deps.accountsFetch, now });
  const withCredential = createRejectionRule({ credentials, renewal, orgTokens });
  const parts: BrokerParts = {
    ...deps,
    setup,
    renewal,
    orgTokens,
    withCredential,
    diagnostics: createDiagnostics({
      cache,
      budget: deps.budget,
      now,
      apiUsage: () => desk.usage(),
      droppedItems: () => desk.dropped(),
      ...(deps.crmIdentity ? { crmIdentity: deps.crmIdentity } : {}),
    }),
    loadContext: createContextLoader({ credentials, renewal, now }),
    views: createSettingsViews({ credentials, setup, withCredential }),
  };
  const handlers: Handlers = {
    ...createPanelHandlers(parts),
    ...createSetupHandlers(parts),
    ...createAdminHandlers(parts),
    ...createOAuthHandlers(parts),
    ...createCrmHostHandlers(deps.crmHosts),
  };
  const currentTabUrl = async (tabId: number) => (await browser.tabs.get(tabId)).url;
  return {
    handle: createDispatch(
      handlers,
      () => knownSecrets(credentials, orgTokens.held()),
      currentTabUrl,
      () => deps.crmHosts.inForce(),
    ),
  };
}
