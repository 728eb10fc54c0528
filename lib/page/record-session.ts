/**
 * One session per record page: follows URL changes (the caller passes `wxt:locationchange`'s
 * `newUrl`, since location.href is stale there), aborts the previous record's work, asks the
 * broker for the panel's configuration and the record's tickets, and tells the surface what to
 * show. Non-record pages get nothing: no observers, no messages, no panel.
 *
 * Broker answers: `cached` first (instant from IndexedDB); when it says `revalidating`, ask again
 * with `fresh` and show that when it arrives. Refresh asks with `refresh`. Before the identity
 * has settled, the cached tickets of exactly that identity are shown at once (a warm switch need
 * not wait for the quiet time); the settled identity is looked up as usual unless it is the one
 * shown with fresh tickets. A record this tab showed lately is drawn from its memory
 * (./recent-views.ts), then confirmed with a `peek` (cache only), which needs the background awake.
 *
 * A record not in that memory asks the real lookup (`cached`) as soon as it shows a searchable
 * identity (one whose remembered rows the peek finds stale, once the peek says so), so Desk works
 * while the identity settles (a cold view need not wait for the quiet time either). Its answer is
 * shown at once when it came from the cache (fetched before it was asked), as a peek's would be;
 * one Desk fetched for it is only held: the settled identity takes it when it is the same (one
 * Desk search), and asks again when it is not, so the panel never shows rows found with an
 * identity the page dropped.
 *
 * When the broker reads who a record is from CRM's API (the configuration lists its module), a
 * record not in that memory is asked for as soon as the address names it (`tickets.crm`), before
 * CRM's page shows it: the rows are shown when they come, and the first lookup takes that answer
 * instead of asking (the page's early ask waits for it), unless CRM could not say alone.
 */
import type { CustomCrmHosts } from '../shared/crm-address';
import type { ErrorInfo } from '../shared/errors';
import type { PanelConfig, TicketsView, TicketSummary } from '../shared/protocol';
import type { BrokerClient, Identity, NewTicket, RecordRef, ResponseOf } from '../shared/commands';
import type { HeldAsk } from '../shared/held-ask';
import { isBusyWithWait } from './error-kind';
import { identityFingerprint, isSearchable } from './identity';
import type { NewTicketStatus, PanelBody, PanelViewState, PreviewState, TicketAction } from './panel-state';
import { createRecentViews, sameView, type RecentViews } from './recent-views';
import { ownAnchorSelector, snapshotFingerprint, watchRecordIdentity } from './record-identity-watch';
import { parseRecordPage, recordKey } from './record-page';

export type Ask = BrokerClient<'page'>;

/** How long the panel keeps asking a busy Zoho Desk again (from its first "busy" answer). */
const BUSY_PATIENCE_MS = 30_000;

/**
 * Rows drawn from this tab's memory are painted before the broker is asked to confirm them: a
 * worker MV3 stopped wakes by loading its script in the extension's process, where the panel
 * frame is drawing those rows (on two cores that cost the switch 10–24 ms at p50). Well inside
 * the identity's quiet time, so the settled identity still finds the confirmation.
 */
const REMEMBERED_CONFIRM_DELAY_MS = 50;

/** What the panel's buttons ask of the session. */
export interface SurfaceActions {
  refresh(): void;
  /** The latest thread of one of the shown tickets. */
  preview?(ticketId: string): void;
  /** New ticket: load the form's choices, or create the ticket. */
  ticket?(action: TicketAction): void;
}

/** Where the panel is drawn (the content script's shadow-root UI). */
export interface PanelSurface {
  show(state: PanelViewState, actions: SurfaceActions): void;
  /** Removes the panel from the page (non-record page, integration disabled). */
  hide(): void;
}

interface SessionDeps {
  doc: Document;
  /** The content script's context signal: aborting it stops everything quietly. */
  signal: AbortSignal;
  ask: Ask;
  /** Asks held open while the record is shown (absent: the usual ask, never let go). */
  askHeld?: HeldAsk;
  surface: PanelSurface;
  /** Timing knobs for the identity watch (tests shorten them). */
  timing?: { readyTimeoutMs?: number; settleMs?: number; quietMs?: number };
  /** The clock (epoch ms); Date.now by default. */
  now?: () => number;
  /** The company CRM hosts in force and their data centre (lib/shared/crm-address.ts). */
  customHosts?: CustomCrmHosts;
}

