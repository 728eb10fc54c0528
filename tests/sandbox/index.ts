/**
 * The DeskLink sandbox: one HTTPS server on 127.0.0.1 standing in for Zoho. It answers by Host
 * header: desk.zoho.<dc> (Desk API, held to the contract table in contract/), crm.zoho.<dc> /
 * crmsandbox.zoho.<dc> (CRM NextGen pages), www.zohoapis.<dc> (CRM's REST API, crm-rest.ts),
 * accounts.zoho.<dc> (Zoho Accounts, OAuth); any other
 * host gets a plain 404 (Firefox's own traffic lands here when every name resolves to loopback).
 * Desk answers vary within what the files allow, from a seed printed at start.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAccounts } from './accounts';
import { accountsState, type AccountsState } from './accounts-state';
import { certificateFor } from './cert';
import { handleCrm } from './crm/server';
import { handleCrmRest } from './crm-rest';
import { getDataset, type SandboxSize } from './data';
import { handleDesk, type DeskRuntime } from './desk/api';
import { portalById, tokenOf } from './desk/access';
import { CreatedRecords, DEFAULT_SEARCH_INDEX_DELAY_MS, type CreatedTicket } from './desk/created';
import { createCreditBook, dailyBudget } from './desk/credits';
import { deskError } from './desk/errors';
import { applyFault, FaultBook, type FaultRule, type TruncatedReply } from './faults';
import { PORTALS } from './fixtures';
import type { PortalKey } from './generate/model';
import { hostKind, SANDBOX_HOSTS } from './hosts';
import { textReply, type Reply } from './reply';
import { chooseSeed, createVariation } from './variation';

export type { FaultRule } from './faults';
export type { CreatedTicket } from './desk/created';
export type { RefreshTokenRecord, SelfClientGrant, SelfClientRequest, TokenRequestLogEntry } from './self-client';
export {
  CRM_ORG,
  KEYS,
  PORTALS,
  RECORDS,
  recordPath,
  ADMIN_EMAIL,
  LIMITED_EMAIL,
  EU_ADMIN_EMAIL,
  OAUTH_CLIENT_ID,
  OAUTH_USERS,
  deskHostOf,
} from './fixtures';
export { chromiumHostRulesFlag, COMPANY_CRM_HOSTS, firefoxHostPrefs, SANDBOX_HOSTS } from './hosts';
export { keyWithScopes } from './desk/access';
export { listCrmRecords, type GeneratedRecord, type SandboxSize } from './data';

export interface SandboxOptions {
  port?: number;
  /** Filler tickets: 'test' ≈ 50, 'demo' ≈ 2,000, 'bench' 100,000, or a number (fixtures come on top). */
  size?: SandboxSize;
  quiet?: boolean;
  /** How long a CRM page keeps the previous record's DOM after a switch; default 350. */
  crmRenderDelayMs?: number;
  /**
   * Seed of the answers' legal variation (which nullable values are null, which optional keys
   * are absent, counters as numbers or strings). Default: DESKLINK_SANDBOX_SEED, else random.
   */
  seed?: number;
  /** How long a created ticket stays out of `/tickets/search` (Desk's search index lags); default 5000. */
  searchIndexDelayMs?: number;
}

export interface RequestLogEntry {
  at: number;
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 until the answer is sent. */
  status: number;
  /** Milliseconds from the request's arrival to its answer sent, injected delays included (0 until then). */
  ms: number;
  orgId?: string;
  token?: string;
}

