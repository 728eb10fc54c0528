/**
 * The broker: every Zoho API call and all caching, behind one message entry. Built once by the
 * background's composition root (entrypoints/background.ts) from the parts it is given; all its
 * state (in-flight searches, renewals, request budgets, open databases) lives in what this
 * returns, none in module variables.
 */
import { browser } from 'wxt/browser';
import { COMMANDS, type Command } from '../../shared/commands';
import type { CrmIdentitySource } from '../../shared/protocol';
import type { DeskLookupCache } from '../cache/desk-lookups';
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
import { changesSettings, noticingWrites } from './context-changes';
import { createCrmHostHandlers } from './crm-host-handlers';
import type { DeskCallBudget } from './desk-call-budget';
import { createDiagnostics } from './diagnostics';
import { createDispatch, type HandleMessage } from './dispatch';
import { isExtensionPageSender } from './sender-policy';
import type { Handlers } from './handlers';
import { createOAuthHandlers } from './oauth-handlers';
import { createPanelHandlers } from './panel-handlers';
import type { BrokerParts } from './parts';
import { keptRead } from './kept-read';
import { knownSecrets, storedSecrets } from './redact';
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
  /** The Desk contacts and accounts the ticket lookups found, for New ticket's form (absent: it searches). */
  lookups?: DeskLookupCache;
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

/** A message naming a command that may change settings or the credential (one naming none reached no handler). */
const namesChangingCommand = (message: unknown): boolean => {
  if (typeof message !== 'object' || message === null) return false;
  const command = String((message as { command?: unknown }).command);
  return Object.hasOwn(COMMANDS, command) && !COMMANDS[command as Command].readOnly;
};

export function createBroker(deps: BrokerDeps): Broker {
  const { cache, desk, now } = deps;
  // The context kept for panel requests is forgotten whenever what it was read from may have changed.
  const contextChanged = () => {
    context.forget();
    secrets.forget();
  };
  const credentials = noticingWrites(deps.credentials, contextChanged);
  const setup = createSetupChecks(desk);
  const renewal = createOAuthRenewal({ credentials, oauthBrowser: deps.oauthBrowser, now, agentOf: createAgentLookup(setup) });
  const orgTokens = createOrgTokens({ fetch: deps.accountsFetch, now });
  const withCredential = createRejectionRule({ credentials, renewal, orgTokens });
  const context = createContextLoader({ credentials, renewal, now });
  const secrets = keptRead(() => storedSecrets(credentials));
  browser.storage.onChanged.addListener((changes, area) => changesSettings(changes, area) && contextChanged());
  const parts: BrokerParts = {
    ...deps,
    credentials,
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
    loadContext: context.load,
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
  const dispatch = createDispatch(
    handlers,
    async () => knownSecrets(await secrets.get(), orgTokens.held()),
    currentTabUrl,
    () => deps.crmHosts.inForce(),
  );
  return {
    handle: async (message, sender, held) => {
      const answer = await dispatch(message, sender, held);
      // Extension pages are where settings and credentials are changed: read them afresh after any
      // of their commands that may change them (a read, such as an open Diagnostics, changes nothing).
      if (typeof sender === 'object' && sender !== null && isExtensionPageSender(sender) && namesChangingCommand(message)) contextChanged();
      return answer;
    },
  };
}
