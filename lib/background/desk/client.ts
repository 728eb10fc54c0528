/**
 * The Zoho Desk API client: one method per endpoint DeskLink uses, on the real Desk host of the
 * configured data centre (lib/shared/data-centres.ts). Each call goes through the portal's request
 * policy (concurrency, retries), sends only that endpoint's documented parameters, and returns
 * zod-validated, normalised data or throws a typed DeskLinkError. 204 means "nothing": an empty
 * list, or null for single objects. In a list or search answer each item is checked alone: one
 * Zoho sent in a shape no reading of its files allows is dropped and reported (`onDropped`),
 * the others are kept, and paging still counts every item Zoho sent.
 */
import type { z } from 'zod';
import { DATA_CENTRES, type DataCentreId } from '../../shared/data-centres';
import { DeskLinkError } from '../../shared/errors';
import { deskError, schemaError } from './errors';
import {
  ENDPOINT_SCOPES,
  queryString,
  type AccountSearchParams,
  type AccountTicketsParams,
  type ContactSearchParams,
  type ContactTicketsParams,
  type Endpoint,
  type MyDepartmentsParams,
  type LatestThreadParams,
  type MyInfoParams,
  type OrganizationFieldsParams,
  type TicketSearchParams,
} from './params';
import { createRequestPolicy, type RequestLimiter } from './request-policy';
import {
  AccountSchema,
  ContactSchema,
  DepartmentSchema,
  MyInfoSchema,
  OrganizationSchema,
  TicketFieldSchema,
  ThreadSchema,
  TicketSchema,
  listEnvelope,
  searchEnvelope,
  type Account,
  type Contact,
  type Department,
  type MyInfo,
  type Organization,
  type SearchPage,
  type Thread,
  type Ticket,
  type TicketField,
} from './schemas';
import { deskRequest, type ApiCredits } from './transport';
import type { ListPage } from './schemas';

const DEFAULT_TIMEOUT_MS = 15_000;

interface DeskClientOptions {
  dataCentre: DataCentreId;
  /** ZSC key or OAuth access token, sent as `Authorization: Zoho-oauthtoken <token>`. */
  token: string;
  /** The portal's org id, sent as the `orgId` header (all endpoints but /organizations). */
  orgId?: string;
  fetch?: typeof fetch;
  /** The portal's shared request policy; a private default-limit policy when absent. */
  limiter?: RequestLimiter;
  timeoutMs?: number;
  now?: () => number;
  /** Told the day's remaining API credits whenever an answer carries them. */
  onCredits?: (credits: ApiCredits) => void;
  /** Told of the items of an answer dropped for a shape Zoho's files do not allow. */
  onDropped?: (report: DroppedItems) => void;
}

export interface DroppedItems {
  endpoint: Endpoint;
  count: number;
  /** The first dropped item's first problem: its path and what was expected (never the value). */
  issue: string;
}

export interface DeskClient {
  readonly host: string;
  readonly orgId: string | undefined;
  now(): number;
  organizations(signal?: AbortSignal): Promise<Organization[]>;
  myInfo(params?: MyInfoParams, signal?: AbortSignal): Promise<MyInfo | null>;
  searchTickets(params: TicketSearchParams, signal?: AbortSignal): Promise<SearchPage<Ticket>>;
  searchContacts(params: ContactSearchParams, signal?: AbortSignal): Promise<SearchPage<Contact>>;
  contactTickets(contactId: string, params?: ContactTicketsParams, signal?: AbortSignal): Promise<ListPage<Ticket>>;
  searchAccounts(params: AccountSearchParams, signal?: AbortSignal): Promise<SearchPage<Account>>;
  getAccount(accountId: string, signal?: AbortSignal): Promise<Account | null>;
  accountTickets(accountId: string, params?: AccountTicketsParams, signal?: AbortSignal): Promise<ListPage<Ticket>>;
  myDepartments(params?: MyDepartmentsParams, signal?: AbortSignal): Promise<ListPage<Department>>;
  organizationFields(params: OrganizationFieldsParams, signal?: AbortSignal): Promise<ListPage<TicketField>>;
  /**
   * `POST /tickets`, sent once (never retried: a second send could make a second ticket); the
   * created ticket. The body is built by lib/background/desk/new-ticket.ts.
   */
  createTicket(body: object, signal?: AbortSignal): Promise<Ticket>;
  /** The ticket's latest thread; null when it has none (204). */
  latestThread(ticketId: string, params?: LatestThreadParams, signal?: AbortSignal): Promise<Thread | null>;
}

