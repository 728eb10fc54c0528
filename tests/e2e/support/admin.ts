/**
 * Admin protocol messages the harness sends to configure DeskLink without clicking through the
 * wizard (the options page tests drive the wizard itself). Shared by the Chromium and Firefox
 * fixtures and the demo.
 */
import type { Response, SettingsView } from '../../../lib/shared/protocol';
import type { Request } from '../../../lib/shared/commands';
import type { Sandbox } from '../../sandbox/index';
import { DEFAULT_SEARCH_INDEX_DELAY_MS } from '../../sandbox/desk/created';
import { ADMIN_EMAIL, KEYS, PORTALS } from '../../sandbox/fixtures';

export interface ConnectOptions {
  /** Sandbox portal (default `A`). */
  portal?: 'A' | 'B';
  language?: 'en' | 'ja';
  /** IANA zone (default: the portal's own zone, America/Los_Angeles for A, Asia/Tokyo for B). */
  timeZone?: string;
  /** false: connect, then untick "Enable Zoho Desk integration". */
  enabled?: boolean;
}

/** `setup.save` with the sandbox admin key on data centre `com`, then optionally disable. */
export function connectRequests(opts: ConnectOptions = {}): Request[] {
  const portal = PORTALS[opts.portal ?? 'A'];
  const requests: Request[] = [
    {
      command: 'setup.save',
      dataCentre: 'com',
      credential: { kind: 'zsc', key: KEYS.admin, email: ADMIN_EMAIL },
      portalId: portal.id,
      language: opts.language ?? 'en',
      timeZone: opts.timeZone ?? portal.timeZone,
    },
  ];
  if (opts.enabled === false) requests.push({ command: 'settings.update', enabled: false });
  return requests;
}

/** The data of an ok Response, else an Error carrying the broker's error code and message. */
export function unwrap<T>(response: Response<T> | undefined, what: string): T {
  if (!response) throw new Error(`${what}: no answer from the background (is a message listener registered?)`);
  if (!response.ok) throw new Error(`${what} failed: ${JSON.stringify(response.error)}`);
  return response.data;
}

/** Sends every connect request through `send`, failing on the first error. */
export async function connectWith(
  send: (request: Request) => Promise<Response<unknown>>,
  opts: ConnectOptions = {},
): Promise<SettingsView> {
  let settings: SettingsView | undefined;
  for (const request of connectRequests(opts)) {
    settings = unwrap(await send(request), request.command) as SettingsView;
  }
  return settings!;
}

/** What one test may change in the shared sandbox, undone before the next test. */
export function resetSandbox(sandbox: Sandbox): void {
  sandbox.clearFaults();
  sandbox.clearLog();
  for (const portal of Object.values(PORTALS)) sandbox.setConcurrencyLimit(portal.id, null);
  // Tickets a test created would change the fixture records' ticket counts for the next.
  sandbox.clearCreatedTickets();
  sandbox.setSearchIndexDelay(DEFAULT_SEARCH_INDEX_DELAY_MS);
}
