// Broker test fixtures (not a test file): a broker built through the product's own factories over
// fake-indexeddb and WXT's fake browser, a connected configuration, and a scripted ticket source.
import type { DeskLookupCache } from '../../../lib/background/cache/desk-lookups';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBroker } from '../../../lib/background/broker/broker';
import { createDeskCallBudget } from '../../../lib/background/broker/desk-call-budget';
import type { MessageSender } from '../../../lib/background/broker/sender-policy';
import { createDeskTicketSource, type TicketSource } from '../../../lib/background/broker/ticket-source';
import { createTicketCache, type TicketCache } from '../../../lib/background/cache/ticket-cache';
import { createCredentialStore, type CredentialStore } from '../../../lib/background/credentials/store';
import { createDeskClients } from '../../../lib/background/desk/desk-clients';
import type { OnFirstRows } from '../../../lib/background/desk/matching';
import type { CrmHostRegistrar } from '../../../lib/background/crm-hosts/registrar';
import type { OAuthBrowser } from '../../../lib/background/oauth/renewal';
import type { StoredSettings } from '../../../lib/background/settings/schema';
import { writeStoredSettings } from '../../../lib/background/settings/store';
import { createBrokerClient } from '../../../lib/shared/broker-client';
import type { CommandFrom, DataOf, Identity, RecordRef, RequestOf } from '../../../lib/shared/commands';
import { DeskLinkError } from '../../../lib/shared/errors';
import type { Response, TicketSummary } from '../../../lib/shared/protocol';
import { tickets } from './cache';
import { testCrmHosts } from './crm-host-fakes';
import { crmTab, optionsTab } from './senders';

export const KEY = '1000.zsc.3f9a1c.admin';
export const PORTAL = { id: '649182735', name: 'Zylker Inc.', portalName: 'zylker' };
/** Where the broker keeps the last Desk error (storage.local, which content scripts can read). */
export const LAST_ERROR_KEY = 'diagnostics.lastError';

export const settings = (overrides: Partial<StoredSettings> = {}): StoredSettings => ({
  version: 1,
  dataCentre: 'com',
  email: 'Admin@Zylker.com',
  authKind: 'zsc',
  portal: PORTAL,
  enabled: true,
  language: 'en',
  timeZone: 'America/Los_Angeles',
  ...overrides,
});

export interface TestBrokerOptions {
  /** Zoho Desk; by default every call fails as if offline. */
  fetch?: typeof fetch;
  /** Where tickets come from; by default Zoho Desk through `fetch`. */
  tickets?: TicketSource;
  oauthBrowser?: Partial<OAuthBrowser>;
  /** Zoho Accounts' token endpoint (the organisation credential); by default unreachable. */
  accounts?: typeof fetch;
  cache?: TicketCache;
  credentials?: CredentialStore;
  now?: () => number;
  /** The company CRM hosts (default: none granted, on the fakes of ./crm-host-fakes.ts). */
  crmHosts?: CrmHostRegistrar;
  /** Desk calls allowed a minute; by default the policy's, else 60. */
  callsPerMinute?: number;
  /** What Desk searches found, shared among records and with New ticket's form (default: none kept). */
  lookups?: DeskLookupCache;
}

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

/** The answer's data, or the broker's typed error thrown as a DeskLinkError. */
function unwrap<T>(response: Response<T>): T {
  if (!response.ok) throw new DeskLinkError(response.error);
  return response.data;
}