export function createDeskClient(options: DeskClientOptions): DeskClient {
  const host = DATA_CENTRES[options.dataCentre].deskHost;
  const now = options.now ?? Date.now;
  const limiter = options.limiter ?? createRequestPolicy();
  const transport = {
    host,
    token: options.token,
    orgId: options.orgId,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now,
  };

  /** An id placed in a URL path must be digits: nothing else may reach the path. */
  const pathId = (id: string) => {
    if (!/^\d{1,24}$/.test(id)) throw deskError({ code: 'INVALID_INPUT', host, detail: 'id must be a digit string' });
    return id;
  };

  /** GET (or the one POST), validate; null when Zoho answered 204 / an empty body. */
  async function get<S extends z.ZodType>(
    path: string,
    endpoint: Endpoint,
    params: object | undefined,
    schema: S,
    signal: AbortSignal | undefined,
    post?: { json: object },
  ): Promise<z.output<S> | null> {
    const withOrgId = endpoint !== 'organizations';
    const pathAndQuery = path + queryString(endpoint, params);
    let answer: Awaited<ReturnType<typeof deskRequest>>;
    try {
      answer = post
        ? await limiter.run((s) => deskRequest(transport, pathAndQuery, withOrgId, s, { method: 'POST', json: post.json }), signal, {
            retry: false,
          })
        : await limiter.run((s) => deskRequest(transport, pathAndQuery, withOrgId, s), signal);
    } catch (error) {
      // Zoho does not say which scope is missing: name the ones this endpoint declares.
      if (error instanceof DeskLinkError && error.code === 'SCOPE_MISMATCH' && !error.info.scopes) {
        throw deskError({ ...error.info, scopes: [...ENDPOINT_SCOPES[endpoint]] });
      }
      throw error;
    }
    if (answer.credits) options.onCredits?.(answer.credits);
    if (answer.body === undefined) return null;
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw schemaError(parsed.error, answer.status, host);
    return parsed.data;
  }

  /** The items that fit `item`; the others are reported to `onDropped`, never thrown. */
  function keepValid<T extends z.ZodType>(endpoint: Endpoint, raw: unknown[], item: T): z.output<T>[] {
    const kept: z.output<T>[] = [];
    let dropped = 0;
    let issue = '';
    for (const value of raw) {
      const parsed = item.safeParse(value);
      if (parsed.success) kept.push(parsed.data);
      else {
        dropped += 1;
        if (!issue) issue = parsed.error.issues.slice(0, 1).map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`)[0] ?? '';
      }
    }
    if (dropped) options.onDropped?.({ endpoint, count: dropped, issue: issue.slice(0, 200) });
    return kept;
  }

  const list = async <T extends z.ZodType>(
    path: string,
    endpoint: Endpoint,
    params: object | undefined,
    item: T,
    signal?: AbortSignal,
  ): Promise<ListPage<z.output<T>>> => {
    const raw = (await get(path, endpoint, params, listEnvelope, signal))?.data ?? [];
    return { data: keepValid(endpoint, raw, item), received: raw.length };
  };

  const search = async <T extends z.ZodType>(
    path: string,
    endpoint: Endpoint,
    params: object,
    item: T,
    signal?: AbortSignal,
  ): Promise<SearchPage<z.output<T>>> => {
    const page = await get(path, endpoint, params, searchEnvelope, signal);
    if (!page) return { data: [], received: 0, count: 0 };
    return { data: keepValid(endpoint, page.data, item), received: page.data.length, count: page.count ?? page.data.length };
  };

  return {
    host,
    orgId: options.orgId,
    now,
    organizations: async (signal) => (await list('/organizations', 'organizations', undefined, OrganizationSchema, signal)).data,
    myInfo: (params, signal) => get('/myinfo', 'myInfo', params, MyInfoSchema, signal),
    searchTickets: (params, signal) => search('/tickets/search', 'ticketSearch', params, TicketSchema, signal),
    searchContacts: (params, signal) => search('/contacts/search', 'contactSearch', params, ContactSchema, signal),
    contactTickets: async (id, params, signal) => list(`/contacts/${pathId(id)}/tickets`, 'contactTickets', params, TicketSchema, signal),
    searchAccounts: (params, signal) => search('/accounts/search', 'accountSearch', params, AccountSchema, signal),
    getAccount: async (id, signal) => get(`/accounts/${pathId(id)}`, 'getAccount', undefined, AccountSchema, signal),
    accountTickets: async (id, params, signal) => list(`/accounts/${pathId(id)}/tickets`, 'accountTickets', params, TicketSchema, signal),
    myDepartments: (params, signal) => list('/myDepartments', 'myDepartments', params, DepartmentSchema, signal),
    organizationFields: (params, signal) => list('/organizationFields', 'organizationFields', params, TicketFieldSchema, signal),
    createTicket: async (body, signal) => {
      const created = await get('/tickets', 'createTicket', undefined, TicketSchema, signal, { json: body });
      if (!created) throw deskError({ code: 'MALFORMED_JSON', host, detail: 'the created ticket was not in the answer' });
      return created;
    },
    latestThread: async (id, params, signal) => get(`/tickets/${pathId(id)}/latestThread`, 'latestThread', params, ThreadSchema, signal),
  };
}