export interface Sandbox {
  port: number;
  hosts: string[];
  log: RequestLogEntry[];
  deskCalls(filter?: { path?: string | RegExp }): RequestLogEntry[];
  clearLog(): void;
  addFault(rule: FaultRule): () => void;
  clearFaults(): void;
  setConcurrencyLimit(orgId: string, limit: number | null): void;
  /** Today's API credits left for a portal; null: the edition's full budget again. */
  setDailyCredits(orgId: string, left: number | null): void;
  /** Today's API credits left for a portal. */
  creditsLeft(orgId: string): number;
  /**
   * Tickets created through `POST /api/v1/tickets`, oldest first, of one portal or all; a ticket a
   * `reachesDesk` fault stored is here though its client saw no answer.
   */
  createdTickets(filter?: { orgId?: string }): CreatedTicket[];
  /** Forget the tickets and contacts created through the API: every portal is its generated data again. */
  clearCreatedTickets(): void;
  /** How long a created ticket stays out of `/tickets/search`, from its creation (applies to earlier tickets too). */
  setSearchIndexDelay(ms: number): void;
  /** The seed of this run's answer variation (DESKLINK_SANDBOX_SEED=<seed> replays it). */
  readonly seed: number;
  /**
   * Zoho Accounts (OAuth): token lifetime, who signs in, expiring tokens, ending sessions, reset;
   * Self Clients: `selfClient(...)` (client id, secret and a grant code), `revoke(...)`,
   * `refreshTokens()`, `tokenRequests()` (the token endpoint's log).
   */
  oauth: AccountsState;
  close(): Promise<void>;
}

