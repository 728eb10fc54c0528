// Broker test fixtures: a connected configuration and a scripted ticket source (not a test file).
import { saveCredential } from '../../../lib/background/credentials/credential';
import type { TicketSource } from '../../../lib/background/broker/ticket-source';
import type { Identity, RecordRef } from '../../../lib/shared/commands';
import type { TicketSummary } from '../../../lib/shared/protocol';
import { writeStoredSettings, type StoredSettings } from '../../../lib/background/settings/store';
import { tickets } from './cache';

export const KEY = '1000.zsc.3f9a1c.admin';
export const PORTAL = { id: '649182735', name: 'Zylker Inc.', portalName: 'zylker' };

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

export async function connect(overrides: Partial<StoredSettings> = {}, key = KEY): Promise<void> {
  await writeStoredSettings(settings(overrides));
  await saveCredential({ kind: 'zsc', key, email: 'Admin@Zylker.com', dataCentre: 'com' });
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
  const source: TicketSource = {
    fingerprint: (record, who) => JSON.stringify([record.recordId, [...who.emails].sort()]),
    async find(_ready, record, who) {
      const answer = answers[Math.min(calls.length, answers.length - 1)]!;
      calls.push({ record, identity: who });
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
  };
}