interface RecordSessions {
  /** The page's URL is now `url` (first load, pushState, back/forward). */
  navigate(url: string | URL): void;
  /** Settings changed (storage.onChanged): ask for the configuration again. */
  settingsChanged(): void;
}

/** Broker error codes that are a state of the integration, not a failure of this lookup. */
function stateBody(error: ErrorInfo): PanelBody | 'hide' | 'quiet' | null {
  switch (error.code) {
    case 'ABORTED':
      return 'quiet';
    case 'DISABLED':
      return 'hide';
    case 'NOT_CONFIGURED':
      return { kind: 'unconfigured' };
    case 'CREDENTIAL_REJECTED':
      return { kind: 'rejected' };
    case 'SIGNED_OUT':
      return { kind: 'signedOut' };
    default:
      return null;
  }
}

/** What a lookup searches Desk for: an account's name, a deal's contact and account, or a person's emails (else their CRM link). */
function searchedFor(module: RecordRef['module'], identity: Identity): NonNullable<PanelViewState['searched']> {
  const accountName = identity.accountName ?? identity.name;
  if (module === 'Accounts') return accountName ? { emails: [], accountName } : { emails: [] };
  if (module === 'Deals') {
    const { contact, account } = identity.lookups ?? {};
    return { emails: [], deal: { ...(contact ? { contact: contact.name } : {}), ...(account ? { account: account.name } : {}) } };
  }
  if (identity.emails.length > 0) return { emails: identity.emails };
  return { emails: [], crmLink: identity.emailMasked ? 'masked' : 'noEmail' };
}

/** The CRM ask's answer as a lookup's, or null when CRM could not say who the record is. */
function crmAnswer(answer: ResponseOf<'tickets.crm'>): ResponseOf<'tickets.get'> | null {
  if (!answer.ok) return answer;
  return answer.data.view ? { ok: true, data: answer.data.view } : null;
}

export function startRecordSessions(deps: SessionDeps): RecordSessions {
  let current: Session | null = null;
  let config: Promise<ResponseOf<'panel.config'>> | null = null;
  const recent = createRecentViews();
  // One configuration for all records until settings change; a failed answer is not kept.
  const loadConfig = () =>
    (config ??= deps.ask({ command: 'panel.config' }).then((answer) => {
      if (!answer.ok) config = null;
      return answer;
    }));

  deps.signal.addEventListener('abort', () => current?.stop(), { once: true });

  return {
    navigate(url) {
      if (deps.signal.aborted) return;
      const ref = parseRecordPage(url, deps.customHosts);
      if (ref && current?.key === recordKey(ref)) return; // query or hash change on the same record
      const stale = {
        fingerprint: snapshotFingerprint(deps.doc, ref),
        ownAnchor: Boolean(ref && deps.doc.querySelector(ownAnchorSelector(ref.recordId))),
      };
      current?.stop();
      current = null;
      if (!ref) {
        deps.surface.hide();
        return;
      }
      current = new Session(ref, deps, loadConfig, stale, recent);
    },
    settingsChanged() {
      config = null;
      // Another portal, or none: what this tab showed is no longer the one to show.
      recent.clear();
      if (!deps.signal.aborted) void current?.reconfigure();
    },
  };
}