/** Concurrent calls per portal by edition, as Zoho Desk's API limits page lists them. */
function editionLimit(edition: string): number {
  const e = edition.toUpperCase();
  if (e.includes('FREE') || e === 'TRIAL') return 5;
  if (e === 'EXPRESS' || e === 'STANDARD') return 10;
  if (e === 'PROFESSIONAL') return 15;
  return 25; // ENTERPRISE, ZOHOONE, CRMPLUS, ULTIMATE
}

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataset = getDataset(options.size ?? 'test');
  const { key, cert } = certificateFor(SANDBOX_HOSTS);
  const faults = new FaultBook();
  const log: RequestLogEntry[] = [];
  const inFlight: Record<PortalKey, number> = { A: 0, B: 0, C: 0, E: 0, U: 0 };
  const seed = chooseSeed(options.seed);
  console.log(`[sandbox] answer variation seed ${seed} (replay: DESKLINK_SANDBOX_SEED=${seed})`);
  const credits = createCreditBook();
  const budgetOf = (portal: PortalKey) => dailyBudget(PORTALS[portal].edition, dataset.portals[portal].agents.length);
  const records = new CreatedRecords(dataset, options.searchIndexDelayMs ?? DEFAULT_SEARCH_INDEX_DELAY_MS);
  const runtime: DeskRuntime = {
    variation: createVariation(seed),
    credits,
    budgetOf,
    grantedScopes: (token) => accountsState.scopesOfToken(token),
    records,
    now: () => Date.now(),
  };
  const limitOverride = new Map<PortalKey, number>();
  const renderDelayMs = options.crmRenderDelayMs ?? 350;

  const limitOf = (portal: PortalKey) => limitOverride.get(portal) ?? editionLimit(PORTALS[portal].edition);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const target = hostKind(firstHeader(req.headers.host));
    const host = target?.host ?? (firstHeader(req.headers.host) ?? '').replace(/:\d+$/, '').toLowerCase();
    const orgId = firstHeader(req.headers.orgid);
    const token = tokenOf(firstHeader(req.headers.authorization));
    const entry: RequestLogEntry = {
      at: started,
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      ms: 0,
      ...(orgId !== undefined ? { orgId } : {}),
      ...(token !== undefined ? { token } : {}),
    };
    log.push(entry);
    const done = () => {
      if (entry.status) return;
      entry.status = res.statusCode;
      entry.ms = Date.now() - started;
      if (!options.quiet && target) {
        const query = url.search.length > 90 ? `${url.search.slice(0, 90)}…` : url.search;
        console.log(`[sandbox] ${res.statusCode} ${entry.method} ${host}${url.pathname}${query} ${Date.now() - started}ms`);
      }
    };
    res.on('finish', done);
    res.on('close', done);
    // Read before answering: the token endpoint takes a form body, Desk's writes a JSON body.
    const body = await bodyOf(req);

    if (!target) return write(res, textReply(404, 'Not found'));

    // Desk counts in-flight calls per portal; one beyond the edition's limit is refused at once.
    let portal: PortalKey | undefined;
    if (target.kind === 'desk') {
      portal = portalById(orgId?.trim());
      if (portal && inFlight[portal] >= limitOf(portal)) return write(res, deskError('TOO_MANY_REQUESTS'));
      if (portal) {
        const held = portal;
        inFlight[held] += 1;
        res.on('close', () => (inFlight[held] -= 1));
      }
    }

    const normal = (): Reply => {
      const base = { host, method: entry.method, path: url.pathname, query: url.searchParams };
      if (target.kind === 'desk') return handleDesk({ ...base, headers: req.headers, body }, runtime);
      if (target.kind === 'crm') return handleCrm(dataset, base, { renderDelayMs });
      if (target.kind === 'crmApi') return handleCrmRest(dataset, { ...base, authorization: firstHeader(req.headers.authorization) });
      return handleAccounts({ ...base, headers: req.headers, body });
    };
    const rule = faults.take(host, url.pathname, entry.method);
    write(res, rule ? await applyFault(rule, normal) : normal());
  }

  const server: Server = createServer({ key, cert }, (req, res) => {
    answer(req, res).catch((error: unknown) => {
      console.error('[sandbox] handler failed', error);
      if (!res.headersSent) write(res, deskError('INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    hosts: [...SANDBOX_HOSTS],
    log,
    deskCalls(filter) {
      return log.filter(
        (e) =>
          e.host.startsWith('desk.') &&
          e.path.startsWith('/api/') &&
          (!filter?.path || (typeof filter.path === 'string' ? e.path.startsWith(filter.path) : filter.path.test(e.path))),
      );
    },
    clearLog() {
      log.length = 0;
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    oauth: accountsState,
    seed,
    createdTickets: (filter) => records.created(filter),
    clearCreatedTickets: () => records.clear(),
    setSearchIndexDelay(ms) {
      if (!(ms >= 0)) throw new Error(`the search index delay is a number of ms ≥ 0 (got ${ms})`);
      records.searchIndexDelayMs = ms;
    },
    creditsLeft(orgId) {
      const portal = portalById(orgId);
      if (!portal) throw new Error(`no sandbox portal has orgId ${orgId}`);
      return credits.remaining(orgId, budgetOf(portal), Date.now());
    },
    setDailyCredits(orgId, left) {
      const portal = portalById(orgId);
      if (!portal) throw new Error(`no sandbox portal has orgId ${orgId}`);
      credits.set(orgId, left, budgetOf(portal), Date.now());
    },
    setConcurrencyLimit(orgId, limit) {
      const portal = portalById(orgId);
      if (!portal) throw new Error(`no sandbox portal has orgId ${orgId}`);
      if (limit === null) limitOverride.delete(portal);
      else limitOverride.set(portal, limit);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request body as text (at most 1 MB is kept; a Zoho form is a few hundred bytes). */
function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1_000_000) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
    req.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function write(res: ServerResponse, reply: TruncatedReply): void {
  if (reply.hang) return; // the connection stays open, unanswered, until the client or close() ends it
  if (reply.reset) {
    res.socket?.destroy(); // no status line at all: the client sees the connection fail
    return;
  }
  const body = reply.body === undefined ? undefined : Buffer.from(reply.body);
  const headers: Record<string, string | number> = { ...reply.headers };
  if (body) headers['content-length'] = body.length;
  else if (reply.status !== 204 && reply.status !== 304) headers['content-length'] = 0;
  if (reply.sendBytes !== undefined && body) {
    // Promise the whole body, send the headers, then half the body, then end the connection:
    // the client has a response in hand and sees its body break off, as on a dropped link.
    headers.connection = 'close';
    res.writeHead(reply.status, headers);
    res.flushHeaders();
    setTimeout(() => res.write(body.subarray(0, reply.sendBytes), () => res.socket?.end()), 150);
    return;
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}