/** A broker as the background builds it, with the parts tests reach into and typed callers. */
export function testBroker(options: TestBrokerOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const perMinute = options.callsPerMinute;
  const budget = createDeskCallBudget({ now, ...(perMinute ? { limit: () => Promise.resolve(perMinute) } : {}) });
  const desk = createDeskClients({ fetch: budget.guard(options.fetch ?? offline), now });
  const cache = options.cache ?? createTicketCache();
  const credentials = options.credentials ?? createCredentialStore(now);
  const broker = createBroker({
    cache,
    credentials,
    desk,
    budget,
    tickets: options.tickets ?? createDeskTicketSource(desk, options.lookups),
    ...(options.lookups ? { lookups: options.lookups } : {}),
    oauthBrowser: {
      launch: () => Promise.reject(new Error('no sign-in window in this test')),
      redirectUri: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      ...options.oauthBrowser,
    },
    accountsFetch: options.accounts ?? offline,
    crmHosts: options.crmHosts ?? testCrmHosts().registrar,
    now,
  });
  const asOptions = createBrokerClient<'extension'>({ sendMessage: (message) => broker.handle(message, optionsTab()) });
  const asPanel = createBrokerClient<'page'>({ sendMessage: (message) => broker.handle(message, recordTab(message)) });
  return {
    broker,
    cache,
    credentials,
    /** Any message from any sender (by default the CRM tab showing the record the message names), answered as the background answers it. */
    send: (message: unknown, sender: MessageSender = recordTab(message)) => broker.handle(message, sender),
    /** A command of the options page: its data, or its typed error thrown. */
    admin: async <C extends CommandFrom<'extension'>>(request: RequestOf<C>): Promise<DataOf<C>> => unwrap(await asOptions(request)),
    /** A command of the content script on a CRM tab: its data, or its typed error thrown. */
    panel: async <C extends CommandFrom<'page'>>(request: RequestOf<C>): Promise<DataOf<C>> => unwrap(await asPanel(request)),
    /** Stores a connected setup (settings and a ZSC key), as a successful Save leaves it. */
    async connect(overrides: Partial<StoredSettings> = {}, key = KEY): Promise<void> {
      await writeStoredSettings(settings(overrides));
      await credentials.save({ kind: 'zsc', key, email: 'Admin@Zylker.com', dataCentre: 'com' });
    },
    /** Marks the stored credential as refused by Zoho. */
    async rejectStoredCredential(): Promise<void> {
      const stored = await credentials.get();
      if (!stored) throw new Error('nothing stored to reject');
      await credentials.markRejected(stored);
    },
  };
}

export type TestBroker = ReturnType<typeof testBroker>;

/** The URL of a record's page, as the browser reports it for the frame showing it (CRM's addresses name Deals `Potentials`). */
export const recordUrl = (record: RecordRef) =>
  `https://${record.crmHost}/crm/${record.orgSegment}/tab/${record.module === 'Deals' ? 'Potentials' : record.module}/${record.recordId}`;

/** The content script of the CRM tab showing the record `message` names (any CRM record page when it names none). */
function recordTab(message: unknown): MessageSender {
  const record = (message as { record?: Partial<RecordRef> } | null)?.record;
  const complete =
    record &&
    typeof record === 'object' &&
    [record.crmHost, record.orgSegment, record.module, record.recordId].every((part) => typeof part === 'string');
  return complete ? crmTab(recordUrl(record as RecordRef)) : crmTab();
}

/** The last Desk error as stored in storage.local. */
export async function storedLastError(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(LAST_ERROR_KEY))[LAST_ERROR_KEY];
}

export const contact: RecordRef = {
  crmHost: 'crm.zoho.com',
  dataCentre: 'com',
  orgSegment: 'org20110845',
  module: 'Contacts',
  recordId: '5293322000004120017',
};
export const lead: RecordRef = { ...contact, module: 'Leads', recordId: '5293322000003516055' };
export const identity: Identity = { emails: ['daniel.okafor@contoso.example', 'd.okafor@gmail.example'], name: 'Daniel Okafor' };

export const ticketsGet = (mode: 'cached' | 'fresh' | 'refresh', record = contact, who = identity) => ({
  command: 'tickets.get' as const,
  record,
  identity: who,
  mode,
});

/**
 * A ticket source that answers from a script: each call gets the next answer (the last repeats).
 * `gate` holds answers until released, to keep requests in flight.
 */
export function scriptedSource(answers: (TicketSummary[] | Error)[] = [tickets(0, 3)]) {
  const calls: { record: RecordRef; identity: Identity }[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  let onFirstRows: OnFirstRows | undefined;
  const source: TicketSource = {
    fingerprint: (record, who) => JSON.stringify([record.recordId, [...who.emails].sort()]),
    async find(_ready, record, who, _signal, tell) {
      const answer = answers[Math.min(calls.length, answers.length - 1)]!;
      calls.push({ record, identity: who });
      onFirstRows = tell;
      if (gate) await gate;
      if (answer instanceof Error) throw answer;
      return { tickets: answer, truncated: false };
    },
  };
  return {
    source,
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release() {
      gate = null;
      release();
    },
    /** The search running now finds these first (while held): the rest need another round trip. */
    tellFirstRows(rows: TicketSummary[]) {
      onFirstRows?.({ tickets: rows, truncated: false, deskUrl: null });
    },
  };
}