class Session {
  readonly key: string;
  private readonly controller = new AbortController();
  private config: PanelConfig | null = null;
  private identity: Identity | null = null;
  private view: TicketsView | null = null;
  private body: PanelBody = { kind: 'loading' };
  private refreshing = false;
  private watching = false;
  private lookupSeq = 0;
  /** The identity whose fresh cached tickets were shown before it settled (its lookup would repeat them). */
  private peeked: string | null = null;
  /** The rows shown came from this tab's memory: the broker's answer still replaces them. */
  private remembered = false;
  /** The lookup asked before the identity settled, held until the settled identity takes it or not. */
  private early: { fingerprint: string; answer: Promise<ResponseOf<'tickets.get'>> } | null = null;
  /** The lookup asked with CRM's identity as the address named the record, held for the first lookup. */
  private crm: Promise<ResponseOf<'tickets.crm'>> | null = null;
  /** CRM's API named the record's customer: the page's reading need not be searchable. */
  private crmIdentified = false;
  /** The rows shown came from CRM's answer, before the page showed who the record is. */
  private crmDrawn = false;
  /** Previews asked for on this record: each ticket's is asked once (again only after a failure). */
  private previews: Record<string, PreviewState> = {};
  /** The New ticket form, once opened on this record; and the ticket created last. */
  private newTicket: NewTicketStatus | null = null;
  private created: TicketSummary | null = null;
  /**
   * One ticket per opening of the form: a second Enter can leave the frame before it has drawn
   * the first create's answer, and must not make the same ticket again.
   */
  private formOpen = false;
  /** When Zoho Desk first answered "busy" in the current run of asking again; null when it is not. */
  private busySince: number | null = null;
  private retryAt: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private gaveUp = false;

  constructor(
    private readonly ref: RecordRef,
    private readonly deps: SessionDeps,
    private readonly loadConfig: () => Promise<ResponseOf<'panel.config'>>,
    private readonly stale: { fingerprint: string | null; ownAnchor: boolean },
    private readonly recent: RecentViews,
  ) {
    this.key = recordKey(ref);
    void this.reconfigure();
  }

  private get aborted() {
    return this.controller.signal.aborted || this.deps.signal.aborted;
  }

