/**
 * `New ticket` from a record's panel: the form's choices (`ticket.options`) and the create
 * (`ticket.create`). Dispatch has checked that the sender is the panel of a CRM page showing that
 * very record. A create is sent to Desk once: an identical request in flight is joined, a failure
 * is never retried by itself, and one whose answer never came is looked for in Desk before the
 * rep is told it was not made (so trying again makes no duplicate). The created ticket joins the
 * record's cached tickets beside the answer.
 */
import type { NewTicket, RecordRef } from '../../shared/commands';
import { DeskLinkError, mayHaveReachedDesk, toErrorInfo } from '../../shared/errors';
import type { NewTicketOptions, TicketSummary } from '../../shared/protocol';
import { DESK_CREATE_SCOPE_NAMES } from '../../shared/scopes';
import { recordKeyOf } from '../cache/ticket-cache';
import { deskToken, type Credential } from '../credentials/credential';
import type { DeskClient } from '../desk/client';
import { accountPeople } from '../desk/matching';
import { createTicketBody, dealCustomers, departmentChoices, findJustCreated, personCustomers, priorityChoices } from '../desk/new-ticket';
import { toTicketSummary } from '../desk/ticket-summary';
import { signInScopes } from '../oauth/sign-in';
import type { EffectiveSettings } from '../settings/overlay';
import { requireReady, type ReadyContext } from './context';
import type { Handler, HandlersFrom } from './handlers';
import type { BrokerParts } from './parts';

/** The form's choices stay this long in the worker: departments and priorities change rarely. */
const OPTIONS_TTL_MS = 10 * 60_000;

/**
 * Whether reps may create tickets: not turned off by policy, the sign-in holds the create scope
 * (a key's and an organisation credential's scopes are unknown until Desk answers), and the Desk
 * user is no light agent (Desk lets a light agent read only).
 */
export function mayCreate(settings: EffectiveSettings, credential: Credential | null): boolean {
  if (!settings.allowCreate || !credential) return false;
  if (settings.agent?.role === 'Light') return false;
  if (credential.kind !== 'oauth') return true;
  const granted = signInScopes(credential).map((scope) => scope.toLowerCase());
  return DESK_CREATE_SCOPE_NAMES.some((scope) => granted.includes(scope.toLowerCase()));
}

export function createNewTicketHandlers({
  desk,
  cache,
  lookups,
  loadContext,
  withCredential,
  diagnostics,
  now,
}: Pick<BrokerParts, 'desk' | 'cache' | 'lookups' | 'loadContext' | 'withCredential' | 'diagnostics' | 'now'>): Pick<
  HandlersFrom<'page'>,
  'ticket.options' | 'ticket.create'
> {
  const choices = new Map<string, { at: number; departments: NewTicketOptions['departments']; priorities: string[] }>();
  const inFlight = new Map<string, Promise<{ ticket: TicketSummary }>>();

  const clientFor = (ready: ReadyContext, credential: Credential): DeskClient =>
    desk.forPortal(ready.dataCentre, deskToken(credential), ready.portal);

  async function readyToCreate(): Promise<ReadyContext> {
    const context = await loadContext();
    const ready = requireReady(context);
    if (!mayCreate(context.settings, context.credential)) {
      throw new DeskLinkError({ code: 'FORBIDDEN', detail: 'creating tickets is not allowed for this connection' });
    }
    return ready;
  }

  /**
   * The record's cached tickets with the new one first, so a revisit shows it before Desk's
   * search does. Not awaited: the cache orders a later read after this write, so the rep's
   * answer need not wait for it (the cache reports its own failures, as for every write).
   */
  function addToCache(portalId: string, record: RecordRef, ticket: TicketSummary): void {
    void cache.addTicket(portalId, recordKeyOf(record), ticket);
  }

  const options: Handler<'ticket.options'> = async ({ record, identity }) => {
    const ready = await readyToCreate();
    const at = now();
    let known = choices.get(ready.portalId);
    if (!known || at - known.at > OPTIONS_TTL_MS) {
      const [departments, priorities] = await withCredential(ready.credential, (credential) => {
        const client = clientFor(ready, credential);
        return Promise.all([departmentChoices(client), priorityChoices(client)]);
      });
      known = { at, departments, priorities };
      choices.set(ready.portalId, known);
    }
    // An Account page: its Desk contacts, the ticket filed under the Desk account; a Deal: its contact.
    // Who they are in Desk is what the record's ticket lookup found, while fresh: no search again.
    const shared = lookups?.forPortal(ready.portalId);
    const people = await withCredential(ready.credential, async (credential) => {
      const client = clientFor(ready, credential);
      if (record.module === 'Accounts') return accountPeople(client, record, identity, shared);
      const people = record.module === 'Deals' ? dealCustomers : personCustomers;
      return { accountId: null, contacts: await people(client, record, identity, shared) };
    });
    return { departments: known.departments, priorities: known.priorities, customers: people.contacts, accountId: people.accountId };
  };

  async function send(ready: ReadyContext, record: RecordRef, ticket: NewTicket): Promise<{ ticket: TicketSummary }> {
    const sentAt = now();
    try {
      const created = await withCredential(ready.credential, (credential) =>
        clientFor(ready, credential).createTicket(createTicketBody(ticket)),
      );
      const summary = toTicketSummary(created, now());
      addToCache(ready.portalId, record, summary);
      return { ticket: summary };
    } catch (error) {
      await diagnostics.record(toErrorInfo(error));
      if (!(error instanceof DeskLinkError) || !mayHaveReachedDesk(error.info)) throw error;
      // The request may have reached Desk: look before saying it was not made.
      let found;
      try {
        found = await withCredential(ready.credential, (credential) => findJustCreated(clientFor(ready, credential), ticket, sentAt));
      } catch {
        throw error; // could not look: the rep is told it may exist
      }
      if (!found) throw new DeskLinkError({ ...error.info, notCreated: true });
      const summary = toTicketSummary(found, now());
      addToCache(ready.portalId, record, summary);
      return { ticket: summary };
    }
  }

  const create: Handler<'ticket.create'> = async ({ record, ticket }) => {
    const ready = await readyToCreate();
    // A double click, or the same form sent from two tabs: one ticket.
    const key = JSON.stringify([ready.dataCentre, ready.portalId, recordKeyOf(record), ticket]);
    const running = inFlight.get(key);
    if (running) return running;
    const sending = send(ready, record, ticket).finally(() => inFlight.delete(key));
    inFlight.set(key, sending);
    return sending;
  };

  return { 'ticket.options': options, 'ticket.create': create };
}
