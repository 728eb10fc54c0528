/** What the panel shows, as the record session decides it (components/panel draws it). */
import type { DataCentreId } from '../shared/data-centres';
import type { ErrorInfo } from '../shared/errors';
import type { NewTicket, RecordRef } from '../shared/commands';
import type { Clock, CrmModule, Language, NewTicketOptions, TicketPreview, TicketsView, TicketSummary } from '../shared/protocol';

export type PanelBody =
  /** Waiting for the page or the broker: a skeleton, the region busy. */
  | { kind: 'loading' }
  /** Nothing connected yet: the set-up link. */
  | { kind: 'unconfigured' }
  /** Zoho rejected the stored credential: an alert and the set-up link. */
  | { kind: 'rejected' }
  /** An OAuth sign-in expired: an alert and `Sign in again`. */
  | { kind: 'signedOut' }
  /** A Lead/Contact without email or an Account without name: nothing to look up. */
  | { kind: 'noIdentity'; module: CrmModule }
  /** The broker failed and had nothing cached: an alert saying what to do. */
  | { kind: 'error'; error: ErrorInfo }
  /** Tickets (possibly none, possibly stale with the error that kept them stale). */
  | { kind: 'tickets'; view: TicketsView };

/** One ticket's preview as the session knows it: asked, answered, or failed. */
export type PreviewState = { kind: 'loading' } | { kind: 'ready'; preview: TicketPreview } | { kind: 'error'; error: ErrorInfo };

/** The New ticket form as the session knows it: its choices loading or loaded, the last create. */
export type NewTicketStatus =
  | { kind: 'loading' }
  | { kind: 'unavailable'; error: ErrorInfo }
  | { kind: 'ready'; options: NewTicketOptions; sending: boolean; error?: ErrorInfo };

/** What the panel's New ticket asks of the session. */
export type TicketAction = { kind: 'ticketForm' } | { kind: 'createTicket'; ticket: NewTicket };

export interface PanelViewState {
  /** Changes with the record: the panel starts afresh (tab, Show more) for another record. */
  recordKey: string;
  /** The record as the broker names it: the panel frame asks previews about it itself. */
  record?: RecordRef;
  body: PanelBody;
  language: Language;
  /** IANA zone every time is written in. */
  timeZone: string;
  /** 12- or 24-hour times, as the admin chose (absent: the language's habit). */
  clock?: Clock;
  /** A Refresh (or background revalidation) is running. */
  refreshing: boolean;
  /** Set when the CRM page's data centre differs from the configured Desk data centre. */
  dataCentreMismatch: { page: DataCentreId; configured: DataCentreId } | null;
  /** Previews asked for on this record, by ticket id (absent: none asked yet). */
  previews?: Readonly<Record<string, PreviewState>>;
  /** The panel offers `New ticket` (absent: no). */
  canCreate?: boolean;
  /** The New ticket form's state, once the rep opened it on this record. */
  newTicket?: NewTicketStatus;
  /** The ticket the rep created last on this record. */
  created?: TicketSummary;
  /** The signed-in rep's name, for "as <name>" (absent: a key or an organisation credential). */
  actingAs?: string;
  /** Zoho Desk is busy: asked again at this time (epoch ms); the panel counts down to it. */
  retryAt?: number | null;
  /** Zoho Desk stayed busy past the panel's patience: it stopped asking until Refresh. */
  gaveUp?: boolean;
  /** What the lookup searched Desk for (the record's emails, or its account name), for "No tickets". */
  searched?: {
    emails: readonly string[];
    accountName?: string;
    /**
     * A Lead or Contact matched by its CRM link alone: the page showed no email (`noEmail`) or
     * only a masked one (`masked`). The panel says so above the tickets.
     */
    crmLink?: 'noEmail' | 'masked';
    /** A Deal: the names of the contact and account whose tickets were looked up. */
    deal?: { contact?: string; account?: string };
  };
}