  stop() {
    this.controller.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private get now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Ask for the configuration; then show its state, or follow the record and look it up. */
  async reconfigure(): Promise<void> {
    const answer = await this.loadConfig();
    if (this.aborted) return;
    if (!answer.ok) {
      const state = stateBody(answer.error);
      if (state === 'quiet') return;
      if (state === 'hide') return this.deps.surface.hide();
      return this.show(state ?? { kind: 'error', error: answer.error });
    }
    this.config = answer.data;
    switch (answer.data.state) {
      case 'disabled':
        return this.deps.surface.hide();
      case 'unconfigured':
        return this.show({ kind: 'unconfigured' });
      case 'rejected':
        return this.show({ kind: 'rejected' });
      case 'signedOut':
        return this.show({ kind: 'signedOut' });
      case 'ready':
        break;
    }
    if (this.identity) return void this.lookup(this.identity, 'cached');
    this.show({ kind: 'loading' });
    if (this.watching) return;
    this.watching = true;
    // A record this tab showed lately is drawn from its memory: the worker is asked after the paint.
    if (answer.data.crmModules.includes(this.ref.module) && !this.recent.has(this.key)) this.askCrm();
    watchRecordIdentity({
      doc: this.deps.doc,
      ref: this.ref,
      signal: this.controller.signal,
      staleFingerprint: this.stale.fingerprint,
      ownAnchorAtSwitch: this.stale.ownAnchor,
      onIdentity: (identity) => {
        if (this.config?.state !== 'ready') this.identity = identity;
        else if (this.peeked === identityFingerprint(identity) && this.view) {
          // The rows stand. Drawn again only where the panel says what was searched: beside an
          // empty list, or a match by CRM link (a masked or missing email).
          this.identify(identity);
          if (this.view.tickets.length === 0 || searchedFor(this.ref.module, identity).crmLink) this.show(this.body);
        } else void this.lookup(identity, 'cached');
      },
      onEarlyIdentity: (identity) => {
        if (this.config?.state === 'ready') void this.peek(identity);
      },
      ...this.deps.timing,
    });
  }

  /**
   * Cached tickets of exactly this identity, shown at once: what this tab showed for it lately,
   * confirmed by the broker's cache (`peek`) a moment later; else the lookup's own answer when the
   * cache gives it (a `peek` while CRM's ask is out). A miss (never fetched) shows nothing.
   */
  private async peek(identity: Identity): Promise<void> {
    if (this.view || !isSearchable(identity, this.ref.module)) return;
    const seq = this.lookupSeq;
    const remembered = this.recent.get(this.key, identity);
    if (remembered) {
      this.remembered = true;
      this.handle({ ok: true, data: remembered });
      await new Promise((resolve) => setTimeout(resolve, REMEMBERED_CONFIRM_DELAY_MS));
      if (this.aborted || seq !== this.lookupSeq) return;
    } else if (!this.crm) {
      return this.showEarlyIfCached(identity, seq);
    }
    const answer = await this.deps.ask({ command: 'tickets.get', record: this.ref, identity, mode: 'peek' });
    if (this.aborted || seq !== this.lookupSeq || (this.view && !this.remembered) || !answer.ok) return;
    // Nothing fresh to show: the lookup the settled identity would make, started now.
    if (remembered && (answer.data.fetchedAt === null || answer.data.stale)) void this.askEarly(identity);
    if (answer.data.fetchedAt === null) return;
    if (!answer.data.stale) this.peeked = identityFingerprint(identity);
    this.remembered = false;
    // What this tab's memory already drew: drawing it again would only hold up the frame's paint.
    if (remembered && sameView(remembered, answer.data)) return;
    this.keep(identity, answer);
  }

  /**
   * The broker reads who the record is from CRM's API and searches Desk with that, while CRM's
   * page still loads the record: its rows are shown as they come, and the first lookup takes
   * them (or, when CRM could not say alone, asks with the page's reading).
   */
  private askCrm(): void {
    const seq = this.lookupSeq;
    const request = { command: 'tickets.crm', record: this.ref } as const;
    // Held while this record is shown: the broker makes no Desk call once the rep has left it.
    const asked = this.deps.askHeld
      ? this.deps.askHeld(request, this.controller.signal).then((answer) => answer ?? { ok: true as const, data: { view: null } })
      : this.deps.ask(request);
    this.crm = asked;
    void asked.then((answer) => {
      // Not over what a lookup or this tab's memory drew meanwhile; an error waits for the lookup.
      if (this.aborted || seq !== this.lookupSeq || this.view || !answer.ok || !answer.data.view || answer.data.view.error) return;
      this.crmDrawn = true;
      this.handle({ ok: true, data: answer.data.view });
    });
  }

  /**
   * Refresh pressed while CRM's answer shows and the page has not yet shown who the record is:
   * asked again with CRM's identity, and the first lookup takes this answer instead of the first.
   */
  private refreshFromCrm(): void {
    const seq = ++this.lookupSeq;
    const asked = this.deps.ask({ command: 'tickets.crm', record: this.ref, mode: 'refresh' });
    this.crm = asked;
    this.refreshing = true;
    this.show(this.body);
    void asked.then((answer) => {
      if (this.aborted || seq !== this.lookupSeq) return;
      this.refreshing = false;
      const rows = crmAnswer(answer);
      if (rows) this.handle(rows);
      else this.show(this.body);
    });
  }

  /** Refresh: the settled identity's lookup, or CRM's while only its answer shows. */
  private refresh(): void {
    if (this.aborted) return;
    if (this.identity) void this.lookup(this.identity, 'refresh');
    else if (this.crmDrawn && this.config?.state === 'ready') this.refreshFromCrm();
  }

  /** Who the record is, as the page shows it; a New ticket form pressed for before this is asked now. */
  private identify(identity: Identity): void {
    const formWaits = this.formOpen && !this.identity && !this.newTicket;
    this.identity = identity;
    if (formWaits) void this.ticketForm();
  }

  private askEarly(identity: Identity): Promise<ResponseOf<'tickets.get'>> {
    const answer = this.deps.ask({ command: 'tickets.get', record: this.ref, identity, mode: 'cached' });
    this.early = { fingerprint: identityFingerprint(identity), answer };
    return answer;
  }

  /**
   * Not in this tab's memory: the lookup the settled identity would make is asked now, not a
   * peek. Answered from the cache (a list fetched before it was asked), it is shown at once, as a
   * peek's would be; a list Desk fetched for it is held for the settled identity, which may grow.
   */
  private async showEarlyIfCached(identity: Identity, seq: number): Promise<void> {
    const askedAt = this.now;
    const answer = await this.askEarly(identity);
    if (this.aborted || seq !== this.lookupSeq || this.view || !answer.ok) return;
    const { fetchedAt, stale } = answer.data;
    if (fetchedAt === null || fetchedAt >= askedAt) return;
    if (!stale) this.peeked = identityFingerprint(identity);
    this.keep(identity, answer);
  }

  private async lookup(identity: Identity, mode: 'cached' | 'refresh', retrying = false): Promise<void> {
    this.identify(identity);
    this.peeked = null;
    const seq = ++this.lookupSeq;
    // A lookup of the rep's own (a record, Refresh) starts the patience afresh.
    if (!retrying) this.busySince = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.gaveUp = false;
    // The early asks are taken by the first lookup they fit, never by another.
    const early = this.early;
    this.early = null;
    const crm = mode === 'cached' ? this.crm : null;
    this.crm = null;
    let first = crm && crmAnswer(await crm);
    if (this.aborted || seq !== this.lookupSeq) return;
    if (first?.ok) this.crmIdentified = true;
    // Once CRM said who the record is, the broker searches with that whatever the page shows.
    if (!first && !this.crmIdentified && !isSearchable(identity, this.ref.module)) {
      this.view = null;
      return this.show({ kind: 'noIdentity', module: this.ref.module });
    }
    if (!first) {
      // With tickets on screen, keep them while asking (marked refreshing); else the skeleton.
      this.refreshing = this.view !== null;
      this.show(this.view ? this.body : { kind: 'loading' });
      const joined = mode === 'cached' && early?.fingerprint === identityFingerprint(identity);
      first = await (joined ? early.answer : this.deps.ask({ command: 'tickets.get', record: this.ref, identity, mode }));
      if (this.aborted || seq !== this.lookupSeq) return;
    }
    this.remembered = false;
    const revalidate = first.ok && first.data.revalidating;
    this.refreshing = revalidate;
    this.keep(identity, first);
    if (!revalidate) return;
    const fresh = await this.deps.ask({ command: 'tickets.get', record: this.ref, identity, mode: 'fresh' });
    if (this.aborted || seq !== this.lookupSeq) return;
    this.refreshing = false;
    this.keep(identity, fresh);
  }

  /** Shows the broker's answer and remembers its rows for this tab's next visit to the record. */
  private keep(identity: Identity, answer: ResponseOf<'tickets.get'>): void {
    if (answer.ok) this.recent.remember(this.key, identity, answer.data);
    this.handle(answer);
  }

  /**
   * Zoho Desk said to wait `seconds`: within the panel's patience, show the rows (or the skeleton)
   * with a countdown and ask again then; past it, stop asking (false: the caller shows the error).
   */
  private waitAndRetry(seconds: number): boolean {
    const now = this.now;
    const counted = this.busySince !== null;
    this.busySince ??= now;
    const at = now + Math.max(1, seconds) * 1000;
    if (at - this.busySince > BUSY_PATIENCE_MS || !this.identity) {
      this.busySince = null;
      // After a countdown: say the panel stopped. A first wait this long: Desk's own words say how long.
      this.gaveUp = counted;
      return false;
    }
    const identity = this.identity;
    this.retryAt = at;
    this.refreshing = false;
    this.show(this.view ? { kind: 'tickets', view: this.view } : { kind: 'loading' });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.aborted) void this.lookup(identity, 'refresh', true);
    }, at - now);
    return true;
  }

  /** A shown ticket's latest thread, asked of the broker once for this record page. */
  private async preview(ticketId: string): Promise<void> {
    const known = this.previews[ticketId];
    if (known && known.kind !== 'error') return;
    if (!this.view?.tickets.some((ticket) => ticket.id === ticketId)) return;
    const asking = this.deps.ask({ command: 'tickets.preview', record: this.ref, ticketId });
    // Kept, not drawn: the frame already shows an asked preview as loading, and a redraw now would
    // compete with the request for the processor.
    this.previews = { ...this.previews, [ticketId]: { kind: 'loading' } };
    const answer = await asking;
    if (this.aborted) return;
    this.setPreview(ticketId, answer.ok ? { kind: 'ready', preview: answer.data } : { kind: 'error', error: answer.error });
  }

  /** The form's choices, asked once the rep opens New ticket (again after a failure). */
  private async ticketForm(): Promise<void> {
    const identity = this.identity;
    this.formOpen = true;
    // Pressed while rows from CRM's answer show and the page has not yet shown who the record is:
    // the dialog waits (loading) and its form is asked with the page's reading once it comes.
    if (!identity) return;
    if (this.newTicket?.kind === 'loading' || this.newTicket?.kind === 'ready') return;
    this.setNewTicket({ kind: 'loading' });
    const answer = await this.deps.ask({ command: 'ticket.options', record: this.ref, identity });
    if (this.aborted) return;
    this.setNewTicket(answer.ok ? { kind: 'ready', options: answer.data, sending: false } : { kind: 'unavailable', error: answer.error });
  }

  /** Creates the ticket (one request at a time); the new ticket joins the shown list at once. */
  private async createTicket(ticket: NewTicket): Promise<void> {
    const form = this.newTicket;
    const identity = this.identity;
    if (form?.kind !== 'ready' || form.sending || !identity || !this.formOpen) return;
    this.setNewTicket({ kind: 'ready', options: form.options, sending: true });
    const answer = await this.deps.ask({ command: 'ticket.create', record: this.ref, identity, ticket });
    if (this.aborted) return;
    if (!answer.ok) return this.setNewTicket({ ...form, sending: false, error: answer.error });
    const created = answer.data.ticket;
    this.formOpen = false;
    this.created = created;
    this.newTicket = { kind: 'ready', options: form.options, sending: false };
    if (this.view) {
      this.view = { ...this.view, tickets: [created, ...this.view.tickets.filter((t) => t.id !== created.id)] };
      this.recent.remember(this.key, identity, this.view);
      return this.show({ kind: 'tickets', view: this.view });
    }
    this.show(this.body);
  }

  private setNewTicket(state: NewTicketStatus): void {
    this.newTicket = state;
    this.show(this.body);
  }

  private setPreview(ticketId: string, state: PreviewState): void {
    this.previews = { ...this.previews, [ticketId]: state };
    this.show(this.body);
  }

  private handle(answer: ResponseOf<'tickets.get'>): void {
    if (answer.ok) {
      if (!answer.data.error) this.busySince = null;
      this.view = answer.data;
      // Still busy when Desk answered with what the cache had, and said to wait.
      if (answer.data.error && isBusyWithWait(answer.data.error) && this.waitAndRetry(answer.data.error.retryAfterSec)) return;
      return this.show({ kind: 'tickets', view: answer.data });
    }
    if (isBusyWithWait(answer.error) && this.waitAndRetry(answer.error.retryAfterSec)) return;
    const state = stateBody(answer.error);
    if (state === 'quiet') return;
    if (state === 'hide') return this.deps.surface.hide();
    if (state) return this.show(state);
    // A failed fetch keeps what was shown, marked with the error (offline with a cache).
    if (this.view) return this.show({ kind: 'tickets', view: { ...this.view, stale: true, error: answer.error } });
    this.show({ kind: 'error', error: answer.error });
  }

  private show(body: PanelBody): void {
    if (this.aborted) return;
    this.body = body;
    const config = this.config;
    const configured = config?.dataCentre ?? null;
    this.deps.surface.show(
      {
        recordKey: this.key,
        record: this.ref,
        body,
        language: config?.language ?? 'en',
        timeZone: config?.timeZone ?? 'UTC',
        ...(config?.clock ? { clock: config.clock } : {}),
        refreshing: this.refreshing,
        dataCentreMismatch: configured && configured !== this.ref.dataCentre ? { page: this.ref.dataCentre, configured } : null,
        previews: this.previews,
        canCreate: config?.canCreate === true && body.kind === 'tickets',
        ...(this.newTicket ? { newTicket: this.newTicket } : {}),
        ...(this.created ? { created: this.created } : {}),
        ...(config?.actingAs ? { actingAs: config.actingAs } : {}),
        retryAt: this.retryAt,
        gaveUp: this.gaveUp,
        ...(this.identity ? { searched: searchedFor(this.ref.module, this.identity) } : {}),
      },
      {
        refresh: () => this.refresh(),
        preview: (ticketId) => !this.aborted && void this.preview(ticketId),
        ticket: (action) => {
          if (this.aborted) return;
          if (action.kind === 'ticketForm') void this.ticketForm();
          else void this.createTicket(action.ticket);
        },
      },
    );
  }
}
