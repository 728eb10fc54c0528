/**
 * The background's composition root: builds the broker from its parts and registers it. The
 * listener is registered synchronously at start (building opens nothing yet), so the message that
 * woke the worker is handled.
 */
import { browser } from 'wxt/browser';
import { createBroker } from '@/lib/background/broker/broker';
import { createDeskCallBudget } from '@/lib/background/broker/desk-call-budget';
import { answerHeldAsks } from '@/lib/background/broker/held-asks';
import { createDeskTicketSource } from '@/lib/background/broker/ticket-source';
import { createDeskLookupCache } from '@/lib/background/cache/desk-lookups';
import { createSessionEvictionBound } from '@/lib/background/cache/eviction-bound';
import { createTicketCache } from '@/lib/background/cache/ticket-cache';
import { createCredentialStore } from '@/lib/background/credentials/store';
import { createCrmClient } from '@/lib/background/crm/crm-client';
import { createCrmFirstTicketSource } from '@/lib/background/crm/crm-first-source';
import { createCrmRecordCache } from '@/lib/background/crm/crm-record-cache';
import { createIdentityNotes } from '@/lib/background/crm/identity-notes';
import { createCrmHostRegistrar } from '@/lib/background/crm-hosts/registrar';
import { watchCrmHostChanges } from '@/lib/background/crm-hosts/watch';
import { createDeskClients } from '@/lib/background/desk/desk-clients';
import { launchWebAuthFlow, redirectUri } from '@/lib/background/oauth/web-auth';
import { readPolicy } from '@/lib/background/policy';
import { effectiveSettings } from '@/lib/background/settings/store';
import { HELD_ASK_PORT } from '@/lib/shared/held-ask';

export default defineBackground(() => {
  const now = () => Date.now();
  // Every Desk call, the setup checks' included, is taken from this browser's budget first.
  const budget = createDeskCallBudget({ now });
  const desk = createDeskClients({ fetch: budget.guard((input, init) => fetch(input, init)), now });
  // CRM's REST API has its own budget of the same size: its credits are the CRM org's, not Desk's.
  const crmBudget = createDeskCallBudget({ now, stateKey: 'crmCallBudget' });
  const crm = createCrmClient({ fetch: crmBudget.guard((input, init) => fetch(input, init)) });
  const identityNotes = createIdentityNotes(now);
  const crmHosts = createCrmHostRegistrar({
    scripting: browser.scripting,
    permissions: browser.permissions,
    storage: browser.storage.local,
    policyHosts: async () => (await readPolicy()).policy.crmHosts ?? [],
    dataCentre: async () => (await effectiveSettings()).dataCentre,
    // The CRM content script as WXT builds it (entrypoints/crm.content).
    scriptFile: 'content-scripts/crm.js',
  });
  const cache = createTicketCache({ evictionBound: createSessionEvictionBound() });
  // The Desk contacts and accounts one record's search found serve the next with the same email
  // or name, and New ticket's form for that record.
  const lookups = createDeskLookupCache(now, () => cache.generation());
  const broker = createBroker({
    cache,
    credentials: createCredentialStore(now),
    desk,
    budget,
    lookups,
    // A record's identity from CRM's API when the sign-in may read it there, else the page's.
    tickets: createCrmFirstTicketSource({
      desk: createDeskTicketSource(desk, lookups),
      crm,
      cache: createCrmRecordCache(),
      notes: identityNotes,
      now,
    }),
    crmIdentity: () => identityNotes.last(),
    oauthBrowser: { launch: launchWebAuthFlow, redirectUri },
    accountsFetch: (input, init) => fetch(input, init),
    crmHosts,
    now,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    // sendResponse + `return true`: works with Chrome, Firefox, the polyfill and the test fake.
    void broker.handle(message, sender).then(sendResponse);
    return true;
  });
  browser.runtime.onConnect.addListener((port) => port.name === HELD_ASK_PORT && answerHeldAsks(port, broker.handle));
  watchCrmHostChanges(() => crmHosts.reconcile());
});
