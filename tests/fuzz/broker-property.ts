/**
 * The broker's message-handling property, shared by the vitest suite (a few hundred cases) and
 * `npm run fuzz` (10,000+): for any value as a message and any sender, the broker resolves
 * to a well-formed Response, never throws, refuses privileged commands from the wrong sender,
 * and never returns the stored credential's key, even when Desk echoes it back.
 *
 * Import this only after `fake-indexeddb/auto` and a fake `browser` are in place.
 */
import fc from 'fast-check';
import { CRM_HOSTS, DATA_CENTRE_IDS } from '../../lib/shared/data-centres';
import { ALL_ERROR_CODES } from '../unit/support/error-codes';
import { COMMANDS, type Command } from '../../lib/shared/commands';
import { CRM_MODULES } from '../../lib/shared/protocol';
import type { TestBroker } from '../unit/support/broker-setup';

export const FUZZ_KEY = '1000.zsc.fuzz.SECRET-KEY-do-not-leak';
const EXT_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;

/** Connects `world` with the credential the property watches for. */
export async function connectForFuzz(world: TestBroker): Promise<void> {
  await world.connect({ timeZone: 'UTC' }, FUZZ_KEY);
}

/**
 * A hostile, non-retrying Desk: answers cycle through tickets, errors quoting the Authorization
 * header, bodies that are not JSON, and 204. (Retried statuses would only add backoff sleeps.)
 */
export function fuzzFetch(): typeof fetch {
  let n = 0;
  const answer = (init?: RequestInit): Response => {
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    switch (n++ % 5) {
      case 0:
        return new Response(
          JSON.stringify({
            data: [
              {
                id: '1892000000123456789',
                ticketNumber: '1',
                subject: auth,
                status: 'Open',
                statusType: 'Open',
                createdTime: '2026-01-01T00:00:00Z',
              },
            ],
            count: 1,
          }),
          { status: 200 },
        );
      case 1:
        return new Response(JSON.stringify({ errorCode: 'INVALID_OAUTH', message: `bad token ${auth}` }), { status: 401 });
      case 2:
        return new Response(JSON.stringify({ errorCode: 'UNPROCESSABLE_ENTITY', message: `echo ${auth}` }), { status: 422 });
      case 3:
        return new Response(`<html>${auth}</html>`, { status: 200 });
      default:
        return new Response(null, { status: 204 });
    }
  };
  return (_input, init) => Promise.resolve(answer(init));
}

const ALL_COMMANDS = Object.keys(COMMANDS) as Command[];
const PANEL_COMMANDS: string[] = ALL_COMMANDS.filter((command) => COMMANDS[command].from === 'page');
const ADMIN_COMMANDS: string[] = ALL_COMMANDS.filter((command) => COMMANDS[command].from === 'extension');

const digits = fc.stringMatching(/^\d{1,19}$/);
const recordArb = fc.record({
  crmHost: fc.constantFrom(...CRM_HOSTS),
  dataCentre: fc.constantFrom(...DATA_CENTRE_IDS),
  orgSegment: fc.constantFrom('org20110845', 'x'),
  module: fc.constantFrom(...CRM_MODULES),
  recordId: digits,
});
const identityArb = fc.record(
  {
    emails: fc.array(fc.oneof(fc.emailAddress(), fc.string()), { maxLength: 4 }),
    name: fc.string({ maxLength: 40 }),
    accountName: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: ['emails'] },
);

/** Messages: anything at all, known and unknown commands with random fields, and valid-looking ones. */
export const messageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc
    .dictionary(fc.string(), fc.anything())
    .chain((extra) =>
      fc
        .constantFrom(...ALL_COMMANDS, 'tickets.delete', '', '__proto__', 'constructor', 'toString')
        .map((command) => ({ ...extra, command })),
    ),
  fc.record({
    command: fc.constant('tickets.get'),
    record: recordArb,
    identity: identityArb,
    mode: fc.constantFrom('cached', 'fresh', 'refresh', 'peek'),
  }),
  fc.record({ command: fc.constant('tickets.get'), record: fc.anything(), identity: fc.anything(), mode: fc.anything() }),
  fc.constantFrom(...ALL_COMMANDS).map((command) => ({ command })),
  fc.record({ command: fc.constant('setup.listPortals'), dataCentre: fc.constantFrom(...DATA_CENTRE_IDS, 'zz') }),
);

const tab = (url?: string) => ({
  id: 3,
  index: 0,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
  ...(url ? { url } : {}),
});
const urlArb = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(...CRM_HOSTS).map((h) => `https://${h}/crm/org1/tab/Leads/1`),
  fc.constantFrom(
    'http://crm.zoho.com/',
    'https://crm.zoho.com.evil.example/',
    `${EXT_ORIGIN}/options.html`,
    'about:blank',
    'data:text/html,x',
  ),
  fc.string(),
);

export type FuzzSender = 'crm' | 'extension' | 'other';

/** Senders: the two legitimate ones, small variations of them, random records and non-objects. */
export const senderArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant({
    id: EXT_ID,
    url: 'https://crm.zoho.com/crm/org1/tab/Contacts/1',
    origin: 'https://crm.zoho.com',
    tab: tab('https://crm.zoho.com/crm/org1/tab/Contacts/1'),
    frameId: 0,
  }),
  fc.constant({ id: EXT_ID, url: `${EXT_ORIGIN}/options.html`, origin: EXT_ORIGIN, tab: tab(`${EXT_ORIGIN}/options.html`), frameId: 0 }),
  fc.record(
    {
      id: fc.oneof(fc.constant(EXT_ID), fc.string()),
      url: urlArb,
      origin: fc.oneof(urlArb, fc.constant(EXT_ORIGIN)),
      tab: fc.option(urlArb.map(tab)),
      frameId: fc.integer({ min: -1, max: 5 }),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

function senderKind(sender: unknown): FuzzSender {
  if (typeof sender !== 'object' || sender === null) return 'other';
  const s = sender as { id?: unknown; url?: unknown; tab?: unknown };
  if (s.id !== EXT_ID || typeof s.url !== 'string') return 'other';
  if (s.url.startsWith(`${EXT_ORIGIN}/`)) return 'extension';
  try {
    const url = new URL(s.url);
    if (url.protocol === 'https:' && CRM_HOSTS.includes(url.hostname) && s.tab) return 'crm';
  } catch {
    // not a URL
  }
  return 'other';
}

/** Why a response breaks the contract, or null when it is fine. */
export function responseProblem(message: unknown, sender: unknown, response: unknown): string | null {
  if (typeof response !== 'object' || response === null) return 'not an object';
  const keys = Object.keys(response).sort().join(',');
  const r = response as { ok?: unknown; data?: unknown; error?: { code?: unknown; detail?: unknown; status?: unknown } };
  if (r.ok === true) {
    if (keys !== 'data,ok') return `ok response with keys ${keys}`;
  } else if (r.ok === false) {
    if (keys !== 'error,ok') return `error response with keys ${keys}`;
    if (!r.error || !(ALL_ERROR_CODES as readonly unknown[]).includes(r.error.code)) return `unknown error code ${String(r.error?.code)}`;
    if (r.error.detail !== undefined && typeof r.error.detail !== 'string') return 'detail not a string';
  } else return 'ok is not a boolean';
  let text: string;
  try {
    text = JSON.stringify(structuredClone(response));
  } catch (error) {
    return `not cloneable: ${String(error)}`;
  }
  if (text.includes(FUZZ_KEY)) return 'the credential key leaked into a response';

  const command =
    typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as { command?: unknown }).command : undefined;
  const kind = senderKind(sender);
  const code = r.ok === false ? r.error?.code : undefined;
  if (typeof command === 'string' && PANEL_COMMANDS.includes(command) && kind !== 'crm' && code !== 'FORBIDDEN_SENDER') {
    return `panel command ${command} accepted from a ${kind} sender`;
  }
  if (typeof command === 'string' && ADMIN_COMMANDS.includes(command) && kind !== 'extension' && code !== 'FORBIDDEN_SENDER') {
    return `admin command ${command} accepted from a ${kind} sender`;
  }
  return null;
}

/** One case against `world`'s broker: never throws itself; returns the problem found, if any. */
export async function checkCase(world: TestBroker, message: unknown, sender: unknown): Promise<string | null> {
  let response: unknown;
  try {
    response = await world.broker.handle(message, sender as never);
  } catch (error) {
    return `handleMessage threw: ${String(error)}`;
  }
  return responseProblem(message, sender, response);
}
